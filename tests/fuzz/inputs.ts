/** Generated and mutated inputs for the importers: random bytes, damaged files and hostile markup. */
import fc from 'fast-check';

/** A name no other program uses: a file of this name appearing anywhere means something escaped. */
export const ESCAPE_MARKER = `copydesk-fuzz-escaped-${process.pid}`;

/** Entry names that try to leave the folder a package is unpacked into. */
export const ZIP_SLIP_NAMES = [
  `../../${ESCAPE_MARKER}`,
  `../${ESCAPE_MARKER}`,
  `pictures/../../../${ESCAPE_MARKER}`,
  `/tmp/${ESCAPE_MARKER}`,
  `/etc/${ESCAPE_MARKER}`,
  `C:\\${ESCAPE_MARKER}`,
  `C:/${ESCAPE_MARKER}`,
  `..\\..\\${ESCAPE_MARKER}`,
  `\\\\server\\share\\${ESCAPE_MARKER}`,
  `pictures/\u0000${ESCAPE_MARKER}`,
  `./././../${ESCAPE_MARKER}`,
  `pictures/%2e%2e/%2e%2e/${ESCAPE_MARKER}`,
];

const encoder = new TextEncoder();
export const utf8 = (text: string): Uint8Array => encoder.encode(text);

/** Byte sequences that are not UTF-8: overlong forms, surrogates, lone continuation bytes, cut sequences, stray BOMs. */
const INVALID_UTF8: readonly number[][] = [
  [0x80],
  [0xbf],
  [0xc0, 0x80],
  [0xc1, 0xbf],
  [0xe0, 0x80, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xed, 0xbf, 0xbf],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xfe],
  [0xff],
  [0xe2, 0x82],
  [0xf0, 0x9f, 0x98],
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
  [0x00],
];

/** Text with invalid UTF-8 sequences spliced in. */
export const invalidUtf8 = (): fc.Arbitrary<Uint8Array> =>
  fc
    .array(
      fc.oneof(
        fc.string({ maxLength: 40 }).map((text) => [...utf8(text)]),
        fc.constantFrom(...INVALID_UTF8),
      ),
      {
        minLength: 1,
        maxLength: 40,
      },
    )
    .map((parts) => new Uint8Array(parts.flat()));

/** Bytes with no structure at all, sometimes starting like a ZIP, a PDF or an old Word file. */
export const randomBytes = (): fc.Arbitrary<Uint8Array> =>
  fc
    .tuple(
      fc.constantFrom([], [0x50, 0x4b, 0x03, 0x04], [0x25, 0x50, 0x44, 0x46], [0xd0, 0xcf, 0x11, 0xe0], [0x7b]),
      fc.uint8Array({ maxLength: 2048 }),
    )
    .map(([head, tail]) => new Uint8Array([...head, ...tail]));

/** One change to a file's bytes. */
type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'overwrite'; at: number; bytes: Uint8Array }
  | { kind: 'duplicate'; at: number; length: number };

const INTERESTING = [0x00, 0xff, 0x7f, 0x80, 0x3c, 0x3e, 0x22, 0x27, 0x26, 0x5c, 0x2f, 0x7b, 0x7d, 0x0a, 0x0d];

/** Positions are drawn as fractions so one mutation fits files of any length. */
const mutation = (): fc.Arbitrary<Mutation> => {
  const at = fc.double({ min: 0, max: 1, noNaN: true });
  const someBytes = fc.oneof(
    fc.uint8Array({ minLength: 1, maxLength: 16 }),
    fc.array(fc.constantFrom(...INTERESTING), { minLength: 1, maxLength: 8 }).map((bytes) => new Uint8Array(bytes)),
  );
  return fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at, bit: fc.integer({ min: 0, max: 7 }) }),
    fc.record({ kind: fc.constant('truncate' as const), at }),
    fc.record({ kind: fc.constant('insert' as const), at, bytes: someBytes }),
    fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 64 }) }),
    fc.record({ kind: fc.constant('overwrite' as const), at, bytes: someBytes }),
    fc.record({ kind: fc.constant('duplicate' as const), at, length: fc.integer({ min: 1, max: 256 }) }),
  );
};

