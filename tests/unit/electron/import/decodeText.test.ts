import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { binaryKind, decodeText } from '../../../../electron/import/decodeText';
import { BBC } from './fixtures';

const utf16 = (text: string, endian: 'le' | 'be'): Buffer => {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  return endian === 'le' ? le : Buffer.from(le).swap16();
};

describe('decodeText', () => {
  it('reads UTF-8 with and without a byte order mark, and normalises line ends', () => {
    const text = 'Café £5 — “quoted”\r\nsecond line\rthird';
    expect(decodeText(Buffer.from(text, 'utf8'), 'a.txt')).toEqual({
      text: 'Café £5 — “quoted”\nsecond line\nthird',
      encoding: 'utf-8',
    });
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Café', 'utf8')]);
    expect(decodeText(withBom, 'a.txt')).toEqual({ text: 'Café', encoding: 'utf-8' });
  });

  it('reads UTF-16 little- and big-endian text that starts with a byte order mark', () => {
    expect(decodeText(utf16('Ünïcode ✓ 𝄞', 'le'), 'a.txt')).toEqual({ text: 'Ünïcode ✓ 𝄞', encoding: 'utf-16le' });
    expect(decodeText(utf16('Ünïcode ✓ 𝄞', 'be'), 'a.txt')).toEqual({ text: 'Ünïcode ✓ 𝄞', encoding: 'utf-16be' });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
    // “Hi” £5 €, é as Windows-1252 writes them
    const bytes = Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0xa3, 0x35, 0x20, 0x80, 0x2c, 0x20, 0xe9]);
    expect(decodeText(bytes, 'a.txt')).toEqual({ text: '“Hi” £5 €, é', encoding: 'windows-1252' });
  });

  it('keeps UTF-8 characters when a file mixes them with stray Latin-1 bytes', () => {
    const bytes = Buffer.concat([Buffer.from('It’s ', 'utf8'), Buffer.from([0xa3]), Buffer.from('5 — ok', 'utf8')]);
    expect(decodeText(bytes, 'a.txt')).toEqual({ text: 'It’s £5 — ok', encoding: 'utf-8 with windows-1252' });
  });

  it('reads the Latin-1 pound sign in the BBC corpus (sport/199.txt)', () => {
    const bytes = fs.readFileSync(path.join(BBC, 'sport', '199.txt'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const decoded = decodeText(bytes, 'sport/199.txt');
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toContain('a £15.8m signing from Parma');
  });

  it('uses a declared character set for bytes that are not UTF-8', () => {
    expect(decodeText(Buffer.from([0xe1, 0xe2, 0xe3]), 'a.html', 'iso-8859-7')).toEqual({
      text: 'αβγ',
      encoding: 'iso-8859-7',
    });
  });

  it('refuses empty files, naming them', () => {
    expect(() => decodeText(Buffer.alloc(0), 'empty.txt')).toThrow('empty.txt is empty: there is nothing to import.');
  });

  it('refuses a file that holds no readable text: white space, a few control characters, symbols alone', () => {
    const blank = 'blank.txt holds no readable text: it is only spaces and line breaks. There is nothing to import.';
    expect(() => decodeText(Buffer.from(' \n\r\n\t'), 'blank.txt')).toThrow(blank);
    expect(() => decodeText(Buffer.from([0xef, 0xbb, 0xbf]), 'blank.txt')).toThrow(blank);
    expect(() => decodeText(Buffer.from('\u200b\u00a0\n', 'utf8'), 'blank.txt')).toThrow(blank);
    // Four bytes that would have made an article whose headline is a box: each refused, not imported.
    for (const bytes of [
      [0x1b, 0x0a, 0x0a, 0x0a],
      [0xff, 0xfe, 0x01, 0x00],
      [0x80, 0x82, 0x84, 0x0a],
      [0x01, 0x41, 0x02, 0x0a],
      [0xe2, 0x96, 0xaf, 0x0a],
    ]) {
      expect(() => decodeText(Buffer.from(bytes), 'four.txt'), bytes.join(' ')).toThrow(
        /^four\.txt holds no readable text: it has no letters or figures/,
      );
    }
    // A short text with a letter or a figure is text.
    expect(decodeText(Buffer.from('OK\n'), 'ok.txt').text).toBe('OK\n');
    expect(decodeText(Buffer.from('42'), 'n.txt').text).toBe('42');
  });

  it('refuses binary files: NUL bytes, known signatures, control characters, damaged UTF-16', () => {
    expect(() => decodeText(Buffer.from('text\u0000more', 'latin1'), 'a.html')).toThrow(
      /^a\.html does not look like a text file \(it contains binary data\)/,
    );
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]);
    expect(() => decodeText(png, 'photo.txt')).toThrow('photo.txt does not look like a text file (it is a PNG image)');
    expect(() => decodeText(Buffer.from('%PDF-1.7 ...'), 'a.txt')).toThrow('(it is a PDF document)');
    // Bytes with no NUL but full of control characters, as compressed data often is.
    const junk = Buffer.from(Array.from({ length: 400 }, (_, i) => ((i * 37 + 11) % 255) + 1));
    expect(() => decodeText(junk, 'junk.html')).toThrow('junk.html does not look like a text file');
    expect(() => decodeText(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41]), 'a.txt')).toThrow(
      'a.txt does not look like a text file (it starts like UTF-16 text but its characters are damaged)',
    );
  });

  it('tolerates a stray control character in real text', () => {
    expect(decodeText(Buffer.from(`${'A line of text. '.repeat(20)}\u001a`), 'dos.txt').encoding).toBe('utf-8');
  });

  it('names common binary formats from their first bytes', () => {
    expect(binaryKind(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBe('a ZIP archive or an Office document');
    expect(binaryKind(Buffer.from('plain text'))).toBeNull();
  });
});
