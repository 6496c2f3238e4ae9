import fs from 'node:fs';
import path from 'node:path';

import { ApiError, errorMessage } from '../../shared/errors';
import type { ImportFormat, ImportReport } from '../../shared/imports';
import {
  formatOfFile,
  IMPORTABLE_EXTENSIONS,
  isPictureFile,
  leftAloneReason,
  PACKAGE_ARTICLE_FILE,
  packageFolders,
  pageFileReason,
  pageOfFile,
} from '../../shared/imports';
import { reweighArticles } from '../services/related';
import type { EditContext } from '../services/articles';
import { commitWithoutWaiting, mergeSearchIndex, mergeSteps, waitForDisk } from '../services/imports';
import type { Library } from '../services/LibraryHost';
import type { ImportedArticle } from './importedArticle';
import { refuse } from './importFormats';
import type { ImportReader, ReadJob } from './readImportFile';
import { readImportFile } from './readImportFile';
import { storeImportedArticles } from './storeImportedArticle';
import type { StoreOutcome } from './storeImportedArticle';
import { afterRequests, requestsLately } from '../base/requestsFirst';

/** A file already in memory (sent by the UI), named as the person's computer names it. */
export type ImportSource = { name: string; bytes: Uint8Array };

/** A path to a file or folder, or a file's bytes. */
export type ImportInput = string | ImportSource;

/** How an import reports progress and can be stopped. */
export type ImportOptions = {
  /** Stops the import after the file being read; what was imported stays. */
  signal?: AbortSignal;
  /** Called before each file with the number of files done so far, and once more at the end with null. */
  onProgress?: (done: number, total: number, current: string | null) => void;
  /** Who is importing, for the articles' first revision; and the clock. */
  context?: EditContext;
  /**
   * Reads and parses each file: in this thread unless given (browser mode and the app hand it
   * to their worker threads, so files are read on every core while the library stays free).
   */
  read?: ImportReader;
};

/**
 * Files read ahead of the one being stored. Reading (parsing a web page, a Word file) is the
 * slow part; with readers in worker threads several files are read at once, in order of the
 * import, while the articles already read are stored.
 */
const READ_AHEAD = 8;
/** Read articles wait to be stored until this many are waiting, or … */
const BATCH_ARTICLES = 50;
/** … the first of them has waited this long, so the library fills steadily. */
const BATCH_MILLISECONDS = 25;
/**
 * How long one transaction of an import stores articles for. While the library is answering
 * requests (a save, a page of the list), its writes are cut into transactions this short, with
 * the event loop run between them, so a request waits behind one of them rather than the batch.
 */
const WRITE_SLICE_MS = 4;
/** With no request made lately, longer transactions: fewer commits, a faster import. */
const QUIET_SLICE_MS = 40;
/** How often, at least, a transaction's commit waits for the disk (see importFiles). */
const SAFE_EVERY_MILLISECONDS = 1000;
/** After importing this many articles, the search index's segments are merged. */
const OPTIMISE_AFTER = 200;

/** Articles reweighed in one transaction once an import's articles are in. */
const REWEIGH_BATCH = 25;

/** A file to import: what reading it needs, or the refusal known before it is read. */
type Task = Omit<ReadJob, 'format'> & {
  format: ImportFormat | null;
  /** A refusal known before the file is read (it does not exist, it is not a kind Copydesk imports). */
  problem?: string;
};

function isHidden(name: string): boolean {
  return path.basename(name).startsWith('.');
}

/**
 * The files of a saved page's folder ("Story_files/" beside "Story.html"): its pictures are the
 * page's, read when it is; anything else it holds is listed as left alone, with why.
 */
async function walkPageFolder(folder: string, shown: string, page: string, ignored: ImportReport['ignored']) {
  for (const entry of await fs.promises.readdir(folder, { withFileTypes: true })) {
    const label = path.join(shown, entry.name);
    if (entry.isDirectory()) await walkPageFolder(path.join(folder, entry.name), label, page, ignored);
    else if (!isPictureFile(entry.name)) ignored.push({ file: label, reason: pageFileReason(page) });
  }
}

/** Every file under `folder`, sorted, hidden files and folders left out, each folder visited once. */
async function walk(
  folder: string,
  shown: string,
  seen: Set<string>,
  into: Task[],
  ignored: ImportReport['ignored'],
  folders: string[],
) {
  const real = await fs.promises.realpath(folder);
  if (seen.has(real)) return;
  seen.add(real);
  const entries = (await fs.promises.readdir(folder, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name, 'en'),
  );
  // An export package: its article, pictures and other formats are one article, not many.
  if (entries.some((entry) => entry.name === PACKAGE_ARTICLE_FILE && entry.isFile())) {
    into.push({ file: shown, format: 'package', packageDir: folder, folders });
    return;
  }
  const pages = new Set(entries.filter((entry) => formatOfFile(entry.name) === 'html').map((entry) => entry.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(folder, entry.name);
    const label = path.join(shown, entry.name);
    // Only links need a stat of their own to tell a file from a folder.
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const stats = await fs.promises.stat(full);
        isDirectory = stats.isDirectory();
        isFile = stats.isFile();
      } catch {
        continue;
      }
    }
    const page = isDirectory ? pageOfFile(`${entry.name}/x`, pages) : null;
    if (page !== null) {
      await walkPageFolder(full, label, page, ignored);
    } else if (isDirectory) {
      await walk(full, label, seen, into, ignored, [...folders, entry.name]);
    } else if (isFile) {
      const format = formatOfFile(entry.name);
      if (format === null || path.extname(entry.name) === '') {
        ignored.push({ file: label, reason: leftAloneReason(entry.name) });
      } else {
        into.push({ file: label, format, path: full, folders });
      }
    }
  }
}