function apply(bytes: Uint8Array, m: Mutation): Uint8Array {
  const at = Math.min(bytes.length, Math.floor(m.at * bytes.length));
  const before = bytes.subarray(0, at);
  switch (m.kind) {
    case 'flip': {
      if (at >= bytes.length) return bytes;
      const copy = new Uint8Array(bytes);
      copy[at] = (copy[at] ?? 0) ^ (1 << m.bit);
      return copy;
    }
    case 'truncate':
      return before;
    case 'insert':
      return new Uint8Array([...before, ...m.bytes, ...bytes.subarray(at)]);
    case 'delete':
      return new Uint8Array([...before, ...bytes.subarray(at + m.length)]);
    case 'overwrite':
      return new Uint8Array([...before, ...m.bytes, ...bytes.subarray(at + m.bytes.length)]);
    case 'duplicate':
      return new Uint8Array([...bytes.subarray(0, at + m.length), ...bytes.subarray(at)]);
  }
}

/** A valid file damaged by one to eight bit flips, cuts, insertions, deletions or copies. */
export const mutated = (valid: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> =>
  fc
    .tuple(fc.constantFrom(...valid), fc.array(mutation(), { minLength: 1, maxLength: 8 }))
    .map(([bytes, mutations]) => mutations.reduce(apply, bytes));

const TAGS = [
  'div',
  'span',
  'b',
  'i',
  'p',
  'blockquote',
  'section',
  'article',
  'a',
  'li',
  'table',
  'font',
  'svg',
  'math',
];

/** HTML nested thousands of levels deep, closed or left open. */
export const deepHtml = (): fc.Arbitrary<string> =>
  fc
    .record({
      tag: fc.constantFrom(...TAGS),
      depth: fc.constantFrom(100, 1000, 10_000),
      closed: fc.boolean(),
      text: fc.string({ maxLength: 50 }),
    })
    .map(({ tag, depth, closed, text }) => {
      const open = tag === 'li' ? '<ul><li>' : tag === 'table' ? '<table><tr><td>' : `<${tag}>`;
      const close = tag === 'li' ? '</li></ul>' : tag === 'table' ? '</td></tr></table>' : `</${tag}>`;
      return `<!doctype html><html><head><title>Deep</title></head><body><h1>Deep page</h1>${open.repeat(depth)}<p>${text}</p>${closed ? close.repeat(depth) : ''}</body></html>`;
    });

/** Elements carrying one attribute of hundreds of kilobytes to megabytes. */
export const hugeAttributes = (): fc.Arbitrary<string> =>
  fc
    .record({
      attribute: fc.constantFrom('title', 'href', 'src', 'class', 'style', 'data-x', 'alt', 'content'),
      tag: fc.constantFrom('p', 'a', 'img', 'meta', 'div'),
      size: fc.constantFrom(100_000, 1_000_000, 4_000_000),
      fill: fc.constantFrom('a', '"', '&amp;', ' ', 'x<', '\u00e9'),
    })
    .map(
      ({ attribute, tag, size, fill }) =>
        `<html><head><title>Huge</title></head><body><h1>Huge attribute</h1><${tag} ${attribute}="${fill.repeat(Math.ceil(size / fill.length))}">text</${tag}><p>After it.</p></body></html>`,
    );

/** Text that is nearly a JSON document: cut, with stray commas, wrong types or deep arrays. */
export const malformedJson = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.json().map((json) => json.slice(0, Math.max(0, json.length - 1))),
    fc.json(),
    fc.jsonValue().map((value) => JSON.stringify(value)),
    fc.constantFrom(
      '{',
      '[',
      '{"headlines": [',
      '{"uri": "urn:x", "type": 7}',
      '{"uri": null}',
      '{"__proto__": {"polluted": true}, "uri": "urn:x"}',
      '{"constructor": {"prototype": {"polluted": true}}}',
      '{"uri":"urn:x","bodies":[{"role":"main","contenttype":"text/html","value":' +
        '['.repeat(5000) +
        ']'.repeat(5000) +
        '}]}',
      '['.repeat(100_000),
      '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000),
      '\ufeff{"uri":"urn:x"}',
      '{"uri":"urn:x",}',
      "{'uri':'urn:x'}",
    ),
  );
