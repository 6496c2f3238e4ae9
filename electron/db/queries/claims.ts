import type { Claim, ClaimKind, ClaimState, Evidence, VerdictChange } from '../../../shared/sources';
import {
  ClaimIdSchema,
  ClaimKindSchema,
  ClaimStateSchema,
  EvidenceIdSchema,
  SnapshotIdSchema,
  SourceIdSchema,
  VerdictSchema,
} from '../../../shared/sources';
import { claimWordsChanged } from '../../../shared/claimMarks';
import { ArticleIdSchema } from '../../../shared/domain';
import type { Db } from '../connection';
import { prepared } from '../statements';

type ClaimRow = {
  id: string;
  article_id: string;
  kind: string;
  text: string;
  state: string;
  verdict: string;
  created_at: string;
  updated_at: string;
};

type VerdictRow = { verdict: string; checker: string; note: string; at: string; claim_text: string };

type EvidenceRow = {
  id: string;
  snapshot_id: string;
  source_id: string;
  source_title: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  note: string;
  added_by: string;
  added_at: string;
};

function rowToVerdict(row: VerdictRow): VerdictChange {
  return {
    verdict: VerdictSchema.parse(row.verdict),
    checker: row.checker,
    note: row.note,
    at: row.at,
    text: row.claim_text,
  };
}

export function verdictHistory(db: Db, claimId: string): VerdictChange[] {
  const rows = prepared(
    db,
    'SELECT verdict, checker, note, at, claim_text FROM claim_verdicts WHERE claim_id = ? ORDER BY seq',
  ).all(claimId) as VerdictRow[];
  return rows.map(rowToVerdict);
}

/** The verdict a claim stands under now: the last one given. */
export function latestVerdict(db: Db, claimId: string): VerdictChange | undefined {
  const row = prepared(
    db,
    'SELECT verdict, checker, note, at, claim_text FROM claim_verdicts WHERE claim_id = ? ORDER BY seq DESC LIMIT 1',
  ).get(claimId) as VerdictRow | undefined;
  return row === undefined ? undefined : rowToVerdict(row);
}

function evidenceOf(db: Db, claimId: string): Evidence[] {
  const rows = prepared(
    db,
    `SELECT e.id, e.snapshot_id, s.id AS source_id, s.title AS source_title, e.exact, e.prefix, e.suffix, e.start,
            e."end", e.note, e.added_by, e.added_at
       FROM claim_evidence AS e
       JOIN source_snapshots AS n ON n.id = e.snapshot_id
       JOIN sources AS s ON s.id = n.source_id
       WHERE e.claim_id = ? AND e.removed_at IS NULL
       ORDER BY e.added_at, e.rowid`,
  ).all(claimId) as EvidenceRow[];
  return rows.map((row) => ({
    id: EvidenceIdSchema.parse(row.id),
    snapshotId: SnapshotIdSchema.parse(row.snapshot_id),
    sourceId: SourceIdSchema.parse(row.source_id),
    sourceTitle: row.source_title,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    start: row.start,
    end: row.end,
    note: row.note,
    addedBy: row.added_by,
    addedAt: row.added_at,
  }));
}

