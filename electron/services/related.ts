import type { ArticleId } from '../../shared/domain';
import { ArticleIdSchema } from '../../shared/domain';
import { ApiError } from '../../shared/errors';
import type {
  DuplicateSuggestion,
  RelatedDraft,
  RelatedSuggestion,
  SharedFeatures,
  SuggestRelatedResult,
} from '../../shared/related';
import type { KnownFeature, RelatedDocRow, SuggestionRow } from '../db/queries/relatedIndex';
import * as index from '../db/queries/relatedIndex';
import type { Analysis, ArticleText, FeatureKind } from '../related/analyseArticle';
import type { Entity } from '../related/entities';
import { isCapitals, nameFinderLoaded } from '../related/entities';
import { analyseArticle, analyseDraft, contentKey, featureKind } from '../related/analyseArticle';
import { bandKeys, estimatedSimilarity, signatureFromBytes, signatureToBytes } from '../related/minhash';
import type { Library } from './LibraryHost';

/** Estimated shingle similarity from which two articles are shown as possible duplicates. */
export const DUPLICATE_SIMILARITY = 0.8;
/** Below this score an article shares too little to be worth showing. */
const MIN_SCORE = 0.02;
/**
 * Postings kept per article: its heaviest key terms, and every entity and tag it has. The
 * library's Names filter lists the articles that name someone from these postings and counts
 * them from every article's names: a name left unposted would be counted and not listed.
 */
const POSTED_TERMS = 20;
/** Query features whose postings are read, and how many postings of each. */
const QUERY_FEATURES = 25;
const POSTINGS_PER_FEATURE = 200;
/** Candidates scored in full. */
const CANDIDATES = 80;
/**
 * How much a shared entity counts against a shared word. Entities are what a reader recognises
 * in a reason, but the same people and places run through stories of every desk: on the BBC
 * corpus, counting them fully lowers precision@5 from 0.91 to 0.89.
 */
const ENTITY_QUERY_WEIGHT = 0.4;
/** Weights are stored as integers, in millionths. */
const WEIGHT_SCALE = 1_000_000;

const idf = (documents: number, df: number) => Math.log(1 + Math.max(documents, 1) / Math.max(df, 1));

function encodeVector(ids: readonly number[], weights: readonly number[]): Buffer {
  const buffer = Buffer.alloc(ids.length * 8);
  ids.forEach((id, i) => buffer.writeInt32LE(id, i * 4));
  weights.forEach((weight, i) => buffer.writeFloatLE(weight, ids.length * 4 + i * 4));
  return buffer;
}

/** A stored vector as feature ids and their weights (copied: a blob's bytes may not be aligned). */
function vectorArrays(buffer: Buffer): { ids: Int32Array; tfs: Float32Array } {
  const bytes = new Uint8Array(buffer);
  const count = bytes.length / 8;
  return { ids: new Int32Array(bytes.buffer, 0, count), tfs: new Float32Array(bytes.buffer, count * 4, count) };
}

function decodeVector(buffer: Buffer): Array<[number, number]> {
  const { ids, tfs } = vectorArrays(buffer);
  return Array.from(ids, (id, i): [number, number] => [id, tfs[i] as number]);
}

/** The text of an article waiting for analysis, or null when it needs none (gone, or unchanged). */
export function textToAnalyse(lib: Library, seq: number): ArticleText | null {
  const { db } = lib;
  const source = index.indexSource(db, seq);
  if (source === undefined) return null;
  const text: ArticleText = { headline: source.headline, dek: source.dek, text: source.body_text, tags: source.tags };
  const old = index.getDoc(db, seq);
  if (old !== undefined && old.content_key === contentKey(text)) {
    index.clearPending(db, seq);
    return null;
  }
  return text;
}

/**
 * Analyses one article and writes its features, postings and signature, replacing what it had;
 * an article whose text and tags are as last analysed is left as it is. Runs inside the
 * caller's transaction (the save path's, or a reindex batch's).
 */
export function indexArticle(lib: Library, seq: number): void {
  const text = textToAnalyse(lib, seq);
  if (text === null) return;
  // Until the name finder has loaded, the article waits in the queue like an imported one.
  if (!nameFinderLoaded()) return;
  storeAnalysis(lib, seq, analyseArticle(text));
}

