import { generateKeyPairSync } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import type { DeskSigningKey } from '../../../../electron/export/packageSignature';
import {
  canonicalJson,
  checkManifestSignature,
  keyFingerprint,
  newKeyPair,
  privateKeyFromDer,
  publicKeyFromPem,
  publicKeyPem,
  signManifest,
} from '../../../../electron/export/packageSignature';
import { shortFingerprint } from '../../../../shared/exports';
import { apiErrorFrom } from '../../../helpers/library';

function deskKey(desk: string): DeskSigningKey {
  const pair = newKeyPair();
  return { desk, publicKey: pair.publicKey, privateKey: privateKeyFromDer(pair.privateKeyDer) };
}

const MANIFEST = {
  manifestVersion: 1,
  generator: { name: 'Copydesk', version: '0.1.0' },
  exportedAt: '2026-11-28T10:15:00.000Z',
  article: { id: '0190a1b2-c3d4-7e5f-8a9b-000000000001', slug: 'ferry', headline: 'Night ferry', version: 3 },
  files: [{ path: 'article.html', size: 12, sha256: 'a'.repeat(64) }],
  checklist: { overrides: [], warnings: [] },
};

/** The manifest as its file holds it, read back: what a verifier sees. */
const asWritten = (value: object) => JSON.parse(JSON.stringify(value, null, 2)) as Record<string, unknown>;

describe('canonical JSON', () => {
  it('sorts keys at every depth and leaves out white space, so the layout of the file does not matter', () => {
    expect(canonicalJson({ b: [2, { z: 1, a: 'é' }], a: null })).toBe('{"a":null,"b":[2,{"a":"é","z":1}]}');
    expect(canonicalJson(JSON.parse('{ "b" : 1,\n "a": "x" }'))).toBe(canonicalJson({ a: 'x', b: 1 }));
  });
});

describe('a signed manifest', () => {
  const key = deskKey('Harbour Gazette');
  const signed = signManifest(MANIFEST, key);

  it('names the desk, its public key and fingerprint, and holds for the manifest as written', () => {
    expect(signed.signature).toMatchObject({
      algorithm: 'Ed25519',
      desk: 'Harbour Gazette',
      publicKey: key.publicKey.toString('base64'),
      fingerprint: keyFingerprint(key.publicKey),
    });
    const check = checkManifestSignature(asWritten(signed));
    expect(check.state).toBe('valid');
    expect(check.signer).toMatchObject({ desk: 'Harbour Gazette', fingerprint: keyFingerprint(key.publicKey) });
    // Keys in another order, other indentation: the same manifest.
    const reordered = Object.fromEntries(Object.entries(asWritten(signed)).reverse());
    expect(checkManifestSignature(reordered).state).toBe('valid');
  });

  it('does not hold once anything in it is changed: a file’s hash, the headline, the desk’s name', () => {
    const hash = asWritten(signed) as typeof signed;
    hash.files[0] = { path: 'article.html', size: 12, sha256: 'b'.repeat(64) };
    expect(checkManifestSignature(hash).state).toBe('invalid');

    const headline = asWritten(signed) as typeof signed;
    headline.article.headline = 'Night ferry cancelled';
    expect(checkManifestSignature(headline).state).toBe('invalid');

    const renamed = asWritten(signed) as typeof signed;
    renamed.signature.desk = 'Associated Wire';
    expect(checkManifestSignature(renamed).state).toBe('invalid');

    const added = { ...asWritten(signed), note: 'approved' };
    expect(checkManifestSignature(added).state).toBe('invalid');
  });

  it('does not hold with another desk’s key put in its place, or a changed signature', () => {
    const other = deskKey('Harbour Gazette');
    const swapped = asWritten(signed) as typeof signed;
    swapped.signature.publicKey = other.publicKey.toString('base64');
    swapped.signature.fingerprint = keyFingerprint(other.publicKey);
    expect(checkManifestSignature(swapped).state).toBe('invalid');

    const value = Buffer.from(signed.signature.value, 'base64');
    value[10] = (value[10] ?? 0) ^ 1;
    const flipped = asWritten(signed) as typeof signed;
    flipped.signature.value = value.toString('base64');
    expect(checkManifestSignature(flipped)).toMatchObject({ state: 'invalid', signer: { desk: 'Harbour Gazette' } });

    const fingerprint = asWritten(signed) as typeof signed;
    fingerprint.signature.fingerprint = keyFingerprint(other.publicKey);
    expect(checkManifestSignature(fingerprint).state).toBe('invalid');

    const garbled = asWritten(signed) as typeof signed;
    garbled.signature.publicKey = 'not a key';
    expect(checkManifestSignature(garbled)).toEqual({ state: 'invalid', signer: null });
  });

  it('is missing from a manifest without a signature block', () => {
    expect(checkManifestSignature(asWritten(MANIFEST))).toEqual({ state: 'missing', signer: null });
  });

  it('never carries the private key', () => {
    const text = JSON.stringify(signed);
    const der = key.privateKey.export({ format: 'der', type: 'pkcs8' });
    // The last 32 bytes of an Ed25519 PKCS#8 key are its seed.
    for (const encoding of ['base64', 'hex', 'base64url'] as const) {
      expect(text).not.toContain(der.subarray(-32).toString(encoding));
    }
  });
});

describe('reading a desk’s public key file', () => {
  const key = deskKey('Harbour Gazette');

  it('reads the PEM block, whatever words stand around it, as the same key', () => {
    const file = `Desk: Harbour Gazette\nFingerprint: ${shortFingerprint(keyFingerprint(key.publicKey))}\n${publicKeyPem(key.publicKey)}`;
    expect(publicKeyFromPem(file, 'harbour.pem').equals(key.publicKey)).toBe(true);
    expect(shortFingerprint(keyFingerprint(key.publicKey))).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
  });

  it('refuses a private key, a key of another kind and a file that holds no key, each with a sentence', () => {
    const privatePem = key.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(apiErrorFrom(() => publicKeyFromPem(privatePem, 'secret.pem')).message).toBe(
      'secret.pem holds a private key. A desk is trusted by its public key only: ask that desk for the file copydesk desk-key writes, and keep this one secret.',
    );
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'pem', type: 'spki' });
    expect(apiErrorFrom(() => publicKeyFromPem(rsa.toString(), 'rsa.pem')).message).toMatch(
      /^rsa\.pem holds an RSA key, not a desk's key: Copydesk desks sign with Ed25519 keys/,
    );
    expect(apiErrorFrom(() => publicKeyFromPem('hello', 'notes.txt')).message).toBe(
      "notes.txt does not hold a desk's public key (a PEM block that starts with -----BEGIN PUBLIC KEY-----). On the other desk, copydesk desk-key --out FILE writes one.",
    );
    const damaged = publicKeyPem(key.publicKey).replace(/\n[A-Za-z0-9+/]{8}/, '\n!!!!');
    expect(apiErrorFrom(() => publicKeyFromPem(damaged, 'cut.pem')).message).toMatch(/Its PEM block is damaged\.$/);
  });
});