/** The files to import, in order: folders expanded, explicit paths that cannot be imported kept as problems. */
async function plan(inputs: readonly ImportInput[], ignored: ImportReport['ignored']): Promise<Task[]> {
  const tasks: Task[] = [];
  const seen = new Set<string>();
  // Files of a dropped package folder travel together and become one article.
  const packages = new Map<string, Task>();
  const sent = inputs.flatMap((input) => (typeof input === 'string' ? [] : [input.name.replace(/\\/g, '/')]));
  const folders = packageFolders(sent);
  // A saved page's pictures travel with it, from the folder the browser saved them in.
  const pages = new Set(sent.filter((name) => formatOfFile(name) === 'html'));
  const pageFiles = new Map<string, Map<string, Uint8Array>>();
  for (const input of inputs) {
    if (typeof input !== 'string') {
      const name = input.name.replace(/\\/g, '/');
      const folder = folders.find((prefix) => name.startsWith(prefix));
      if (folder !== undefined) {
        let task = packages.get(folder);
        if (task === undefined) {
          task = { file: folder.slice(0, -1), format: 'package', packageFiles: new Map(), folders: [] };
          packages.set(folder, task);
          tasks.push(task);
        }
        task.packageFiles?.set(name.slice(folder.length), input.bytes);
        continue;
      }
      if (isHidden(input.name)) continue;
      const page = pageOfFile(name, pages);
      if (page !== null) {
        if (!isPictureFile(name)) {
          ignored.push({ file: input.name, reason: pageFileReason(page) });
          continue;
        }
        const files = pageFiles.get(page) ?? new Map<string, Uint8Array>();
        files.set(name.slice(page.lastIndexOf('/') + 1), input.bytes);
        pageFiles.set(page, files);
        continue;
      }
      const format = formatOfFile(input.name);
      if (format === null) {
        ignored.push({ file: input.name, reason: leftAloneReason(input.name) });
      } else {
        tasks.push({ file: input.name, format, bytes: input.bytes, folders: name.split('/').slice(0, -1) });
      }
      continue;
    }
    let stats: fs.Stats;
    try {
      stats = await fs.promises.stat(input);
    } catch {
      tasks.push({ file: input, format: null, problem: `${input} does not exist or cannot be read.`, folders: [] });
      continue;
    }
    if (stats.isDirectory()) {
      await walk(input, input, seen, tasks, ignored, [path.basename(path.resolve(input))]);
    } else {
      const format = formatOfFile(input);
      tasks.push(
        format === null
          ? {
              file: input,
              format,
              problem: `${input} is not a kind of file Copydesk imports: use ${IMPORTABLE_EXTENSIONS}.`,
              folders: [],
            }
          : { file: input, format, path: input, folders: [] },
      );
    }
  }
  for (const task of tasks) {
    const files = pageFiles.get(task.file.replace(/\\/g, '/'));
    if (files !== undefined) task.pageFiles = files;
  }
  return tasks;
}