/**
 * Writes an article's analysis, made from its text (here, or in a worker thread), replacing
 * what it had. Returns false, writing nothing, when the article's text has changed since (or
 * it is gone): it stays queued for an analysis of its new text. Runs inside the caller's
 * transaction.
 */
export function storeAnalysis(lib: Library, seq: number, analysis: Analysis): boolean {
  const { db } = lib;
  const source = index.indexSource(db, seq);
  if (source === undefined) return false;
  const text: ArticleText = { headline: source.headline, dek: source.dek, text: source.body_text, tags: source.tags };
  if (contentKey(text) !== analysis.contentKey) return false;
  const old = index.getDoc(db, seq);
  const known = index.knownFeatures(
    db,
    analysis.features.map((feature) => feature.key),
  );
  const ids = analysis.features.map((feature) => {
    const found = known.get(feature.key);
    if (found === undefined) return index.ensureFeature(db, feature.key, feature.label);
    // A name the library first met in capitals ("LONDON", a dateline) is shown as text writes it.
    if (isCapitals(found.label) && !isCapitals(feature.label)) index.relabelFeature(db, found.id, feature.label);
    return found.id;
  });
  const oldIds = new Set(old === undefined ? [] : decodeVector(old.vector).map(([id]) => id));
  const newIds = new Set(ids);
  index.adjustDocumentFrequencies(
    db,
    [...oldIds].filter((id) => !newIds.has(id)),
    -1,
  );
  index.adjustDocumentFrequencies(
    db,
    [...newIds].filter((id) => !oldIds.has(id)),
    1,
  );

  const documents = index.documentCount(db) + (old === undefined ? 1 : 0);
  const dfs = analysis.features.map(
    (feature, i) => (known.get(feature.key)?.df ?? 0) + (oldIds.has(ids[i] as number) ? 0 : 1),
  );
  const { norm, posted } = weigh(
    analysis.features.map((feature, i) => ({
      id: ids[i] as number,
      kind: feature.kind,
      tf: feature.tf,
      df: dfs[i] as number,
    })),
    documents,
  );

  if (old !== undefined) index.deletePostings(db, seq, JSON.parse(old.postings) as Array<[number, number]>);
  index.insertPostings(db, seq, posted);
  const oldBands = old?.signature == null ? [] : bandKeys(signatureFromBytes(old.signature));
  const newBands = analysis.signature === null ? [] : bandKeys(analysis.signature);
  index.setBands(db, seq, oldBands, newBands);
  index.putDoc(db, {
    seq,
    content_key: analysis.contentKey,
    vector: encodeVector(
      ids,
      analysis.features.map((feature) => feature.tf),
    ),
    norm,
    postings: JSON.stringify(posted),
    entities: JSON.stringify(analysis.entities),
    signature: analysis.signature === null ? null : signatureToBytes(analysis.signature),
    weighed_at_documents: documents,
  });
  index.clearPending(db, seq);
  return true;
}

function queryWeight(key: string): number {
  const kind = featureKind(key);
  return kind === 'term' || kind === 'tag' ? 1 : ENTITY_QUERY_WEIGHT;
}

type WeighedFeature = { id: number; kind: FeatureKind; tf: number; df: number };

/** An article's norm and postings: its heaviest key terms, entities and tags, weighted by rarity. */
function weigh(
  features: readonly WeighedFeature[],
  documents: number,
): { norm: number; posted: Array<[number, number]> } {
  const ranked = features
    .map((feature) => ({ ...feature, weight: feature.tf * idf(documents, feature.df) }))
    .sort((a, b) => b.weight - a.weight);
  const norm = Math.sqrt(ranked.reduce((sum, entry) => sum + entry.weight * entry.weight, 0)) || 1;
  const posted = [
    ...ranked.filter((entry) => entry.kind === 'term').slice(0, POSTED_TERMS),
    ...ranked.filter((entry) => entry.kind !== 'term'),
  ].map((entry): [number, number] => [entry.id, Math.max(1, Math.round((entry.weight / norm) * WEIGHT_SCALE))]);
  return { norm, posted };
}

