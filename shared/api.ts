/**
 * The Copydesk API contract: every channel between the UI and the services, with the zod
 * schemas of its arguments and its result. The main process's handler table, the preload's
 * allow-list, the browser-mode server and the renderer's client are all typed from this table.
 */
import { z } from 'zod';

import {
  AltTextSchema,
  ArticleIdSchema,
  ArticleSchema,
  ArticleStatusSchema,
  ArticleSummarySchema,
  AssignedStepSchema,
  BodySchema,
  AssetIdSchema,
  AssetSchema,
  AuthorBioSchema,
  AuthorIdSchema,
  AuthorNameSchema,
  AuthorSchema,
  CaptionSchema,
  CreditSchema,
  DatelineDateInputSchema,
  DatelineSchema,
  DekSchema,
  HeadlineSchema,
  LanguageSchema,
  LengthTargetSchema,
  LibraryInfoSchema,
  MAX_BODY_JSON_BYTES,
  RevisionIdSchema,
  RevisionSchema,
  RevisionSummarySchema,
  SearchHitSchema,
  SectionSchema,
  SeoDescriptionSchema,
  SeoHeadlineSchema,
  SlugSchema,
  SocialHeadlineSchema,
  StatusChangeSchema,
  StoryTimeInputSchema,
  SyndicationCreditSchema,
  TagSchema,
} from './domain';
import { LibraryFacetsSchema, LibraryFiltersSchema, LibrarySortSchema, SortDirectionSchema } from './library';
import { PreferencesPatchSchema, PreferencesStateSchema } from './preferences';
import {
  ClaimIdSchema,
  ClaimKindSchema,
  ClaimNoteSchema,
  ClaimSchema,
  EvidenceIdSchema,
  MAX_PASTED_SNAPSHOT_CHARACTERS,
  SnapshotIdSchema,
  SnapshotSchema,
  SourceFieldsSchema,
  SourceIdSchema,
  SourceSchema,
  VerdictChangeSchema,
  VerdictSchema,
} from './sources';
import {
  BackupInfoSchema,
  BackupListSchema,
  LibraryPathSchema,
  LibraryStatusSchema,
  RecentLibrarySchema,
  RestoreResultSchema,
} from './libraries';
import {
  CommentQuoteSchema,
  CommentTextSchema,
  CommentThreadIdSchema,
  CommentThreadSchema,
  MentionSchema,
} from './comments';
import { AssigneeSchema, OwnerSchema, WorkflowEntrySchema } from './workflow';
import { ApiErrorPayloadSchema } from './errors';
import { ChecklistSchema, OverrideSchema } from './exportChecklist';
import { ExportFolderPlanSchema, ExportResultSchema } from './exports';
import { SuggestRelatedArgsSchema, SuggestRelatedResultSchema } from './related';
import { isTimeZone } from './storyTimes';
import { DeskWordSchema } from './spelling/deskWords';
import {
  ImportJobIdSchema,
  ImportJobStatusSchema,
  MAX_IMPORT_REQUEST_BYTES,
  MAX_IMPORT_REQUEST_FILES,
} from './imports';
import { SendStoryArgsSchema, SentStorySchema, StoryBundleSchema } from './storyTransfer';

const channel = <A extends z.ZodType, R extends z.ZodType>(args: A, result: R) => ({ args, result });

const BODY_TOO_LARGE = `The body is too large (at most ${MAX_BODY_JSON_BYTES / (1024 * 1024)} MB of editor data).`;

/**
 * Why a body cannot be saved for its size, or null. The editor checks its own body with this
 * alone (its shape is the editor's own); the contract checks both.
 */
export function bodySizeProblem(body: unknown): string | null {
  const json = JSON.stringify(body);
  // A UTF-16 unit is at most three bytes of UTF-8: most bodies need no exact count.
  if (json.length * 3 <= MAX_BODY_JSON_BYTES) return null;
  return new TextEncoder().encode(json).length <= MAX_BODY_JSON_BYTES ? null : BODY_TOO_LARGE;
}

/** A body as a caller may send it: a Lexical root no larger than MAX_BODY_JSON_BYTES. */
const BodyInputSchema = BodySchema.refine((body) => bodySizeProblem(body) === null, { error: BODY_TOO_LARGE });

