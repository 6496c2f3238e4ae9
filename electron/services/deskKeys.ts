import { shortFingerprint } from '../../shared/exports';
import { ApiError } from '../../shared/errors';
import * as keys from '../db/queries/deskKeys';
import type { SigningKeyRow, TrustedDeskRow } from '../db/queries/deskKeys';
import type { DeskSigningKey } from '../export/packageSignature';
import {
  keyFingerprint,
  newKeyPair,
  privateKeyFromDer,
  publicKeyFromPem,
  publicKeyPem,
} from '../export/packageSignature';
import type { Library } from './LibraryHost';
import { libraryStem } from './paths';

/** This desk's public identity, as another desk needs it to trust its packages: never the private key. */
export type DeskPublicKey = { desk: string; fingerprint: string; publicKeyPem: string; createdAt: string };

/** Another desk whose packages this library trusts, under the name it was given here. */
export type TrustedDesk = { name: string; fingerprint: string; addedAt: string };

/** Who signed a package, as this library knows them. */
export type SignerIdentity =
  { knownAs: 'this-desk'; name: string } | { knownAs: 'trusted'; name: string } | { knownAs: 'unknown'; name: null };

const DESK_NAME_MAX = 80;

function deskName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new ApiError('invalid-request', 'A desk needs a name, such as "Harbour Gazette".');
  if (trimmed.length > DESK_NAME_MAX) {
    throw new ApiError('invalid-request', `A desk's name can be at most ${DESK_NAME_MAX} characters.`);
  }
  if (/[\p{Cc}\p{Cf}]/u.test(trimmed))
    throw new ApiError('invalid-request', 'A desk’s name cannot hold control characters.');
  return trimmed;
}

/** The library file's name, as a desk's name: "newsroom" for newsroom.sqlite3. */
function defaultDeskName(libraryFile: string): string {
  const stem = libraryStem(libraryFile)
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim()
    .slice(0, DESK_NAME_MAX)
    .trim();
  return stem === '' ? 'Copydesk' : stem;
}

function publicOf(row: SigningKeyRow): DeskPublicKey {
  return {
    desk: row.desk_name,
    fingerprint: keyFingerprint(row.public_key),
    publicKeyPem: publicKeyPem(row.public_key),
    createdAt: row.created_at,
  };
}

function toTrusted(row: TrustedDeskRow): TrustedDesk {
  return { name: row.name, fingerprint: keyFingerprint(row.public_key), addedAt: row.added_at };
}

/**
 * The library's own key row, made now if it has none: a library signs from its first export on,
 * under its file's name until given another. Two processes making it at once keep one key.
 */
function ownKeyRow(lib: Library, now: Date): SigningKeyRow {
  const existing = keys.signingKeyRow(lib.db);
  if (existing !== undefined) return existing;
  const pair = newKeyPair();
  return lib.db
    .transaction(() => {
      keys.insertSigningKey(lib.db, {
        desk_name: defaultDeskName(lib.path),
        public_key: pair.publicKey,
        private_key: pair.privateKeyDer,
        created_at: now.toISOString(),
      });
      const row = keys.signingKeyRow(lib.db);
      if (row === undefined) throw new ApiError('internal', 'The desk’s signing key could not be stored.');
      return row;
    })
    .immediate();
}

/** The key this library signs its packages with (made on first use). Stays in the main process. */
export function deskSigningKey(lib: Library, now = new Date()): DeskSigningKey {
  const row = ownKeyRow(lib, now);
  return { desk: row.desk_name, publicKey: row.public_key, privateKey: privateKeyFromDer(row.private_key) };
}

/** This desk's name, public key (PEM) and fingerprint, the key made first if there is none yet. */
export function deskPublicKey(lib: Library, now = new Date()): DeskPublicKey {
  return publicOf(ownKeyRow(lib, now));
}

/** Gives this desk the name its packages are signed under from now on. */
export function renameDesk(lib: Library, name: string, now = new Date()): DeskPublicKey {
  const named = deskName(name);
  ownKeyRow(lib, now);
  keys.renameDesk(lib.db, named);
  return deskPublicKey(lib, now);
}

export function listTrustedDesks(lib: Library): TrustedDesk[] {
  return keys.allTrustedDesks(lib.db).map(toTrusted);
}

/**
 * Trusts the desk whose public key is in `keyText` (a key file's text; `source` names the file in
 * refusals) under `name`: packages signed with it then verify as that desk's. Refuses a file
 * without a public Ed25519 key, this desk's own key, a key trusted already under another name,
 * and a name trusted already with another key unless `replace` (then returns the desk it
 * replaced). The same name with the same key again changes nothing.
 */
export function trustDesk(
  lib: Library,
  name: string,
  keyText: string,
  options: { source: string; replace?: boolean; now?: Date },
): { trusted: TrustedDesk; replaced: TrustedDesk | null } {
  const named = deskName(name);
  const publicKey = publicKeyFromPem(keyText, options.source);
  const own = keys.signingKeyRow(lib.db);
  if (own !== undefined && own.public_key.equals(publicKey)) {
    throw new ApiError(
      'conflict',
      `${options.source} holds this desk's own key (${own.desk_name}): its packages verify without trusting it.`,
    );
  }
  return lib.db
    .transaction(() => {
      const sameKey = keys.trustedDeskWithKey(lib.db, publicKey);
      const sameName = keys.trustedDeskNamed(lib.db, named);
      // Trusting a desk again under its name, with the key it has, changes nothing.
      if (sameName?.public_key.equals(publicKey) === true) return { trusted: toTrusted(sameName), replaced: null };
      if (sameKey !== undefined && sameKey.name !== sameName?.name) {
        throw new ApiError(
          'conflict',
          `That key is trusted already, as ${sameKey.name}. Remove that name first (copydesk trust --remove "${sameKey.name}") to trust it under another.`,
        );
      }
      if (sameName !== undefined && !options.replace) {
        throw new ApiError(
          'conflict',
          `${sameName.name} is trusted already, with the key ${shortFingerprint(keyFingerprint(sameName.public_key))}. Add --replace to trust this key under that name instead.`,
        );
      }
      if (sameName !== undefined) keys.deleteTrustedDesk(lib.db, sameName.name);
      const row = { name: named, public_key: publicKey, added_at: (options.now ?? new Date()).toISOString() };
      keys.insertTrustedDesk(lib.db, row);
      return { trusted: toTrusted(row), replaced: sameName === undefined ? null : toTrusted(sameName) };
    })
    .immediate();
}

/** Stops trusting the desk of that name (ignoring case). */
export function untrustDesk(lib: Library, name: string): TrustedDesk {
  const row = keys.trustedDeskNamed(lib.db, name.trim());
  if (row === undefined) {
    throw new ApiError(
      'not-found',
      `No desk named "${name.slice(0, 80)}" is trusted here (copydesk trust lists them).`,
    );
  }
  keys.deleteTrustedDesk(lib.db, row.name);
  return toTrusted(row);
}

/** Whose key this is: this desk's own, a trusted desk's (by the name given it here), or no one known. */
export function identifySigner(lib: Library, publicKey: Buffer): SignerIdentity {
  const own = keys.signingKeyRow(lib.db);
  if (own !== undefined && own.public_key.equals(publicKey)) return { knownAs: 'this-desk', name: own.desk_name };
  const trusted = keys.trustedDeskWithKey(lib.db, publicKey);
  return trusted === undefined ? { knownAs: 'unknown', name: null } : { knownAs: 'trusted', name: trusted.name };
}
