/**
 * The related-articles index (migration 007): features and their document frequencies, each
 * article's vector, postings, entities and MinHash signature, near-duplicate band keys, and the
 * queue of articles waiting to be analysed.
 */
import type { Db } from '../connection';
import { prepared } from '../statements';

export type KnownFeature = { id: number; key: string; label: string; df: number };

/** An article's stored analysis. `vector` holds Int32 feature ids then Float32 weights. */
export type RelatedDocRow = {
  seq: number;
  content_key: string;
  vector: Buffer;
  norm: number;
  /** JSON: [[featureId, weight], …], the rows this article has in related_postings. */
  postings: string;
  /** JSON: the article's entities, [{ kind, name, mentions }, …]. */
  entities: string;
  signature: Buffer | null;
  weighed_at_documents: number;
};

/** What analysis reads of an article: its text and tags, and whether it is in the trash. */
export type IndexSource = { seq: number; id: string; headline: string; dek: string; body_text: string };

/** A suggestion as the panel shows it. */
export type SuggestionRow = {
  seq: number;
  id: string;
  headline: string;
  dek: string;
  section: string;
  updated_at: string;
  dateline_date: string;
  lead: string;
};

export function seqOfArticle(db: Db, id: string): number | undefined {
  return prepared(db, 'SELECT seq FROM articles WHERE id = ?').pluck().get(id) as number | undefined;
}

export function indexSource(db: Db, seq: number): (IndexSource & { tags: string[] }) | undefined {
  const row = prepared(db, 'SELECT seq, id, headline, dek, body_text FROM articles WHERE seq = ?').get(seq) as
    IndexSource | undefined;
  if (row === undefined) return undefined;
  const tags = prepared(db, 'SELECT tag FROM article_tags WHERE article_id = ? ORDER BY position')
    .pluck()
    .all(row.id) as string[];
  return { ...row, tags };
}

/** How many articles are analysed. */
export function documentCount(db: Db): number {
  return prepared(db, 'SELECT documents FROM related_stats WHERE id = 1').pluck().get() as number;
}

