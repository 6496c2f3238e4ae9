/**
 * Related-article suggestions: what the panel and `copydesk related` ask for and get back.
 */
import { z } from 'zod';

import {
  ArticleIdSchema,
  DatelineDateSchema,
  DekSchema,
  HeadlineSchema,
  SectionSchema,
  TagSchema,
  TimestampSchema,
} from './domain';

/** The most suggestions one request may ask for. */
export const MAX_RELATED_LIMIT = 50;

/** The largest draft text accepted, in characters: far more than any story. */
export const MAX_DRAFT_TEXT_CHARACTERS = 1_000_000;

/**
 * A story as it is being written, unsaved. `text` is the body as plain text, paragraphs
 * separated by blank lines (as `bodyToPlainText` gives it). `excludeId` is the article being
 * edited: it is never suggested, and while the draft matches what was last saved, the saved
 * analysis is used, so the panel and `copydesk related` give the same results.
 */
export const RelatedDraftSchema = z.strictObject({
  headline: HeadlineSchema.default(''),
  dek: DekSchema.default(''),
  text: z.string().max(MAX_DRAFT_TEXT_CHARACTERS, {
    error: `The draft is too long to compare (at most ${MAX_DRAFT_TEXT_CHARACTERS.toLocaleString('en')} characters).`,
  }),
  tags: z.array(TagSchema).max(50, { error: 'At most 50 tags.' }).default([]),
  section: SectionSchema.default(''),
  excludeId: ArticleIdSchema.optional(),
});
export type RelatedDraft = z.infer<typeof RelatedDraftSchema>;

const LimitSchema = z
  .number()
  .int({ error: 'The number of suggestions is a whole number.' })
  .min(1, { error: 'Ask for at least one suggestion.' })
  .max(MAX_RELATED_LIMIT, { error: `At most ${MAX_RELATED_LIMIT} suggestions at a time.` })
  .default(10);

/** Suggestions for a saved article (`{ articleId }`) or for a draft (`{ draft }`): one of the two. */
export const SuggestRelatedArgsSchema = z
  .strictObject({ articleId: ArticleIdSchema.optional(), draft: RelatedDraftSchema.optional(), limit: LimitSchema })
  .transform((args, context) => {
    if (args.draft !== undefined && args.articleId === undefined) return { draft: args.draft, limit: args.limit };
    if (args.articleId !== undefined && args.draft === undefined)
      return { articleId: args.articleId, limit: args.limit };
    context.addIssue({ code: 'custom', message: 'Give either an article id or a draft to find related articles for.' });
    return z.NEVER;
  });
export type SuggestRelatedArgs = z.infer<typeof SuggestRelatedArgsSchema>;

/** What two articles have in common, as the reason shows it; each list most telling first. */
export const SharedFeaturesSchema = z.object({
  people: z.array(z.string()),
  places: z.array(z.string()),
  organisations: z.array(z.string()),
  tags: z.array(z.string()),
  terms: z.array(z.string()),
});
export type SharedFeatures = z.infer<typeof SharedFeaturesSchema>;

const SuggestedArticleSchema = z.object({
  articleId: ArticleIdSchema,
  headline: z.string(),
  /** The dek, or the opening of the body when there is none. */
  teaser: z.string(),
  section: z.string(),
  updatedAt: TimestampSchema,
  /** The dateline's date, when the article has one. */
  datelineDate: DatelineDateSchema,
});

/** A related article: why it is related, in words and as lists, and how strongly (0 to 1). */
export const RelatedSuggestionSchema = SuggestedArticleSchema.extend({
  score: z.number().min(0).max(1),
  /** E.g. "Shares people: Tony Blair; places: Iraq; key terms: election, labour". */
  reason: z.string(),
  shared: SharedFeaturesSchema,
});
export type RelatedSuggestion = z.infer<typeof RelatedSuggestionSchema>;

/** A possible duplicate: nearly the same text (the same wire story imported twice, lightly edited). */
export const DuplicateSuggestionSchema = SuggestedArticleSchema.extend({
  /** Estimated share of three-word phrases the two texts have in common, 0 to 1. */
  similarity: z.number().min(0).max(1),
});
export type DuplicateSuggestion = z.infer<typeof DuplicateSuggestionSchema>;

export const SuggestRelatedResultSchema = z.object({
  /** Most related first; never an article listed under duplicates, the article itself, or one in the trash. */
  related: z.array(RelatedSuggestionSchema),
  /** Most similar first. */
  duplicates: z.array(DuplicateSuggestionSchema),
  /** Articles changed without being analysed yet (`copydesk related --reindex` analyses them). */
  unindexed: z.number().int().nonnegative(),
});
export type SuggestRelatedResult = z.infer<typeof SuggestRelatedResultSchema>;
