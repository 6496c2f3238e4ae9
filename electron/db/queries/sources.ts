import type { Snapshot, SnapshotMeta, Source, SourceFields } from '../../../shared/sources';
import {
  ReliabilitySchema,
  SnapshotFormatSchema,
  SnapshotIdSchema,
  SourceIdSchema,
  SourceKindSchema,
} from '../../../shared/sources';
import type { Db } from '../connection';
import { prepared } from '../statements';

type SourceRow = {
  seq: number;
  id: string;
  kind: string;
  title: string;
  publisher: string;
  author: string;
  url: string;
  published_date: string;
  accessed_date: string;
  reliability: string;
  notes: string;
  created_at: string;
  updated_at: string;
};

type SnapshotRow = {
  id: string;
  source_id: string;
  format: string;
  file_name: string;
  sha256: string;
  byte_size: number;
  characters: number;
  captured_at: string;
};

const SNAPSHOT_META_COLUMNS =
  'id, source_id, format, file_name, sha256, byte_size, length(text) AS characters, captured_at';

function rowToSnapshotMeta(row: SnapshotRow): SnapshotMeta {
  return {
    id: SnapshotIdSchema.parse(row.id),
    sourceId: SourceIdSchema.parse(row.source_id),
    format: SnapshotFormatSchema.parse(row.format),
    fileName: row.file_name,
    sha256: row.sha256,
    byteSize: row.byte_size,
    characters: row.characters,
    capturedAt: row.captured_at,
  };
}

export function listSnapshots(db: Db, sourceId: string): SnapshotMeta[] {
  const rows = prepared(
    db,
    `SELECT ${SNAPSHOT_META_COLUMNS} FROM source_snapshots WHERE source_id = ? ORDER BY captured_at DESC, rowid DESC`,
  ).all(sourceId) as SnapshotRow[];
  return rows.map(rowToSnapshotMeta);
}

function rowToSource(db: Db, row: SourceRow): Source {
  return {
    id: SourceIdSchema.parse(row.id),
    kind: SourceKindSchema.parse(row.kind),
    title: row.title,
    publisher: row.publisher,
    author: row.author,
    url: row.url,
    publishedDate: row.published_date,
    accessedDate: row.accessed_date,
    reliability: ReliabilitySchema.parse(row.reliability),
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    snapshots: listSnapshots(db, row.id),
    articleCount: prepared(db, 'SELECT count(*) FROM article_sources WHERE source_id = ?')
      .pluck()
      .get(row.id) as number,
  };
}

function bindFields(fields: SourceFields): Record<string, string> {
  return {
    kind: fields.kind,
    title: fields.title,
    publisher: fields.publisher,
    author: fields.author,
    url: fields.url,
    publishedDate: fields.publishedDate,
    accessedDate: fields.accessedDate,
    reliability: fields.reliability,
    notes: fields.notes,
  };
}

