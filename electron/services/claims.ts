import { v7 as uuidv7 } from 'uuid';

import { markedClaims } from '../../shared/claimMarks';
import type { Body } from '../../shared/domain';
import { ApiError } from '../../shared/errors';
import type { Claim, ClaimKind, Verdict, VerdictChange } from '../../shared/sources';
import * as articleQueries from '../db/queries/articles';
import * as claims from '../db/queries/claims';
import type { Db } from '../db/connection';
import { attachSource, getSnapshot } from '../db/queries/sources';
import type { EditContext } from './articles';
import type { Library } from './LibraryHost';

/** Characters of context kept either side of an evidence passage (the TextQuote prefix and suffix). */
export const QUOTE_CONTEXT = 32;

const now = (context: EditContext) => (context.clock ?? (() => new Date()))().toISOString();

function claimNotFound(id: string): ApiError {
  return new ApiError('not-found', `No claim with id ${id} is in this library. It may belong to a deleted article.`);
}

export function getClaim(lib: Library, id: string): Claim {
  const claim = claims.getClaim(lib.db, id);
  if (claim === undefined) throw claimNotFound(id);
  return claim;
}

export function listClaims(lib: Library, articleId: string): Claim[] {
  if (articleQueries.getSummary(lib.db, articleId) === undefined) {
    throw new ApiError('not-found', `No article with id ${articleId} is in this library. It may have been deleted.`);
  }
  return claims.listClaims(lib.db, articleId);
}

/**
 * A new claim over `text` in an article. The editor marks the span with the claim's id and
 * saves; until that save it is attached by intent, and the save confirms it.
 */
export function createClaim(
  lib: Library,
  articleId: string,
  kind: ClaimKind,
  text: string,
  context: EditContext = {},
): Claim {
  const id = uuidv7();
  lib.db
    .transaction(() => {
      const article = articleQueries.getSummary(lib.db, articleId);
      if (article === undefined) {
        throw new ApiError(
          'not-found',
          `No article with id ${articleId} is in this library. It may have been deleted.`,
        );
      }
      if (article.trashedAt !== null) {
        throw new ApiError('conflict', 'This article is in the trash. Restore it before marking claims in it.');
      }
      claims.insertClaim(lib.db, { id, articleId, kind, text, state: 'attached', now: now(context) });
    })
    .immediate();
  return getClaim(lib, id);
}

export function setClaimKind(lib: Library, id: string, kind: ClaimKind, context: EditContext = {}): Claim {
  lib.db
    .transaction(() => {
      getClaim(lib, id);
      claims.setClaimKind(lib.db, id, kind, now(context));
    })
    .immediate();
  return getClaim(lib, id);
}

function checkerOf(context: EditContext): string {
  const checker = (context.userName ?? '').trim();
  if (checker === '') {
    throw new ApiError(
      'invalid-request',
      'Set your name in Settings first: every verdict records who checked the claim.',
    );
  }
  return checker;
}

/**
 * Gives a claim a verdict, for its words as they stand (the words are kept with the verdict).
 * Every verdict is kept, with who gave it, when and why: the history shows each change and
 * nothing is overwritten. A verdict needs a name to record. The same verdict given again to a
 * claim whose words changed since confirms it for the new words.
 */
export function setVerdict(lib: Library, id: string, verdict: Verdict, note: string, context: EditContext = {}): Claim {
  const checker = checkerOf(context);
  lib.db
    .transaction(() => {
      const claim = getClaim(lib, id);
      if (claim.verdict === verdict && claim.note === note && !claim.changedSinceVerdict) return;
      claims.insertVerdict(lib.db, id, { verdict, checker, note, at: now(context), text: claim.text });
    })
    .immediate();
  return getClaim(lib, id);
}

/**
 * Changes the note of a claim's current verdict: a new entry in its history with the same
 * verdict, still for the words that verdict was given to — writing a note never confirms a
 * verdict for words that changed since.
 */