/** An IANA time zone this runtime knows, such as Europe/London. */
const TimeZoneSchema = z
  .string()
  .refine(isTimeZone, { error: 'The time zone must be one such as Europe/London or Asia/Karachi.' });

/** An entry of the related list as a save sends it. */
export const RelatedInputSchema = z.strictObject({
  articleId: ArticleIdSchema.nullable(),
  headline: z.string().trim().min(1, { error: 'A related article needs a headline.' }).max(500),
  teaser: z.string().max(2000, { error: 'A related article’s teaser is at most 2,000 characters.' }),
});

/** The editable fields of an article; each is optional in a save. */
export const ArticlePatchSchema = z.strictObject({
  headline: HeadlineSchema.optional(),
  dek: DekSchema.optional(),
  /** The article's authors, in byline order. */
  authorIds: z.array(AuthorIdSchema).max(20, { error: 'At most 20 authors.' }).optional(),
  dateline: DatelineSchema.optional(),
  datelineDate: DatelineDateInputSchema.optional(),
  leadImage: z
    .strictObject({
      assetId: AssetIdSchema,
      caption: CaptionSchema,
      credit: CreditSchema,
      /** Left out, the picture keeps the alt text it has (a new picture has none). */
      altText: AltTextSchema.optional(),
    })
    .nullable()
    .optional(),
  /** The credit kept for a lead image still to be added; ignored while the article has one. */
  leadImageCredit: CreditSchema.optional(),
  syndicationCredit: SyndicationCreditSchema.optional(),
  /** Until when the story is embargoed (UTC); null lifts the embargo. */
  embargoUntil: StoryTimeInputSchema.optional(),
  /** When the story is set to be published (UTC); null for no time. */
  publishAt: StoryTimeInputSchema.optional(),
  seoHeadline: SeoHeadlineSchema.optional(),
  socialHeadline: SocialHeadlineSchema.optional(),
  seoDescription: SeoDescriptionSchema.optional(),
  language: LanguageSchema.optional(),
  lengthTarget: LengthTargetSchema.optional(),
  /** Setting the slug by hand fixes it; it no longer follows the headline. */
  slug: SlugSchema.optional(),
  body: BodyInputSchema.optional(),
  section: SectionSchema.optional(),
  tags: z.array(TagSchema).max(50, { error: 'At most 50 tags.' }).optional(),
  /** The related list, in order; replaces the whole list. */
  related: z.array(RelatedInputSchema).max(50, { error: 'At most 50 related articles.' }).optional(),
  status: ArticleStatusSchema.optional(),
});
export type ArticlePatch = z.infer<typeof ArticlePatchSchema>;

/**
 * A new article's fields, and the id the window gave it when the person started it: the window
 * shows a new story at once and stores it with its first change, under the id it already uses.
 */
export const CreateArticleArgsSchema = ArticlePatchSchema.extend({ id: ArticleIdSchema.optional() });

export const ListArticlesArgsSchema = z.strictObject({
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(500).default(50),
  trashed: z.boolean().default(false),
  sort: LibrarySortSchema.default('updated'),
  /** Left out: newest first for dates, A to Z for headlines. */
  direction: SortDirectionSchema.optional(),
  filters: LibraryFiltersSchema.default({}),
});

export const SearchArgsSchema = z.strictObject({
  query: z.string().max(1000, { error: 'The search is too long (at most 1,000 characters).' }),
  limit: z.number().int().min(1).max(200).default(20),
  filters: LibraryFiltersSchema.default({}),
});

const ArticleRefSchema = z.strictObject({ id: ArticleIdSchema });

/** A story assigned to a person for a step, or ('' for the assignee) to nobody: the step is then left out. */
export const AssignArgsSchema = z
  .strictObject({
    id: ArticleIdSchema,
    assignee: AssigneeSchema,
    /** What the assignee is to do; needed whenever someone is assigned, ignored when nobody is. */
    step: AssignedStepSchema.optional(),
  })
  .superRefine((args, context) => {
    if (args.assignee !== '' && args.step === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['step'],
        message: `Choose the step ${args.assignee} is assigned for: editing, fact-check or review.`,
      });
    }
  });

/** The largest image accepted, before base64 encoding. */
export const MAX_IMAGE_BYTES = 50 * 1024 * 1024;

