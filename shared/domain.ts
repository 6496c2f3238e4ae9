import { z } from 'zod';

/** Identifiers are UUID v7 strings, branded so an article id cannot be passed where another id is expected. */
export const ArticleIdSchema = z.uuid({ error: 'Not a valid article id.' }).brand<'ArticleId'>();
export type ArticleId = z.infer<typeof ArticleIdSchema>;

export const RevisionIdSchema = z.uuid({ error: 'Not a valid revision id.' }).brand<'RevisionId'>();
export type RevisionId = z.infer<typeof RevisionIdSchema>;

/** The editorial workflow, in order. */
export const ARTICLE_STATUSES = ['draft', 'editing', 'fact-check', 'ready', 'exported'] as const;
export const ArticleStatusSchema = z.enum(ARTICLE_STATUSES);
export type ArticleStatus = z.infer<typeof ArticleStatusSchema>;

/** UTC ISO 8601 timestamp, e.g. 2026-11-28T07:45:53.123Z. */
export const TimestampSchema = z.iso.datetime();

/**
 * Upper bound on a serialised body. A 20,000-word story with rich formatting is well under
 * 2 MB of Lexical JSON; anything far larger is a runaway paste, not an article.
 */
export const MAX_BODY_JSON_BYTES = 8 * 1024 * 1024;

type LexicalNodeJson = { type: string; children?: LexicalNodeJson[]; [key: string]: unknown };

const LexicalNodeSchema: z.ZodType<LexicalNodeJson> = z.lazy(() =>
  z.looseObject({
    type: z.string().min(1),
    children: z.array(LexicalNodeSchema).optional(),
  }),
);

/** A serialised Lexical editor state: the body of an article. */
export const BodySchema = z.object({
  root: z.looseObject({
    type: z.literal('root'),
    children: z.array(LexicalNodeSchema),
  }),
});
export type Body = z.infer<typeof BodySchema>;

const trimmed = (max: number, what: string) =>
  z.string().max(max, { error: `The ${what} is too long (at most ${max} characters).` });

export const HeadlineSchema = trimmed(500, 'headline');
export const DekSchema = trimmed(2000, 'dek');
export const BylineSchema = trimmed(500, 'byline');
export const DatelineSchema = trimmed(200, 'dateline');
export const SectionSchema = trimmed(100, 'section');
export const TagSchema = z
  .string()
  .trim()
  .min(1, { error: 'A tag cannot be empty.' })
  .max(100, { error: 'A tag is at most 100 characters.' });

/** An article as the editor sees it. */
export const ArticleSchema = z.object({
  id: ArticleIdSchema,
  slug: z.string(),
  headline: z.string(),
  dek: z.string(),
  byline: z.string(),
  dateline: z.string(),
  body: BodySchema,
  bodyText: z.string(),
  section: z.string(),
  tags: z.array(z.string()),
  status: ArticleStatusSchema,
  version: z.number().int().positive(),
  wordCount: z.number().int().nonnegative(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  trashedAt: TimestampSchema.nullable(),
});
export type Article = z.infer<typeof ArticleSchema>;

/** A row of the library list. */
export const ArticleSummarySchema = ArticleSchema.pick({
  id: true,
  slug: true,
  headline: true,
  dek: true,
  section: true,
  status: true,
  version: true,
  wordCount: true,
  createdAt: true,
  updatedAt: true,
  trashedAt: true,
});
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;

/** A search hit: the summary plus a snippet with the matched terms between marker characters. */
export const SearchHitSchema = ArticleSummarySchema.extend({
  snippet: z.string(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

/** Characters that delimit highlighted terms in snippets; never present in typed text. */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

export const LibraryInfoSchema = z.object({
  path: z.string(),
  schemaVersion: z.number().int(),
  articleCount: z.number().int().nonnegative(),
  trashedCount: z.number().int().nonnegative(),
  sqliteVersion: z.string(),
  appVersion: z.string(),
});
export type LibraryInfo = z.infer<typeof LibraryInfoSchema>;
