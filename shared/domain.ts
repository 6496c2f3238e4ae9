import { z } from 'zod';

import { StoredBodySchema } from './body/bodySchema';

/** Identifiers are UUID v7 strings, branded so an article id cannot be passed where another id is expected. */
export const ArticleIdSchema = z.uuid({ error: 'Not a valid article id.' }).brand<'ArticleId'>();
export type ArticleId = z.infer<typeof ArticleIdSchema>;

export const AuthorIdSchema = z.uuid({ error: 'Not a valid author id.' }).brand<'AuthorId'>();
export type AuthorId = z.infer<typeof AuthorIdSchema>;

export const AssetIdSchema = z.uuid({ error: 'Not a valid image id.' }).brand<'AssetId'>();
export type AssetId = z.infer<typeof AssetIdSchema>;

export const RevisionIdSchema = z.uuid({ error: 'Not a valid revision id.' }).brand<'RevisionId'>();
export type RevisionId = z.infer<typeof RevisionIdSchema>;

/** The editorial workflow, in order. */
export const ARTICLE_STATUSES = ['draft', 'editing', 'fact-check', 'ready', 'exported'] as const;
export const ArticleStatusSchema = z.enum(ARTICLE_STATUSES);
export type ArticleStatus = z.infer<typeof ArticleStatusSchema>;

/** What the person a story is assigned to is to do with it next. */
export const ASSIGNED_STEPS = ['editing', 'fact-check', 'review'] as const;
export const AssignedStepSchema = z.enum(ASSIGNED_STEPS, {
  error: 'The step is editing, fact-check or review.',
});
export type AssignedStep = z.infer<typeof AssignedStepSchema>;

/** UTC ISO 8601 timestamp, e.g. 2026-11-28T07:45:53.123Z. */
export const TimestampSchema = z.iso.datetime();

/**
 * Upper bound on a serialised body. A 20,000-word story with rich formatting is well under
 * 2 MB of Lexical JSON; anything far larger is a runaway paste, not an article.
 */
export const MAX_BODY_JSON_BYTES = 8 * 1024 * 1024;

/** The body: shared/body/bodySchema.ts defines it, node by node. */
export { BodySchema, StoredBodySchema, type Body, type StoredBody } from './body/bodySchema';

const trimmed = (max: number, what: string) =>
  z.string().max(max, { error: `The ${what} is too long (at most ${max} characters).` });

export const HeadlineSchema = trimmed(500, 'headline');
export const DekSchema = trimmed(2000, 'dek');
export const DatelineSchema = trimmed(200, 'dateline');
export const SectionSchema = trimmed(100, 'section');
export const SyndicationCreditSchema = trimmed(300, 'syndication credit');
export const CaptionSchema = trimmed(1000, 'caption');
export const CreditSchema = trimmed(300, 'credit');
/** A picture described for someone who cannot see it: apart from the caption, which a sighted reader reads beside it. */
export const AltTextSchema = trimmed(1000, 'alt text');
export const SeoHeadlineSchema = trimmed(300, 'SEO headline');
export const SocialHeadlineSchema = trimmed(300, 'social headline');
export const SeoDescriptionSchema = trimmed(1000, 'SEO description');

/**
 * What search engines show of a headline and a description before they cut it: an SEO headline
 * reads best within 60 to 70 characters, a description within 155. Counters, never refusals.
 */
export const SEO_HEADLINE_LENGTH = { from: 60, to: 70 } as const;
export const SEO_DESCRIPTION_LENGTH = 155;
/** True when `text` holds a control character (NUL, a bell, an escape): never part of a name or a title. */
export function hasControlCharacter(text: string): boolean {
  return /\p{Cc}/u.test(text);
}

export const AuthorNameSchema = z
  .string()
  .trim()
  .min(1, { error: 'An author needs a name.' })
  .max(200, { error: 'An author name is at most 200 characters.' })
  .refine((name) => !hasControlCharacter(name), { error: 'An author name cannot hold control characters.' });
export const AuthorBioSchema = trimmed(2000, 'author bio');
/** A calendar date, YYYY-MM-DD, or empty when the dateline carries no date. */
export const DatelineDateSchema = z.union([
  z.literal(''),
  z.iso.date({ error: 'The dateline date must be a date (YYYY-MM-DD).' }),
]);

/** The years a story is dated in: an archive's oldest wire copy to a distant embargo. */
export const DATELINE_YEARS = { first: 1800, last: 2100 } as const;

