import { describe, expect, it } from 'vitest';

import { sha256Hex } from '../../../../electron/base/sha256Hex';

describe('sha256Hex', () => {
  it('gives the SHA-256 of the bytes in lower-case hex (FIPS 180-2 test vector "abc")', () => {
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('tells bytes that differ by one bit apart', () => {
    expect(sha256Hex(new Uint8Array([0]))).not.toBe(sha256Hex(new Uint8Array([1])));
  });
});
