import { ApiError } from '../../shared/errors';
import type { ImportFormat } from '../../shared/imports';
import { fileSizeProblem } from '../../shared/imports';
import { htmlNestingDepth, MAX_HTML_NESTING } from './inertHtml';

/** A file Copydesk will not import, with a message written for the person who chose it. */
export function refuse(message: string): ApiError {
  return new ApiError('invalid-request', message);
}

/** Refuses a file over its kind's size limit, before any of it is read into memory. */
export function checkFileSize(name: string, format: ImportFormat, size: number): void {
  const problem = fileSizeProblem(name, format, size);
  if (problem !== null) throw refuse(problem);
}

/** Refuses markup nested deeper than any real page, before anything parses it (see htmlNestingDepth). */
export function checkHtmlNesting(name: string, html: string): void {
  if (htmlNestingDepth(html) > MAX_HTML_NESTING) {
    throw refuse(
      `${name} nests its elements more than ${MAX_HTML_NESTING} levels deep, which no ordinary page does, so Copydesk does not read it. Copy the article's text into a text file and import that instead.`,
    );
  }
}
