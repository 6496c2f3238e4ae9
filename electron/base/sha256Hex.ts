import { createHash } from 'node:crypto';

/** The SHA-256 of `bytes`, in lower-case hex, as manifests, snapshots and stored images record it. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