/**
 * Sets again, from their stored vectors, the weights of articles analysed when the library had
 * less than half the articles it has now: which words are rare is only known once there are
 * articles to compare. Runs after an import and a reindex, in batches that each commit.
 */
export function reweighArticles(lib: Library, batchSize = 100, shouldStop: () => boolean = () => false): number {
  const { db } = lib;
  let reweighed = 0;
  for (;;) {
    if (shouldStop()) return reweighed;
    const documents = index.documentCount(db);
    const batch = index.weighedBefore(db, Math.floor(documents / 2), batchSize);
    if (batch.length === 0) return reweighed;
    db.transaction(() => {
      for (const doc of index.docs(db, batch)) {
        const entries = decodeVector(doc.vector);
        const known = index.featuresById(
          db,
          entries.map(([id]) => id),
        );
        const { norm, posted } = weigh(
          entries.map(([id, tf]) => {
            const feature = known.get(id);
            return { id, tf, kind: featureKind(feature?.key ?? 'term:'), df: feature?.df ?? 1 };
          }),
          documents,
        );
        index.deletePostings(db, doc.seq, JSON.parse(doc.postings) as Array<[number, number]>);
        index.insertPostings(db, doc.seq, posted);
        index.setWeights(db, doc.seq, norm, JSON.stringify(posted), documents);
      }
    }).immediate();
    reweighed += batch.length;
  }
}

/** Analyses the article with this id (after a save or an import); see indexArticle. */
export function indexArticleById(lib: Library, id: string): void {
  const seq = index.seqOfArticle(lib.db, id);
  if (seq !== undefined) indexArticle(lib, seq);
}

/**
 * Analyses articles changed without being analysed (from an older Copydesk, or written in
 * bulk), `batchSize` at a time, each batch in its own transaction: stopping loses at most one
 * batch, and running it again carries on where it stopped.
 */
export function reindexPending(
  lib: Library,
  options: {
    batchSize?: number;
    onProgress?: (done: number, remaining: number) => void;
    shouldStop?: () => boolean;
  } = {},
): { indexed: number; remaining: number } {
  const batchSize = options.batchSize ?? 200;
  if (!nameFinderLoaded()) return { indexed: 0, remaining: index.pendingCount(lib.db) };
  let indexed = 0;
  for (;;) {
    if (options.shouldStop?.() === true) break;
    const batch = index.pendingSeqs(lib.db, batchSize);
    if (batch.length === 0) break;
    lib.db.transaction(() => batch.forEach((seq) => indexArticle(lib, seq))).immediate();
    indexed += batch.length;
    options.onProgress?.(indexed, index.pendingCount(lib.db));
  }
  reweighArticles(lib, 100, options.shouldStop);
  return { indexed, remaining: index.pendingCount(lib.db) };
}

/**
 * The people, places and organisations of an article as last analysed, most mentioned first
 * (for filters and exports); empty until the article is analysed.
 */
export function articleEntities(lib: Library, articleId: string): Entity[] {
  const seq = index.seqOfArticle(lib.db, articleId);
  const doc = seq === undefined ? undefined : index.getDoc(lib.db, seq);
  return doc === undefined ? [] : (JSON.parse(doc.entities) as Entity[]);
}

/** How many articles wait to be analysed. */
export function unindexedCount(lib: Library): number {
  return index.pendingCount(lib.db);
}

/** A query: each feature the library knows with its weight, the query's norm, and its signature. */
type Query = {
  /** Each feature with its weight in the query and its rarity now. */
  features: Map<number, { feature: KnownFeature; weight: number; idf: number }>;
  norm: number;
  signature: Uint32Array | null;
  excludeSeq: number | null;
  /** 1 when the query is a saved article's analysis, which its features' counts include. */
  ownDf: number;
};

function queryFromStored(lib: Library, doc: RelatedDocRow, documents: number): Query {
  const entries = decodeVector(doc.vector);
  const known = index.featuresById(
    lib.db,
    entries.map(([id]) => id),
  );
  const features: Query['features'] = new Map();
  let squares = 0;
  for (const [id, tf] of entries) {
    const feature = known.get(id);
    if (feature === undefined) continue;
    const rarity = idf(documents, feature.df);
    const weight = tf * rarity * queryWeight(feature.key);
    squares += weight * weight;
    features.set(id, { feature, weight, idf: rarity });
  }
  return {
    features,
    norm: Math.sqrt(squares) || 1,
    signature: doc.signature === null ? null : signatureFromBytes(doc.signature),
    excludeSeq: doc.seq,
    ownDf: 1,
  };
}