/**
 * Why `year` cannot be a dateline's year, or null when it can. A six-digit year (252025) is
 * a slip of the keyboard, not a date; the field and the contract refuse it alike.
 */
export function datelineYearProblem(year: number): string | null {
  if (Number.isInteger(year) && year >= DATELINE_YEARS.first && year <= DATELINE_YEARS.last) return null;
  return `The year ${year} is not a year a story is dated in`;
}

/** A dateline date as a save sends it: a calendar date within DATELINE_YEARS, or empty. */
export const DatelineDateInputSchema = z.string().superRefine((date, context) => {
  if (date === '') return;
  // A year of more than four digits is no ISO date, but saying which year is more use.
  const year = /^(\d{4,})-\d{2}-\d{2}$/.exec(date)?.[1];
  if (year === undefined || (year.length === 4 && !DatelineDateSchema.safeParse(date).success)) {
    context.addIssue({ code: 'custom', message: 'The dateline date must be a date (YYYY-MM-DD).' });
    return;
  }
  const problem = datelineYearProblem(Number(year));
  if (problem !== null) {
    context.addIssue({ code: 'custom', message: `${problem} (${DATELINE_YEARS.first} to ${DATELINE_YEARS.last}).` });
  }
});
/**
 * A moment a story is held to (an embargo) or set to go out at, as a save sends it: a UTC
 * timestamp within DATELINE_YEARS, or null for none. The window reads it in the person's zone.
 */
export const StoryTimeInputSchema = z
  .string()
  .superRefine((time, context) => {
    if (!z.iso.datetime().safeParse(time).success) {
      context.addIssue({ code: 'custom', message: 'A time must be a UTC date and time (2026-06-09T08:00:00Z).' });
      return;
    }
    const problem = datelineYearProblem(Number(time.slice(0, 4)));
    if (problem !== null) {
      context.addIssue({ code: 'custom', message: `${problem} (${DATELINE_YEARS.first} to ${DATELINE_YEARS.last}).` });
    }
  })
  .nullable();

/** A BCP 47 language tag such as en, ur or pt-BR. */
export const LanguageSchema = z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, {
  error: 'The language must be a language tag such as en, ur or pt-BR.',
});
export const SlugSchema = z
  .string()
  .regex(/^[\p{Ll}\p{Lo}\p{N}\p{M}]+(-[\p{Ll}\p{Lo}\p{N}\p{M}]+)*$/u, {
    error: 'A slug is lower-case letters and digits separated by single hyphens.',
  })
  .max(120, { error: 'A slug is at most 120 characters.' });
export const LengthTargetSchema = z
  .number()
  .int({ error: 'The length target is a whole number of words.' })
  .min(1, { error: 'The length target must be at least 1 word.' })
  .max(100_000, { error: 'The length target is at most 100,000 words.' })
  .nullable();

/** A person who writes for the desk; the bio is shared by every article they sign. */
export const AuthorSchema = z.object({
  id: AuthorIdSchema,
  name: z.string(),
  bio: z.string(),
});
export type Author = z.infer<typeof AuthorSchema>;