/** Keeps the source's search row in step with its fields and the text of its snapshots. */
function reindexSource(db: Db, id: string): void {
  const row = prepared(db, 'SELECT seq, title, publisher, author, notes FROM sources WHERE id = ?').get(id) as
    Pick<SourceRow, 'seq' | 'title' | 'publisher' | 'author' | 'notes'> | undefined;
  if (row === undefined) return;
  const texts = prepared(db, 'SELECT text FROM source_snapshots WHERE source_id = ? ORDER BY captured_at')
    .pluck()
    .all(id) as string[];
  prepared(db, 'DELETE FROM sources_fts WHERE rowid = ?').run(row.seq);
  prepared(
    db,
    'INSERT INTO sources_fts (rowid, title, publisher, author, notes, snapshot_text) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(row.seq, row.title, row.publisher, row.author, row.notes, texts.join('\n\n'));
}

export function insertSource(db: Db, id: string, fields: SourceFields, now: string): void {
  prepared(
    db,
    `INSERT INTO sources (id, kind, title, publisher, author, url, published_date, accessed_date, reliability, notes,
                          created_at, updated_at)
     VALUES (@id, @kind, @title, @publisher, @author, @url, @publishedDate, @accessedDate, @reliability, @notes,
             @now, @now)`,
  ).run({ ...bindFields(fields), id, now });
  reindexSource(db, id);
}

export function updateSource(db: Db, id: string, fields: SourceFields, now: string): boolean {
  const changed =
    prepared(
      db,
      `UPDATE sources SET kind = @kind, title = @title, publisher = @publisher, author = @author, url = @url,
              published_date = @publishedDate, accessed_date = @accessedDate, reliability = @reliability,
              notes = @notes, updated_at = @now
         WHERE id = @id`,
    ).run({ ...bindFields(fields), id, now }).changes > 0;
  if (changed) reindexSource(db, id);
  return changed;
}

export function getSource(db: Db, id: string): Source | undefined {
  const row = prepared(db, 'SELECT * FROM sources WHERE id = ?').get(id) as SourceRow | undefined;
  return row === undefined ? undefined : rowToSource(db, row);
}

export function insertSnapshot(
  db: Db,
  snapshot: Omit<Snapshot, 'characters' | 'sourceId' | 'id'> & { id: string; sourceId: string },
): void {
  prepared(
    db,
    `INSERT INTO source_snapshots (id, source_id, format, file_name, sha256, byte_size, text, html, captured_at)
     VALUES (@id, @sourceId, @format, @fileName, @sha256, @byteSize, @text, @html, @capturedAt)`,
  ).run(snapshot);
  prepared(db, 'UPDATE sources SET updated_at = ? WHERE id = ?').run(snapshot.capturedAt, snapshot.sourceId);
  reindexSource(db, snapshot.sourceId);
}

export function getSnapshot(db: Db, id: string): Snapshot | undefined {
  const row = prepared(db, `SELECT ${SNAPSHOT_META_COLUMNS}, text, html FROM source_snapshots WHERE id = ?`).get(id) as
    (SnapshotRow & { text: string; html: string }) | undefined;
  return row === undefined ? undefined : { ...rowToSnapshotMeta(row), text: row.text, html: row.html };
}

/** The snapshot of `sourceId` with these bytes, if one was captured already. */
export function findSnapshotByHash(db: Db, sourceId: string, sha256: string): SnapshotMeta | undefined {
  const row = prepared(
    db,
    `SELECT ${SNAPSHOT_META_COLUMNS} FROM source_snapshots WHERE source_id = ? AND sha256 = ?`,
  ).get(sourceId, sha256) as SnapshotRow | undefined;
  return row === undefined ? undefined : rowToSnapshotMeta(row);
}

/** Sources, most recently changed first; with a MATCH expression, the best matches first. */
export function listSources(db: Db, options: { match: string | null; limit: number }): Source[] {
  const rows =
    options.match === null
      ? (prepared(db, 'SELECT * FROM sources ORDER BY updated_at DESC, seq DESC LIMIT ?').all(
          options.limit,
        ) as SourceRow[])
      : (prepared(
          db,
          `SELECT s.* FROM (
             SELECT rowid, rank FROM sources_fts WHERE sources_fts MATCH ? ORDER BY rank LIMIT ?
           ) AS f JOIN sources AS s ON s.seq = f.rowid ORDER BY f.rank`,
        ).all(options.match, options.limit) as SourceRow[]);
  return rows.map((row) => rowToSource(db, row));
}

export function articleSources(db: Db, articleId: string): Source[] {
  const rows = prepared(
    db,
    `SELECT s.* FROM article_sources AS a JOIN sources AS s ON s.id = a.source_id
       WHERE a.article_id = ? ORDER BY a.added_at, s.seq`,
  ).all(articleId) as SourceRow[];
  return rows.map((row) => rowToSource(db, row));
}

export function attachSource(db: Db, articleId: string, sourceId: string, now: string): void {
  prepared(db, 'INSERT OR IGNORE INTO article_sources (article_id, source_id, added_at) VALUES (?, ?, ?)').run(
    articleId,
    sourceId,
    now,
  );
}

export function detachSource(db: Db, articleId: string, sourceId: string): void {
  prepared(db, 'DELETE FROM article_sources WHERE article_id = ? AND source_id = ?').run(articleId, sourceId);
}

/** Whether a live claim of the article has evidence in one of the source's snapshots. */
export function sourceUsedByClaims(db: Db, articleId: string, sourceId: string): boolean {
  return (
    prepared(
      db,
      `SELECT 1 FROM claim_evidence AS e
         JOIN claims AS c ON c.id = e.claim_id
         JOIN source_snapshots AS n ON n.id = e.snapshot_id
         WHERE c.article_id = ? AND n.source_id = ? AND e.removed_at IS NULL LIMIT 1`,
    )
      .pluck()
      .get(articleId, sourceId) !== undefined
  );
}