function queryFromDraft(lib: Library, draft: ArticleText, excludeSeq: number | null, documents: number): Query {
  const { candidates, signature } = analyseDraft(draft);
  const known = index.knownFeatures(
    lib.db,
    candidates.map((feature) => feature.key),
  );
  const features: Query['features'] = new Map();
  let squares = 0;
  for (const candidate of candidates) {
    const feature = known.get(candidate.key);
    const isEntity = candidate.kind !== 'term' && candidate.kind !== 'tag';
    // A name the library does not know is only a guess (a capitalised word); leave it out.
    if (isEntity && (feature === undefined || feature.df === 0)) continue;
    const rarity = idf(documents, feature?.df ?? 0);
    const weight = candidate.tf * rarity * queryWeight(candidate.key);
    squares += weight * weight;
    if (feature !== undefined && feature.df > 0) features.set(feature.id, { feature, weight, idf: rarity });
  }
  return { features, norm: Math.sqrt(squares) || 1, signature, excludeSeq, ownDf: 0 };
}

const KIND_LIST: Partial<Record<FeatureKind, keyof SharedFeatures>> = {
  person: 'people',
  place: 'places',
  organisation: 'organisations',
  tag: 'tags',
  term: 'terms',
};
const REASON_PARTS: ReadonlyArray<[keyof SharedFeatures, string, number]> = [
  ['people', 'people', 3],
  ['places', 'places', 3],
  ['organisations', 'organisations', 3],
  ['tags', 'tags', 3],
  ['terms', 'key terms', 5],
];

/** "Shares people: Tony Blair; places: Iraq; key terms: election, labour". */
export function reasonText(shared: SharedFeatures): string {
  const parts = REASON_PARTS.filter(([list]) => shared[list].length > 0).map(
    ([list, words, most]) => `${words}: ${shared[list].slice(0, most).join(', ')}`,
  );
  return parts.length === 0 ? '' : `Shares ${parts.join('; ')}`;
}

