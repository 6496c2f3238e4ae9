import { refuse } from './importFormats';

/**
 * How a file's bytes were read: 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252',
 * 'utf-8 with windows-1252' (stray Latin-1 bytes in UTF-8 text), or the character set a web
 * page declared.
 */
export type DecodedText = { text: string; encoding: string };

/** Signatures of common binary files, so the refusal can say what the file is. */
const SIGNATURES: readonly { bytes: readonly number[]; offset?: number; kind: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'a ZIP archive or an Office document' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], kind: 'a ZIP archive' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kind: 'an old-style Office document (.doc)' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'a GIF image' },
  { bytes: [0x57, 0x45, 0x42, 0x50], offset: 8, kind: 'a WebP image' },
  { bytes: [0x1f, 0x8b], kind: 'a gzip archive' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], kind: 'a program' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], kind: 'a SQLite database' },
];

/** What kind of binary file `bytes` starts like, if any. */
export function binaryKind(bytes: Uint8Array): string | null {
  for (const signature of SIGNATURES) {
    const offset = signature.offset ?? 0;
    if (signature.bytes.every((byte, index) => bytes[offset + index] === byte)) return signature.kind;
  }
  return null;
}

/** The length of the well-formed UTF-8 sequence starting at `i`, or 0 if there is none. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i] ?? 0;
  const cont = (k: number, low = 0x80, high = 0xbf) => {
    const byte = bytes[i + k];
    return byte !== undefined && byte >= low && byte <= high;
  };
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return cont(1) ? 2 : 0;
  if (lead === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if (lead === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (lead >= 0xe1 && lead <= 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (lead === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (lead >= 0xf1 && lead <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (lead === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** Windows-1252's characters for bytes 0x80–0x9F; the five bytes it leaves undefined stay C1 controls. */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d,
  0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d,
  0x017e, 0x0178,
];
const WINDOWS_1252 = Uint16Array.from({ length: 256 }, (_, byte) =>
  byte >= 0x80 && byte < 0xa0 ? (WINDOWS_1252_HIGH[byte - 0x80] ?? byte) : byte,
);

/**
 * Windows-1252 (the superset of Latin-1 that Windows editors write), decoded by table: Node's
 * TextDecoder reads bytes 0x80–0x9F as Latin-1 control characters instead of “ ” € and the like.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i += 1) units[i] = WINDOWS_1252[bytes[i] ?? 0] ?? 0;
  return new TextDecoder('utf-16le').decode(units);
}

/**
 * Reads text that is not valid UTF-8: every well-formed UTF-8 sequence as UTF-8, every other
 * byte as Windows-1252. A Latin-1 or Windows-1252 file comes out exactly as Windows-1252
 * reads it; a UTF-8 file with a few stray Latin-1 bytes (text pasted from two editors) keeps
 * its UTF-8 characters instead of turning them into "â€™".
 */
function decodeWithFallback(bytes: Uint8Array): { text: string; sawUtf8: boolean } {
  const utf8 = new TextDecoder('utf-8');
  let text = '';
  let start = 0;
  let i = 0;
  let sawUtf8 = false;
  while (i < bytes.length) {
    const length = utf8SequenceLength(bytes, i);
    if (length > 0) {
      if (length > 1) sawUtf8 = true;
      i += length;
      continue;
    }
    let end = i + 1;
    while (end < bytes.length && utf8SequenceLength(bytes, end) === 0) end += 1;
    text += utf8.decode(bytes.subarray(start, i)) + decodeWindows1252(bytes.subarray(i, end));
    i = end;
    start = end;
  }
  return { text: text + utf8.decode(bytes.subarray(start)), sawUtf8 };
}

/** Control characters no text file holds: everything below space except tab and line ends, DEL, C1 controls, U+FFFD. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufffd]/g;

/** How many matches of the global `pattern` `text` holds, counting no further than `atMost`. */
function countMatches(text: string, pattern: RegExp, atMost = Number.POSITIVE_INFINITY): number {
  let count = 0;
  pattern.lastIndex = 0;
  while (count < atMost && pattern.test(text)) count += 1;
  pattern.lastIndex = 0;
  return count;
}

function looksLikeText(text: string): boolean {
  const allowed = 2 + text.length * 0.005;
  return countMatches(text, CONTROL, Math.floor(allowed) + 1) <= allowed;
}

function notText(name: string, why: string) {
  return refuse(
    `${name} does not look like a text file (${why}). Copydesk imports text, Markdown, web pages and Word .docx files.`,
  );
}

/**
 * Reads a text file's bytes as text, whatever it was saved as: UTF-8 with or without a byte
 * order mark, UTF-16 with a byte order mark, or Windows-1252 / Latin-1 (tried when the bytes
 * are not valid UTF-8; a web page's declared character set, given as `declared`, is tried
 * first). Line ends become "\n". Refuses files that are empty, binary or hold no readable text, with a message
 * naming the file.
 */
export function decodeText(bytes: Uint8Array, name: string, declared: string | null = null): DecodedText {
  if (bytes.length === 0) throw refuse(`${name} is empty: there is nothing to import.`);
  let decoded: DecodedText;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    decoded = { text: decodeUtf16(bytes, 'utf-16le', name), encoding: 'utf-16le' };
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    decoded = { text: decodeUtf16(bytes, 'utf-16be', name), encoding: 'utf-16be' };
  } else {
    const kind = binaryKind(bytes);
    if (kind !== null) throw notText(name, `it is ${kind}`);
    if (bytes.includes(0)) throw notText(name, 'it contains binary data');
    try {
      decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
    } catch {
      if (declared !== null && declared !== 'utf-8' && declared !== 'windows-1252') {
        return finish(name, { text: new TextDecoder(declared).decode(bytes), encoding: declared });
      }
      const fallback = decodeWithFallback(bytes);
      decoded = {
        text: fallback.text,
        encoding: fallback.sawUtf8 ? 'utf-8 with windows-1252' : 'windows-1252',
      };
    }
  }
  return finish(name, decoded);
}

/** Characters that show nothing: white space, byte order marks and the invisible format characters. */
const VISIBLE = /[^\s\p{Cf}]/u;
const READABLE = /[\p{L}\p{N}]/gu;

/**
 * Why `text` holds nothing a person could read, or null when it does: it is only white space,
 * or it has no letter or figure (or fewer than its control characters), as a few stray bytes
 * saved with a .txt name do. Such a file would become an article whose headline is a box.
 */
export function unreadableText(name: string, text: string): string | null {
  if (!VISIBLE.test(text)) {
    return `${name} holds no readable text: it is only spaces and line breaks. There is nothing to import.`;
  }
  // Readable characters are counted only as far as they outnumber the control characters.
  const controls = countMatches(text, CONTROL);
  const readable = countMatches(text, READABLE, controls + 1);
  if (readable === 0 || controls >= readable) {
    return `${name} holds no readable text: it has no letters or figures, only control characters or symbols. Check that it is the file you meant; a document in another format can be opened and saved as text.`;
  }
  return null;
}

function finish(name: string, decoded: DecodedText): DecodedText {
  if (!looksLikeText(decoded.text)) throw notText(name, 'it contains binary data');
  const text = decoded.text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const unreadable = unreadableText(name, text);
  if (unreadable !== null) throw refuse(unreadable);
  return { text, encoding: decoded.encoding };
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', name: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw notText(name, 'it starts like UTF-16 text but its characters are damaged');
  }
}
