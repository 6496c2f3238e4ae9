import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { createArticle, getArticle, saveArticle } from '../../../../electron/services/articles';
import { addImage, getImage } from '../../../../electron/services/assets';
import { MAX_IMAGE_BYTES } from '../../../../shared/api';
import { AssetIdSchema } from '../../../../shared/domain';
import { jpegImage, pngImage } from '../../../helpers/images';
import { apiErrorFrom, dumpDatabase } from '../../../helpers/library';
import { libraryPerTest } from '../../../helpers/libraryPerTest';

const { library, clock } = libraryPerTest();

const MISSING_ID = AssetIdSchema.parse('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b');

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const assetCount = () => library.lib.db.prepare('SELECT count(*) FROM assets').pluck().get() as number;

/** Bytes that look like nothing in particular, the same on every run. */
function noise(length: number, seed = 12345): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i += 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    bytes[i] = state >> 16;
  }
  return bytes;
}

describe('adding an image', () => {
  it.each([
    ['a PNG', 'quay.png', () => pngImage(3, 2), 'image/png', 3, 2],
    ['a tall PNG', 'mast.png', () => pngImage(2, 5), 'image/png', 2, 5],
    ['a JPEG', 'harbour.jpg', () => jpegImage(17, 9), 'image/jpeg', 17, 9],
    ['a JPEG named as a PNG', 'misnamed.png', () => jpegImage(9, 20), 'image/jpeg', 9, 20],
  ])('stores %s with the type and size read from its bytes', (_what, name, make, mimeType, width, height) => {
    const bytes = make();
    clock.advance(1000);
    const asset = addImage(library.lib, name, bytes, clock());
    expect(asset).toEqual({
      id: asset.id,
      sha256: sha256(bytes),
      mimeType,
      byteLength: bytes.length,
      width,
      height,
      originalName: name,
      createdAt: '2026-03-02T09:00:01.000Z',
    });
    const stored = getImage(library.lib, asset.id);
    expect(stored.asset).toEqual(asset);
    expect(stored.bytes.equals(bytes)).toBe(true);
  });

  it('stores the same picture once, however often and under whatever name it is added', () => {
    const bytes = pngImage(4, 4);
    const first = addImage(library.lib, 'quay.png', bytes);
    const again = addImage(library.lib, 'quay copy.png', Buffer.from(bytes));
    expect(again).toEqual(first);
    expect(assetCount()).toBe(1);
    const other = addImage(library.lib, 'quay.png', pngImage(4, 4, [0, 0, 255]));
    expect(other.id).not.toBe(first.id);
    expect(assetCount()).toBe(2);
  });

  const svg =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30" viewBox="0 0 40 30">' +
    '<rect width="40" height="30" fill="navy"/><script>alert(1)</script></svg>\n';
  it.each([
    ['an empty file', 'empty.png', Buffer.alloc(0), /empty\.png is empty: choose an image file/],
    ['random bytes', 'noise.jpg', noise(4096), /noise\.jpg is not an image Copydesk can use\. Use a JPEG, PNG/],
    [
      'a text file',
      'notes.png',
      Buffer.from('Interview notes, not a picture.\n'.repeat(20)),
      /notes\.png is not an image Copydesk can use/,
    ],
    ['an SVG, even well-formed', 'logo.svg', Buffer.from(svg), /logo\.svg is not an image Copydesk can use/],
    ['a PNG cut off after its signature', 'cut.png', pngImage(3, 2).subarray(0, 8), /cut\.png is not an image/],
  ])('refuses %s with a message naming the file, and stores nothing', (_what, name, bytes, message) => {
    const before = dumpDatabase(library.lib.db);
    const error = apiErrorFrom(() => addImage(library.lib, name, bytes));
    expect(error.code).toBe('invalid-request');
    expect(error.message).toMatch(message);
    expect(dumpDatabase(library.lib.db)).toEqual(before);
  });

  it('refuses an image over the size limit before reading it, and says what the limit is', () => {
    const limit = MAX_IMAGE_BYTES / (1024 * 1024);
    const tooLarge = Buffer.alloc(MAX_IMAGE_BYTES + 1);
    pngImage(3, 2).copy(tooLarge);
    const error = apiErrorFrom(() => addImage(library.lib, 'scan.png', tooLarge));
    expect(error.code).toBe('invalid-request');
    expect(error.message).toMatch(new RegExp(`^scan\\.png is larger than ${limit} MB\\b.*smaller copy`));
    expect(assetCount()).toBe(0);
  });

  it('refuses to show an image that is not in the library', () => {
    expect(apiErrorFrom(() => getImage(library.lib, MISSING_ID)).code).toBe('not-found');
  });
});

describe('the lead image of an article', () => {
  it('carries the stored image with its caption and credit, and can be removed', () => {
    const image = addImage(library.lib, 'quay.jpg', jpegImage(16, 8));
    const article = createArticle(
      library.lib,
      { headline: 'Ferry', leadImage: { assetId: image.id, caption: 'The old quay.', credit: 'Amna Riaz' } },
      { clock },
    );
    expect(article.leadImage).toEqual({ asset: image, caption: 'The old quay.', credit: 'Amna Riaz', altText: '' });
    expect(getArticle(library.lib, article.id).leadImage).toEqual(article.leadImage);

    const recaptioned = saveArticle(
      library.lib,
      article.id,
      1,
      { leadImage: { assetId: image.id, caption: 'The old quay at dusk.', credit: 'Amna Riaz/Desk' } },
      { clock },
    );
    expect(recaptioned.leadImage).toEqual({
      asset: image,
      caption: 'The old quay at dusk.',
      credit: 'Amna Riaz/Desk',
      altText: '',
    });
    expect(saveArticle(library.lib, article.id, 2, { headline: 'Ferry trial' }, { clock }).leadImage).toEqual(
      recaptioned.leadImage,
    );
    const removed = saveArticle(library.lib, article.id, 3, { leadImage: null }, { clock });
    expect(removed.leadImage).toBeNull();
    expect(getImage(library.lib, image.id).asset).toEqual(image);
  });

  it('refuses an image that is not in the library, and leaves the article as it was', () => {
    const article = createArticle(library.lib, { headline: 'Ferry' }, { clock });
    const before = dumpDatabase(library.lib.db);
    const error = apiErrorFrom(() =>
      saveArticle(
        library.lib,
        article.id,
        1,
        { leadImage: { assetId: MISSING_ID, caption: 'x', credit: 'y' } },
        { clock },
      ),
    );
    expect(error.code).toBe('invalid-request');
    expect(error.message).toMatch(/lead image is not in this library/);
    expect(dumpDatabase(library.lib.db)).toEqual(before);
  });
});
