import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { exportArticle } from '../../../../electron/export/exportArticle';
import { verifyPackage } from '../../../../electron/export/verifyPackage';
import { createArticle } from '../../../../electron/services/articles';
import {
  deskPublicKey,
  identifySigner,
  listTrustedDesks,
  renameDesk,
  trustDesk,
  untrustDesk,
} from '../../../../electron/services/deskKeys';
import type { Library } from '../../../../electron/services/LibraryHost';
import { ManifestSchema, shortFingerprint } from '../../../../shared/exports';
import { bodyFromParagraphs } from '../../../../shared/text';
import { apiErrorFrom, openTempLibrary } from '../../../helpers/library';
import { twoDesksPerTest } from '../../../helpers/twoDesks';

const desks = twoDesksPerTest();

/** Exports a new story from `lib` as a folder under `dir`. */
function exportStory(lib: Library, dir: string, zip = false) {
  const story = createArticle(lib, {
    headline: 'Night ferry trial approved',
    body: bodyFromParagraphs(['The council approved the trial on Monday.']),
  });
  return exportArticle(
    lib,
    { articleId: story.id, folder: dir, zip, overrides: [{ itemId: 'byline', reason: 'Wire copy: no byline given.' }] },
    { appVersion: '0.1.0' },
  );
}

const signingKeys = (lib: Library) => lib.db.prepare('SELECT count(*) FROM desk_signing_key').pluck().get();

/** Every byte of every file below `dir`. */
function allBytes(dir: string): Buffer {
  const files = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return Buffer.concat(files.map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name))));
}

describe('the desk’s signing key', () => {
  it('is made on the first export and signs every export after it; the package names it', () => {
    expect(signingKeys(desks.here.lib)).toBe(0);
    const first = exportStory(desks.here.lib, desks.here.dir);
    expect(signingKeys(desks.here.lib)).toBe(1);
    const second = exportStory(desks.here.lib, desks.here.dir, true);
    const key = deskPublicKey(desks.here.lib);
    expect(first.signedBy).toEqual({ desk: 'library', fingerprint: key.fingerprint });
    expect(second.signedBy).toEqual(first.signedBy);

    const manifest = ManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(first.path, 'manifest.json'), 'utf8')));
    expect(manifest.signature).toMatchObject({ algorithm: 'Ed25519', desk: 'library', fingerprint: key.fingerprint });
    expect(verifyPackage(first.path, (publicKey) => identifySigner(desks.here.lib, publicKey)).verdict).toBe(
      'verified',
    );
    expect(verifyPackage(second.path, (publicKey) => identifySigner(desks.here.lib, publicKey)).verdict).toBe(
      'verified',
    );
  });

  it('never leaves the library: no package holds the private key, in any encoding', () => {
    const written = exportStory(desks.here.lib, desks.here.dir);
    const der = desks.here.lib.db.prepare('SELECT private_key FROM desk_signing_key').pluck().get() as Buffer;
    const seed = der.subarray(-32);
    const bytes = allBytes(written.path);
    expect(bytes.includes(seed)).toBe(false);
    for (const encoding of ['base64', 'base64url', 'hex'] as const) {
      expect(bytes.includes(Buffer.from(seed.toString(encoding)))).toBe(false);
      expect(bytes.includes(Buffer.from(der.toString(encoding)))).toBe(false);
    }
    expect(JSON.stringify(deskPublicKey(desks.here.lib))).not.toContain(seed.toString('base64'));
  });

  it('signs under a name the desk chooses, from then on', () => {
    renameDesk(desks.here.lib, '  Harbour Gazette ');
    expect(exportStory(desks.here.lib, desks.here.dir).signedBy.desk).toBe('Harbour Gazette');
    expect(apiErrorFrom(() => renameDesk(desks.here.lib, ' ')).message).toBe(
      'A desk needs a name, such as "Harbour Gazette".',
    );
  });
});

