import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { captureFile, capturePaste } from '../../../../electron/sources/captureSnapshot';
import { ApiError } from '../../../../shared/errors';
import { pdfDocument } from '../../../helpers/pdf';
import { expectedHeadline } from '../import/fixtures';
import { webPages } from '../../../helpers/corpora';

async function refusal(name: string, bytes: Uint8Array): Promise<string> {
  try {
    await captureFile(name, bytes);
  } catch (error) {
    if (error instanceof ApiError) return error.message;
    throw error;
  }
  throw new Error(`${name} was accepted`);
}

describe('capturing a source', () => {
  it('keeps a PDF’s text as paragraphs, words broken across lines made whole, with its title', async () => {
    const pdf = pdfDocument(
      [
        [
          ['The Ministry of Foreign Affairs said the two sides held an in-', 'depth exchange of views on terrorism.'],
          ['The next meeting will be held in 2026.'],
        ],
        [['Islamabad, 10 June 2025']],
      ],
      { title: 'Press release: JWG on counterterrorism' },
    );
    const capture = await captureFile('press-release.pdf', pdf);
    expect(capture).toMatchObject({ format: 'pdf', byteSize: pdf.length });
    expect(capture.about).toMatchObject({ kind: 'document', title: 'Press release: JWG on counterterrorism' });
    expect(capture.text).toBe(
      [
        'The Ministry of Foreign Affairs said the two sides held an in-depth exchange of views on terrorism.',
        'The next meeting will be held in 2026.',
        'Islamabad, 10 June 2025',
      ].join('\n\n'),
    );
    expect(capture.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads a saved web page through Readability, with its title, byline, site and date', async () => {
    const page = path.join(webPages(), 'guardian-1', 'source.html');
    const capture = await captureFile('guardian.html', fs.readFileSync(page));
    // The headline as an import gives it: without the author's name the page's title adds.
    const title = expectedHeadline('guardian-1');
    expect(capture.format).toBe('web-page');
    expect(capture.about.kind).toBe('web-page');
    expect(capture.about.title).toBe(title);
    expect(capture.text.startsWith(`${title}\n\n`)).toBe(true);
    expect(capture.html).not.toMatch(/<script|<img|onerror|<iframe/i);
  });

  it('keeps a web page’s article as sanitised HTML: its table and links stay, anything that could run is gone', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => `<tr><td>District ${i + 1}</td><td>${(i + 1) * 17}</td></tr>`);
    const page = `<!doctype html><html lang="en"><head><title>Flood toll by district</title></head><body>
      <article><h1>Flood toll by district</h1>
      <p>The provincial disaster authority published the toll on Monday, district by district, and said it
      would update it daily. <a href="https://pdma.example.org/toll" onclick="steal()">The full list</a> is on its site.</p>
      <p>Officials said the figures were provisional and that teams were still reaching remote villages.</p>
      <table><thead><tr><th>District</th><th>Deaths</th></tr></thead><tbody>${rows.join('')}</tbody></table>
      <p>Relief camps have been set up in six districts <a href="javascript:alert(1)">see map</a>.</p>
      <img src="x" onerror="alert(1)"><script>window.ran = true</script>
      <svg><foreignObject><iframe srcdoc="<script>alert(1)</script>"></iframe></foreignObject></svg>
      </article></body></html>`;
    const capture = await captureFile('toll.html', new TextEncoder().encode(page));
    expect(capture.html).toContain('<h1>Flood toll by district</h1>');
    expect(capture.html).toContain('<td>District 12</td><td>204</td>');
    expect(capture.html).toContain('<a href="https://pdma.example.org/toll">The full list</a>');
    expect(capture.html).not.toMatch(/<script|<img|onerror|onclick|<iframe|srcdoc|javascript:|<svg/i);
    expect(capture.text).toContain('District 12');
  });

  it('reads a Latin-1 text file and keeps its paragraphs, line breaks inside them included', async () => {
    const bytes = Buffer.from('Statement\r\n\r\nThe fare is \u00a315.\r\nIt starts in May.\r\n', 'latin1');
    const capture = await captureFile('statement.txt', bytes);
    expect(capture.text).toBe('Statement\n\nThe fare is £15.\nIt starts in May.');
    expect(capture.html).toBe('<p>Statement</p>\n<p>The fare is £15.<br>It starts in May.</p>');
    expect(capture.about.title).toBe('Statement');
  });

  it('keeps pasted text as it was pasted, markup escaped', () => {
    const capture = capturePaste('Notes from the call\n\nShe said: "<b>not</b> before May".', 'Call with the mayor');
    expect(capture).toMatchObject({ format: 'paste', fileName: 'Call with the mayor' });
    expect(capture.text).toBe('Notes from the call\n\nShe said: "<b>not</b> before May".');
    expect(capture.html).toContain('&lt;b&gt;not&lt;/b&gt;');
  });

  it('refuses what it cannot read with a message that says why', async () => {
    expect(await refusal('scan.pdf', Buffer.from('not a pdf at all'))).toBe(
      'scan.pdf is not a PDF file (it does not start as one). Choose the PDF itself.',
    );
    const truncated = pdfDocument([[['A line of text.']]]).subarray(0, 120);
    expect(await refusal('cut.pdf', truncated)).toMatch(/^cut\.pdf (is damaged or incomplete|has no text to quote)/);
    expect(await refusal('blank.pdf', pdfDocument([[]]))).toMatch(/^blank\.pdf has no text to quote/);
    expect(await refusal('empty.txt', new Uint8Array())).toBe('empty.txt is empty: there is nothing to import.');
    expect(await refusal('photo.jpg', Buffer.from([0xff, 0xd8, 0xff]))).toBe(
      'photo.jpg cannot be kept as a source: Copydesk keeps .html, .pdf, .docx or .txt files, or pasted text.',
    );
    expect(() => capturePaste('  \n\n ', 'Nothing')).toThrow('The pasted text is empty: paste the passage to keep.');
  });
});
