import type { SharedStoryTable, StoryCell, StoryRow, StoryTable } from '../../../shared/storyTransfer';
import { STORY_TABLES } from '../../../shared/storyTransfer';
import type { Db } from '../connection';
import { prepared } from '../statements';

/**
 * Each table's rows for one story (`:id`), in the order they were written. A row's own
 * integer `seq` is left out where it is only the table's rowid: the receiving library gives
 * its own. Pictures are those the story's texts name (its lead image, its body, its versions).
 */
const READ: Record<StoryTable, string> = {
  authors: `SELECT a.* FROM authors a JOIN article_authors aa ON aa.author_id = a.id WHERE aa.article_id = :id`,
  assets: `SELECT s.* FROM assets s WHERE s.id = (SELECT lead_image_id FROM articles WHERE id = :id)
             OR instr((SELECT body_json FROM articles WHERE id = :id), s.id) > 0
             OR EXISTS (SELECT 1 FROM revisions r WHERE r.article_id = :id AND instr(r.body_json, s.id) > 0)`,
  sources: `SELECT s.* FROM sources s WHERE s.id IN (
              SELECT source_id FROM article_sources WHERE article_id = :id
              UNION SELECT n.source_id FROM claim_evidence e JOIN claims c ON c.id = e.claim_id
                JOIN source_snapshots n ON n.id = e.snapshot_id WHERE c.article_id = :id)
            ORDER BY s.seq`,
  source_snapshots: `SELECT n.* FROM source_snapshots n WHERE n.source_id IN (
              SELECT source_id FROM article_sources WHERE article_id = :id
              UNION SELECT n2.source_id FROM claim_evidence e JOIN claims c ON c.id = e.claim_id
                JOIN source_snapshots n2 ON n2.id = e.snapshot_id WHERE c.article_id = :id)
            ORDER BY n.captured_at, n.id`,
  articles: `SELECT * FROM articles WHERE id = :id`,
  article_tags: `SELECT * FROM article_tags WHERE article_id = :id ORDER BY position`,
  article_authors: `SELECT * FROM article_authors WHERE article_id = :id ORDER BY position`,
  article_sources: `SELECT * FROM article_sources WHERE article_id = :id ORDER BY added_at`,
  claims: `SELECT * FROM claims WHERE article_id = :id ORDER BY created_at, id`,
  claim_verdicts: `SELECT v.* FROM claim_verdicts v JOIN claims c ON c.id = v.claim_id WHERE c.article_id = :id ORDER BY v.seq`,
  claim_evidence: `SELECT e.* FROM claim_evidence e JOIN claims c ON c.id = e.claim_id WHERE c.article_id = :id ORDER BY e.added_at, e.id`,
  comment_threads: `SELECT * FROM comment_threads WHERE article_id = :id ORDER BY created_at, id`,
  comment_entries: `SELECT e.* FROM comment_entries e JOIN comment_threads t ON t.id = e.thread_id WHERE t.article_id = :id ORDER BY e.thread_id, e.seq`,
  revisions: `SELECT * FROM revisions WHERE article_id = :id ORDER BY created_at, id`,
  status_changes: `SELECT * FROM status_changes WHERE article_id = :id ORDER BY changed_at, id`,
  workflow_changes: `SELECT * FROM workflow_changes WHERE article_id = :id ORDER BY changed_at, id`,
  editing_time: `SELECT * FROM editing_time WHERE article_id = :id`,
  article_imports: `SELECT * FROM article_imports WHERE article_id = :id`,
};

/** Tables whose `seq` is only their rowid: not carried from one library to another. */
const ROWID_SEQ: ReadonlySet<StoryTable> = new Set(['articles', 'sources', 'claim_verdicts']);

function toCell(value: unknown): StoryCell {
  if (Buffer.isBuffer(value)) return { base64: value.toString('base64') };
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' || typeof value === 'number' || value === null) return value;
  throw new Error(`A library value of type ${typeof value} cannot be sent.`);
}

function fromCell(value: StoryCell): string | number | null | Buffer {
  return value !== null && typeof value === 'object' ? Buffer.from(value.base64, 'base64') : value;
}

/** Every row of one story, table by table. */
export function readStoryRows(db: Db, articleId: string): Record<StoryTable, StoryRow[]> {
  const tables = {} as Record<StoryTable, StoryRow[]>;
  for (const table of STORY_TABLES) {
    const found = prepared(db, READ[table]).all({ id: articleId }) as Record<string, unknown>[];
    tables[table] = found.map((row) => {
      const out: StoryRow = {};
      for (const [column, value] of Object.entries(row)) {
        if (column === 'seq' && ROWID_SEQ.has(table)) continue;
        out[column] = toCell(value);
      }
      return out;
    });
  }
  return tables;
}

/** The columns of `table` in this library, by name. */
export function tableColumns(db: Db, table: StoryTable): ReadonlySet<string> {
  const columns = prepared(db, `SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[];
  return new Set(columns);
}

/**
 * Writes one row into `table`. Its columns have been checked against the table's own
 * (tableColumns) by the caller; the table's constraints and triggers judge the values.
 */
export function insertStoryRow(db: Db, table: StoryTable, row: StoryRow): void {
  const columns = Object.keys(row);
  const sql = `INSERT INTO ${table} (${columns.map((column) => `"${column}"`).join(', ')}) VALUES (${columns
    .map(() => '?')
    .join(', ')})`;
  prepared(db, sql).run(...columns.map((column) => fromCell(row[column] ?? null)));
}

/** Whether a row with this id is already in `table` (a table keyed by `id`). */
export function hasRow(db: Db, table: SharedStoryTable | 'articles', id: string): boolean {
  return prepared(db, `SELECT 1 FROM ${table} WHERE id = ?`).pluck().get(id) !== undefined;
}

/** The id of the author by this name here, whatever its case, if there is one. */
export function authorIdNamed(db: Db, name: string): string | undefined {
  return prepared(db, `SELECT id FROM authors WHERE lower(name) = lower(?) ORDER BY created_at LIMIT 1`)
    .pluck()
    .get(name) as string | undefined;
}

/** The id of the picture with these bytes here (by their SHA-256), if there is one. */
export function assetIdWithHash(db: Db, sha256: string): string | undefined {
  return prepared(db, `SELECT id FROM assets WHERE sha256 = ?`).pluck().get(sha256) as string | undefined;
}
