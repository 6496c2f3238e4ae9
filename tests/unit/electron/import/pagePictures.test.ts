import { describe, expect, it } from 'vitest';

import { pageArticle } from '../../../../electron/import/htmlToBody';
import { imagePlaceholder } from '../../../../electron/import/importedArticle';
import { picturesNote } from '../../../../electron/import/pagePictures';
import { bodyToPlainText } from '../../../../shared/text';
import { jpegImage, pngImage } from '../../../helpers/images';

const PNG = pngImage(64, 48);
const dataUri = (bytes: Buffer, type = 'image/png') => `data:${type};base64,${bytes.toString('base64')}`;
const TEXT = '<p>The council approved the night ferry trial on Monday evening, after a long debate.</p>';

type JsonNode = { type: string; text?: string; children?: JsonNode[] };
const blocks = (html: string, files: Parameters<typeof pageArticle>[1] = null) => {
  const result = pageArticle(html, files);
  const texts = (result.body.root.children as JsonNode[]).map(function text(node: JsonNode): string {
    return node.text ?? (node.children ?? []).map(text).join('');
  });
  return { ...result, texts };
};

describe('pictures on a saved page', () => {
  it('makes a picture the page holds a picture with its caption and credit, in its place, without the labels', () => {
    // As the BBC marks them: hidden labels, then the copyright and the caption.
    const { texts, pictures, snapshotHtml } = blocks(
      `${TEXT}<figure><span><img src="${dataUri(PNG)}" alt="The quay at dusk"><span class="off-screen">Image copyright</span><span class="story-image-copyright">Getty Images</span></span><figcaption><span class="off-screen">Image caption</span>Fishermen unload the catch at the old quay</figcaption></figure><p>More text follows the picture here.</p>`,
    );
    expect(pictures.images).toEqual([
      {
        name: 'picture-1.png',
        bytes: expect.any(Uint8Array) as Uint8Array,
        caption: 'Fishermen unload the catch at the old quay',
        credit: 'Getty Images',
        altText: 'The quay at dusk',
        placeholder: imagePlaceholder(0),
      },
    ]);
    expect(Buffer.from(pictures.images[0]?.bytes ?? []).equals(PNG)).toBe(true);
    expect(texts).toEqual([
      'The council approved the night ferry trial on Monday evening, after a long debate.',
      imagePlaceholder(0),
      'More text follows the picture here.',
    ]);
    // The snapshot keeps the picture's words, not the placeholder.
    expect(snapshotHtml).toContain('Fishermen unload the catch at the old quay — Getty Images');
    expect(snapshotHtml).not.toContain('copydesk-image');
  });

  it('reads a credit behind doubled hidden labels, "Photograph:" and a class, and leaves "Credit Suisse" in a caption', () => {
    const credit = (figcaption: string) =>
      blocks(`${TEXT}<figure><img src="${dataUri(PNG)}"><figcaption>${figcaption}</figcaption></figure>`).pictures
        .images[0];
    expect(
      credit(
        'Rescue workers in Seoul.<span class="credit"><span class="visually-hidden">Credit</span>CreditJeon Heon-Kyun/EPA</span>',
      ),
    ).toMatchObject({ caption: 'Rescue workers in Seoul.', credit: 'Jeon Heon-Kyun/EPA' });
    // As The New York Times marks it: the hidden label set apart from the name by a space.
    expect(
      credit(
        '<span class="caption-text">Peacekeepers at a camp in Sudan.</span> <span class="credit"> <span class="visually-hidden">Credit</span> Ashraf Shazly/Agence France-Presse — Getty Images </span>',
      ),
    ).toMatchObject({
      caption: 'Peacekeepers at a camp in Sudan.',
      credit: 'Ashraf Shazly/Agence France-Presse — Getty Images',
    });
    expect(credit('Hori Parata at his farm. Photograph: Adrian Malloch')).toMatchObject({
      caption: 'Hori Parata at his farm.',
      credit: 'Adrian Malloch',
    });
    expect(credit('A new Bill is tabled. <span><em>Source:</em> Supplied</span>')).toMatchObject({
      caption: 'A new Bill is tabled.',
      credit: 'Supplied',
    });
    expect(credit('Credit Suisse shares fell on Monday')).toMatchObject({
      caption: 'Credit Suisse shares fell on Monday',
      credit: '',
    });
  });

  it('finds a caption beside the figure: a photo essay’s one-item list, a caption after the wrapper, italics after the picture', () => {
    const essay = blocks(
      `${TEXT}<figure><img src="${dataUri(PNG)}"></figure><ul><li><p>Hori Parata at his Pātaua farm</p></li></ul>${TEXT}`,
    );
    expect(essay.pictures.images[0]?.caption).toBe('Hori Parata at his Pātaua farm');
    expect(essay.texts).not.toContain('Hori Parata at his Pātaua farm');

    const after = blocks(
      `${TEXT}<div><div><figure><img src="${dataUri(PNG)}"></figure></div><p class="media-caption"></p><figcaption><em>Not allowed to film the demo.</em></figcaption></div>${TEXT}`,
    );
    expect(after.pictures.images[0]?.caption).toBe('Not allowed to film the demo.');
    expect(after.texts.join(' ')).not.toContain('Not allowed');

    const beside = blocks(`${TEXT}<p><img src="${dataUri(PNG)}" alt="A bulb"><br><em>When the idea comes.</em></p>`);
    expect(beside.pictures.images[0]).toMatchObject({ caption: 'When the idea comes.', altText: 'A bulb' });
    expect(beside.texts.join(' ')).not.toContain('When the idea');
  });

  it('leaves out a picture whose bytes the page does not hold, with its caption and credit, and counts it', () => {
    const { texts, pictures, body } = blocks(
      `${TEXT}<figure><img src="https://img.example/1.jpg"><figcaption>Delegates meet<span class="credit">AP</span></figcaption></figure>
       <figure><img src="https://img.example/2.jpg"></figure><ul><li>Photo essay caption</li></ul>
       <p><img src="https://img.example/pixel.gif" width="1" height="1"></p>
       <div class="picture-credit">West Merica Police</div>${TEXT}`,
    );
    expect(pictures).toEqual({ images: [], missing: 2, unusable: 0 });
    expect(texts).toEqual([
      'The council approved the night ferry trial on Monday evening, after a long debate.',
      'The council approved the night ferry trial on Monday evening, after a long debate.',
    ]);
    expect(bodyToPlainText(body)).not.toMatch(/Delegates|AP|caption|Police/);
    expect(picturesNote(pictures)).toBe(
      '2 pictures were not in the saved page: left out with their captions. Save the page complete, with its files, to bring them in, or add them by hand.',
    );
    expect(picturesNote({ images: [], missing: 1, unusable: 1 })).toBe(
      '1 picture was not in the saved page; 1 picture is in a format Copydesk cannot use (only JPEG, PNG, GIF and WebP): left out with their captions. Save the page complete, with its files, to bring them in, or add them by hand.',
    );
    expect(picturesNote({ images: [], missing: 0, unusable: 0 })).toBeNull();
  });

  it('reads a picture saved beside the page by its address as the page wrote it, and never one outside its folder', () => {
    const jpeg = jpegImage(80, 60);
    const asked: string[] = [];
    const files = (relative: string) => {
      asked.push(relative);
      return relative === 'Story_files/photo%201.jpg' || relative === 'Story_files/photo 1.jpg' ? jpeg : null;
    };
    const { pictures } = blocks(
      `${TEXT}<figure><img data-copydesk-src="./Story_files/photo%201.jpg" src="https://news.example/Story_files/photo%201.jpg"><figcaption>Saved with the page</figcaption></figure>
       <figure><img src="../secret/photo.jpg"></figure><figure><img src="/etc/photo.jpg"></figure>`,
      files,
    );
    expect(pictures.images.map((image) => [image.name, image.caption])).toEqual([
      ['photo 1.jpg', 'Saved with the page'],
    ]);
    expect(pictures.missing).toBe(2);
    expect(asked).toEqual(['Story_files/photo 1.jpg']);
  });

  it('counts bytes that are no usable picture, and drops spacers and one-pixel stand-ins without a word', () => {
    const { pictures, texts } = blocks(
      `${TEXT}<figure><img src="data:image/svg+xml;base64,${Buffer.from('<svg/>').toString('base64')}"><figcaption>A chart</figcaption></figure>
       <p>Text and a spacer <img src="${dataUri(pngImage(1, 1))}"> in one paragraph.</p>`,
    );
    expect(pictures).toEqual({ images: [], missing: 0, unusable: 1 });
    expect(texts).toContain('Text and a spacer in one paragraph.');
  });

  it('puts a picture inside a list or a quotation after it, never into an item or the quote', () => {
    const { texts, pictures } = blocks(
      `${TEXT}<ul><li>First point</li><li>Second point <img src="${dataUri(PNG)}"></li></ul><blockquote><p>A quote.</p><figure><img src="${dataUri(PNG)}"></figure></blockquote>`,
    );
    expect(pictures.images).toHaveLength(2);
    expect(texts).toEqual([
      'The council approved the night ferry trial on Monday evening, after a long debate.',
      'First pointSecond point',
      imagePlaceholder(0),
      'A quote.',
      imagePlaceholder(1),
    ]);
  });
});
