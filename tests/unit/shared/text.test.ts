import { createHeadlessEditor } from '@lexical/headless';
import { $createAutoLinkNode, $createLinkNode, AutoLinkNode, LinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode, ListItemNode, ListNode } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode, HeadingNode, QuoteNode } from '@lexical/rich-text';
import { $createLineBreakNode, $createParagraphNode, $createTabNode, $createTextNode, $getRoot } from 'lexical';
import type { ElementNode } from 'lexical';
import { describe, expect, it } from 'vitest';

import { readStoredBody } from '../../../shared/body/readStoredBody';
import { BodySchema, type StoredBody } from '../../../shared/domain';
import { bodyFromParagraphs, bodyToPlainText, countWords, emptyBody, slugify } from '../../../shared/text';

/** Builds a document in a headless editor with the nodes the article editor uses. */
function lexicalDocument(build: () => ElementNode[]) {
  const editor = createHeadlessEditor({
    namespace: 'copydesk-test',
    nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, AutoLinkNode],
    onError: (error) => {
      throw error;
    },
  });
  editor.update(
    () => {
      const root = $getRoot();
      root.clear();
      root.append(...build());
    },
    { discrete: true },
  );
  const state = editor.getEditorState();
  return {
    body: BodySchema.parse(state.toJSON()),
    lexicalText: state.read(() => $getRoot().getTextContent()),
  };
}

const text = (value: string) => $createTextNode(value);
const paragraph = (...children: Parameters<ElementNode['append']>) => $createParagraphNode().append(...children);
const item = (...children: Parameters<ElementNode['append']>) => $createListItemNode().append(...children);

const documents: Record<string, () => ElementNode[]> = {
  'plain paragraphs': () => [
    paragraph(text('ISLAMABAD: Pakistan on Tuesday condemned the attack.')),
    paragraph(text('The foreign ministry said in a statement that it stood with the victims.')),
  ],
  'a heading above paragraphs': () => [
    $createHeadingNode('h2').append(text('What happens next')),
    paragraph(text('Councillors will review passenger numbers.')),
  ],
  'links inside a paragraph': () => [
    paragraph(
      text('Also See: '),
      $createLinkNode('https://news.example/related').append(text('Ferry trial extended')),
      text(' and '),
      $createAutoLinkNode('https://bluewater.example').append(text('bluewater.example')),
      text('.'),
    ),
  ],
  'line breaks and tabs inside a paragraph': () => [
    paragraph(
      text('Maria Okafor'),
      $createLineBreakNode(),
      text('Petition organiser'),
      $createTabNode(),
      text('Port Ellis'),
    ),
    paragraph(text('Next block.')),
  ],
  'formatted text runs': () => [
    paragraph(text('A ').toggleFormat('bold'), text('six-month').toggleFormat('italic'), text(' trial')),
  ],
  'a bullet list': () => [
    paragraph(text('The plan:')),
    $createListNode('bullet').append(
      item(text('22:30 crossing')),
      item(text('23:45 crossing')),
      item(text('weekdays only')),
    ),
    paragraph(text('After the list.')),
  ],
  'a list with a nested numbered list': () => [
    $createListNode('bullet').append(
      item(text('Costs')),
      item($createListNode('number').append(item(text('fuel')), item(text('crew wages')))),
      item(text('Timetable')),
    ),
  ],
  'a quote with a line break': () => [
    paragraph(text('She said:')),
    $createQuoteNode().append(
      text('People should not have to choose'),
      $createLineBreakNode(),
      text('between a late shift and home.'),
    ),
  ],
  'empty paragraphs between blocks': () => [
    paragraph(text('First.')),
    paragraph(),
    paragraph(),
    paragraph(text('Last.')),
  ],
  'a document that is one empty paragraph': () => [paragraph()],
  'Urdu and emoji text': () => [
    $createHeadingNode('h1').append(text('کشتی کا نیا وقت')),
    paragraph(text('رات کی کشتی 🚢 چلے گی')),
  ],
};

