import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  bodyProblems,
  isBody,
  StoredBodySchema,
  type StoredBody,
  type StoredNode,
} from '../../../../shared/body/bodySchema';
import { readStoredBody, storedBodyChanges } from '../../../../shared/body/readStoredBody';
import { bodyFromParagraphs, bodyToPlainText } from '../../../../shared/text';
import { markNode, textNode } from '../../../helpers/lexicalNodes';

const element = (type: string, children: StoredNode[], extra: Record<string, unknown> = {}): StoredNode => ({
  type,
  version: 1,
  children,
  ...extra,
});
const paragraph = (...children: StoredNode[]) => element('paragraph', children);
const stored = (...children: StoredNode[]): StoredBody => ({ root: { type: 'root', version: 1, children } });

describe('readStoredBody', () => {
  it('reads a body this version saved as it is, the same object, with nothing to say', () => {
    const body = bodyFromParagraphs(['One.', 'Two.']);
    const reading = readStoredBody(body);
    expect(reading.body).toBe(body);
    expect(reading.problems).toEqual([]);
  });

  it('keeps the words of a block this version does not know, as paragraphs, and names it', () => {
    const table = element('table', [
      element('tablerow', [
        element('tablecell', [paragraph(textNode('Karachi'))]),
        element('tablecell', [paragraph(textNode('1,200'))]),
      ]),
    ]);
    const reading = readStoredBody(stored(paragraph(textNode('Before.')), table, paragraph(textNode('After.'))));
    expect(bodyProblems(reading.body)).toEqual([]);
    expect(bodyToPlainText(reading.body)).toBe('Before.\n\nKarachi\n\n1,200\n\nAfter.');
    expect(reading.problems).toEqual(['“table”', '“tablerow”', '“tablecell”']);
  });

  it('keeps a code block’s words in a paragraph, and an unknown inline node’s words in its line', () => {
    const reading = readStoredBody(
      stored(
        element('code', [textNode('npm test')], { language: 'sh' }),
        paragraph(textNode('Tagged '), { type: 'hashtag', version: 1, text: '#ferries' }, textNode('.')),
      ),
    );
    expect(bodyProblems(reading.body)).toEqual([]);
    expect(bodyToPlainText(reading.body)).toBe('npm test\n\nTagged #ferries.');
    // The code block's words are put in a paragraph as a matter of course: it is named already.
    expect(storedBodyChanges(reading.problems)).toBe('“code” and “hashtag”');
  });

  it('gathers words stored at the top into a paragraph, and says so', () => {
    const reading = readStoredBody(stored(textNode('Loose '), textNode('words.'), paragraph(textNode('Kept.'))));
    expect(reading.body.root.children.map((node) => node.type)).toEqual(['paragraph', 'paragraph']);
    expect(bodyToPlainText(reading.body)).toBe('Loose words.\n\nKept.');
    expect(reading.problems).toEqual(['words outside any paragraph']);
  });

  it('keeps what a node it cannot read held: a link without its address keeps its words, a claim mark its text', () => {
    const reading = readStoredBody(
      stored(
        paragraph(
          element('link', [textNode('the statement')]),
          textNode(' and '),
          markNode(['c1'], textNode('140')) as StoredNode,
        ),
        element('list', [paragraph(textNode('Not an item'))], { listType: 'bullet' }),
      ),
    );
    expect(bodyProblems(reading.body)).toEqual([]);
    expect(bodyToPlainText(reading.body)).toBe('the statement and 140\n\nNot an item');
    expect(reading.problems).toEqual(['a link Copydesk cannot read', 'a list holding something other than list items']);
  });

  it('leaves out what has no words, and says so', () => {
    const reading = readStoredBody(stored(paragraph(textNode('Kept.')), { type: 'embed', version: 1, src: 'x' }));
    expect(bodyToPlainText(reading.body)).toBe('Kept.');
    expect(reading.problems).toEqual(['“embed”']);
  });

  it('gives, for any stored tree, a body the schema accepts that keeps every word in its order', () => {
    const word = fc.stringMatching(/^[a-z]{1,8}$/);
    const known = fc.constantFrom('paragraph', 'heading', 'quote', 'list', 'listitem', 'link', 'mark', 'text');
    const type = fc.oneof(known, fc.constantFrom('table', 'code', 'hashtag', 'embed', 'tablerow'));
    const { node } = fc.letrec<{ node: StoredNode }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.record({ type: fc.constant('text'), text: word }),
        fc.record({ type, text: word }),
        fc.record({
          type,
          children: fc.array(tie('node'), { maxLength: 4 }),
          url: fc.option(fc.constantFrom('https://example.org/', 'mailto:desk@example.org'), { nil: undefined }),
          ids: fc.option(fc.constant(['c1']), { nil: undefined }),
          tag: fc.option(fc.constantFrom('h2', 'h3', 'h9'), { nil: undefined }),
          listType: fc.option(fc.constantFrom('bullet', 'number', 'roman'), { nil: undefined }),
        }),
      ),
    }));
    const wordsOf = (nodes: readonly StoredNode[]): string[] =>
      nodes.flatMap((node) =>
        Array.isArray(node.children) ? wordsOf(node.children) : typeof node.text === 'string' ? [node.text] : [],
      );
    fc.assert(
      fc.property(fc.array(node, { maxLength: 6 }), (children) => {
        const body = StoredBodySchema.parse(stored(...children));
        // The quick check and the one that names each problem agree on what is a body.
        expect(isBody(body)).toBe(bodyProblems(body, 1).length === 0);
        const reading = readStoredBody(body);
        expect(bodyProblems(reading.body, 10)).toEqual([]);
        expect(isBody(reading.body)).toBe(true);
        const text = bodyToPlainText(reading.body).replace(/\s+/g, ' ').trim();
        // Each word is still there, in the order it was written.
        let from = 0;
        for (const written of wordsOf(children)) {
          const at = text.indexOf(written, from);
          expect(at).toBeGreaterThanOrEqual(0);
          from = at + written.length;
        }
      }),
      { numRuns: 300 },
    );
  });
});