describe('trusting another desk', () => {
  it('names its key, so its packages verify as that desk’s; removed, they no longer do', () => {
    const theirs = deskPublicKey(desks.harbour.lib);
    const { trusted, replaced } = trustDesk(desks.here.lib, 'Harbour Gazette', theirs.publicKeyPem, {
      source: 'harbour.pem',
      now: new Date('2026-11-28T10:00:00.000Z'),
    });
    expect(trusted).toEqual({
      name: 'Harbour Gazette',
      fingerprint: theirs.fingerprint,
      addedAt: '2026-11-28T10:00:00.000Z',
    });
    expect(replaced).toBeNull();
    expect(listTrustedDesks(desks.here.lib)).toEqual([trusted]);
    const written = exportStory(desks.harbour.lib, desks.harbour.dir);
    const identify = (publicKey: Buffer) => identifySigner(desks.here.lib, publicKey);
    expect(verifyPackage(written.path, identify).signer?.identity).toEqual({
      knownAs: 'trusted',
      name: 'Harbour Gazette',
    });

    expect(untrustDesk(desks.here.lib, 'harbour gazette')).toEqual(trusted);
    expect(listTrustedDesks(desks.here.lib)).toEqual([]);
    expect(verifyPackage(written.path, identify).verdict).toBe('unknown-signer');
    expect(apiErrorFrom(() => untrustDesk(desks.here.lib, 'Harbour Gazette')).message).toBe(
      'No desk named "Harbour Gazette" is trusted here (copydesk trust lists them).',
    );
  });

  it('refuses a name trusted already, unless told to replace its key', () => {
    const first = deskPublicKey(desks.harbour.lib);
    const trusted = trustDesk(desks.here.lib, 'Harbour Gazette', first.publicKeyPem, { source: 'harbour.pem' });
    // The same key under the same name again changes nothing.
    expect(trustDesk(desks.here.lib, 'harbour gazette', first.publicKeyPem, { source: 'harbour.pem' })).toEqual(
      trusted,
    );
    const other = openTempLibrary();
    try {
      const second = deskPublicKey(other.lib);
      const refusal = apiErrorFrom(() =>
        trustDesk(desks.here.lib, 'HARBOUR GAZETTE', second.publicKeyPem, { source: 'new.pem' }),
      );
      expect(refusal.code).toBe('conflict');
      expect(refusal.message).toBe(
        `Harbour Gazette is trusted already, with the key ${shortFingerprint(first.fingerprint)}. Add --replace to trust this key under that name instead.`,
      );
      const { trusted, replaced } = trustDesk(desks.here.lib, 'Harbour Gazette', second.publicKeyPem, {
        source: 'new.pem',
        replace: true,
      });
      expect(trusted.fingerprint).toBe(second.fingerprint);
      expect(replaced?.fingerprint).toBe(first.fingerprint);
      expect(listTrustedDesks(desks.here.lib).map((desk) => desk.fingerprint)).toEqual([second.fingerprint]);
    } finally {
      other.close();
    }
  });

  it('refuses one key under two names, this desk’s own key, and a file without a public key', () => {
    const theirs = deskPublicKey(desks.harbour.lib);
    trustDesk(desks.here.lib, 'Harbour Gazette', theirs.publicKeyPem, { source: 'harbour.pem' });
    expect(
      apiErrorFrom(() => trustDesk(desks.here.lib, 'The Gazette', theirs.publicKeyPem, { source: 'harbour.pem' }))
        .message,
    ).toBe(
      'That key is trusted already, as Harbour Gazette. Remove that name first (copydesk trust --remove "Harbour Gazette") to trust it under another.',
    );
    expect(
      apiErrorFrom(() =>
        trustDesk(desks.here.lib, 'Us', deskPublicKey(desks.here.lib).publicKeyPem, { source: 'own.pem' }),
      ).message,
    ).toBe("own.pem holds this desk's own key (library): its packages verify without trusting it.");
    expect(apiErrorFrom(() => trustDesk(desks.here.lib, 'Wire', 'not a key', { source: 'wire.txt' })).message).toMatch(
      /^wire\.txt does not hold a desk's public key/,
    );
    expect(listTrustedDesks(desks.here.lib).map((desk) => desk.name)).toEqual(['Harbour Gazette']);
  });
});