export function setVerdictNote(lib: Library, id: string, note: string, context: EditContext = {}): Claim {
  const checker = checkerOf(context);
  lib.db
    .transaction(() => {
      const claim = getClaim(lib, id);
      if (claim.note === note) return;
      const text = claims.latestVerdict(lib.db, id)?.text ?? claim.text;
      claims.insertVerdict(lib.db, id, { verdict: claim.verdict, checker, note, at: now(context), text });
    })
    .immediate();
  return getClaim(lib, id);
}

export function verdictHistory(lib: Library, id: string): VerdictChange[] {
  getClaim(lib, id);
  return claims.verdictHistory(lib.db, id);
}

/**
 * Ties a claim to the passage [start, end) of a snapshot, anchored by the passage itself
 * and the text around it (a W3C TextQuoteSelector) and by its offsets (TextPositionSelector).
 * The snapshot's source becomes one the article cites.
 */
export function addEvidence(
  lib: Library,
  claimId: string,
  evidence: { snapshotId: string; start: number; end: number; note: string },
  context: EditContext = {},
): Claim {
  lib.db
    .transaction(() => {
      const claim = getClaim(lib, claimId);
      const snapshot = getSnapshot(lib.db, evidence.snapshotId);
      if (snapshot === undefined) {
        throw new ApiError('not-found', 'That snapshot is not in this library. Choose the passage again.');
      }
      const { start, end } = evidence;
      if (end <= start || end > snapshot.text.length) {
        throw new ApiError(
          'invalid-request',
          `The passage is outside the snapshot (it has ${snapshot.text.length.toLocaleString('en')} characters). Select it again.`,
        );
      }
      const exact = snapshot.text.slice(start, end);
      if (exact.trim() === '')
        throw new ApiError('invalid-request', 'The passage is empty: select the words that support the claim.');
      const at = now(context);
      claims.insertEvidence(lib.db, {
        id: uuidv7(),
        claimId,
        snapshotId: snapshot.id,
        exact,
        prefix: snapshot.text.slice(Math.max(0, start - QUOTE_CONTEXT), start),
        suffix: snapshot.text.slice(end, end + QUOTE_CONTEXT),
        start,
        end,
        note: evidence.note,
        addedBy: (context.userName ?? '').trim(),
        addedAt: at,
      });
      attachSource(lib.db, claim.articleId, snapshot.sourceId, at);
    })
    .immediate();
  return getClaim(lib, claimId);
}

/** Unlinks a passage from its claim; the link is kept in the library, marked as removed. */
export function removeEvidence(lib: Library, evidenceId: string, context: EditContext = {}): Claim {
  const claimId = claims.evidenceClaimId(lib.db, evidenceId);
  if (claimId === undefined) throw new ApiError('not-found', 'That evidence is not linked to any claim any more.');
  lib.db.transaction(() => claims.removeEvidence(lib.db, evidenceId, now(context))).immediate();
  return getClaim(lib, claimId);
}

/** Sets a claim aside (an orphan no longer wanted, say); it stays in the library, listed as dismissed. */
export function dismissClaim(lib: Library, id: string, context: EditContext = {}): Claim {
  lib.db
    .transaction(() => {
      getClaim(lib, id);
      claims.setClaimState(lib.db, id, 'dismissed', now(context));
    })
    .immediate();
  return getClaim(lib, id);
}

/**
 * Brings an article's claims in step with the marks in its saved body, inside the save's
 * transaction: a claim whose marks are in the body is attached, with the text they cover now;
 * an attached claim whose marks are gone is orphaned, never dropped; a dismissed claim stays
 * dismissed unless its marks come back (undo, a restored version).
 */
export function reconcileClaims(db: Db, articleId: string, body: Body, at: string): void {
  const marked = markedClaims(body);
  for (const claim of claims.claimStates(db, articleId)) {
    const text = marked.get(claim.id);
    if (text !== undefined) {
      if (claim.state !== 'attached' || claim.text !== text) claims.setClaimText(db, claim.id, text, 'attached', at);
    } else if (claim.state === 'attached') {
      claims.setClaimState(db, claim.id, 'orphaned', at);
    }
  }
}
