/**
 * What an import of files reports back: the articles it created, the files it skipped as
 * duplicates of articles already in the library, and the files it could not import, each with
 * a reason a person can act on. Shared by the CLI, the handler table and the UI.
 */
import { z } from 'zod';

import { ArticleIdSchema } from './domain';

/** The kinds of file Copydesk imports. */
export const IMPORT_FORMATS = ['text', 'markdown', 'html', 'docx'] as const;
export const ImportFormatSchema = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof ImportFormatSchema>;

/**
 * A related story listed at the foot of an imported article ("Recent"). Returned with the
 * import so the UI can offer to link them; the library does not store them yet.
 */
export const RelatedHeadlineSchema = z.object({ headline: z.string(), teaser: z.string() });
export type RelatedHeadline = z.infer<typeof RelatedHeadlineSchema>;

/** An article created from a file. */
export const ImportedItemSchema = z.object({
  id: ArticleIdSchema,
  headline: z.string(),
  file: z.string(),
  format: ImportFormatSchema,
  /** "Also See" headlines that matched no article in the library; they stay as text. */
  unlinkedAlsoSee: z.array(z.string()),
  related: z.array(RelatedHeadlineSchema),
  /** Anything the person should know about how the file was read. */
  notes: z.array(z.string()),
});
export type ImportedItem = z.infer<typeof ImportedItemSchema>;

/** A file whose text is already in the library (same content hash). */
export const DuplicateItemSchema = z.object({
  file: z.string(),
  headline: z.string(),
  existingId: ArticleIdSchema,
  existingHeadline: z.string(),
  existingTrashed: z.boolean(),
});
export type DuplicateItem = z.infer<typeof DuplicateItemSchema>;

/** A file that was not imported, and why. */
export const FileProblemSchema = z.object({ file: z.string(), reason: z.string() });
export type FileProblem = z.infer<typeof FileProblemSchema>;

/** The outcome of one batch of files. */
export const ImportReportSchema = z.object({
  /** Files considered, after expanding folders. */
  total: z.number().int().nonnegative(),
  imported: z.array(ImportedItemSchema),
  duplicates: z.array(DuplicateItemSchema),
  failed: z.array(FileProblemSchema),
  /** Files inside folders that are not articles (images, PDFs, …): left alone, listed for the record. */
  ignored: z.array(FileProblemSchema),
  /** True when the import was stopped before every file was read; what was imported stays. */
  cancelled: z.boolean(),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

/** Names a background import, for asking after it and cancelling it. */
export const ImportJobIdSchema = z.uuid({ error: 'Not a valid import id.' }).brand<'ImportJobId'>();
export type ImportJobId = z.infer<typeof ImportJobIdSchema>;

export const IMPORT_JOB_STATES = ['running', 'done', 'cancelled'] as const;

/** Where a background import stands; `result` is present once it has stopped. */
export const ImportJobStatusSchema = z.object({
  jobId: ImportJobIdSchema,
  state: z.enum(IMPORT_JOB_STATES),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** The file being read, or null when none is. */
  current: z.string().nullable(),
  result: ImportReportSchema.optional(),
});
export type ImportJobStatus = z.infer<typeof ImportJobStatusSchema>;

/** The most a single import request may carry, before base64 encoding. */
export const MAX_IMPORT_REQUEST_BYTES = 50 * 1024 * 1024;
/** The most files a single import request may carry. */
export const MAX_IMPORT_REQUEST_FILES = 10_000;
