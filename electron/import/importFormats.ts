import { ApiError } from '../../shared/errors';
import type { ImportFormat } from '../../shared/imports';
import { fileSizeProblem } from '../../shared/imports';

/** A file Copydesk will not import, with a message written for the person who chose it. */
export function refuse(message: string): ApiError {
  return new ApiError('invalid-request', message);
}

/** Refuses a file over its kind's size limit, before any of it is read into memory. */
export function checkFileSize(name: string, format: ImportFormat, size: number): void {
  const problem = fileSizeProblem(name, format, size);
  if (problem !== null) throw refuse(problem);
}
