/**
 * The picture types an article may carry, each by the extension its file is written with. SVG
 * is deliberately absent: it can hold script, and a photo desk never needs it.
 */
export const IMAGE_TYPES: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
};

/** The extension a picture of this type is written with, or undefined for a type no article carries. */
export function imageExtension(mimeType: string): string | undefined {
  return Object.keys(IMAGE_TYPES).find((extension) => IMAGE_TYPES[extension] === mimeType);
}