function rowToClaim(db: Db, row: ClaimRow): Claim {
  const latest = latestVerdict(db, row.id);
  const verdict = VerdictSchema.parse(row.verdict);
  const verdictText = verdict === 'unchecked' || latest === undefined ? null : latest.text;
  return {
    id: ClaimIdSchema.parse(row.id),
    articleId: ArticleIdSchema.parse(row.article_id),
    kind: ClaimKindSchema.parse(row.kind),
    text: row.text,
    state: ClaimStateSchema.parse(row.state),
    verdict,
    checker: latest?.checker ?? '',
    checkedAt: latest?.at ?? null,
    note: latest?.note ?? '',
    verdictText,
    changedSinceVerdict: verdictText !== null && claimWordsChanged(verdictText, row.text),
    evidence: evidenceOf(db, row.id),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function getClaim(db: Db, id: string): Claim | undefined {
  const row = prepared(db, 'SELECT * FROM claims WHERE id = ?').get(id) as ClaimRow | undefined;
  return row === undefined ? undefined : rowToClaim(db, row);
}

export function listClaims(db: Db, articleId: string): Claim[] {
  const rows = prepared(db, 'SELECT * FROM claims WHERE article_id = ? ORDER BY created_at, rowid').all(
    articleId,
  ) as ClaimRow[];
  return rows.map((row) => rowToClaim(db, row));
}

/** The claims of an article as the save reconciles them with its marks: id, text, state. */
export function claimStates(db: Db, articleId: string): { id: string; text: string; state: ClaimState }[] {
  return prepared(db, 'SELECT id, text, state FROM claims WHERE article_id = ?').all(articleId) as {
    id: string;
    text: string;
    state: ClaimState;
  }[];
}

export function insertClaim(
  db: Db,
  claim: { id: string; articleId: string; kind: ClaimKind; text: string; state: ClaimState; now: string },
): void {
  prepared(
    db,
    `INSERT INTO claims (id, article_id, kind, text, state, verdict, created_at, updated_at)
     VALUES (@id, @articleId, @kind, @text, @state, 'unchecked', @now, @now)`,
  ).run(claim);
}

export function setClaimKind(db: Db, id: string, kind: ClaimKind, now: string): void {
  prepared(db, 'UPDATE claims SET kind = ?, updated_at = ? WHERE id = ?').run(kind, now, id);
}

export function setClaimText(db: Db, id: string, text: string, state: ClaimState, now: string): void {
  prepared(db, 'UPDATE claims SET text = ?, state = ?, updated_at = ? WHERE id = ?').run(text, state, now, id);
}

export function setClaimState(db: Db, id: string, state: ClaimState, now: string): void {
  prepared(db, 'UPDATE claims SET state = ?, updated_at = ? WHERE id = ?').run(state, now, id);
}

/** Records a verdict given to `change.text`, the claim's words it judges, and makes it the claim's current one. */
export function insertVerdict(db: Db, claimId: string, change: VerdictChange): void {
  prepared(
    db,
    'INSERT INTO claim_verdicts (claim_id, verdict, checker, note, at, claim_text) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(claimId, change.verdict, change.checker, change.note, change.at, change.text);
  prepared(db, 'UPDATE claims SET verdict = ?, updated_at = ? WHERE id = ?').run(change.verdict, change.at, claimId);
}

/** Links a passage of a snapshot to a claim: the evidence as the claim will list it, less its source. */
export function insertEvidence(
  db: Db,
  evidence: Omit<Evidence, 'id' | 'sourceId' | 'sourceTitle'> & { id: string; claimId: string },
): void {
  prepared(
    db,
    `INSERT INTO claim_evidence (id, claim_id, snapshot_id, exact, prefix, suffix, start, "end", note, added_by, added_at)
     VALUES (@id, @claimId, @snapshotId, @exact, @prefix, @suffix, @start, @end, @note, @addedBy, @addedAt)`,
  ).run(evidence);
  prepared(db, 'UPDATE claims SET updated_at = ? WHERE id = ?').run(evidence.addedAt, evidence.claimId);
}

/** The claim an evidence link belongs to, if the link exists and was not removed. */
export function evidenceClaimId(db: Db, evidenceId: string): string | undefined {
  return prepared(db, 'SELECT claim_id FROM claim_evidence WHERE id = ? AND removed_at IS NULL')
    .pluck()
    .get(evidenceId) as string | undefined;
}

/** Evidence is never deleted: a removed link keeps its row, marked with when it was removed. */
export function removeEvidence(db: Db, evidenceId: string, now: string): void {
  prepared(db, 'UPDATE claim_evidence SET removed_at = ? WHERE id = ?').run(now, evidenceId);
}
