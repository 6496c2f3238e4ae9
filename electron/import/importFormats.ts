import path from 'node:path';

import { ApiError } from '../../shared/errors';
import type { ImportFormat } from '../../shared/imports';

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
};

/** The extensions Copydesk imports, for messages. */
export const IMPORTABLE_EXTENSIONS = '.txt, .md, .html, .htm or .docx';

/** A file Copydesk will not import, with a message written for the person who chose it. */
export function refuse(message: string): ApiError {
  return new ApiError('invalid-request', message);
}

/**
 * The format a file is read as, from its name: null for a kind of file Copydesk does not
 * import. A file with no extension at all is read as plain text.
 */
export function formatOfFile(name: string): ImportFormat | null {
  const extension = path.extname(name).toLowerCase();
  if (extension === '') return 'text';
  return EXTENSIONS[extension] ?? null;
}

function megabytes(bytes: number): string {
  const value = bytes / MB;
  return value >= 10 ? value.toFixed(0) : value.toFixed(1);
}

/** Refuses a file over its kind's size limit, before any of it is read into memory. */
export function checkFileSize(name: string, format: ImportFormat, size: number): void {
  if (size === 0) throw refuse(`${name} is empty: there is nothing to import.`);
  const limit = MAX_FILE_BYTES[format];
  if (size > limit) {
    const kind = format === 'docx' ? 'Word files' : format === 'html' ? 'web pages' : 'text files';
    throw refuse(
      `${name} is too large to import (${megabytes(size)} MB; the limit for ${kind} is ${megabytes(limit)} MB). Split it into smaller files.`,
    );
  }
}