function describeReadFailure(task: Task, error: unknown): string {
  if (error instanceof ApiError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return `${task.file} cannot be read: permission denied.`;
  if (code === 'ENOENT') return `${task.file} no longer exists.`;
  if (code === 'EISDIR') return `${task.file} is a folder.`;
  return `${task.file} could not be imported: ${errorMessage(error)}`;
}

/** What reading a file gave: its article, or why it could not be read. */
type Read = { article: ImportedArticle } | { error: unknown };

/** The job a reader is given for a task, or the refusal known before reading. */
function readJob(task: Task): ReadJob {
  if (task.problem !== undefined || task.format === null)
    throw refuse(task.problem ?? `${task.file} cannot be imported.`);
  const { file, format, path: onDisk, bytes, packageDir, packageFiles, pageFiles, folders } = task;
  return { file, format, path: onDisk, bytes, packageDir, packageFiles, pageFiles, folders };
}

/**
 * Imports files and folders (recursively, hidden files left out) into the library. Each file
 * is read, parsed and stored on its own: a file that fails is listed with its reason and the
 * rest are imported; an article whose text is already in the library is skipped and listed.
 * Files are read ahead of the one being stored (by `options.read`, in worker threads where
 * the caller has them) and handled in the import's order. Articles are stored in short
 * transactions of several articles each, in which each article is stored completely or not at
 * all (see storeImportedArticles), so a large archive imports quickly, and between two
 * transactions the event loop runs: the library keeps answering saves and reads. `signal`
 * stops the import after the current file; files read ahead of it are dropped.
 */
export async function importFiles(
  lib: Library,
  inputs: readonly ImportInput[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const report: ImportReport = { total: 0, imported: [], duplicates: [], failed: [], ignored: [], cancelled: false };
  const tasks = await plan(inputs, report.ignored);
  report.total = tasks.length;
  const read = options.read ?? readImportFile;

  const reads: Promise<Read>[] = [];
  const readAhead = (upTo: number) => {
    for (let i = reads.length; i < Math.min(upTo, tasks.length); i += 1) {
      const task = tasks[i] as Task;
      // Settled into a value at once: a file read ahead that fails is listed when its turn comes.
      reads.push(
        Promise.resolve()
          .then(() => read(readJob(task)))
          .then(
            (article): Read => ({ article }),
            (error: unknown): Read => ({ error }),
          ),
      );
    }
  };

  let pending: { task: Task; article: ImportedArticle }[] = [];
  let pendingSince = 0;
  const record = (task: Task, article: ImportedArticle, outcome: StoreOutcome | Error) => {
    if (outcome instanceof Error) {
      report.failed.push({ file: task.file, reason: describeReadFailure(task, outcome) });
    } else if (outcome.kind === 'duplicate') {
      report.duplicates.push({
        file: task.file,
        headline: article.headline,
        existingId: outcome.existingId,
        existingHeadline: outcome.existingHeadline,
        existingTrashed: outcome.existingTrashed,
      });
    } else {
      report.imported.push({
        id: outcome.id,
        headline: outcome.headline,
        file: task.file,
        format: article.format,
        unlinkedAlsoSee: outcome.unlinkedAlsoSee,
        notes: outcome.notes,
      });
    }
  };
  // Related-article analysis (~50 ms an article) is left to the background queue.
  const context = { ...options.context, analyseLater: true };
  // Transactions commit without waiting for the disk, but for one a second: a power cut during
  // an import may undo at most its last second, and once it ends every article it stored is safe.
  let lastSafe = Date.now();
  const disk = { unsafe: false };
  /** Stores the front of `batch` in one short transaction; returns how many it took. */
  const storeSlice = (batch: readonly { task: Task; article: ImportedArticle }[]): number => {
    const store = () =>
      storeImportedArticles(
        lib,
        batch.map(({ task, article }) => ({ imported: article, fileName: task.file })),
        context,
        requestsLately() ? WRITE_SLICE_MS : QUIET_SLICE_MS,
      );
    let stored: (StoreOutcome | Error)[];
    try {
      if (Date.now() - lastSafe >= SAFE_EVERY_MILLISECONDS) {
        stored = store();
        lastSafe = Date.now();
        disk.unsafe = false;
      } else {
        stored = commitWithoutWaiting(lib, store);
        disk.unsafe = true;
      }
    } catch (error) {
      // Nothing of the transaction stands (a full disk, an I/O error). The first article is
      // told why; those after it are tried again in transactions of their own.
      const { task } = batch[0] as { task: Task };
      report.failed.push({ file: task.file, reason: `${task.file} could not be stored: ${errorMessage(error)}` });
      return 1;
    }
    stored.forEach((outcome, index) => {
      const { task, article } = batch[index] as { task: Task; article: ImportedArticle };
      record(task, article, outcome);
    });
    return stored.length;
  };
  const flush = async () => {
    const batch = pending;
    pending = [];
    for (let at = 0; at < batch.length;) {
      if (at > 0) await afterRequests();
      at += storeSlice(batch.slice(at));
    }
  };

  let done = 0;
  try {
    for (const [index, task] of tasks.entries()) {
      if (options.signal?.aborted === true) {
        report.cancelled = true;
        break;
      }
      options.onProgress?.(done, tasks.length, task.file);
      readAhead(index + READ_AHEAD);
      const result = await (reads[index] as Promise<Read>);
      reads[index] = Promise.resolve({ error: null });
      if ('article' in result) {
        if (pending.length === 0) pendingSince = performance.now();
        pending.push({ task, article: result.article });
      } else {
        report.failed.push({ file: task.file, reason: describeReadFailure(task, result.error) });
      }
      done += 1;
      if (
        pending.length >= BATCH_ARTICLES ||
        (pending.length > 0 && performance.now() - pendingSince >= BATCH_MILLISECONDS)
      ) {
        await flush();
      }
      await afterRequests();
    }
    await flush();
    // The search index merged, then the weights set again: each a step at a time, with the
    // event loop run between steps, for as long as the library stays open.
    if (report.imported.length >= OPTIMISE_AFTER) {
      for (let steps = mergeSteps(lib); steps > 0 && lib.db.open && mergeSearchIndex(lib); steps -= 1) {
        await afterRequests();
      }
    }
    // Rarity of words is only known once the articles are in: weights set early are set again.
    if (report.imported.length > 0) {
      let batches = 0;
      while (lib.db.open && reweighArticles(lib, REWEIGH_BATCH, () => batches++ > 0) > 0) {
        batches = 0;
        await afterRequests();
      }
    }
  } finally {
    if (disk.unsafe) waitForDisk(lib);
  }
  options.onProgress?.(done, tasks.length, null);
  return report;
}
