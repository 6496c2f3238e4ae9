/**
 * Story bodies for the editor's benchmarks: real paragraphs with claims' marks over some of their
 * first words, and with suggested changes spread through them.
 */
import type { Body } from '../shared/domain';
import { bodyFromParagraphs } from '../shared/text';

/** One paragraph in this many carries a claim's mark over its first words, as a checked story does. */
export const MARKED_EVERY = 4;

/** A body of `paragraphs` with a claim's mark over the first words of every MARKED_EVERY-th one. */
export function bodyWithClaims(paragraphs: string[]): Body {
  const body = bodyFromParagraphs(paragraphs);
  body.root.children.forEach((block, index) => {
    if (index % MARKED_EVERY !== 0 || block.type !== 'paragraph') return;
    const [text] = block.children;
    if (text?.type !== 'text') return;
    const cut = text.text.indexOf(' ', 40);
    if (cut < 0) return;
    block.children = [
      {
        type: 'mark',
        ids: [`claim-${index}`],
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: [{ ...text, text: text.text.slice(0, cut) }],
      },
      { ...text, text: text.text.slice(cut) },
    ];
  });
  return body;
}

/**
 * The same body with `count` suggested changes spread through it, additions and removals in
 * turn, each over a few words of a paragraph that carries no claim.
 */
export function bodyWithSuggestions(paragraphs: string[], count: number): Body {
  const body = bodyWithClaims(paragraphs);
  const plain = body.root.children.filter((block) => block.type === 'paragraph' && block.children.length === 1);
  // Twice the even share: short paragraphs hold fewer, and the count is reached all the same.
  const perParagraph = Math.ceil((2 * count) / Math.max(1, plain.length));
  let made = 0;
  for (const block of plain) {
    if (block.type !== 'paragraph') continue;
    const [text] = block.children;
    if (text?.type !== 'text') continue;
    const parts: (typeof block.children)[number][] = [];
    let rest = text.text;
    for (let i = 0; i < perParagraph && made < count; i += 1) {
      const start = rest.indexOf(' ', 12);
      const end = start < 0 ? -1 : rest.indexOf(' ', start + 6);
      if (start < 0 || end < 0) break;
      parts.push({ ...text, text: rest.slice(0, start) });
      parts.push({
        type: 'suggestion',
        kind: made % 2 === 0 ? 'insert' : 'delete',
        id: `suggestion-${made}`,
        author: made % 3 === 0 ? 'Ed Editor' : 'Rita Reporter',
        at: '2026-12-07T10:00:00.000Z',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: [{ ...text, text: rest.slice(start, end) }],
      });
      rest = rest.slice(end);
      made += 1;
    }
    parts.push({ ...text, text: rest });
    block.children = parts;
  }
  return body;
}
