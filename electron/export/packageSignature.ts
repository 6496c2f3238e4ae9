import type { KeyObject } from 'node:crypto';
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';

import { ApiError } from '../../shared/errors';
import type { ManifestSignature } from '../../shared/exports';
import { ManifestSignatureSchema } from '../../shared/exports';
import { sha256Hex } from '../base/sha256Hex';

/** A desk's key as signing needs it: the name it signs under, its raw public key, its private key. */
export type DeskSigningKey = { desk: string; publicKey: Buffer; privateKey: KeyObject };

/**
 * `value` as canonical JSON (RFC 8785, for the values JSON.parse gives): object keys sorted by
 * UTF-16 code units, no white space, strings and numbers as JSON.stringify writes them. The
 * signature covers what the manifest says, not how its file happens to be laid out.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  // As in JSON.stringify: what JSON has no value for (undefined in an array) is null.
  return value === undefined || typeof value === 'function' ? 'null' : JSON.stringify(value);
}

/** The fingerprint of a raw public key: its SHA-256, lower-case hex. */
export function keyFingerprint(publicKey: Uint8Array): string {
  return sha256Hex(publicKey);
}

/** A new Ed25519 pair: the raw 32-byte public key, and the private key as PKCS#8 DER. */
export function newKeyPair(): { publicKey: Buffer; privateKeyDer: Buffer } {
  const pair = generateKeyPairSync('ed25519');
  return {
    publicKey: rawPublicKey(pair.publicKey),
    privateKeyDer: pair.privateKey.export({ format: 'der', type: 'pkcs8' }),
  };
}

export function privateKeyFromDer(der: Buffer): KeyObject {
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

function rawPublicKey(key: KeyObject): Buffer {
  return Buffer.from(key.export({ format: 'jwk' }).x ?? '', 'base64url');
}

function publicKeyObject(raw: Uint8Array): KeyObject {
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') },
    format: 'jwk',
  });
}

/** A raw public key as a PEM "PUBLIC KEY" block (SPKI), as OpenSSL and `copydesk trust` read it. */
export function publicKeyPem(raw: Uint8Array): string {
  return publicKeyObject(raw).export({ format: 'pem', type: 'spki' }).toString();
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/;

/**
 * The raw Ed25519 public key in a key file's text: its PEM "PUBLIC KEY" block, whatever text
 * stands around it (RFC 7468), as `copydesk desk-key` writes it. Refuses, with a sentence naming
 * `source`, a file with no such block, a private key, or a key of another kind.
 */
export function publicKeyFromPem(text: string, source: string): Buffer {
  const block = PEM_BLOCK.exec(text);
  const label = block?.[1] ?? '';
  if (/PRIVATE KEY/.test(label) || (block === null && /PRIVATE KEY-----/.test(text))) {
    throw new ApiError(
      'invalid-request',
      `${source} holds a private key. A desk is trusted by its public key only: ask that desk for the file copydesk desk-key writes, and keep this one secret.`,
    );
  }
  const notAKey = `${source} does not hold a desk's public key (a PEM block that starts with -----BEGIN PUBLIC KEY-----). On the other desk, copydesk desk-key --out FILE writes one.`;
  if (block === null || label !== 'PUBLIC KEY') throw new ApiError('invalid-request', notAKey);
  let key: KeyObject;
  try {
    key = createPublicKey(block[0]);
  } catch {
    throw new ApiError('invalid-request', `${notAKey} Its PEM block is damaged.`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new ApiError(
      'invalid-request',
      `${source} holds ${key.asymmetricKeyType === undefined ? 'a key' : `an ${key.asymmetricKeyType.toUpperCase()} key`}, not a desk's key: Copydesk desks sign with Ed25519 keys (copydesk desk-key --out FILE on the other desk writes one).`,
    );
  }
  return rawPublicKey(key);
}

const SIGNATURE_FIELD = 'signature';

/**
 * `manifest` with its signature block: the desk's name, public key and fingerprint, and the
 * Ed25519 signature over the canonical JSON of the manifest holding that block without `value`.
 */
export function signManifest<T extends object>(manifest: T, key: DeskSigningKey): T & { signature: ManifestSignature } {
  const block = {
    algorithm: 'Ed25519' as const,
    desk: key.desk,
    publicKey: key.publicKey.toString('base64'),
    fingerprint: keyFingerprint(key.publicKey),
  };
  const value = sign(null, Buffer.from(canonicalJson({ ...manifest, [SIGNATURE_FIELD]: block })), key.privateKey);
  return { ...manifest, signature: { ...block, value: value.toString('base64') } };
}

/** Who a signature names: the desk's own name for itself, and its key. */
export type ClaimedSigner = { desk: string; publicKey: Buffer; fingerprint: string };

/**
 * What a manifest's signature says: `missing` (none), `invalid` (it does not hold for this
 * manifest and the key it names, or cannot be read) or `valid`, with the signer it names when
 * its key can be read.
 */
export type SignatureCheck = { state: 'valid' | 'invalid' | 'missing'; signer: ClaimedSigner | null };

/** Decodes strict base64 of `length` bytes, or null. */
function base64Bytes(text: string, length: number): Buffer | null {
  const bytes = Buffer.from(text, 'base64');
  return bytes.length === length && bytes.toString('base64') === text ? bytes : null;
}

/** Checks the signature of a parsed manifest.json against everything else the manifest says. */
export function checkManifestSignature(manifest: Record<string, unknown>): SignatureCheck {
  const raw = manifest[SIGNATURE_FIELD];
  if (raw === undefined) return { state: 'missing', signer: null };
  const parsed = ManifestSignatureSchema.safeParse(raw);
  if (!parsed.success) return { state: 'invalid', signer: null };
  const publicKey = base64Bytes(parsed.data.publicKey, 32);
  if (publicKey === null) return { state: 'invalid', signer: null };
  const fingerprint = keyFingerprint(publicKey);
  const signer = { desk: parsed.data.desk, publicKey, fingerprint };
  const value = base64Bytes(parsed.data.value, 64);
  if (value === null || parsed.data.fingerprint !== fingerprint) return { state: 'invalid', signer };
  // Every field of the block as written but the signature itself, unknown ones included.
  const block: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  delete block.value;
  const signed = Buffer.from(canonicalJson({ ...manifest, [SIGNATURE_FIELD]: block }));
  let holds = false;
  try {
    holds = verify(null, signed, publicKeyObject(publicKey), value);
  } catch {
    // A public key that is not a point on the curve verifies nothing.
  }
  return { state: holds ? 'valid' : 'invalid', signer };
}
