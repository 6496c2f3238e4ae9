import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { z } from 'zod';

import { ApiError } from '../../shared/errors';
import { MANIFEST_FILE, ManifestFileSchema } from '../../shared/exports';
import { sha256Hex } from '../base/sha256Hex';
import { readZipDirectory, readZipEntry } from '../import/zipDirectory';
import type { SignerIdentity } from '../services/deskKeys';
import { checkManifestSignature } from './packageSignature';

/** A file found in a package: its size and SHA-256, or why its bytes could not be read. */
type FoundFile = { size: number; sha256: string } | { unreadable: string };

type PackageContents = {
  form: 'folder' | 'zip';
  manifest: Uint8Array;
  files: Map<string, FoundFile>;
  /** Names a .zip holds more than once: which copy counts is up to the program unpacking it. */
  repeated: string[];
};

/** A package as `verify` reports it. */
export type PackageVerification = {
  /** The folder or .zip, absolute. */
  path: string;
  form: 'folder' | 'zip';
  /** What the manifest says the package is, as far as it says. */
  article: { headline: string; exportedAt: string };
  /** Files the manifest lists. */
  listed: number;
  /** Files whose bytes differ from what the manifest lists, or cannot be read. */
  changed: string[];
  /** Files the manifest does not list (manifest.json aside), and any name a .zip holds twice. */
  added: string[];
  /** Files the manifest lists that are not in the package. */
  removed: string[];
  signature: 'valid' | 'invalid' | 'missing';
  /** The desk the signature names, with who it is to this library; null when no key can be read. */
  signer: { desk: string; fingerprint: string; identity: SignerIdentity } | null;
  /**
   * `verified`: every file as signed, by this desk or a trusted one. `unknown-signer`: every file
   * as signed, by a key this library does not know. `failed`: anything else.
   */
  verdict: 'verified' | 'unknown-signer' | 'failed';
};

/** More files than any package holds: what is named is not a package. */
const MAX_FILES = 2000;
/** The most a .zip may be, or unpack to, for verifying it in memory. */
const MAX_ZIP_BYTES = 1024 * 1024 * 1024;
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

const tooMany = (name: string) =>
  new ApiError(
    'invalid-request',
    `${name} holds more than ${MAX_FILES.toLocaleString('en')} files: it is not a package.`,
  );

/** The SHA-256 of a file on disk, read a megabyte at a time. */
function hashFile(file: string): { size: number; sha256: string } {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(1024 * 1024);
  const fd = fs.openSync(file, 'r');
  let size = 0;
  try {
    for (let read = fs.readSync(fd, buffer); read > 0; read = fs.readSync(fd, buffer)) {
      hash.update(buffer.subarray(0, read));
      size += read;
    }
  } finally {
    fs.closeSync(fd);
  }
  return { size, sha256: hash.digest('hex') };
}

/** Every file below a package folder, hidden ones too; a link is not followed, and counts as unreadable. */
function folderContents(folder: string, name: string): PackageContents {
  const manifestFile = path.join(folder, MANIFEST_FILE);
  const manifestStat = fs.lstatSync(manifestFile, { throwIfNoEntry: false });
  if (manifestStat?.isFile() !== true) {
    throw new ApiError('invalid-request', `${name} is not a Copydesk package: it has no ${MANIFEST_FILE}.`);
  }
  if (manifestStat.size > MAX_MANIFEST_BYTES) {
    throw new ApiError('invalid-request', `${name}'s ${MANIFEST_FILE} is far larger than a manifest: it is damaged.`);
  }
  const files = new Map<string, FoundFile>();
  const visit = (dir: string, prefix: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const inside = `${prefix}${entry.name}`;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        visit(full, `${inside}/`);
        continue;
      }
      if (files.size >= MAX_FILES) throw tooMany(name);
      files.set(inside, entry.isFile() ? hashFile(full) : { unreadable: 'not a plain file (a link?)' });
    }
  };
  visit(folder, '');
  return { form: 'folder', manifest: fs.readFileSync(manifestFile), files, repeated: [] };
}

/**
 * The files of a package .zip, at its top or inside its one folder (a package folder zipped
 * whole). No entry is unpacked past the size it declares; one that holds more, or cannot be
 * unpacked, is unreadable.
 */