/** An image stored in the library. */
export const AssetSchema = z.object({
  id: AssetIdSchema,
  sha256: z.string().length(64),
  mimeType: z.string(),
  byteLength: z.number().int().positive(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  originalName: z.string(),
  createdAt: TimestampSchema,
});
export type Asset = z.infer<typeof AssetSchema>;

/** The picture at the top of a story, with what it shows and who took it. */
export const LeadImageSchema = z.object({
  asset: AssetSchema,
  caption: z.string(),
  credit: z.string(),
  /** What the picture shows, for someone who cannot see it; '' when nobody has written it yet. */
  altText: z.string(),
});
export type LeadImage = z.infer<typeof LeadImageSchema>;
export const TagSchema = z
  .string()
  .trim()
  .min(1, { error: 'A tag cannot be empty.' })
  .max(100, { error: 'A tag is at most 100 characters.' });

/** A story listed under "Related" at the foot of an article, linked to it when the library has it. */
export const RelatedItemSchema = z.object({
  articleId: ArticleIdSchema.nullable(),
  headline: z.string(),
  teaser: z.string(),
  /** The linked article is in the trash. */
  trashed: z.boolean(),
});
export type RelatedItem = z.infer<typeof RelatedItemSchema>;

/** An article as the editor sees it. */
export const ArticleSchema = z.object({
  id: ArticleIdSchema,
  slug: z.string(),
  headline: z.string(),
  dek: z.string(),
  /** The authors' names as a byline ("Amna Riaz and Omar Khan"), derived from `authors`. */
  byline: z.string(),
  authors: z.array(AuthorSchema),
  /** The dateline's place, shown "ISLAMABAD:" at the start of the body in exports. */
  dateline: z.string(),
  datelineDate: DatelineDateSchema,
  leadImage: LeadImageSchema.nullable(),
  /**
   * The credit of a lead image the article names but has no picture for yet (an import of
   * "[Image via MOFA Pakistan]" without the picture): the picture added takes it. Always ''
   * while there is a lead image, whose credit is `leadImage.credit`.
   */
  leadImageCredit: z.string(),
  syndicationCredit: z.string(),
  /** Until when the story must not be published (UTC); null when it is not embargoed. */
  embargoUntil: TimestampSchema.nullable(),
  /** When the story is set to be published (UTC); null when no time is set. */
  publishAt: TimestampSchema.nullable(),
  /** The headline for search results; '' to use the headline. */
  seoHeadline: z.string(),
  /** The headline for social posts; '' to use the headline. */
  socialHeadline: z.string(),
  /** The description search results show; '' to use the dek. */
  seoDescription: z.string(),
  language: z.string(),
  lengthTarget: z.number().int().positive().nullable(),
  /** True once the slug was set by hand; until then it follows the headline while a draft. */
  slugLocked: z.boolean(),
  /** As stored: read it with readStoredBody before walking it. */
  body: StoredBodySchema,
  bodyText: z.string(),
  section: z.string(),
  tags: z.array(z.string()),
  /** The related list, in order. */
  related: z.array(RelatedItemSchema),
  status: ArticleStatusSchema,
  /** The person the story belongs to: who made it, unless it was handed on; '' when nobody is named. */
  owner: z.string(),
  /** The person the story is assigned to for its next step; '' when nobody is. */
  assignee: z.string(),
  /** What the assignee is to do with it; null while nobody is assigned. */
  assignedStep: AssignedStepSchema.nullable(),
  /** Everyone but the owner edits the story in Suggesting mode unless they choose otherwise. */
  othersSuggest: z.boolean(),
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
  embargoUntil: true,
  publishAt: true,
  owner: true,
  assignee: true,
  assignedStep: true,
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

/** One recorded change of an article's status. */
export const StatusChangeSchema = z.object({
  from: ArticleStatusSchema,
  to: ArticleStatusSchema,
  changedBy: z.string(),
  changedAt: TimestampSchema,
});
export type StatusChange = z.infer<typeof StatusChangeSchema>;

/**
 * What kept a version: the article's creation, an automatic save (on leaving the story, after
 * ten minutes of editing), a status change, a person's "Save version", an export, or a restore
 * (the text as it was just before another version was brought back).
 */
export const REVISION_KINDS = ['created', 'auto', 'status', 'manual', 'export', 'restore'] as const;
export const RevisionKindSchema = z.enum(REVISION_KINDS);
export type RevisionKind = z.infer<typeof RevisionKindSchema>;

/** A kept version of an article, as listed in the history panel. */
export const RevisionSummarySchema = z.object({
  id: RevisionIdSchema,
  articleId: ArticleIdSchema,
  articleVersion: z.number().int().positive(),
  kind: RevisionKindSchema,
  label: z.string(),
  headline: z.string(),
  /** The article's status in this version: for a status version, the status it moved to. */
  status: ArticleStatusSchema,
  wordCount: z.number().int().nonnegative(),
  createdAt: TimestampSchema,
  /** Who kept the version (the name in Preferences then); '' when no name was given. */
  createdBy: z.string(),
});
export type RevisionSummary = z.infer<typeof RevisionSummarySchema>;

/** A kept version with its text, for comparing with the current text and restoring. */
export const RevisionSchema = RevisionSummarySchema.extend({
  dek: z.string(),
  body: StoredBodySchema,
  bodyText: z.string(),
});
export type Revision = z.infer<typeof RevisionSchema>;

export const LibraryInfoSchema = z.object({
  path: z.string(),
  schemaVersion: z.number().int(),
  articleCount: z.number().int().nonnegative(),
  trashedCount: z.number().int().nonnegative(),
  /** When an article in the library last changed (null when it has none): a window on a desk asks again when it moves. */
  lastChangeAt: z.string().nullable(),
  sqliteVersion: z.string(),
  appVersion: z.string(),
});
export type LibraryInfo = z.infer<typeof LibraryInfoSchema>;
