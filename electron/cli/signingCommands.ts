import fs from 'node:fs';
import path from 'node:path';

import { ApiError } from '../../shared/errors';
import { shortFingerprint } from '../../shared/exports';
import { plural } from '../../shared/plural';
import type { PackageVerification } from '../export/verifyPackage';
import { verifyPackage } from '../export/verifyPackage';
import type { DeskPublicKey, SignerIdentity } from '../services/deskKeys';
import * as deskKeys from '../services/deskKeys';
import { LibraryHost } from '../services/LibraryHost';
import { wrap } from './exportCommands';
import type { CliValues } from './options';
import { UsageError } from './options';

type Print = (value: unknown, human: () => string) => void;

/** What `copydesk verify` exits with, by its verdict. */
export const VERIFY_EXIT_CODES: Record<PackageVerification['verdict'], number> = {
  verified: 0,
  failed: 1,
  'unknown-signer': 3,
};

/** A key file is a few hundred bytes; anything much larger is not one. */
const MAX_KEY_FILE_BYTES = 64 * 1024;

function withLibrary<T>(libraryFile: string, work: (host: LibraryHost) => T): T {
  const host = LibraryHost.open(libraryFile);
  try {
    return work(host);
  } finally {
    host.close();
  }
}

function signerWords(signer: NonNullable<PackageVerification['signer']>): string {
  const { identity } = signer;
  if (identity.knownAs === 'this-desk') return `this desk, ${identity.name}`;
  if (identity.knownAs === 'trusted') {
    return `${identity.name}, a trusted desk${signer.desk === identity.name ? '' : `, which calls itself "${signer.desk}"`}`;
  }
  return `a desk this library does not know, which calls itself "${signer.desk}"`;
}

/** A key's fingerprint on a line of its own, so that it is never folded. */
const keyLine = (label: string, fingerprint: string) => `  ${label}: ${shortFingerprint(fingerprint)}`;

/** A verification as a person reads it: the package, who signed it, what differs, the verdict. */
export function formatVerification(check: PackageVerification): string {
  const out = [check.path];
  if (check.article.headline !== '') {
    const when = check.article.exportedAt === '' ? '' : `, exported ${check.article.exportedAt.slice(0, 10)}`;
    out.push(wrap(`“${check.article.headline}”${when}`, '  '));
  }
  if (check.signature === 'missing') {
    out.push('Not signed: it was exported before Copydesk signed packages, or its signature was taken out.');
  } else if (check.signer === null) {
    out.push('Its signature cannot be read: manifest.json was changed after it was signed.');
  } else if (check.signature === 'invalid') {
    out.push(
      wrap(
        `The signature, which names ${signerWords(check.signer)}, does not hold: manifest.json was changed after it was signed.`,
        '',
      ),
      keyLine('Key', check.signer.fingerprint),
    );
  } else {
    out.push(wrap(`Signed by ${signerWords(check.signer)}.`, ''), keyLine('Key', check.signer.fingerprint));
  }
  const differences = [
    ...check.changed.map((file) => `  changed  ${file}`),
    ...check.added.map((file) => `  added    ${file}`),
    ...check.removed.map((file) => `  removed  ${file}`),
  ];
  const against = check.signature === 'valid' ? 'as signed' : 'as the manifest lists them';
  if (differences.length === 0) {
    out.push(`All ${plural(check.listed, 'file')} ${against}: none changed, added or removed.`);
  } else {
    out.push(`${plural(differences.length, 'file differs', 'files differ')} from the manifest:`, ...differences);
  }
  if (check.verdict === 'verified') {
    out.push('Verified.');
  } else if (check.verdict === 'unknown-signer') {
    out.push(
      wrap(
        'Not verified: the files are as signed, but with a key this library does not trust. If the key is that desk’s (compare its fingerprint with them), trust it: copydesk trust NAME KEYFILE.',
        '',
      ),
    );
  } else {
    const reasons = [
      ...(differences.length > 0 ? ['files were changed, added or removed since it was signed'] : []),
      ...(check.signature === 'invalid' ? ['the signature does not hold'] : []),
      ...(check.signature === 'missing' ? ['it is not signed'] : []),
    ];
    out.push(wrap(`Not verified: ${reasons.join('; ')}.`, ''));
  }
  return `${out.join('\n')}\n`;
}

/** `copydesk verify PACKAGE`: exit code 0 when verified, 1 when anything differs or the signature fails, 3 when the signer is unknown. */
function verifyCommand(libraryFile: string, args: readonly string[], print: Print): number {
  const target = args[0];
  if (target === undefined || args.length > 1) {
    throw new UsageError('verify needs one package: copydesk verify PACKAGE (its folder or its .zip).');
  }
  // A library that does not exist is not made to verify a package: no signer is known then.
  const check = fs.existsSync(libraryFile)
    ? withLibrary(libraryFile, (host) =>
        verifyPackage(target, (publicKey) => deskKeys.identifySigner(host.current, publicKey)),
      )
    : verifyPackage(target, (): SignerIdentity => ({ knownAs: 'unknown', name: null }));
  print(check, () => formatVerification(check));
  return VERIFY_EXIT_CODES[check.verdict];
}

