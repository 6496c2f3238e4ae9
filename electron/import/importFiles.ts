import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';

import { ApiError } from '../../shared/errors';
import type { ImportFormat, ImportReport } from '../../shared/imports';
import { MAX_IMAGE_BYTES } from '../../shared/api';
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
import { commitWithoutWaiting, optimiseSearchIndex, waitForDisk } from '../services/imports';
import type { Library } from '../services/LibraryHost';
import type { ImportedArticle } from './importedArticle';
import { sectionOfFolders } from './folderSection';
import { checkFileSize, refuse } from './importFormats';
import type { PageFiles } from './pagePictures';
import { parseImportFile } from './parseImportFile';
import { storeImportedArticles } from './storeImportedArticle';
import type { StoreOutcome } from './storeImportedArticle';

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
};

/**
 * Articles stored per transaction, at most: a bulk import commits in batches, and a batch is
 * stored without yielding, so it is kept small enough (about 0.1 s of work) for a server in
 * the same process to stay responsive.
 */
const BATCH_ARTICLES = 50;
/** How long read articles wait to be stored, at most, so the library fills steadily. */
const BATCH_MILLISECONDS = 25;
/** How often, at least, a batch's commit waits for the disk (see importFiles). */
const SAFE_EVERY_MILLISECONDS = 1000;
/** After importing this many articles, the search index's segments are merged. */
const OPTIMISE_AFTER = 200;

type Task = {
  file: string;
  format: ImportFormat | null;
  path?: string;
  bytes?: Uint8Array;
  /** A refusal known before the file is read (it does not exist, it is not a kind Copydesk imports). */
  problem?: string;
  /** An export package's folder on disk, imported as one article. */
  packageDir?: string;
  /** An export package's files sent by the UI, by their path inside the package. */
  packageFiles?: Map<string, Uint8Array>;
  /** A saved web page's pictures sent by the UI, by their path relative to the page. */
  pageFiles?: Map<string, Uint8Array>;
  /** The folders the file is in, from the one chosen (included) down: a folder named for a section gives it. */
  folders: string[];
};

/** The most a package folder's files may hold together. */
const MAX_PACKAGE_FOLDER_BYTES = 200 * 1024 * 1024;

/** A package folder's files by their path inside it (hidden files left out). */
async function readPackageFolder(dir: string, label: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  let total = 0;
  const visit = async (folder: string, prefix: string) => {
    for (const entry of await fs.promises.readdir(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        await visit(full, `${prefix}${entry.name}/`);
      } else if (entry.isFile()) {
        const bytes = await fs.promises.readFile(full);
        total += bytes.length;
        if (total > MAX_PACKAGE_FOLDER_BYTES)
          throw refuse(`${label} is too large to import as a package (over 200 MB).`);
        files.set(`${prefix}${entry.name}`, bytes);
      }
    }
  };
  await visit(dir, '');
  return files;
}