export const AddImageArgsSchema = z.strictObject({
  name: z.string().max(255),
  /** The file's bytes, base64-encoded. */
  dataBase64: z
    .string()
    .max(Math.ceil(MAX_IMAGE_BYTES / 3) * 4, {
      error: `The image is larger than ${MAX_IMAGE_BYTES / (1024 * 1024)} MB. Export a smaller copy and try again.`,
    })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'The image data is not base64.' }),
});

/** One file to import, as the UI read it from a drop or a file dialog. */
export const ImportFileSchema = z.strictObject({
  /** The file's name, or its path inside a dropped folder ("bbc/sport/199.txt"). */
  name: z.string().trim().min(1, { error: 'A file to import needs a name.' }).max(1024),
  /** The file's bytes, base64-encoded. */
  dataBase64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'The file data is not base64.' }),
});

export const StartImportArgsSchema = z.strictObject({
  files: z
    .array(ImportFileSchema)
    .min(1, { error: 'Choose at least one file to import.' })
    .max(MAX_IMPORT_REQUEST_FILES, {
      error: `At most ${MAX_IMPORT_REQUEST_FILES.toLocaleString('en')} files at a time. Import the rest in another batch.`,
    })
    .refine(
      (files) =>
        files.reduce((total, file) => total + file.dataBase64.length, 0) <= Math.ceil(MAX_IMPORT_REQUEST_BYTES / 3) * 4,
      {
        error: `These files are larger than ${MAX_IMPORT_REQUEST_BYTES / (1024 * 1024)} MB together. Import them in smaller batches.`,
      },
    ),
});

export const RunExportArgsSchema = z.strictObject({
  articleId: ArticleIdSchema,
  /** The folder to write the package into, by its full path. */
  folder: z
    .string()
    .trim()
    .min(1, { error: 'Choose a folder to export into.' })
    .max(4096, { error: 'The folder path is too long.' }),
  /** One .zip file rather than a folder. */
  zip: z.boolean().default(false),
  /** A written reason for each blocking checklist item exported anyway. */
  overrides: z.array(OverrideSchema).max(100, { error: 'At most 100 overrides.' }).default([]),
});

/** The largest file kept as a source snapshot, before base64 encoding. */
export const MAX_SNAPSHOT_FILE_BYTES = 50 * 1024 * 1024;

/** What a snapshot is taken from: a file's bytes, or pasted text. */
export const CaptureInputSchema = z.union([
  z.strictObject({
    file: z.strictObject({
      name: z.string().trim().min(1, { error: 'The file needs a name.' }).max(1024),
      dataBase64: z
        .string()
        .max(Math.ceil(MAX_SNAPSHOT_FILE_BYTES / 3) * 4, {
          error: `The file is larger than ${MAX_SNAPSHOT_FILE_BYTES / (1024 * 1024)} MB. Keep the part you need as a smaller file.`,
        })
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'The file data is not base64.' }),
    }),
  }),
  z.strictObject({
    paste: z.strictObject({
      text: z.string().max(MAX_PASTED_SNAPSHOT_CHARACTERS, {
        error: `The pasted text is too long to keep (at most ${MAX_PASTED_SNAPSHOT_CHARACTERS.toLocaleString('en')} characters). Save it as a file and add that.`,
      }),
      label: z.string().trim().max(300).default('Pasted text'),
    }),
  }),
]);

