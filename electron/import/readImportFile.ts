import fs from 'node:fs';
import path from 'node:path';

import { MAX_IMAGE_BYTES } from '../../shared/api';
import type { ImportFormat } from '../../shared/imports';
import { isPictureFile } from '../../shared/imports';
import { sectionOfFolders } from './folderSection';
import type { ImportedArticle } from './importedArticle';
import { checkFileSize, refuse } from './importFormats';
import type { PageFiles } from './pagePictures';
import { parseImportFile } from './parseImportFile';

/**
 * One file (or package) of an import, as reading it needs: plain data only, so it can be read
 * in this thread or handed to a worker thread as it is.
 */
export type ReadJob = {
  file: string;
  format: ImportFormat;
  path?: string;
  bytes?: Uint8Array;
  /** An export package's folder on disk, imported as one article. */
  packageDir?: string;
  /** An export package's files sent by the UI, by their path inside the package. */
  packageFiles?: Map<string, Uint8Array>;
  /** A saved web page's pictures sent by the UI, by their path relative to the page. */
  pageFiles?: Map<string, Uint8Array>;
  /** The folders the file is in, from the one chosen (included) down: a folder named for a section gives it. */
  folders: string[];
};

/** Reads one file of an import as an article: where it runs is the caller's choice (see ImportReader). */
export type ImportReader = (job: ReadJob) => Promise<ImportedArticle>;

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

/**
 * A file's bytes, its size checked before any of it is read. Small files, nearly all of an
 * archive, are read in one synchronous call: quicker than the thread pool, and over in well
 * under a millisecond.
 */
async function readBytes(job: ReadJob): Promise<Uint8Array> {
  if (job.bytes !== undefined) return job.bytes;
  const file = job.path ?? job.file;
  const { size } = fs.statSync(file);
  checkFileSize(job.file, job.format, size);
  const bytes = size < 1024 * 1024 ? fs.readFileSync(file) : await fs.promises.readFile(file);
  // The file may have grown since it was measured.
  checkFileSize(job.file, job.format, bytes.length);
  return bytes;
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

/** The pictures a saved page's own files hold: those sent with it, or those beside it on disk. */
function pageFilesOf(job: ReadJob): PageFiles | undefined {
  if (job.format !== 'html') return undefined;
  const sent = job.pageFiles;
  if (sent !== undefined) return (relative) => sent.get(relative) ?? null;
  return job.path === undefined ? undefined : pageFilesOnDisk(job.path);
}

/**
 * Reads and parses one file of an import (a package: its folder or its files), giving it the
 * section its folders name when the file names none. Refusals are ApiErrors naming the file.
 */
export async function readImportFile(job: ReadJob): Promise<ImportedArticle> {
  let article: ImportedArticle;
  if (job.packageDir !== undefined || job.packageFiles !== undefined) {
    const files = job.packageFiles ?? (await readPackageFolder(job.packageDir ?? job.file, job.file));
    article = await parseImportFile(job.file, job.format, new Uint8Array(), files);
  } else {
    const bytes = await readBytes(job);
    article = await parseImportFile(job.file, job.format, bytes, undefined, pageFilesOf(job));
  }
  if (article.section === '') article.section = sectionOfFolders(job.folders);
  return article;
}