function teaserOf(row: SuggestionRow): string {
  if (row.dek.trim() !== '') return row.dek.trim();
  const lead = row.lead.replace(/\s+/gu, ' ').trim();
  if (lead.length <= 200) return lead;
  const cut = lead.slice(0, 200);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 120))}…`;
}

function suggested(row: SuggestionRow) {
  return {
    articleId: ArticleIdSchema.parse(row.id) satisfies ArticleId,
    headline: row.headline,
    teaser: teaserOf(row),
    section: row.section,
    updatedAt: row.updated_at,
    datelineDate: row.dateline_date,
  };
}

function score(query: Query, doc: { vector: Buffer; norm: number }): { score: number; shared: SharedFeatures } {
  let dot = 0;
  const contributions: Array<{ feature: KnownFeature; value: number }> = [];
  const { ids, tfs } = vectorArrays(doc.vector);
  for (let i = 0; i < ids.length; i += 1) {
    const match = query.features.get(ids[i] as number);
    if (match === undefined) continue;
    const value = match.weight * (tfs[i] as number) * match.idf;
    dot += value;
    contributions.push({ feature: match.feature, value });
  }
  contributions.sort((a, b) => b.value - a.value);
  const shared: SharedFeatures = { people: [], places: [], organisations: [], tags: [], terms: [] };
  for (const { feature } of contributions) {
    const list = KIND_LIST[featureKind(feature.key)];
    if (list !== undefined) shared[list].push(feature.label);
  }
  return { score: Math.min(1, dot / (query.norm * doc.norm)), shared };
}

/** The query for a draft, or the stored analysis when the draft is the article as last saved. */
function draftQuery(lib: Library, draft: RelatedDraft, documents: number): Query {
  const text: ArticleText = { headline: draft.headline, dek: draft.dek, text: draft.text, tags: draft.tags };
  const excludeSeq = draft.excludeId === undefined ? null : (index.seqOfArticle(lib.db, draft.excludeId) ?? null);
  if (excludeSeq !== null) {
    const stored = index.getDoc(lib.db, excludeSeq);
    if (stored !== undefined && stored.content_key === contentKey(text)) return queryFromStored(lib, stored, documents);
  }
  return queryFromDraft(lib, text, excludeSeq, documents);
}

function articleQuery(lib: Library, articleId: string, documents: number): Query {
  const seq = index.seqOfArticle(lib.db, articleId);
  if (seq === undefined) {
    throw new ApiError('not-found', `No article with id ${articleId} is in this library. It may have been deleted.`);
  }
  const stored = index.getDoc(lib.db, seq);
  if (stored !== undefined) return queryFromStored(lib, stored, documents);
  // Not analysed yet (changed by an older Copydesk): analyse its text as a draft would be.
  const source = index.indexSource(lib.db, seq);
  return queryFromDraft(
    lib,
    {
      headline: source?.headline ?? '',
      dek: source?.dek ?? '',
      text: source?.body_text ?? '',
      tags: source?.tags ?? [],
    },
    seq,
    documents,
  );
}

/**
 * The library's articles most related to a saved article or a draft, each with the reason in
 * words, and apart from them its possible duplicates with their similarity. Candidates come
 * from the postings of the query's heaviest features; the best are scored in full (cosine of
 * TF-IDF vectors of key terms, entities and tags, rarity counted as the library is now).
 */
export function suggestRelated(
  lib: Library,
  input: { articleId: string } | { draft: RelatedDraft },
  limit: number,
): SuggestRelatedResult {
  const documents = index.documentCount(lib.db);
  const query =
    'articleId' in input ? articleQuery(lib, input.articleId, documents) : draftQuery(lib, input.draft, documents);

  const duplicates = new Map<number, number>();
  if (query.signature !== null) {
    const matches = index.bandMatches(lib.db, bandKeys(query.signature)).filter((seq) => seq !== query.excludeSeq);
    for (const doc of index.signatures(lib.db, matches)) {
      const similarity = estimatedSimilarity(query.signature, signatureFromBytes(doc.signature));
      if (similarity >= DUPLICATE_SIMILARITY) duplicates.set(doc.seq, similarity);
    }
  }

  const accumulated = new Map<number, number>();
  // A feature only the query's own article has finds nothing else: its postings are not read.
  const heaviest = [...query.features.values()]
    .filter(({ feature }) => feature.df > query.ownDf)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, QUERY_FEATURES);
  for (const { feature, weight } of heaviest) {
    for (const [seq, posted] of index.topPostings(lib.db, feature.id, POSTINGS_PER_FEATURE)) {
      if (seq === query.excludeSeq || duplicates.has(seq)) continue;
      accumulated.set(seq, (accumulated.get(seq) ?? 0) + weight * posted);
    }
  }
  const candidates = [...accumulated]
    .sort((a, b) => b[1] - a[1])
    .slice(0, CANDIDATES)
    .map(([seq]) => seq);
  const live = index.liveSeqs(lib.db, [...candidates, ...duplicates.keys()]);
  const scored = index
    .docVectors(
      lib.db,
      candidates.filter((seq) => live.has(seq)),
    )
    .map((doc) => ({ seq: doc.seq, ...score(query, doc) }))
    .filter((entry) => entry.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || a.seq - b.seq)
    .slice(0, limit);
  const duplicateList = [...duplicates]
    .filter(([seq]) => live.has(seq))
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit);

  const rows = index.suggestionRows(lib.db, [
    ...scored.map((entry) => entry.seq),
    ...duplicateList.map(([seq]) => seq),
  ]);
  const related: RelatedSuggestion[] = scored.flatMap((entry) => {
    const row = rows.get(entry.seq);
    if (row === undefined) return [];
    return [{ ...suggested(row), score: entry.score, reason: reasonText(entry.shared), shared: entry.shared }];
  });
  const duplicateSuggestions: DuplicateSuggestion[] = duplicateList.flatMap(([seq, similarity]) => {
    const row = rows.get(seq);
    return row === undefined ? [] : [{ ...suggested(row), similarity }];
  });
  return { related, duplicates: duplicateSuggestions, unindexed: index.pendingCount(lib.db) };
}