function zipContents(file: string, name: string, size: number): PackageContents {
  const notAPackage = new ApiError(
    'invalid-request',
    `${name} is not a package: neither a folder nor a complete .zip file (a .zip cut short while copying has no directory).`,
  );
  if (size > MAX_ZIP_BYTES) throw new ApiError('invalid-request', `${name} is larger than 1 GB: it is not a package.`);
  const bytes = fs.readFileSync(file);
  const entries = readZipDirectory(bytes);
  if (entries === null) throw notAPackage;
  if (entries.length > MAX_FILES) throw tooMany(name);
  if (entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0) > MAX_ZIP_BYTES) {
    throw new ApiError('invalid-request', `${name} would unpack to more than 1 GB: it is not a package.`);
  }
  const names = entries.map((entry) => entry.name);
  const nested = names.filter((entry) => /^[^/]+\/manifest\.json$/.test(entry));
  const prefix =
    names.includes(MANIFEST_FILE) || nested.length !== 1 ? '' : (nested[0] ?? '').slice(0, -MANIFEST_FILE.length);
  const files = new Map<string, FoundFile>();
  const repeated: string[] = [];
  let manifest: Uint8Array | null = null;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const inside = entry.name.startsWith(prefix) ? entry.name.slice(prefix.length) : entry.name;
    if (files.has(inside)) {
      repeated.push(inside);
      continue;
    }
    const data = readZipEntry(bytes, entry, Math.max(1, entry.uncompressedSize));
    if (data === null || data.length !== entry.uncompressedSize) {
      files.set(inside, { unreadable: 'damaged in the .zip' });
      continue;
    }
    files.set(inside, { size: data.length, sha256: sha256Hex(data) });
    if (inside === MANIFEST_FILE) manifest = data;
  }
  if (manifest === null) {
    throw new ApiError('invalid-request', `${name} is not a Copydesk package: it has no ${MANIFEST_FILE}.`);
  }
  return { form: 'zip', manifest, files, repeated };
}

/** What verifying reads of a manifest: its list of files, and what it says the package is. */
const ManifestListSchema = z.object({
  files: z.array(ManifestFileSchema),
  exportedAt: z.string().catch(''),
  article: z.object({ headline: z.string().catch('') }).catch({ headline: '' }),
});

/**
 * The manifest as written (for its signature) and as read (its files), or a refusal saying it
 * is damaged.
 */
function readManifest(
  bytes: Uint8Array,
  name: string,
): { written: Record<string, unknown>; read: z.infer<typeof ManifestListSchema> } {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new ApiError('invalid-request', `${name} is damaged: its ${MANIFEST_FILE} is not JSON.`);
  }
  const read = ManifestListSchema.safeParse(value);
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !read.success) {
    throw new ApiError(
      'invalid-request',
      `${name} is damaged: its ${MANIFEST_FILE} does not list the package's files.`,
    );
  }
  return { written: value as Record<string, unknown>, read: read.data };
}

/**
 * Checks a package (a folder or a .zip) against its manifest and the manifest against its
 * signature: every file the manifest lists must be there with the bytes it lists, and nothing
 * else may be; the signature must hold for the manifest as it is. `identify` says whose the
 * signing key is. The manifest's paths are only looked up among the files found inside the
 * package, never opened on disk, so a manifest cannot lead the check outside it.
 */
export function verifyPackage(target: string, identify: (publicKey: Buffer) => SignerIdentity): PackageVerification {
  const resolved = path.resolve(target);
  const name = path.basename(resolved);
  const stat = fs.statSync(resolved, { throwIfNoEntry: false });
  if (stat === undefined) throw new ApiError('not-found', `There is no package at ${resolved}.`);
  if (!stat.isDirectory() && !stat.isFile()) {
    throw new ApiError('invalid-request', `${name} is not a package: neither a folder nor a .zip file.`);
  }
  const contents = stat.isDirectory() ? folderContents(resolved, name) : zipContents(resolved, name, stat.size);
  const { written, read: manifest } = readManifest(contents.manifest, name);

  const changed = new Set<string>();
  const removed = new Set<string>();
  for (const entry of manifest.files) {
    const found = contents.files.get(entry.path);
    if (found === undefined) removed.add(entry.path);
    else if ('unreadable' in found || found.size !== entry.size || found.sha256 !== entry.sha256)
      changed.add(entry.path);
  }
  const listed = new Set(manifest.files.map((entry) => entry.path));
  const added = [...contents.files.keys()].filter((file) => file !== MANIFEST_FILE && !listed.has(file));
  added.push(...contents.repeated);

  const check = checkManifestSignature(written);
  const signer =
    check.signer === null
      ? null
      : { desk: check.signer.desk, fingerprint: check.signer.fingerprint, identity: identify(check.signer.publicKey) };
  const intact = changed.size === 0 && added.length === 0 && removed.size === 0;
  const verdict =
    !intact || check.state !== 'valid' || signer === null
      ? 'failed'
      : signer.identity.knownAs === 'unknown'
        ? 'unknown-signer'
        : 'verified';
  return {
    path: resolved,
    form: contents.form,
    article: { headline: manifest.article.headline, exportedAt: manifest.exportedAt },
    listed: manifest.files.length,
    changed: [...changed].sort(),
    added: added.sort(),
    removed: [...removed].sort(),
    signature: check.state,
    signer,
    verdict,
  };
}