export const contract = {
  'library:info': channel(z.strictObject({}), LibraryInfoSchema),
  'library:addSample': channel(z.strictObject({}), ArticleSchema),
  'articles:list': channel(
    ListArticlesArgsSchema,
    z.object({ items: z.array(ArticleSummarySchema), total: z.number().int().nonnegative() }),
  ),
  'articles:get': channel(ArticleRefSchema, ArticleSchema),
  /** Counts for the library's filter controls, under the filters given. */
  'library:facets': channel(z.strictObject({ filters: LibraryFiltersSchema.default({}) }), LibraryFacetsSchema),
  'articles:create': channel(CreateArticleArgsSchema, ArticleSchema),
  'articles:save': channel(
    z.strictObject({
      id: ArticleIdSchema,
      version: z.number().int().positive(),
      patch: ArticlePatchSchema,
      /** The window's last save, sent as it closes or reloads (it may arrive after the request to keep the session's version). */
      closing: z.boolean().optional(),
    }),
    ArticleSchema,
  ),
  'articles:trash': channel(ArticleRefSchema, ArticleSummarySchema),
  'articles:restore': channel(ArticleRefSchema, ArticleSummarySchema),
  'articles:search': channel(
    SearchArgsSchema,
    z.object({ hits: z.array(SearchHitSchema), hint: z.string().nullable() }),
  ),
  'articles:statusHistory': channel(ArticleRefSchema, z.array(StatusChangeSchema)),
  /** Assigns the story to a person for a step, or to nobody (assignee ''); kept in its workflow history. */
  'articles:assign': channel(AssignArgsSchema, ArticleSchema),
  /** Hands the story to another owner; kept in its workflow history. */
  'articles:setOwner': channel(z.strictObject({ id: ArticleIdSchema, owner: OwnerSchema }), ArticleSchema),
  /** Whether everyone but the story's owner edits it in Suggesting mode unless they choose otherwise. */
  'articles:setOthersSuggest': channel(z.strictObject({ id: ArticleIdSchema, value: z.boolean() }), ArticleSchema),
  /** Every change of the story's status, assignment and owner, with who made it and when: oldest first. */
  'articles:workflowHistory': channel(ArticleRefSchema, z.array(WorkflowEntrySchema)),
  'authors:find': channel(
    z.strictObject({ query: z.string().max(200).default(''), limit: z.number().int().min(1).max(100).default(20) }),
    z.array(AuthorSchema.extend({ articleCount: z.number().int().nonnegative() })),
  ),
  'authors:create': channel(z.strictObject({ name: AuthorNameSchema, bio: AuthorBioSchema.default('') }), AuthorSchema),
  /** The author of this name (the same words in another case count), created with `bio` if the library has none. */
  'authors:findOrCreate': channel(
    z.strictObject({ name: AuthorNameSchema, bio: AuthorBioSchema.default('') }),
    AuthorSchema,
  ),
  'authors:update': channel(
    z.strictObject({ id: AuthorIdSchema, name: AuthorNameSchema, bio: AuthorBioSchema }),
    AuthorSchema,
  ),
  'assets:addImage': channel(AddImageArgsSchema, AssetSchema),
  'assets:get': channel(
    z.strictObject({ id: AssetIdSchema }),
    z.object({ asset: AssetSchema, dataBase64: z.string() }),
  ),
  'revisions:list': channel(z.strictObject({ articleId: ArticleIdSchema }), z.array(RevisionSummarySchema)),
  'revisions:get': channel(z.strictObject({ id: RevisionIdSchema }), RevisionSchema),
  'revisions:create': channel(
    z.strictObject({
      articleId: ArticleIdSchema,
      label: z.string().trim().min(1, { error: 'Give the version a name.' }).max(200),
    }),
    RevisionSummarySchema,
  ),
  /**
   * The person left the story (another story, a closed or reloaded window, another library):
   * keeps it as an automatic version if it changed since the newest one. Sent after the
   * window's last save; null when there was nothing new to keep.
   */
  'revisions:endSession': channel(z.strictObject({ articleId: ArticleIdSchema }), RevisionSummarySchema.nullable()),
  'revisions:restore': channel(
    z.strictObject({ articleId: ArticleIdSchema, revisionId: RevisionIdSchema, version: z.number().int().positive() }),
    ArticleSchema,
  ),
  'preferences:get': channel(z.strictObject({}), PreferencesStateSchema),
  'preferences:update': channel(PreferencesPatchSchema, PreferencesStateSchema),
  /** Starts importing files in the background; poll imports:status for progress and the report. */
  'imports:start': channel(StartImportArgsSchema, z.object({ jobId: ImportJobIdSchema })),
  'imports:status': channel(z.strictObject({ jobId: ImportJobIdSchema }), ImportJobStatusSchema),
  /** Stops an import after the file it is reading; what was imported stays. */
  'imports:cancel': channel(z.strictObject({ jobId: ImportJobIdSchema }), ImportJobStatusSchema),
  'sources:list': channel(
    z.strictObject({ query: z.string().max(1000).default(''), limit: z.number().int().min(1).max(200).default(50) }),
    z.object({ sources: z.array(SourceSchema), hint: z.string().nullable() }),
  ),
  'sources:get': channel(z.strictObject({ id: SourceIdSchema }), SourceSchema),
  'sources:create': channel(SourceFieldsSchema, SourceSchema),
  'sources:update': channel(z.strictObject({ id: SourceIdSchema, fields: SourceFieldsSchema }), SourceSchema),
  'sources:add': channel(
    z.strictObject({
      from: CaptureInputSchema,
      fields: SourceFieldsSchema.partial().default({}),
      articleId: ArticleIdSchema.nullable().default(null),
    }),
    SourceSchema,
  ),
  'sources:recapture': channel(z.strictObject({ id: SourceIdSchema, from: CaptureInputSchema }), SourceSchema),
  'sources:snapshot': channel(z.strictObject({ id: SnapshotIdSchema }), SnapshotSchema),
  'sources:forArticle': channel(z.strictObject({ articleId: ArticleIdSchema }), z.array(SourceSchema)),
  'sources:attach': channel(
    z.strictObject({ articleId: ArticleIdSchema, sourceId: SourceIdSchema }),
    z.array(SourceSchema),
  ),
  'sources:detach': channel(
    z.strictObject({ articleId: ArticleIdSchema, sourceId: SourceIdSchema }),
    z.array(SourceSchema),
  ),
  'claims:list': channel(z.strictObject({ articleId: ArticleIdSchema }), z.array(ClaimSchema)),
  'claims:create': channel(
    z.strictObject({
      articleId: ArticleIdSchema,
      kind: ClaimKindSchema,
      text: z
        .string()
        .min(1, { error: 'Select the words of the claim first.' })
        .max(5000, { error: 'A claim is at most 5,000 characters: mark a sentence or two, not a whole passage.' }),
    }),
    ClaimSchema,
  ),
  'claims:setKind': channel(z.strictObject({ id: ClaimIdSchema, kind: ClaimKindSchema }), ClaimSchema),
  'claims:setVerdict': channel(
    z.strictObject({ id: ClaimIdSchema, verdict: VerdictSchema, note: ClaimNoteSchema.default('') }),
    ClaimSchema,
  ),
  /** The note of the claim's current verdict, changed: a new history entry, for the words that verdict judged. */
  'claims:setNote': channel(z.strictObject({ id: ClaimIdSchema, note: ClaimNoteSchema }), ClaimSchema),
  'claims:history': channel(z.strictObject({ id: ClaimIdSchema }), z.array(VerdictChangeSchema)),
  'claims:addEvidence': channel(
    z.strictObject({
      claimId: ClaimIdSchema,
      snapshotId: SnapshotIdSchema,
      start: z.number().int().nonnegative(),
      end: z.number().int().positive(),
      note: ClaimNoteSchema.default(''),
    }),
    ClaimSchema,
  ),
  'claims:removeEvidence': channel(z.strictObject({ evidenceId: EvidenceIdSchema }), ClaimSchema),
  'claims:dismiss': channel(z.strictObject({ id: ClaimIdSchema }), ClaimSchema),
  /** The article's fact-check report: a standalone HTML document, and a file name to save it under. */
  'claims:report': channel(
    z.strictObject({ articleId: ArticleIdSchema }),
    z.object({ html: z.string(), fileName: z.string() }),
  ),
  /** The story's comment threads, in the order their words stand in the text; those whose words were deleted last. */
  'comments:list': channel(z.strictObject({ articleId: ArticleIdSchema }), z.array(CommentThreadSchema)),
  /**
   * A new thread on the words `quote`, with its first comment. The thread's id is the one its
   * words were marked with in the text (a comment node), so the two find each other.
   */
  'comments:start': channel(
    z.strictObject({
      articleId: ArticleIdSchema,
      threadId: CommentThreadIdSchema,
      quote: CommentQuoteSchema,
      text: CommentTextSchema,
    }),
    CommentThreadSchema,
  ),
  'comments:reply': channel(
    z.strictObject({ threadId: CommentThreadIdSchema, text: CommentTextSchema }),
    CommentThreadSchema,
  ),
  'comments:resolve': channel(z.strictObject({ threadId: CommentThreadIdSchema }), CommentThreadSchema),
  'comments:reopen': channel(z.strictObject({ threadId: CommentThreadIdSchema }), CommentThreadSchema),
  /** The open threads, in every story of the library, in which someone named the person calling: newest first. */
  'comments:mentions': channel(z.strictObject({}), z.array(MentionSchema)),
  /** The people a comment can name with an @: the desk's people, and everyone who has commented in the library. */
  'comments:people': channel(z.strictObject({}), z.array(z.string())),
  /**
   * Sends a story, whole (its sources and snapshots, pictures, claims, comments and history), to
   * a desk, as the person whose key it is: the desk takes it in with `stories:receive`.
   */
  'stories:send': channel(SendStoryArgsSchema, SentStorySchema),
  /** Stops the send named: true when one was under way. */
  'stories:cancelSend': channel(z.strictObject({ sendId: z.uuid() }), z.boolean()),
  /** Takes in a story sent from another library, whole or not at all (see shared/storyTransfer.ts). */
  'stories:receive': channel(StoryBundleSchema, ArticleSchema),
  /**
   * The pre-export checklist, with the package's name and the folder to export into: the last
   * one used for this library, or "Exports" beside it.
   */
  'export:check': channel(
    z.strictObject({
      articleId: ArticleIdSchema,
      /** The person's time zone, in which times are told (an embargo's end); UTC when left out. */
      timeZone: TimeZoneSchema.optional(),
    }),
    ChecklistSchema.extend({ name: z.string(), defaultFolder: z.string() }),
  ),
  /** What exporting into a folder would take (folders to make), or why it cannot go there; changes nothing. */
  'export:folder': channel(z.strictObject({ folder: z.string().max(4096) }), ExportFolderPlanSchema),
  /**
   * Writes the article's package, making its folder when missing; refused while a blocking item
   * has no override with a reason. The article's status moves to Exported.
   */
  'export:run': channel(RunExportArgsSchema, ExportResultSchema),
  /**
   * Articles related to a saved article or to a draft as it is typed, with the reason in words,
   * and apart from them its possible duplicates with their similarity.
   */
  'related:suggest': channel(SuggestRelatedArgsSchema, SuggestRelatedResultSchema),
  /** Whether a library is open, and if not why, with the newest sound backup to offer. Always answers. */
  'library:status': channel(z.strictObject({}), LibraryStatusSchema),
  'libraries:recent': channel(z.strictObject({}), z.array(RecentLibrarySchema)),
  /** Switches to the library at `path`; on failure the library open before stays open. */
  'libraries:open': channel(z.strictObject({ path: LibraryPathSchema }), LibraryStatusSchema),
  /** Creates an empty library at `path` (which must not exist yet) and switches to it. */
  'libraries:create': channel(z.strictObject({ path: LibraryPathSchema }), LibraryStatusSchema),
  /** Removes a library from the recent list; the file is not touched. */
  'libraries:forget': channel(z.strictObject({ path: LibraryPathSchema }), z.array(RecentLibrarySchema)),
  /** The desk's words, which spelling accepts in every story: names of people and places it writes often. */
  'deskWords:list': channel(z.strictObject({}), z.array(z.string())),
  /** Keeps a word (or a name of a few words) as the desk's; answers with them all. */
  'deskWords:add': channel(z.strictObject({ word: DeskWordSchema }), z.array(z.string())),
  /** Stops keeping a word as the desk's; answers with the rest. */
  'deskWords:remove': channel(z.strictObject({ word: DeskWordSchema }), z.array(z.string())),
  'backups:list': channel(z.strictObject({}), BackupListSchema),
  /** "Back up now". */
  'backups:create': channel(z.strictObject({}), BackupInfoSchema),
  /** Restores the backup of that name from the library's backups folder; the replaced file is kept aside. */
  'backups:restore': channel(
    z.strictObject({ name: z.string().min(1, { error: 'Choose a backup to restore.' }).max(255) }),
    RestoreResultSchema,
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
  /** An import started by the desktop app's menu (File › Import), for the UI to follow. */
  onImportStarted(listener: (jobId: string) => void): () => void;
  /** The desktop app's menu asks for the Export dialog (File › Export…). */
  onExportRequested(listener: () => void): () => void;
};

/** Sent when the desktop app switches to another library. */
export const LIBRARY_CHANGED_EVENT = 'library:changed';

/** Sent with an import's id when the desktop app's menu starts one. */
export const IMPORT_STARTED_EVENT = 'imports:started';

/** Sent when the desktop app's menu asks for the Export dialog of the article on screen (File › Export…). */
export const EXPORT_REQUESTED_EVENT = 'export:requested';
