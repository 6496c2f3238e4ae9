// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';

import { ParagraphChecks, type SpellingTransport } from '../../../../../renderer/editor/spelling/paragraphChecks';
import { SpellingHighlights } from '../../../../../renderer/editor/spelling/SpellingHighlights';
import type { Misspelling } from '../../../../../renderer/editor/spelling/speller';
import { deskWordSet } from '../../../../../shared/spelling/deskWords';
import { wordsToCheck } from '../../../../../shared/spelling/spellingWords';

/** Words the stand-in dictionary does not know. */
const UNKNOWN = new Set(['recieved', 'Okafor', "Okafor's", 'tommorow', 'ferrys']);

function countingTransport(): SpellingTransport & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    check: (_dictionary, paragraphs) => {
      asked.push(...paragraphs);
      return Promise.resolve(
        paragraphs.map((text): Misspelling[] => wordsToCheck(text).filter((word) => UNKNOWN.has(word.lookup))),
      );
    },
    suggest: () => Promise.resolve([]),
    learn: () => undefined,
  };
}

/** The body as the editor draws it, the stand-in checker, and the words underlined. */
function setUp(html: string) {
  document.body.innerHTML = `<div contenteditable="true">${html}</div>`;
  const root = document.body.firstElementChild;
  if (!(root instanceof HTMLElement)) throw new Error('no body');
  const transport = countingTransport();
  const highlights = new SpellingHighlights(new ParagraphChecks(transport));
  highlights.setRoot(root);
  highlights.setDictionary('en-GB');
  const shown = () => highlights.shown().map((found) => found.range.toString());
  return { root, transport, highlights, shown };
}

describe('spelling underlines on the page', () => {
  it('covers exactly the misspelled words, across formatting, and leaves the text as it is', async () => {
    const { root, highlights, shown } = setUp(
      '<p>The council <strong>rec</strong>ieved it.</p><h2>Ferrys tommorow</h2><ul><li>Okafor’s<br>ferry</li></ul>',
    );
    const before = root.innerHTML;
    await highlights.scan();
    expect(shown()).toEqual(['recieved', 'tommorow', 'Okafor’s']);
    expect(root.innerHTML).toBe(before);
  });

  it('checks again only the paragraph that changed', async () => {
    const { root, transport, highlights, shown } = setUp(
      '<p>The council recieved it.</p><p>Winds rose.</p><p>Ferries stayed.</p>',
    );
    await highlights.scan();
    expect(transport.asked).toEqual(['The council recieved it.', 'Winds rose.', 'Ferries stayed.']);

    const second = root.querySelectorAll('p')[1]?.firstChild;
    if (!(second instanceof Text)) throw new Error('no text');
    second.data = 'Winds rose tommorow.';
    await highlights.scan();
    expect(transport.asked.slice(3)).toEqual(['Winds rose tommorow.']);
    expect(shown()).toEqual(['recieved', 'tommorow']);

    // A paragraph removed takes its underline with it; nothing is checked again.
    root.querySelector('p')?.remove();
    await highlights.scan();
    expect(transport.asked).toHaveLength(4);
    expect(shown()).toEqual(['tommorow']);
  });

  it('never underlines the desk’s words, nor the words ignored in the story', async () => {
    const { highlights, shown } = setUp('<p>Okafor and Okafor’s ferry recieved it tommorow.</p>');
    await highlights.scan();
    expect(shown()).toEqual(['Okafor', 'Okafor’s', 'recieved', 'tommorow']);
    highlights.setAccepted(deskWordSet(['Okafor']), new Set(['tommorow']));
    expect(shown()).toEqual(['recieved']);
    highlights.setAccepted(deskWordSet([]), new Set());
    expect(shown()).toEqual(['Okafor', 'Okafor’s', 'recieved', 'tommorow']);
  });

  it('skips pictures, Also See and other blocks the editor draws itself', async () => {
    const { transport, highlights, shown } = setUp(
      '<p>Ferry.</p><div contenteditable="false"><p>recieved tommorow</p></div><p>A <span contenteditable="false">recieved</span> note.</p>',
    );
    await highlights.scan();
    expect(shown()).toEqual([]);
    expect(transport.asked).toEqual(['Ferry.', 'A  note.']);
  });

  it('waits for the caret to leave the word being typed before underlining it', async () => {
    const { root, highlights, shown } = setUp('<p>The council recieved</p>');
    const text = root.querySelector('p')?.firstChild;
    if (!(text instanceof Text)) throw new Error('no text');
    await highlights.scan({ node: text, offset: text.length });
    expect(shown()).toEqual([]);
    // Moving along the word keeps it waiting; leaving it underlines it.
    highlights.caretMoved({ node: text, offset: text.length - 2 });
    expect(shown()).toEqual([]);
    highlights.caretMoved({ node: text, offset: 3 });
    expect(shown()).toEqual(['recieved']);
  });

  it('finds the underlined word at the caret', async () => {
    const { root, highlights } = setUp('<p>The council recieved it.</p>');
    await highlights.scan();
    const text = root.querySelector('p')?.firstChild;
    if (!(text instanceof Text)) throw new Error('no text');
    expect(highlights.misspellingAt({ node: text, offset: 14 })?.word).toBe('recieved');
    expect(highlights.misspellingAt({ node: text, offset: 2 })).toBeNull();
  });

  it('goes from the caret to the next underlined word in the page, and back to the first after the last', async () => {
    const { root, highlights } = setUp('<p>Okafor recieved it.</p><p>Ferries ran tommorow.</p>');
    await highlights.scan();
    const [first, second] = [...root.querySelectorAll('p')].map((p) => p.firstChild);
    if (!(first instanceof Text) || !(second instanceof Text)) throw new Error('no text');
    expect(highlights.misspellingAfter(null)?.word).toBe('Okafor');
    expect(highlights.misspellingAfter({ node: first, offset: 0 })?.word).toBe('recieved');
    expect(highlights.misspellingAfter({ node: first, offset: 9 })?.word).toBe('tommorow');
    expect(highlights.misspellingAfter({ node: second, offset: 15 })?.word).toBe('Okafor');
  });

  it('underlines nothing without a dictionary for the story’s language', async () => {
    const { transport, highlights, shown } = setUp('<p>The council recieved it.</p>');
    await highlights.scan();
    highlights.setDictionary(null);
    await highlights.scan();
    expect(shown()).toEqual([]);
    expect(transport.asked).toHaveLength(1);
  });
});
