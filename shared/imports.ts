/**
 * What an import of files reports back: the articles it created, the files it skipped as
 * duplicates of articles already in the library, and the files it could not import, each with
 * a reason a person can act on. Shared by the CLI, the handler table and the UI.
 */
import { z } from 'zod';

import { ArticleIdSchema } from './domain';

/** The kinds of file Copydesk imports. */
export const IMPORT_FORMATS = ['text', 'markdown', 'html', 'docx', 'pdf', 'ninjs', 'package'] as const;
export const ImportFormatSchema = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof ImportFormatSchema>;

const MB = 1024 * 1024;

/**
 * The largest file of each kind that is read. A text or Markdown file beyond 8 MB would make a
 * body beyond the editor's 8 MB limit anyway; a web page carries markup around its text; a
 * Word file may hold pictures, which are not imported but still take room in the file.
 */
export const MAX_FILE_BYTES: Readonly<Record<ImportFormat, number>> = {
  text: 8 * MB,
  markdown: 8 * MB,
  html: 20 * MB,
  docx: 50 * MB,
  /** A PDF (a press release, a report) is kept whole as the story's source as well. */
  pdf: 50 * MB,
  ninjs: 8 * MB,
  /** A package as one .zip: the article with its pictures. */
  package: 50 * MB,
};

const EXTENSIONS: Readonly<Record<string, ImportFormat>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.docx': 'docx',
  '.pdf': 'pdf',
  '.json': 'ninjs',
  '.zip': 'package',
};

/**
 * The most pages of a PDF read as one story: a press release or a statement has a few, a
 * report a few dozen; a book-length document is a source to keep, not a story to edit.
 */
export const MAX_PDF_PAGES = 300;

/** The extensions Copydesk imports, for messages. */
export const IMPORTABLE_EXTENSIONS = '.txt, .md, .html, .htm, .docx, .pdf, ninjs .json or a package .zip';

/** Why a file found in a folder is left alone. */
export const NOT_AN_ARTICLE_FILE = `not an article file (Copydesk imports ${IMPORTABLE_EXTENSIONS})`;

/** Why a file that is not an article is left alone: a picture is said to be one, with where it can go. */
export function leftAloneReason(name: string): string {
  return isPictureFile(name)
    ? 'a picture, not an article: add it to a story as its lead image (Choose lead image) or in the text (Insert image)'
    : NOT_AN_ARTICLE_FILE;
}

/**
 * The format a file is read as, from its name (a bare name or a path with / or \\): null for a
 * kind of file Copydesk does not import. A file with no extension at all is read as plain text.
 */
export function formatOfFile(name: string): ImportFormat | null {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  // As path.extname: a leading dot names a hidden file, not an extension.
  if (dot <= 0) return 'text';
  return EXTENSIONS[base.slice(dot).toLowerCase()] ?? null;
}

function megabytes(bytes: number): string {
  const value = bytes / MB;
  return value >= 10 ? value.toFixed(0) : value.toFixed(1);
}

/** Why a file of `size` bytes will not be read, or null when its size is fine. */
export function fileSizeProblem(name: string, format: ImportFormat, size: number): string | null {
  if (size === 0) return `${name} is empty: there is nothing to import.`;
  const limit = MAX_FILE_BYTES[format];
  if (size <= limit) return null;
  const kind =
    format === 'docx'
      ? 'Word files'
      : format === 'pdf'
        ? 'PDF files'
        : format === 'html'
          ? 'web pages'
          : format === 'package'
            ? 'packages'
            : format === 'ninjs'
              ? 'ninjs files'
              : 'text files';
  return `${name} is too large to import (${megabytes(size)} MB; the limit for ${kind} is ${megabytes(limit)} MB). Split it into smaller files.`;
}

/** The file at the top of an export package; a folder holding it is imported as one article. */
export const PACKAGE_ARTICLE_FILE = 'article.ninjs.json';

/**
 * The folders among `names` (paths with /) that are export packages: those holding
 * article.ninjs.json directly. Their files are imported together, as one article.
 */
export function packageFolders(names: readonly string[]): string[] {
  const folders = new Set<string>();
  for (const name of names) {
    const normal = name.replace(/\\/g, '/');
    if (normal.endsWith(`/${PACKAGE_ARTICLE_FILE}`)) folders.add(normal.slice(0, -PACKAGE_ARTICLE_FILE.length));
  }
  return [...folders];
}

/** The kinds of picture a saved page's files may hold that an article can carry. */
const PICTURE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.gif', '.webp']);

function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

/** Whether a file is a picture by its name (JPEG, PNG, GIF or WebP). */
export function isPictureFile(name: string): boolean {
  return PICTURE_EXTENSIONS.has(extensionOf(name));
}

/**
 * The saved web page a file belongs to, when it sits in the folder a browser saves a page's
 * files in ("Save page as… complete": "Story_files/" beside "Story.html"), among `pages`
 * (paths with /); null otherwise.
 */
export function pageOfFile(name: string, pages: ReadonlySet<string>): string | null {
  const normal = name.replace(/\\/g, '/');
  const parts = normal.split('/');
  for (let i = parts.length - 2; i >= 0; i -= 1) {
    const folder = parts[i] ?? '';
    if (!folder.endsWith('_files') || folder.length <= '_files'.length) continue;
    const stem = [...parts.slice(0, i), folder.slice(0, -'_files'.length)].join('/');
    for (const extension of ['.html', '.htm', '.xhtml']) {
      if (pages.has(`${stem}${extension}`)) return `${stem}${extension}`;
    }
  }
  return null;
}

/** Why a file of a saved page's folder that is no picture is left alone. */
export function pageFileReason(page: string): string {
  return `part of the saved page ${page.split('/').pop() ?? page} (its styles, scripts and the like): an article does not need it`;
}

/** A related story listed at the foot of an imported article ("Recent"); it becomes the article's related list. */
export type RelatedHeadline = { headline: string; teaser: string };

/** An article created from a file. */
export const ImportedItemSchema = z.object({
  id: ArticleIdSchema,
  headline: z.string(),
  file: z.string(),
  format: ImportFormatSchema,
  /** "Also See" headlines that matched no article in the library; they stay as text. */
  unlinkedAlsoSee: z.array(z.string()),
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
  /** Files inside folders that are not articles (pictures, spreadsheets, …): left alone, listed for the record. */
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
