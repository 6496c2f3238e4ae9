import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  bandKeys,
  estimatedSimilarity,
  minhashSignature,
  signatureFromBytes,
  signatureToBytes,
} from '../../../../electron/related/minhash';
import { bbcNews } from '../../../helpers/corpora';

const BBC = bbcNews();
const story = (file: string) => fs.readFileSync(path.join(BBC, file), 'utf8');

function signature(text: string): Uint32Array {
  const result = minhashSignature(text);
  if (result === null) throw new Error('too short');
  return result;
}

const sharedBands = (a: Uint32Array, b: Uint32Array) => {
  const keys = new Set(bandKeys(a));
  return bandKeys(b).filter((key) => keys.has(key)).length;
};

describe('near-duplicate signatures', () => {
  const original = story('politics/011.txt');
  const paragraphs = original.split(/\n\s*\n/u);

  it('rates a wire story lightly edited (a sentence added, a word changed, re-spaced) as a near-duplicate', () => {
    const edited = [
      paragraphs[0],
      ...paragraphs.slice(1, -1),
      `${paragraphs[paragraphs.length - 1] ?? ''} The party said it would respond later.`,
    ]
      .join('\n\n')
      .replace('Conservative', 'Tory')
      .replace(/ {1}/u, '  ');
    const similarity = estimatedSimilarity(signature(original), signature(edited));
    expect(similarity).toBeGreaterThanOrEqual(0.8);
    expect(similarity).toBeLessThan(1);
    expect(sharedBands(signature(original), signature(edited))).toBeGreaterThan(0);
  });

  it('rates the same story in other case and spacing as identical', () => {
    expect(estimatedSimilarity(signature(original), signature(original.toUpperCase().replace(/\n/gu, ' ')))).toBe(1);
  });

  it('rates two stories on one subject far apart', () => {
    const similarity = estimatedSimilarity(signature(original), signature(story('politics/012.txt')));
    expect(similarity).toBeLessThan(0.2);
  });

  it('rates a story cut to its first half well below a duplicate', () => {
    const half = paragraphs.slice(0, Math.ceil(paragraphs.length / 2)).join('\n\n');
    expect(estimatedSimilarity(signature(original), signature(half))).toBeLessThan(0.8);
  });

  it('does not sign a text too short to compare', () => {
    expect(minhashSignature('Ferry trial approved by the council.')).toBeNull();
  });

  it('stores a signature as bytes and reads it back unchanged', () => {
    const original32 = signature(original);
    expect([...signatureFromBytes(signatureToBytes(original32))]).toEqual([...original32]);
  });
});
