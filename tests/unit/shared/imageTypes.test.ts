import { describe, expect, it } from 'vitest';

import { IMAGE_TYPES, imageExtension } from '../../../shared/imageTypes';

describe('the picture types an article may carry', () => {
  it('write each type with its own extension, a JPEG as .jpg', () => {
    for (const [extension, mimeType] of Object.entries(IMAGE_TYPES)) expect(imageExtension(mimeType)).toBe(extension);
    expect(imageExtension('image/jpeg')).toBe('jpg');
  });

  it('leave out SVG, which can hold script, and anything that is not a picture', () => {
    expect(Object.values(IMAGE_TYPES)).not.toContain('image/svg+xml');
    expect(imageExtension('image/svg+xml')).toBeUndefined();
    expect(imageExtension('text/html')).toBeUndefined();
  });
});
