import fs from 'node:fs';
import path from 'node:path';

import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import { textFile, type PackageFile } from '../../../../electron/export/packageFile';
import { signManifest } from '../../../../electron/export/packageSignature';
import { verifyPackage } from '../../../../electron/export/verifyPackage';
import { writePackage } from '../../../../electron/export/writePackage';
import {
  deskPublicKey,
  deskSigningKey,
  identifySigner,
  renameDesk,
  trustDesk,
} from '../../../../electron/services/deskKeys';
import type { Library } from '../../../../electron/services/LibraryHost';
import { apiErrorFrom } from '../../../helpers/library';
import { twoDesksPerTest } from '../../../helpers/twoDesks';

const NOW = new Date('2026-11-28T10:15:00.000Z');
const FILES: PackageFile[] = [
  textFile('article.html', '<!doctype html><title>Night ferry</title><p>The council approved the trial.</p>'),
  textFile('claims.jsonld', '{"@context":"https://schema.org","@graph":[]}\n'),
  { path: 'assets/01-quay.png', bytes: new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3]) },
];

const desks = twoDesksPerTest();

/** A package signed by `signer`'s desk, written into this desk's folder. */
function exportFrom(signer: Library, zip = false, name = '2026-11-28-night-ferry'): string {
  const key = deskSigningKey(signer, NOW);
  return writePackage({
    folder: desks.here.dir,
    name,
    files: FILES,
    zip,
    now: NOW,
    manifest: (files) =>
      signManifest(
        {
          manifestVersion: 1,
          generator: { name: 'Copydesk', version: '0.1.0' },
          exportedAt: NOW.toISOString(),
          article: { id: 'x', slug: 'night-ferry', headline: 'Night ferry trial approved', version: 2 },
          files,
          checklist: { overrides: [], warnings: [] },
        },
        key,
      ),
  }).path;
}

/** The package as this desk sees it. */
const verify = (target: string) => verifyPackage(target, (publicKey) => identifySigner(desks.here.lib, publicKey));

/** Rewrites a package .zip with the entries `edit` makes of its entries. */
function editZip(file: string, edit: (entries: Record<string, Uint8Array>) => Record<string, Uint8Array>): void {
  fs.writeFileSync(file, zipSync(edit(unzipSync(fs.readFileSync(file)))));
}

function editManifest(folder: string, edit: (manifest: Record<string, unknown>) => void): void {
  const file = path.join(folder, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(manifest);
  fs.writeFileSync(file, JSON.stringify(manifest, null, 2));
}

describe('a package this desk signed', () => {
  it('verifies, as a folder and as a .zip, naming this desk', () => {
    for (const zip of [false, true]) {
      const check = verify(exportFrom(desks.here.lib, zip));
      expect(check).toMatchObject({
        form: zip ? 'zip' : 'folder',
        listed: 3,
        changed: [],
        added: [],
        removed: [],
        signature: 'valid',
        signer: { identity: { knownAs: 'this-desk', name: 'library' } },
        verdict: 'verified',
        article: { headline: 'Night ferry trial approved', exportedAt: NOW.toISOString() },
      });
    }
  });

  it('reports one changed byte in a file', () => {
    const folder = exportFrom(desks.here.lib);
    const picture = path.join(folder, 'assets', '01-quay.png');
    const bytes = fs.readFileSync(picture);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1);
    fs.writeFileSync(picture, bytes);
    expect(verify(folder)).toMatchObject({
      changed: ['assets/01-quay.png'],
      added: [],
      removed: [],
      signature: 'valid',
      verdict: 'failed',
    });

    const zip = exportFrom(desks.here.lib, true);
    editZip(zip, (entries) => ({
      ...entries,
      'article.html': strToU8('<!doctype html><title>Night ferry</title><p>The council refused the trial.</p>'),
    }));
    expect(verify(zip)).toMatchObject({ changed: ['article.html'], verdict: 'failed' });
  });

  it('reports a file added, hidden ones too', () => {
    const folder = exportFrom(desks.here.lib);
    fs.writeFileSync(path.join(folder, 'assets', 'tracking.js'), 'fetch("https://example.com")');
    fs.writeFileSync(path.join(folder, '.hidden'), 'x');
    expect(verify(folder)).toMatchObject({
      changed: [],
      added: ['.hidden', 'assets/tracking.js'],
      removed: [],
      verdict: 'failed',
    });

    const zip = exportFrom(desks.here.lib, true);
    editZip(zip, (entries) => ({ ...entries, 'correction.txt': strToU8('The trial was refused.') }));
    expect(verify(zip)).toMatchObject({ added: ['correction.txt'], verdict: 'failed' });
  });

  it('reports a file removed', () => {
    const folder = exportFrom(desks.here.lib);
    fs.rmSync(path.join(folder, 'claims.jsonld'));
    expect(verify(folder)).toMatchObject({ changed: [], added: [], removed: ['claims.jsonld'], verdict: 'failed' });

    const zip = exportFrom(desks.here.lib, true);
    editZip(zip, (entries) => {
      delete entries['assets/01-quay.png'];
      return entries;
    });
    expect(verify(zip)).toMatchObject({ removed: ['assets/01-quay.png'], verdict: 'failed' });
  });

  it('does not hold once the manifest is changed to match a changed file', () => {
    const folder = exportFrom(desks.here.lib);
    fs.rmSync(path.join(folder, 'claims.jsonld'));
    editManifest(folder, (manifest) => {
      manifest.files = (manifest.files as { path: string }[]).filter((file) => file.path !== 'claims.jsonld');
    });
    const check = verify(folder);
    expect(check).toMatchObject({ removed: [], signature: 'invalid', verdict: 'failed' });
    // The key it names is still read, and still this desk's: the signature is what fails.
    expect(check.signer?.identity.knownAs).toBe('this-desk');
  });

  it('does not hold with its signature changed, and is unsigned without it', () => {
    const folder = exportFrom(desks.here.lib);
    editManifest(folder, (manifest) => {
      const signature = manifest.signature as { value: string };
      signature.value = `A${signature.value.slice(1)}`;
    });
    expect(verify(folder)).toMatchObject({ signature: 'invalid', verdict: 'failed' });

    const unsigned = exportFrom(desks.here.lib, false, 'unsigned');
    editManifest(unsigned, (manifest) => {
      delete manifest.signature;
    });
    expect(verify(unsigned)).toMatchObject({ signature: 'missing', signer: null, changed: [], verdict: 'failed' });
  });

  it('finds the package inside the one folder of a .zip made by zipping the package folder', () => {
    const zip = exportFrom(desks.here.lib, true);
    editZip(zip, (entries) =>
      Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [`2026-11-28-night-ferry/${name}`, bytes])),
    );
    expect(verify(zip)).toMatchObject({ listed: 3, added: [], verdict: 'verified' });
  });
});