function readKeyFile(file: string): string {
  try {
    const stat = fs.statSync(file);
    if (stat.isFile() && stat.size > MAX_KEY_FILE_BYTES) {
      throw new ApiError(
        'invalid-request',
        `${file} is too large to be a key file: a desk's public key is a few lines.`,
      );
    }
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof ApiError) throw error;
    const code = error instanceof Error && 'code' in error ? error.code : '';
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder' : String(error);
    throw new ApiError('invalid-request', `${file} cannot be read: ${why}.`);
  }
}

const TRUST_USAGE =
  'trust takes NAME KEYFILE (copydesk trust "Harbour Gazette" harbour.pem), --remove NAME, or nothing to list the trusted desks.';

/** `copydesk trust [NAME KEYFILE [--replace]] | --remove NAME`: the other desks whose packages verify. */
function trustCommand(libraryFile: string, args: readonly string[], values: CliValues, print: Print): number {
  if (values.remove) {
    if (args.length !== 1) throw new UsageError('trust --remove needs the desk’s name: copydesk trust --remove NAME.');
    const removed = withLibrary(libraryFile, (host) => deskKeys.untrustDesk(host.current, args[0] ?? ''));
    print(removed, () => `Packages signed with ${removed.name}'s key no longer verify as theirs.\n`);
    return 0;
  }
  if (args.length === 0) {
    const desks = withLibrary(libraryFile, (host) => deskKeys.listTrustedDesks(host.current));
    print(desks, () =>
      desks.length === 0
        ? 'No other desk is trusted yet: copydesk trust NAME KEYFILE trusts one.\n'
        : `${desks.map((desk) => `${desk.name.padEnd(24)}  key ${shortFingerprint(desk.fingerprint)}  since ${desk.addedAt.slice(0, 10)}`).join('\n')}\n`,
    );
    return 0;
  }
  const [name, keyFile] = args;
  if (name === undefined || keyFile === undefined || args.length > 2) throw new UsageError(TRUST_USAGE);
  const keyText = readKeyFile(keyFile);
  const result = withLibrary(libraryFile, (host) =>
    deskKeys.trustDesk(host.current, name, keyText, { source: keyFile, replace: values.replace }),
  );
  print(result, () => {
    const { trusted, replaced } = result;
    const lines = [
      `Trusted ${trusted.name}: packages signed with this key now verify as theirs.`,
      keyLine('Key', trusted.fingerprint),
      ...(replaced === null ? [] : [keyLine('In place of', replaced.fingerprint)]),
      wrap(
        'Check that fingerprint with them by another way than the file came (a call, in person): their desk shows it with copydesk desk-key.',
        '',
      ),
    ];
    return `${lines.join('\n')}\n`;
  });
  return 0;
}

/** The key file `desk-key` writes: a few words for people, then the PEM block that `trust` reads. */
export function deskKeyText(key: DeskPublicKey): string {
  return [
    `Desk: ${key.desk}`,
    `Fingerprint: ${shortFingerprint(key.fingerprint)}`,
    `SHA-256: ${key.fingerprint}`,
    key.publicKeyPem.trimEnd(),
    '',
  ].join('\n');
}

/** `copydesk desk-key [--name NAME] [--out FILE]`: this desk's public key, for another desk to trust. */
function deskKeyCommand(libraryFile: string, args: readonly string[], values: CliValues, print: Print): number {
  if (args.length > 0) {
    throw new UsageError(`desk-key takes no words, only --name NAME and --out FILE ("${args.join(' ')}").`);
  }
  const name = values.name;
  const key = withLibrary(libraryFile, (host) =>
    name === undefined ? deskKeys.deskPublicKey(host.current) : deskKeys.renameDesk(host.current, name),
  );
  const out = values.out;
  if (out === undefined) {
    print(key, () => deskKeyText(key));
    return 0;
  }
  const file = path.resolve(out);
  try {
    fs.writeFileSync(file, deskKeyText(key), { flag: 'wx' });
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : '';
    throw new ApiError(
      'invalid-request',
      code === 'EEXIST'
        ? `${file} exists already: choose another file name (nothing was written).`
        : `${file} could not be written: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  print(
    { ...key, file },
    () =>
      `Wrote ${key.desk}'s public key (fingerprint ${shortFingerprint(key.fingerprint)}) to ${file}.\nGive it to the other desk: copydesk trust "${key.desk}" ${path.basename(file)} there.\n`,
  );
  return 0;
}

/** `copydesk verify`, `trust` and `desk-key`: packages signed by desks, and the keys that sign them. */
export function signingCommand(
  command: 'verify' | 'trust' | 'desk-key',
  libraryFile: string,
  args: readonly string[],
  values: CliValues,
  print: Print,
): number {
  if (command === 'verify') return verifyCommand(libraryFile, args, print);
  if (command === 'trust') return trustCommand(libraryFile, args, values, print);
  return deskKeyCommand(libraryFile, args, values, print);
}