function isHidden(name: string): boolean {
  return path.basename(name).startsWith('.');
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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

/**
 * A file's bytes, its size checked before any of it is read. Small files, nearly all of an
 * archive, are read in one synchronous call: quicker than the thread pool, and over in well
 * under a millisecond.
 */
async function readTask(task: Task, format: ImportFormat): Promise<Uint8Array> {
  if (task.bytes !== undefined) return task.bytes;
  const file = task.path ?? task.file;
  const { size } = fs.statSync(file);
  checkFileSize(task.file, format, size);
  const bytes = size < 1024 * 1024 ? fs.readFileSync(file) : await fs.promises.readFile(file);
  // The file may have grown since it was measured.
  checkFileSize(task.file, format, bytes.length);
  return bytes;
}

/** The pictures a saved page's own files hold: those sent with it, or those beside it on disk. */
function pageFilesOf(task: Task): PageFiles | undefined {
  if (task.format !== 'html') return undefined;
  const sent = task.pageFiles;
  if (sent !== undefined) return (relative) => sent.get(relative) ?? null;
  return task.path === undefined ? undefined : pageFilesOnDisk(task.path);
}

/**
 * A page's files on disk, relative to its folder: pictures only, inside that folder (no
 * address may lead out of it, by ".." or by a link), no larger than an image may be.
 */
function pageFilesOnDisk(page: string): PageFiles {
  const folder = path.dirname(path.resolve(page));
  let root: string | null = null;
  return (relative) => {
    if (!isPictureFile(relative)) return null;
    try {
      root ??= fs.realpathSync(folder);
      const file = fs.realpathSync(path.resolve(folder, relative));
      if (!file.startsWith(`${root}${path.sep}`)) return null;
      const stats = fs.statSync(file);
      return stats.isFile() && stats.size <= MAX_IMAGE_BYTES ? fs.readFileSync(file) : null;
    } catch {
      return null;
    }
  };
}

function describeReadFailure(task: Task, error: unknown): string {
  if (error instanceof ApiError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return `${task.file} cannot be read: permission denied.`;
  if (code === 'ENOENT') return `${task.file} no longer exists.`;
  if (code === 'EISDIR') return `${task.file} is a folder.`;
  return `${task.file} could not be imported: ${message(error)}`;
}

/**
 * Imports files and folders (recursively, hidden files left out) into the library. Each file
 * is read, parsed and stored on its own: a file that fails is listed with its reason and the
 * rest are imported; an article whose text is already in the library is skipped and listed.
 * Articles are stored a batch at a time, each batch one transaction in which each article is
 * stored completely or not at all (see storeImportedArticles), so a large archive imports
 * quickly. Between files the event loop runs, so a server in the same process keeps
 * answering, and `signal` can stop the import after the current file.
 */
export async function importFiles(
  lib: Library,
  inputs: readonly ImportInput[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const report: ImportReport = { total: 0, imported: [], duplicates: [], failed: [], ignored: [], cancelled: false };
  const tasks = await plan(inputs, report.ignored);
  report.total = tasks.length;

  let pending: { task: Task; article: ImportedArticle }[] = [];
  let pendingSince = 0;
  // Batches commit without waiting for the disk, but for one a second: a power cut during an
  // import may undo at most its last second, and once it ends every article it stored is safe.
  let lastSafe = Date.now();
  const disk = { unsafe: false };
  const flush = () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    // Related-article analysis (~50 ms an article) is left to the background queue.
    const context = { ...options.context, analyseLater: true };
    const store = () =>
      storeImportedArticles(
        lib,
        batch.map(({ task, article }) => ({ imported: article, fileName: task.file })),
        context,
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
      for (const { task } of batch) {
        report.failed.push({ file: task.file, reason: `${task.file} could not be stored: ${message(error)}` });
      }
      return;
    }
    const outcomes = batch.map((entry, index) => ({ ...entry, outcome: stored[index] as StoreOutcome | Error }));
    for (const { task, article, outcome } of outcomes) {
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
    }
  };

  let done = 0;
  try {
    for (const task of tasks) {
      if (options.signal?.aborted === true) {
        report.cancelled = true;
        break;
      }
      options.onProgress?.(done, tasks.length, task.file);
      try {
        if (task.problem !== undefined || task.format === null)
          throw refuse(task.problem ?? `${task.file} cannot be imported.`);
        let article: ImportedArticle;
        if (task.packageDir !== undefined || task.packageFiles !== undefined) {
          const files = task.packageFiles ?? (await readPackageFolder(task.packageDir ?? task.file, task.file));
          article = await parseImportFile(task.file, task.format, new Uint8Array(), files);
        } else {
          const bytes = await readTask(task, task.format);
          article = await parseImportFile(task.file, task.format, bytes, undefined, pageFilesOf(task));
        }
        if (article.section === '') article.section = sectionOfFolders(task.folders);
        if (pending.length === 0) pendingSince = Date.now();
        pending.push({ task, article });
      } catch (error) {
        report.failed.push({ file: task.file, reason: describeReadFailure(task, error) });
      }
      done += 1;
      if (pending.length >= BATCH_ARTICLES || (pending.length > 0 && Date.now() - pendingSince >= BATCH_MILLISECONDS)) {
        flush();
      }
      await nextTurn();
    }
    flush();
    if (report.imported.length >= OPTIMISE_AFTER) optimiseSearchIndex(lib);
    // Rarity of words is only known once the articles are in: weights set early are set again.
    if (report.imported.length > 0) reweighArticles(lib);
  } finally {
    if (disk.unsafe) waitForDisk(lib);
  }
  options.onProgress?.(done, tasks.length, null);
  return report;
}
