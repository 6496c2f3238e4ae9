/**
 * MinHash signatures of an article's word shingles, for finding near-duplicates: the same wire
 * story imported twice, or lightly edited. Two signatures agree in a fraction of their places
 * that estimates the Jaccard similarity of the two articles' sets of three-word shingles.
 * Banding (locality-sensitive hashing) turns a signature into a few keys that two articles
 * share when they are likely to be near-duplicates, so candidates are found by index lookups.
 */
import { words } from './terms';

const SHINGLE_WORDS = 3;
/** Rows per band × bands: a pair at similarity 0.8 shares a band key with probability 0.998, at 0.5 with 0.27. */
export const BAND_ROWS = 6;
export const BANDS = 20;
export const SIGNATURE_LENGTH = BAND_ROWS * BANDS;
/** Fewer words than this and a text is too short to call anything its duplicate. */
export const MIN_WORDS = 25;

/** FNV-1a, 32 bits. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A 32-bit finaliser (murmur3's fmix32): a cheap, well-mixed family of hash functions by seed. */
function mix(value: number, seed: number): number {
  let h = (value ^ seed) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS = Array.from({ length: SIGNATURE_LENGTH }, (_, index) => mix(index + 1, 0x9e3779b9));

/** The signature of `text`, or null when it is too short to compare. */
export function minhashSignature(text: string): Uint32Array | null {
  const tokens = words(text);
  if (tokens.length < MIN_WORDS) return null;
  const shingles = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= tokens.length; i += 1) {
    shingles.add(hashString(tokens.slice(i, i + SHINGLE_WORDS).join(' ')));
  }
  const signature = new Uint32Array(SIGNATURE_LENGTH).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let i = 0; i < SIGNATURE_LENGTH; i += 1) {
      const value = mix(shingle, SEEDS[i] as number);
      if (value < (signature[i] as number)) signature[i] = value;
    }
  }
  return signature;
}

/** The estimated Jaccard similarity of the shingle sets two signatures were made from, 0 to 1. */
export function estimatedSimilarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_LENGTH; i += 1) if (a[i] === b[i]) same += 1;
  return same / SIGNATURE_LENGTH;
}

/** One key per band: the band's number in the high bits, a hash of its rows in the low 32 (safe integers). */
export function bandKeys(signature: Uint32Array): number[] {
  const keys: number[] = [];
  for (let band = 0; band < BANDS; band += 1) {
    let hash = band + 1;
    for (let row = 0; row < BAND_ROWS; row += 1) hash = mix(signature[band * BAND_ROWS + row] as number, hash);
    keys.push(band * 2 ** 32 + hash);
  }
  return keys;
}

export function signatureToBytes(signature: Uint32Array): Buffer {
  return Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength);
}

export function signatureFromBytes(bytes: Buffer): Uint32Array {
  const copy = new Uint8Array(bytes);
  return new Uint32Array(copy.buffer, 0, copy.byteLength / 4);
}
