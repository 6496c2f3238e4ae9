import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { zipSync, type Zippable } from 'fflate';

import { ApiError } from '../../shared/errors';
import type { ManifestFile } from '../../shared/exports';
import { MANIFEST_FILE } from '../../shared/exports';
import { sha256Hex } from '../base/sha256Hex';
import type { PackageFile } from './packageFile';
import { textFile } from './packageFile';

/**
 * The file-system calls the writer makes, as one object so a test can make any of them fail
 * (a full disk on the third write) without a real full disk.
 */
export type PackageFs = {
  statSync: (target: string) => { isDirectory(): boolean };
  existsSync: (target: string) => boolean;
  mkdirSync: (target: string, options?: { recursive?: boolean }) => unknown;
  openSync: (target: string, flags: string) => number;
  writeSync: (fd: number, bytes: Uint8Array, offset: number, length: number) => number;
  fsyncSync: (fd: number) => void;
  closeSync: (fd: number) => void;
  renameSync: (from: string, to: string) => void;
  linkSync: (existing: string, link: string) => void;
  unlinkSync: (target: string) => void;
  rmSync: (target: string, options: { recursive: boolean; force: boolean }) => void;
};

export const nodeFs: PackageFs = {
  statSync: (target) => fs.statSync(target),
  existsSync: (target) => fs.existsSync(target),
  mkdirSync: (target, options) => fs.mkdirSync(target, options),
  openSync: (target, flags) => fs.openSync(target, flags),
  writeSync: (fd, bytes, offset, length) => fs.writeSync(fd, bytes, offset, length),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  closeSync: (fd) => fs.closeSync(fd),
  renameSync: (from, to) => fs.renameSync(from, to),
  linkSync: (existing, link) => fs.linkSync(existing, link),
  unlinkSync: (target) => fs.unlinkSync(target),
  rmSync: (target, options) => fs.rmSync(target, options),
};

/** Where a package is, what it holds, and how many bytes were written. */
export type WrittenPackage = {
  path: string;
  /** Every file with its size and hash, the manifest last. */
  files: ManifestFile[];
  bytes: number;
};

const MAX_NAME = 100;

/**
 * A package's name from the article's slug and the export date: "2026-11-28-pakistan-china-talks".
 * Anything but letters, marks, digits and hyphens becomes a hyphen, so a name can never hold
 * a path separator, a dot-dot or a character some file system refuses.
 */
export function packageName(slug: string, date: Date): string {
  const cleaned = slug
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  const cut = Array.from(cleaned).slice(0, MAX_NAME).join('').replace(/-$/, '');
  return `${date.toISOString().slice(0, 10)}-${cut === '' ? 'article' : cut}`;
}

/** Checks a path inside the package: relative, forward slashes, no empty, "." or ".." parts, nothing a file system refuses. */
export function checkPackagePath(file: string): void {
  const parts = file.split('/');
  const bad =
    file.length === 0 ||
    file.length > 255 ||
    file.includes('\\') ||
    // Control characters and what Windows refuses in a name.
    /[\p{Cc}<>:"|?*]/u.test(file) ||
    parts.some((part) => part === '' || part === '.' || part === '..' || part.endsWith('.') || part.endsWith(' '));
  if (bad) {
    throw new ApiError(
      'internal',
      `Copydesk refused to write "${file.slice(0, 80)}": it would not stay inside the package.`,
    );
  }
}

/** The manifest's entry for each file, in the order given. */
export function describeFiles(files: readonly PackageFile[]): ManifestFile[] {
  return files.map((file) => ({ path: file.path, size: file.bytes.length, sha256: sha256Hex(file.bytes) }));
}

function errnoOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

/** A failure of the file system as a message a person can act on. */
export function describeWriteFailure(error: unknown, folder: string): ApiError {
  if (error instanceof ApiError) return error;
  switch (errnoOf(error)) {
    case 'ENOENT':
      return new ApiError('invalid-request', `The folder ${folder} does not exist. Choose an existing folder.`);
    case 'ENOTDIR':
      return new ApiError('invalid-request', `${folder} is not a folder. Choose a folder to export into.`);
    case 'EACCES':
    case 'EPERM':
      return new ApiError(
        'invalid-request',
        `Copydesk may not write in ${folder}. Choose a folder you can write to, or change its permissions.`,
      );
    case 'ENOSPC':
    case 'EDQUOT':
      return new ApiError(
        'invalid-request',
        `The disk holding ${folder} is full: the package did not fit. Free some space or choose another folder; nothing was left behind.`,
      );
    case 'EROFS':
      return new ApiError('invalid-request', `${folder} is on a read-only disk. Choose another folder.`);
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return new ApiError('internal', `The package could not be written in ${folder}: ${message}`);
    }
  }
}

/** Writes `bytes` to a new file and flushes it to the disk before closing. */
function writeDurably(fsx: PackageFs, file: string, bytes: Uint8Array): void {
  const fd = fsx.openSync(file, 'wx');
  try {
    let offset = 0;
    while (offset < bytes.length) offset += fsx.writeSync(fd, bytes, offset, bytes.length - offset);
    fsx.fsyncSync(fd);
  } finally {
    fsx.closeSync(fd);
  }
}

/** Flushes a folder's entries (new names, renames) to the disk. */
function syncFolder(fsx: PackageFs, folder: string): void {
  const fd = fsx.openSync(folder, 'r');
  try {
    fsx.fsyncSync(fd);
  } finally {
    fsx.closeSync(fd);
  }
}