describe('a package another desk signed', () => {
  it('is intact but not verified while that desk is not trusted here', () => {
    const check = verify(exportFrom(desks.harbour.lib, true));
    expect(check).toMatchObject({
      signature: 'valid',
      changed: [],
      signer: { desk: 'library', identity: { knownAs: 'unknown', name: null } },
      verdict: 'unknown-signer',
    });
    expect(check.signer?.fingerprint).toBe(deskPublicKey(desks.harbour.lib).fingerprint);
  });

  it('verifies as that desk’s once its public key is trusted by name, and still reports a change', () => {
    trustDesk(desks.here.lib, 'Harbour Gazette', deskPublicKey(desks.harbour.lib).publicKeyPem, {
      source: 'harbour.pem',
    });
    const folder = exportFrom(desks.harbour.lib);
    expect(verify(folder)).toMatchObject({
      signer: { desk: 'library', identity: { knownAs: 'trusted', name: 'Harbour Gazette' } },
      verdict: 'verified',
    });
    fs.appendFileSync(path.join(folder, 'article.html'), '\n');
    expect(verify(folder)).toMatchObject({ changed: ['article.html'], verdict: 'failed' });
  });

  it('is not this desk’s for taking this desk’s name: the key decides', () => {
    renameDesk(desks.harbour.lib, 'Harbour Gazette');
    const folder = exportFrom(desks.harbour.lib);
    expect(verify(folder).signer).toMatchObject({ desk: 'Harbour Gazette', identity: { knownAs: 'unknown' } });
    editManifest(folder, (manifest) => {
      (manifest.signature as { desk: string }).desk = deskPublicKey(desks.here.lib).desk;
    });
    expect(verify(folder)).toMatchObject({ signature: 'invalid', verdict: 'failed' });

    renameDesk(desks.harbour.lib, deskPublicKey(desks.here.lib).desk);
    expect(verify(exportFrom(desks.harbour.lib, true))).toMatchObject({
      signer: { desk: 'library', identity: { knownAs: 'unknown' } },
      verdict: 'unknown-signer',
    });
  });
});

describe('what is not a package', () => {
  it('is refused with the reason', () => {
    expect(apiErrorFrom(() => verify(path.join(desks.here.dir, 'nothing-here'))).message).toBe(
      `There is no package at ${path.join(desks.here.dir, 'nothing-here')}.`,
    );
    fs.mkdirSync(path.join(desks.here.dir, 'empty'));
    expect(apiErrorFrom(() => verify(path.join(desks.here.dir, 'empty'))).message).toBe(
      'empty is not a Copydesk package: it has no manifest.json.',
    );
    const cut = exportFrom(desks.here.lib, true);
    fs.truncateSync(cut, 100);
    expect(apiErrorFrom(() => verify(cut)).message).toMatch(/is not a package: neither a folder nor a complete \.zip/);
    const folder = exportFrom(desks.here.lib, false, 'damaged');
    fs.writeFileSync(path.join(folder, 'manifest.json'), '{"files": "all"');
    expect(apiErrorFrom(() => verify(folder)).message).toBe('damaged is damaged: its manifest.json is not JSON.');
  });

  it('never reads a file the manifest names outside the package', () => {
    fs.writeFileSync(path.join(desks.here.dir, 'outside.txt'), 'outside');
    const folder = exportFrom(desks.here.lib);
    editManifest(folder, (manifest) => {
      (manifest.files as unknown[]).push({
        // The size and hash of the file beside the package: found there, it would pass.
        path: '../outside.txt',
        size: 7,
        sha256: '31207a2065f46a5b948fce6fe5c13e85abaf5631e2f894b47dcd4fce14f6c57b',
      });
    });
    expect(verify(folder)).toMatchObject({ removed: ['../outside.txt'], signature: 'invalid', verdict: 'failed' });
  });
});