describe('bodyToPlainText', () => {
  it.each(Object.entries(documents))('gives what Lexical itself gives for %s', (_name, build) => {
    const { body, lexicalText } = lexicalDocument(build);
    expect(bodyToPlainText(body)).toBe(lexicalText);
  });

  it('separates blocks with a blank line, keeps a line break as a newline and link text inline', () => {
    const { body } = lexicalDocument(() => [
      $createHeadingNode('h1').append(text('Night ferry')),
      paragraph(
        text('Read '),
        $createLinkNode('https://x.example').append(text('the notice')),
        text('.'),
        $createLineBreakNode(),
        text('Then vote.'),
      ),
    ]);
    expect(bodyToPlainText(body)).toBe('Night ferry\n\nRead the notice.\nThen vote.');
  });

  it('reads the bodies the app itself writes', () => {
    expect(bodyToPlainText(emptyBody())).toBe('');
    expect(bodyToPlainText(bodyFromParagraphs(['One.', 'Two.']))).toBe('One.\n\nTwo.');
  });

  it('reads a stored body with junk children, through readStoredBody, instead of failing on them', () => {
    const body: StoredBody = bodyFromParagraphs(['Kept.']);
    body.root.children.push({ type: 'paragraph', children: [{ type: 'mystery' }] });
    expect(bodyToPlainText(readStoredBody(body).body)).toBe('Kept.\n\n');
  });
});

describe('countWords', () => {
  it('counts English words and ignores punctuation', () => {
    expect(countWords('The council approved the trial.')).toBe(5);
    expect(countWords('“People should not have to choose,” she said — and left!')).toBe(10);
    expect(countWords('Hello,world...again')).toBe(3);
  });

  it('keeps contractions, possessives and numbers with separators as one word', () => {
    expect(countWords("Okafor’s petition didn't fail")).toBe(4);
    expect(countWords('more than 4,000 residents and 3.5 percent')).toBe(7);
  });

  it('counts a hyphenated compound as one word, but not words around a spaced dash', () => {
    expect(countWords('A six-month trial of late-evening crossings')).toBe(6);
    expect(countWords('well‑known co‐op')).toBe(2);
    expect(countWords('ferries - and trams')).toBe(3);
    expect(countWords('ferries—trams')).toBe(2);
  });

  it('counts words in scripts written without spaces', () => {
    const chinese = countWords('我们今天去学校');
    expect(chinese).toBeGreaterThan(1);
    expect(chinese).toBeLessThanOrEqual(7);
    expect(countWords('رات کی کشتی چلے گی')).toBe(5);
  });

  it('counts nothing in empty, blank or punctuation-only text', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  \n\t ')).toBe(0);
    expect(countWords('— … !? 🚢')).toBe(0);
  });
});

describe('slugify', () => {
  it('lower-cases, removes accents and joins words with single hyphens', () => {
    expect(slugify('Harbour Council Approves Night Ferry Trial')).toBe('harbour-council-approves-night-ferry-trial');
    expect(slugify('Café Crème: Zürich’s  Señora — Łódź!')).toBe('cafe-creme-zurichs-senora-łodz');
  });

  it('drops apostrophes inside words instead of splitting them', () => {
    expect(slugify("Mayor's ‘last’ word")).toBe('mayors-last-word');
  });

  it('keeps the letters of Urdu and Arabic headlines', () => {
    expect(slugify('کشتی کا نیا وقت')).toBe('کشتی-کا-نیا-وقت');
    expect(slugify('مجلس المدينة يوافق')).toBe('مجلس-المدينة-يوافق');
  });

  it('cuts a long headline at a word boundary within the limit', () => {
    const headline =
      'Harbour Council Approves Six-Month Night Ferry Trial After More Than Four Thousand Commuters Sign a Petition';
    const slug = slugify(headline);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
    expect(slugify(headline, 1000).startsWith(`${slug}-`)).toBe(true);
    expect(slugify('one two three four five', 12)).toBe('one-two');
  });

  it('cuts a long word without spaces at the limit', () => {
    expect(slugify('x'.repeat(120))).toBe('x'.repeat(80));
  });

  it('never cuts a character written with two UTF-16 units in half', () => {
    // U+20000 and U+2A6A5 are CJK letters outside the Basic Multilingual Plane, as in some names.
    const slug = slugify(`a${'\u{20000}\u{2A6A5}'.repeat(60)}`);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(() => encodeURIComponent(slug)).not.toThrow();
    expect(Array.from(slug)).toHaveLength(40);
  });

  it('gives an empty slug for a headline without letters or digits', () => {
    expect(slugify('?! — … "" ***')).toBe('');
    expect(slugify('')).toBe('');
  });
});
