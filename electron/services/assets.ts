import { imageSize } from 'image-size';
import { v7 as uuidv7 } from 'uuid';

import { MAX_IMAGE_BYTES } from '../../shared/api';
import { ApiError } from '../../shared/errors';
import type { Asset } from '../../shared/domain';
import { IMAGE_TYPES } from '../../shared/imageTypes';
import { sha256Hex } from '../base/sha256Hex';
import type { AssetMeta } from '../db/queries/assets';
import * as assets from '../db/queries/assets';
import type { Library } from './LibraryHost';

/** The type and size an image's bytes declare, or null when they are no picture an article may carry. */
export function imageFacts(bytes: Uint8Array): { mimeType: string; width: number; height: number } | null {
  let size: { width?: number; height?: number; type?: string };
  try {
    size = imageSize(bytes);
  } catch {
    return null;
  }
  const mimeType = size.type === undefined ? undefined : IMAGE_TYPES[size.type];
  if (mimeType === undefined || size.width === undefined || size.height === undefined) return null;
  return { mimeType, width: size.width, height: size.height };
}

/**
 * Stores an image in the library, identified by its bytes: the same picture added twice is
 * stored once. The type and dimensions are read from the bytes, never trusted from the name.
 */
export function addImage(lib: Library, name: string, bytes: Buffer, now: Date = new Date()): Asset {
  if (bytes.length === 0) throw new ApiError('invalid-request', `${name} is empty: choose an image file.`);
  if (bytes.length > MAX_IMAGE_BYTES) {
    throw new ApiError(
      'invalid-request',
      `${name} is larger than ${MAX_IMAGE_BYTES / (1024 * 1024)} MB, the limit for images. Export a smaller copy and try again.`,
    );
  }
  const facts = imageFacts(bytes);
  if (facts === null) {
    throw new ApiError(
      'invalid-request',
      `${name} is not an image Copydesk can use. Use a JPEG, PNG, GIF or WebP file.`,
    );
  }
  const { mimeType, width, height } = facts;
  const sha256 = sha256Hex(bytes);
  const existing = assets.findAssetBySha256(lib.db, sha256);
  if (existing !== undefined) return assets.rowToAsset(existing);
  const meta: AssetMeta = {
    id: uuidv7(),
    sha256,
    mime_type: mimeType,
    byte_length: bytes.length,
    width,
    height,
    original_name: name.slice(0, 255),
    created_at: now.toISOString(),
  };
  assets.insertAsset(lib.db, { ...meta, bytes });
  return assets.rowToAsset(meta);
}

/** An image's record and bytes, for showing it. */
export function getImage(lib: Library, id: string): { asset: Asset; bytes: Buffer } {
  const meta = assets.getAssetMeta(lib.db, id);
  const bytes = assets.getAssetBytes(lib.db, id);
  if (meta === undefined || bytes === undefined) throw new ApiError('not-found', 'That image is not in this library.');
  return { asset: assets.rowToAsset(meta), bytes };
}
