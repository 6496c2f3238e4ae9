import { describe, expect, it } from 'vitest';

import { parseDocx } from '../../../../electron/import/docx';
import { readZipDirectory } from '../../../../electron/import/zipDirectory';
import { bodyToPlainText } from '../../../../shared/text';
import { bombEntry, deflatedEntry, rawZip } from '../../../fuzz/zipFiles';
import { docxFile, zipArchive } from './fixtures';

describe('parseDocx', () => {
  it('reads the Title, Subtitle, "By" line and dateline into their fields, and the rest as the body', async () => {
    const article = await parseDocx(
      docxFile(
        [
          { style: 'Title', runs: ['Harbour council approves night ferry'] },
          { style: 'Subtitle', runs: ['A six-month trial begins in spring.'] },
          { runs: ['By Maria Okafor'] },
          {
            runs: [
              { text: 'PORT ELLIS: ', format: 'bold' },
              'The council on Monday approved ',
              { text: 'a trial', format: 'italic' },
              '.',
            ],
          },
          { style: 'Heading2', runs: ['What changes'] },
          { runs: ['Two extra crossings.'] },
          { runs: ['Also See: Ferry fares frozen'] },
        ],
        { title: 'Properties title', language: 'en-GB' },
      ),
      'ferry.docx',
    );
    expect(article).toMatchObject({
      format: 'docx',
      headline: 'Harbour council approves night ferry',
      dek: 'A six-month trial begins in spring.',
      authors: [{ name: 'Maria Okafor', bio: '' }],
      dateline: 'PORT ELLIS',
      language: 'en-GB',
    });
    expect(bodyToPlainText(article.body)).toBe(
      'The council on Monday approved a trial.\n\nWhat changes\n\nTwo extra crossings.\n\nAlso See: Ferry fares frozen',
    );
    const [lede, heading] = article.body.root.children as {
      type: string;
      tag?: string;
      children?: { format?: number }[];
    }[];
    expect(lede?.children?.map((run) => run.format)).toEqual([0, 2, 0]);
    expect(heading).toMatchObject({ type: 'heading', tag: 'h2' });
  });

  it('takes a leading heading as the headline', async () => {
    const article = await parseDocx(
      docxFile([{ style: 'Heading1', runs: ['Lighthouse reopens'] }, { runs: ['On Friday.'] }]),
      'x.docx',
    );
    expect(article.headline).toBe('Lighthouse reopens');
    expect(bodyToPlainText(article.body)).toBe('On Friday.');
  });

  it('falls back to the title in the document properties, then a short first line, then the file name', async () => {
    const fromProperties = await parseDocx(
      docxFile([{ runs: ['Body text.'] }], { title: 'From properties' }),
      'x.docx',
    );
    expect(fromProperties.headline).toBe('From properties');
    expect(bodyToPlainText(fromProperties.body)).toBe('Body text.');

    const fromFirstLine = await parseDocx(
      docxFile([{ runs: ['Short first line'] }, { runs: ['Body text.'] }], { title: 'Document1' }),
      'x.docx',
    );
    expect(fromFirstLine.headline).toBe('Short first line');
    expect(bodyToPlainText(fromFirstLine.body)).toBe('Body text.');

    const fromName = await parseDocx(docxFile([{ runs: ['A whole sentence of body text.'] }]), 'harbour_story.docx');
    expect(fromName.headline).toBe('harbour story');
  });

  it('refuses a truncated file as not a complete Word document', async () => {
    const whole = docxFile([{ runs: ['Text.'] }]);
    for (const length of [whole.length - 1, Math.floor(whole.length / 2), 30]) {
      await expect(parseDocx(whole.subarray(0, length), 'cut.docx')).rejects.toThrow(
        /^cut\.docx is not a complete Word document: it may have been cut short while copying/,
      );
    }
  });

  it('refuses a ZIP without a document, an old .doc file and anything else', async () => {
    await expect(parseDocx(zipArchive({ 'notes.txt': 'hello' }), 'a.docx')).rejects.toThrow(
      'a.docx is a ZIP archive but not a Word document: it has no document inside.',
    );
    await expect(
      parseDocx(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'old.docx'),
    ).rejects.toThrow(/^old\.docx is an old-style Word document \(\.doc\)/);
    await expect(parseDocx(Buffer.from('just some text'), 'text.docx')).rejects.toThrow(
      /^text\.docx is not a Word document/,
    );
  });

  it('refuses a document whose text would unpack to more than 200 MB, before unpacking it', async () => {
    const archive = docxFile([{ runs: ['x'] }]);
    expect(readZipDirectory(archive)?.map((entry) => entry.name)).toContain('word/document.xml');
    // Claim 300 MB as the uncompressed size in word/document.xml's central directory entry.
    const name = archive.lastIndexOf(Buffer.from('word/document.xml'));
    const entry = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), name);
    archive.writeUInt32LE(300 * 1024 * 1024, entry + 24);
    await expect(parseDocx(archive, 'bomb.docx')).rejects.toThrow(/^bomb\.docx is too large to import/);
  });

  it('refuses a document whose parts unpack to far more than they declare (a zip bomb), without unpacking them', async () => {
    // 4 GB of zeros in about 260 KB, each part declaring a few hundred bytes.
    const styles = deflatedEntry('word/styles.xml', '<w:styles xmlns:w="urn:w"/>');
    for (const bomb of [
      rawZip([bombEntry('word/document.xml', 4096, 2000), styles]),
      rawZip([deflatedEntry('word/document.xml', '<w:document/>'), bombEntry('word/styles.xml', 4096, 300)]),
    ]) {
      await expect(parseDocx(bomb, 'bomb.docx')).rejects.toThrow(
        /^bomb\.docx is damaged or not a genuine Word document: its part word\/(document|styles)\.xml unpacks to more than the file declares/,
      );
    }
  });
});
