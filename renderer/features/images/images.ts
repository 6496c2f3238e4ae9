/**
 * Images in the renderer: adding a picked file to the library, and showing a stored image.
 * Bytes travel through the API as base64; a stored image is shown from a blob: URL made once
 * per image and reused.
 */
import { useEffect, useState } from 'react';

import { api } from '../../api';
import { MAX_IMAGE_BYTES } from '../../../shared/api';
import type { Asset, AssetId } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { IMAGE_TYPES } from '../../../shared/imageTypes';

/** The types a person may pick; the service checks the bytes again. */
export const IMAGE_ACCEPT = Object.values(IMAGE_TYPES).join(',');

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

function fromBase64(data: string): Uint8Array<ArrayBuffer> {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Stores a picked image file in the library; refuses oversized or non-image files with a message. */
export async function addImageFile(file: File): Promise<Asset> {
  if (file.size > MAX_IMAGE_BYTES) {
    throw new ApiError(
      'invalid-request',
      `${file.name} is ${Math.round(file.size / (1024 * 1024))} MB; images are limited to ${MAX_IMAGE_BYTES / (1024 * 1024)} MB. Export a smaller copy and try again.`,
    );
  }
  if (file.type !== '' && !IMAGE_ACCEPT.split(',').includes(file.type)) {
    throw new ApiError(
      'invalid-request',
      `${file.name} is not an image Copydesk can use. Use a JPEG, PNG, GIF or WebP file.`,
    );
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  return api.invoke('assets:addImage', { name: file.name, dataBase64: toBase64(bytes) });
}

const urls = new Map<string, Promise<string>>();

/** A blob: URL showing a stored image; fetched once per image for the page's life. */
export function imageUrl(id: AssetId): Promise<string> {
  let url = urls.get(id);
  if (url === undefined) {
    url = api
      .invoke('assets:get', { id })
      .then(({ asset, dataBase64 }) =>
        URL.createObjectURL(new Blob([fromBase64(dataBase64)], { type: asset.mimeType })),
      );
    url.catch(() => urls.delete(id));
    urls.set(id, url);
  }
  return url;
}

/** The URL of a stored image for an <img>, or null while it loads (or if it cannot be shown). */
export function useImageUrl(id: AssetId | null): string | null {
  // Kept with the id it belongs to, so a new id shows nothing until its own URL arrives.
  const [loaded, setLoaded] = useState<{ id: AssetId; url: string } | null>(null);
  useEffect(() => {
    if (id === null) return undefined;
    let live = true;
    imageUrl(id).then(
      (url) => {
        if (live) setLoaded({ id, url });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [id]);
  return loaded !== null && loaded.id === id ? loaded.url : null;
}
