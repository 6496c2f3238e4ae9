import type { MessagePort } from 'node:worker_threads';

import type { ApiErrorCode } from '../../shared/errors';
import { ApiError } from '../../shared/errors';
import type { ImportedArticle } from '../import/importedArticle';
import type { ReadJob } from '../import/readImportFile';
import type { Analysis, ArticleText } from '../related/analyseArticle';

/**
 * The work the library hands to its worker threads: reading a file of an import (parsing a
 * web page with Readability and jsdom, a Word file, a PDF…), and the related-article analysis
 * of an article's text (the name finder, compromise). Both are plain data in and out.
 */
export type WorkerTask =
  | { kind: 'read'; job: ReadJob }
  | { kind: 'analyse'; text: ArticleText }
  /** Loads the reader and the name finder, so the first real task does not wait for them. */
  | { kind: 'warm' };

export type WorkerResult<T extends WorkerTask> = T extends { kind: 'read' }
  ? ImportedArticle
  : T extends { kind: 'analyse' }
    ? Analysis
    : null;

/** A failure as it crosses from a worker: enough to give the person the same message. */
export type WorkerFailure = { message: string; apiCode?: ApiErrorCode; errno?: string };

/** Runs one task in this thread. The modules each needs are loaded on its first task. */
export async function runTask(task: WorkerTask): Promise<ImportedArticle | Analysis | null> {
  if (task.kind === 'warm') {
    const [, { loadNameFinder }] = await Promise.all([
      import('../import/readImportFile'),
      import('../related/entities'),
      import('../related/analyseArticle'),
    ]);
    await loadNameFinder();
    return null;
  }
  if (task.kind === 'read') {
    const { readImportFile } = await import('../import/readImportFile');
    return readImportFile(task.job);
  }
  const [{ loadNameFinder }, { analyseArticle }] = await Promise.all([
    import('../related/entities'),
    import('../related/analyseArticle'),
  ]);
  await loadNameFinder();
  return analyseArticle(task.text);
}

export function toFailure(error: unknown): WorkerFailure {
  const failure: WorkerFailure = { message: error instanceof Error ? error.message : String(error) };
  if (error instanceof ApiError) failure.apiCode = error.code;
  const errno = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (typeof errno === 'string' && !(error instanceof ApiError)) failure.errno = errno;
  return failure;
}

/** The error a failure stands for on this side: an ApiError stays one, an errno keeps its code. */
export function fromFailure(failure: WorkerFailure): Error {
  if (failure.apiCode !== undefined) return new ApiError(failure.apiCode, failure.message);
  const error: Error & { code?: string } = new Error(failure.message);
  if (failure.errno !== undefined) error.code = failure.errno;
  return error;
}

/** Answers each task that comes in on `port` with its result or its failure (a worker thread's loop). */
export function serveTasks(
  port: Pick<MessagePort, 'on' | 'postMessage'>,
  run: (task: WorkerTask) => Promise<unknown> = runTask,
): void {
  port.on('message', (request: { id: number; task: WorkerTask }) => {
    run(request.task).then(
      (value) => port.postMessage({ id: request.id, ok: true, value }),
      (error: unknown) => port.postMessage({ id: request.id, ok: false, error: toFailure(error) }),
    );
  });
}