/** The features of `keys` the library knows, by key. */
export function knownFeatures(db: Db, keys: readonly string[]): Map<string, KnownFeature> {
  if (keys.length === 0) return new Map();
  const rows = prepared(
    db,
    'SELECT id, key, label, df FROM related_features WHERE key IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(keys)) as KnownFeature[];
  return new Map(rows.map((row) => [row.key, row]));
}

/** Features by id, for showing another article's reasons. */
export function featuresById(db: Db, ids: readonly number[]): Map<number, KnownFeature> {
  if (ids.length === 0) return new Map();
  const rows = prepared(
    db,
    'SELECT id, key, label, df FROM related_features WHERE id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(ids)) as KnownFeature[];
  return new Map(rows.map((row) => [row.id, row]));
}

/** The id of a feature, added with no articles if new. */
export function ensureFeature(db: Db, key: string, label: string): number {
  const id = prepared(db, 'SELECT id FROM related_features WHERE key = ?').pluck().get(key) as number | undefined;
  if (id !== undefined) return id;
  return Number(
    prepared(db, 'INSERT INTO related_features (key, label, df) VALUES (?, ?, 0)').run(key, label).lastInsertRowid,
  );
}

/** Gives a feature the name it is shown by (a name first met in capitals, given its usual case). */
export function relabelFeature(db: Db, id: number, label: string): void {
  prepared(db, 'UPDATE related_features SET label = ? WHERE id = ?').run(label, id);
}

/** Adds `delta` to the document frequency of each feature of `featureIds`. */
export function adjustDocumentFrequencies(db: Db, featureIds: readonly number[], delta: number): void {
  if (featureIds.length === 0) return;
  prepared(db, 'UPDATE related_features SET df = max(0, df + ?) WHERE id IN (SELECT value FROM json_each(?))').run(
    delta,
    JSON.stringify(featureIds),
  );
}

export function getDoc(db: Db, seq: number): RelatedDocRow | undefined {
  return prepared(
    db,
    'SELECT seq, content_key, vector, norm, postings, entities, signature, weighed_at_documents FROM related_docs WHERE seq = ?',
  ).get(seq) as RelatedDocRow | undefined;
}

export function docs(db: Db, seqs: readonly number[]): RelatedDocRow[] {
  if (seqs.length === 0) return [];
  return prepared(
    db,
    `SELECT seq, content_key, vector, norm, postings, entities, signature, weighed_at_documents FROM related_docs
       WHERE seq IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(seqs)) as RelatedDocRow[];
}

export function putDoc(db: Db, row: RelatedDocRow): void {
  prepared(
    db,
    `INSERT INTO related_docs (seq, content_key, vector, norm, postings, entities, signature, weighed_at_documents)
       VALUES (@seq, @content_key, @vector, @norm, @postings, @entities, @signature, @weighed_at_documents)
       ON CONFLICT (seq) DO UPDATE SET content_key = excluded.content_key, vector = excluded.vector,
         norm = excluded.norm, postings = excluded.postings, entities = excluded.entities,
         signature = excluded.signature, weighed_at_documents = excluded.weighed_at_documents`,
  ).run(row);
}

export function deletePostings(db: Db, seq: number, postings: ReadonlyArray<readonly [number, number]>): void {
  const remove = prepared(db, 'DELETE FROM related_postings WHERE feature_id = ? AND weight = ? AND seq = ?');
  for (const [featureId, weight] of postings) remove.run(featureId, weight, seq);
}

export function insertPostings(db: Db, seq: number, postings: ReadonlyArray<readonly [number, number]>): void {
  const insert = prepared(db, 'INSERT OR IGNORE INTO related_postings (feature_id, weight, seq) VALUES (?, ?, ?)');
  for (const [featureId, weight] of postings) insert.run(featureId, weight, seq);
}

/** The articles in which a feature weighs most, heaviest first. */
export function topPostings(db: Db, featureId: number, limit: number): Array<[seq: number, weight: number]> {
  return prepared(db, 'SELECT seq, weight FROM related_postings WHERE feature_id = ? ORDER BY weight DESC LIMIT ?')
    .raw()
    .all(featureId, limit) as Array<[number, number]>;
}

export function setBands(db: Db, seq: number, removed: readonly number[], added: readonly number[]): void {
  const remove = prepared(db, 'DELETE FROM related_bands WHERE band_key = ? AND seq = ?');
  for (const key of removed) remove.run(key, seq);
  const insert = prepared(db, 'INSERT OR IGNORE INTO related_bands (band_key, seq) VALUES (?, ?)');
  for (const key of added) insert.run(key, seq);
}

/** Articles sharing any of the band keys. */
export function bandMatches(db: Db, keys: readonly number[]): number[] {
  if (keys.length === 0) return [];
  return prepared(db, 'SELECT DISTINCT seq FROM related_bands WHERE band_key IN (SELECT value FROM json_each(?))')
    .pluck()
    .all(JSON.stringify(keys)) as number[];
}

/** Which of `seqs` are articles out of the trash. */
export function liveSeqs(db: Db, seqs: readonly number[]): Set<number> {
  if (seqs.length === 0) return new Set();
  return new Set(
    prepared(db, 'SELECT seq FROM articles WHERE seq IN (SELECT value FROM json_each(?)) AND trashed_at IS NULL')
      .pluck()
      .all(JSON.stringify(seqs)) as number[],
  );
}

export function suggestionRows(db: Db, seqs: readonly number[]): Map<number, SuggestionRow> {
  if (seqs.length === 0) return new Map();
  const rows = prepared(
    db,
    `SELECT seq, id, headline, dek, section, updated_at, dateline_date, substr(body_text, 1, 400) AS lead
       FROM articles WHERE seq IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(seqs)) as SuggestionRow[];
  return new Map(rows.map((row) => [row.seq, row]));
}

export function pendingSeqs(db: Db, limit: number): number[] {
  return prepared(db, 'SELECT seq FROM related_pending ORDER BY seq LIMIT ?').pluck().all(limit) as number[];
}

export function pendingCount(db: Db): number {
  return prepared(db, 'SELECT count(*) FROM related_pending').pluck().get() as number;
}

export function clearPending(db: Db, seq: number): void {
  prepared(db, 'DELETE FROM related_pending WHERE seq = ?').run(seq);
}

/** Articles whose weights were set when the library had fewer than `documents` articles analysed. */
export function weighedBefore(db: Db, documents: number, limit: number): number[] {
  return prepared(db, 'SELECT seq FROM related_docs WHERE weighed_at_documents < ? ORDER BY seq LIMIT ?')
    .pluck()
    .all(documents, limit) as number[];
}

export function setWeights(db: Db, seq: number, norm: number, postings: string, documents: number): void {
  prepared(db, 'UPDATE related_docs SET norm = ?, postings = ?, weighed_at_documents = ? WHERE seq = ?').run(
    norm,
    postings,
    documents,
    seq,
  );
}

/** The vectors and norms of `seqs`, for scoring candidates. */
export function docVectors(db: Db, seqs: readonly number[]): Array<{ seq: number; vector: Buffer; norm: number }> {
  if (seqs.length === 0) return [];
  return prepared(db, 'SELECT seq, vector, norm FROM related_docs WHERE seq IN (SELECT value FROM json_each(?))').all(
    JSON.stringify(seqs),
  ) as Array<{ seq: number; vector: Buffer; norm: number }>;
}

/** The MinHash signatures of `seqs` that have one. */
export function signatures(db: Db, seqs: readonly number[]): Array<{ seq: number; signature: Buffer }> {
  if (seqs.length === 0) return [];
  return prepared(
    db,
    'SELECT seq, signature FROM related_docs WHERE seq IN (SELECT value FROM json_each(?)) AND signature IS NOT NULL',
  ).all(JSON.stringify(seqs)) as Array<{ seq: number; signature: Buffer }>;
}