/** "name", then "name (2)", "name (3)"… */
function candidates(name: string, extension: string): string[] {
  return Array.from({ length: 100 }, (_, index) => `${name}${index === 0 ? '' : ` (${index + 1})`}${extension}`);
}

const TAKEN = new Set(['EEXIST', 'ENOTEMPTY']);

/**
 * Gives the finished temporary package its name: the first of "name", "name (2)"… that is
 * free. An earlier package is never replaced or touched. A .zip is linked under its name (a
 * hard link fails if the name exists, so two exports at once cannot overwrite each other);
 * where the disk has no hard links, it is renamed to a name checked free just before.
 */
function publish(fsx: PackageFs, temp: string, folder: string, name: string, zip: boolean): string {
  for (const candidate of candidates(name, zip ? '.zip' : '')) {
    const target = path.join(folder, candidate);
    if (fsx.existsSync(target)) continue;
    try {
      if (zip) {
        try {
          fsx.linkSync(temp, target);
          fsx.unlinkSync(temp);
        } catch (error) {
          if (TAKEN.has(errnoOf(error) ?? '')) throw error;
          fsx.renameSync(temp, target);
        }
      } else {
        // Renaming a folder onto a folder that is not empty fails; the check above keeps it from an empty one.
        fsx.renameSync(temp, target);
      }
      return target;
    } catch (error) {
      if (TAKEN.has(errnoOf(error) ?? '')) continue;
      throw error;
    }
  }
  throw new ApiError('conflict', `${folder} already holds 100 packages named ${name}. Choose another folder.`);
}

export type WritePackageOptions = {
  /** The folder chosen to export into: absolute, existing. */
  folder: string;
  /** The package's name without extension, from packageName. */
  name: string;
  /** The package's files, without the manifest. */
  files: readonly PackageFile[];
  /** Builds manifest.json from the description of the files. */
  manifest: (files: ManifestFile[]) => unknown;
  zip: boolean;
  /** The files' modification time inside a .zip. */
  now: Date;
  fs?: PackageFs;
};

/**
 * Writes a package as a folder or a .zip inside `folder`, safely: everything goes under a
 * hidden temporary name in that folder, each file is flushed to the disk, then the folder,
 * and only then is the package given its name, in one rename. A failure (a full disk, a
 * folder that is not writable) removes what was written; an earlier package of the same name
 * is left as it was, and the new one takes the next free name ("… (2)"). Nothing is written
 * outside `folder`: every path inside the package is checked first.
 */
export function writePackage(options: WritePackageOptions): WrittenPackage {
  const fsx = options.fs ?? nodeFs;
  const folder = path.resolve(options.folder);
  for (const file of options.files) checkPackagePath(file.path);
  const seen = new Set<string>();
  for (const file of options.files) {
    // Some disks do not tell case apart: "Article.html" and "article.html" would be one file.
    const key = file.path.toLowerCase();
    if (seen.has(key) || key === MANIFEST_FILE) {
      throw new ApiError('internal', `Copydesk refused to write "${file.path}" twice in one package.`);
    }
    seen.add(key);
  }
  const described = describeFiles(options.files);
  const manifest = textFile(MANIFEST_FILE, `${JSON.stringify(options.manifest(described), null, 2)}\n`);
  const all = [...options.files, manifest];
  const files = [...described, ...describeFiles([manifest])];

  let temp: string | null = null;
  try {
    if (!fsx.statSync(folder).isDirectory()) {
      throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    }
    const suffix = randomBytes(6).toString('hex');
    if (options.zip) {
      const entries: Zippable = {};
      const mtime = options.now;
      for (const file of all) {
        // Pictures are compressed already: stored as they are, they cost no time for no gain.
        const stored = file.path.startsWith('assets/');
        entries[file.path] = [file.bytes, { level: stored ? 0 : 6, mtime }];
      }
      const bytes = zipSync(entries);
      temp = path.join(folder, `.${options.name}.zip.partial-${suffix}`);
      writeDurably(fsx, temp, bytes);
      const target = publish(fsx, temp, folder, options.name, true);
      temp = null;
      syncFolder(fsx, folder);
      return { path: target, files, bytes: bytes.length };
    }

    temp = path.join(folder, `.${options.name}.partial-${suffix}`);
    fsx.mkdirSync(temp);
    const folders = new Set<string>([temp]);
    for (const file of all) {
      const target = path.join(temp, ...file.path.split('/'));
      // The checks above make this impossible; it stays as the last word before any write.
      if (!target.startsWith(temp + path.sep)) throw new ApiError('internal', `Refused to write ${file.path}.`);
      const parent = path.dirname(target);
      if (!folders.has(parent)) {
        fsx.mkdirSync(parent, { recursive: true });
        for (let dir = parent; dir !== temp && !folders.has(dir); dir = path.dirname(dir)) folders.add(dir);
      }
      writeDurably(fsx, target, file.bytes);
    }
    // Deepest folders first, so each folder's entry is flushed after what it holds.
    for (const dir of [...folders].sort((a, b) => b.length - a.length)) syncFolder(fsx, dir);
    const target = publish(fsx, temp, folder, options.name, false);
    temp = null;
    syncFolder(fsx, folder);
    return { path: target, files, bytes: files.reduce((sum, file) => sum + file.size, 0) };
  } catch (error) {
    if (temp !== null) {
      try {
        fsx.rmSync(temp, { recursive: true, force: true });
      } catch {
        // The report below says what failed; a leftover hidden temporary file is harmless.
      }
    }
    throw describeWriteFailure(error, folder);
  }
}
