import { z } from 'zod';

import { ArticleIdSchema } from './domain';

/**
 * A story sent from one library to another (a laptop's to a desk's): the rows that make it,
 * table by table, as the library keeps them, so it arrives whole — its sources and their
 * snapshots, pictures, claims with their evidence and verdicts, comments, versions and the
 * history of its status and assignments, each still signed by whoever did it.
 */
export const STORY_BUNDLE_FORMAT = 'copydesk-story';

/**
 * The tables a story's rows come from, in the order they are written on arrival: each after
 * the ones it refers to. The first four hold what several stories may share (a source cited by
 * two, a picture used twice), so a row already in the receiving library is kept as it is there.
 */
export const STORY_TABLES = [
  'authors',
  'assets',
  'sources',
  'source_snapshots',
  'articles',
  'article_tags',
  'article_authors',
  'article_sources',
  'claims',
  'claim_verdicts',
  'claim_evidence',
  'comment_threads',
  'comment_entries',
  'revisions',
  'status_changes',
  'workflow_changes',
  'editing_time',
  'article_imports',
] as const;

export type StoryTable = (typeof STORY_TABLES)[number];

/** The tables whose rows may be shared with other stories: kept as they are when already there. */
export const SHARED_STORY_TABLES = [
  'authors',
  'assets',
  'sources',
  'source_snapshots',
] as const satisfies readonly StoryTable[];
export type SharedStoryTable = (typeof SHARED_STORY_TABLES)[number];

/** Whether rows of `table` may be shared with other stories (see SHARED_STORY_TABLES). */
export function isSharedStoryTable(table: StoryTable): table is SharedStoryTable {
  return (SHARED_STORY_TABLES as readonly StoryTable[]).includes(table);
}

/** Bytes (a picture, a snapshot's file) travel as base64. */
const BytesSchema = z.strictObject({ base64: z.base64() });
export type StoryCell = string | number | null | { base64: string };
const CellSchema = z.union([z.string(), z.number(), z.null(), BytesSchema]);
const RowSchema = z.record(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'is not a column name'), CellSchema);
export type StoryRow = Record<string, StoryCell>;

const rows = (most: number) => z.array(RowSchema).max(most);

export const StoryBundleSchema = z.strictObject({
  format: z.literal(STORY_BUNDLE_FORMAT),
  /** The library's schema version where the story was read: both sides must run the same. */
  schemaVersion: z.number().int().min(1),
  articleId: ArticleIdSchema,
  tables: z.strictObject({
    authors: rows(200),
    assets: rows(500),
    sources: rows(2_000),
    source_snapshots: rows(10_000),
    articles: z.array(RowSchema).length(1),
    article_tags: rows(500),
    article_authors: rows(200),
    article_sources: rows(2_000),
    claims: rows(10_000),
    claim_verdicts: rows(100_000),
    claim_evidence: rows(100_000),
    comment_threads: rows(10_000),
    comment_entries: rows(100_000),
    revisions: rows(100_000),
    status_changes: rows(10_000),
    workflow_changes: rows(10_000),
    editing_time: rows(1),
    article_imports: rows(1),
  }),
});
export type StoryBundle = z.infer<typeof StoryBundleSchema>;

/** Whether the story carries a verdict someone gave (not only claims still unchecked). */
export function carriesVerdicts(bundle: StoryBundle): boolean {
  return (
    bundle.tables.claims.some((row) => row.verdict !== 'unchecked') ||
    bundle.tables.claim_verdicts.some((row) => row.verdict !== 'unchecked')
  );
}

/** A desk's address as a person types it: http(s), with no path, query or credentials. */
export const DeskAddressSchema = z
  .string()
  .trim()
  .min(1, 'The desk’s address is empty: type the address its admin gave you, beginning with https://.')
  .max(2_000)
  .refine((text) => {
    try {
      const url = new URL(text);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
    } catch {
      return false;
    }
  }, 'That is not a desk’s address: it begins with https:// (or http:// on this computer), then the desk’s name and port.');

export const SendStoryArgsSchema = z.strictObject({
  articleId: ArticleIdSchema,
  desk: DeskAddressSchema,
  key: z.string().trim().min(1, 'The key is empty: paste the personal key the desk’s admin gave you.').max(200),
  /** Names this send, for `stories:cancelSend` to stop it. */
  sendId: z.uuid().optional(),
});

export const SentStorySchema = z.strictObject({
  articleId: ArticleIdSchema,
  headline: z.string(),
  /** Where the story opens on the desk. */
  address: z.string(),
  /** What was sent with it, for the person to see. */
  sources: z.number().int().min(0),
  claims: z.number().int().min(0),
  versions: z.number().int().min(0),
});
export type SentStory = z.infer<typeof SentStorySchema>;
