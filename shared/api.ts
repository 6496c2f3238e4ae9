/**
 * The Copydesk API contract: every channel between the UI and the services, with the zod
 * schemas of its arguments and its result. The main process's handler table, the preload's
 * allow-list, the browser-mode server and the renderer's client are all typed from this table.
 */
import { z } from 'zod';

import {
  ArticleIdSchema,
  ArticleSchema,
  ArticleStatusSchema,
  ArticleSummarySchema,
  BodySchema,
  BylineSchema,
  DatelineSchema,
  DekSchema,
  HeadlineSchema,
  LibraryInfoSchema,
  MAX_BODY_JSON_BYTES,
  SearchHitSchema,
  SectionSchema,
  TagSchema,
} from './domain';
import { ApiErrorPayloadSchema } from './errors';

const channel = <A extends z.ZodType, R extends z.ZodType>(args: A, result: R) => ({ args, result });

const jsonBytes = (value: unknown): number => new TextEncoder().encode(JSON.stringify(value)).length;

/** A body as a caller may send it: a Lexical root no larger than MAX_BODY_JSON_BYTES. */
const BodyInputSchema = BodySchema.refine((body) => jsonBytes(body) <= MAX_BODY_JSON_BYTES, {
  error: `The body is too large (at most ${MAX_BODY_JSON_BYTES / (1024 * 1024)} MB of editor data).`,
});

/** The editable fields of an article; each is optional in a save. */
export const ArticlePatchSchema = z.strictObject({
  headline: HeadlineSchema.optional(),
  dek: DekSchema.optional(),
  byline: BylineSchema.optional(),
  dateline: DatelineSchema.optional(),
  body: BodyInputSchema.optional(),
  section: SectionSchema.optional(),
  tags: z.array(TagSchema).max(50, { error: 'At most 50 tags.' }).optional(),
  status: ArticleStatusSchema.optional(),
});
export type ArticlePatch = z.infer<typeof ArticlePatchSchema>;

export const ListArticlesArgsSchema = z.strictObject({
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(500).default(50),
  trashed: z.boolean().default(false),
});

export const SearchArgsSchema = z.strictObject({
  query: z.string().max(1000, { error: 'The search is too long (at most 1,000 characters).' }),
  limit: z.number().int().min(1).max(200).default(20),
});

const ArticleRefSchema = z.strictObject({ id: ArticleIdSchema });

export const contract = {
  'library:info': channel(z.strictObject({}), LibraryInfoSchema),
  'library:addSample': channel(z.strictObject({}), ArticleSchema),
  'articles:list': channel(
    ListArticlesArgsSchema,
    z.object({ items: z.array(ArticleSummarySchema), total: z.number().int().nonnegative() }),
  ),
  'articles:get': channel(ArticleRefSchema, ArticleSchema),
  'articles:create': channel(ArticlePatchSchema, ArticleSchema),
  'articles:save': channel(
    z.strictObject({
      id: ArticleIdSchema,
      version: z.number().int().positive(),
      patch: ArticlePatchSchema,
    }),
    ArticleSchema,
  ),
  'articles:trash': channel(ArticleRefSchema, ArticleSummarySchema),
  'articles:restore': channel(ArticleRefSchema, ArticleSummarySchema),
  'articles:search': channel(
    SearchArgsSchema,
    z.object({ hits: z.array(SearchHitSchema), hint: z.string().nullable() }),
  ),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];

/** What a caller passes: defaults may be omitted. */
export type ArgsOf<C extends Channel> = z.input<Contract[C]['args']>;
/** What a handler receives after validation: defaults filled in, brands applied. */
export type ParsedArgsOf<C extends Channel> = z.output<Contract[C]['args']>;
export type ResultOf<C extends Channel> = z.output<Contract[C]['result']>;

/** The envelope every transport carries: errors are values, never thrown across the boundary. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: z.infer<typeof ApiErrorPayloadSchema> };

export const EnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ApiErrorPayloadSchema }),
]);

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** The shape of the object the renderer calls, whatever carries it. */
export type CopydeskApi = {
  invoke<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>>;
};

/** What the preload exposes on `window.copydesk`: the raw envelope transport. */
export type CopydeskBridge = {
  invoke(channel: Channel, args: unknown): Promise<Envelope<unknown>>;
  onLibraryChanged(listener: () => void): () => void;
};

/** The one event main sends to the renderer. */
export const LIBRARY_CHANGED_EVENT = 'library:changed';
