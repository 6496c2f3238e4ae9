import fs from 'node:fs';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { parsePlainText } from '../../../../electron/import/plainText';
import { ArticlePatchSchema } from '../../../../shared/api';
import { BODY_NODE_TYPES, bodyProblems, BodySchema, StoredBodySchema } from '../../../../shared/body/bodySchema';
import { describeIssues } from '../../../../shared/errors';
import { bodyFromParagraphs, emptyBody } from '../../../../shared/text';
import { SEED_ARTICLE } from '../../electron/import/fixtures';
import { manualClock, openTempLibrary } from '../../../helpers/library';
import { textNode } from '../../../helpers/lexicalNodes';
import { buildSeedArticle } from '../../../helpers/seedPackage';

const element = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
  type,
  version: 1,
  direction: null,
  format: '',
  indent: 0,
  children,
  ...extra,
});
const body = (...children: unknown[]) => ({ root: element('root', children) });
const paragraph = (...children: unknown[]) => element('paragraph', children);

/** What saving `value` as an article's body says, as the person reads it. */
function refusal(value: unknown): string {
  const result = ArticlePatchSchema.safeParse({ body: value });
  return result.success ? 'accepted' : describeIssues(result.error.issues);
}

describe('the body schema', () => {
  it('names the node types of a story, and nothing of Lexical’s own bookkeeping', () => {
    expect([...BODY_NODE_TYPES].sort()).toEqual(
      [
        'also-see',
        'autolink',
        'heading',
        'horizontalrule',
        'inline-image',
        'linebreak',
        'link',
        'list',
        'listitem',
        'mark',
        'comment',
        'paragraph',
        'quote',
        'suggestion',
        'tab',
        'text',
      ].sort(),
    );
  });

  it('accepts the bodies Copydesk writes itself, kept exactly as sent', () => {
    for (const written of [emptyBody(), bodyFromParagraphs(['One.', 'Two.'])]) {
      expect(BodySchema.parse(written)).toBe(written);
    }
    // Every importer's body is checked by it as it is made (electron/import/lexicalBody.ts), so
    // the import tests run it over every page, Word file, ninjs file and Markdown of the corpora.
    const seed = parsePlainText(fs.readFileSync(SEED_ARTICLE, 'utf8'), 'seed-article.txt');
    expect(bodyProblems(seed.body)).toEqual([]);
  });

  it('keeps Lexical’s own fields, and fields a newer Lexical may add, as they are', () => {
    const withExtras = body(
      element('heading', [{ ...textNode('Lede'), format: 1, style: 'color: red', $: { flat: 1 } }], {
        tag: 'h2',
        textFormat: 1,
        textStyle: '',
        somethingNew: { kept: true },
      }),
      element('list', [element('listitem', [textNode('One')], { value: 1, checked: false })], {
        listType: 'check',
        start: 1,
        tag: 'ul',
      }),
    );
    expect(BodySchema.parse(withExtras)).toEqual(withExtras);
  });

  it.each([
    [
      'a node of a kind no story holds',
      body(paragraph(textNode('Intro')), element('table', [])),
      'The text holds “table”, which is not part of a story: a body holds paragraphs, headings, quotations, lists, links, rules, pictures and Also See blocks (block 2).',
    ],
    [
      'a link without its address',
      body(paragraph(element('link', [textNode('here')]))),
      'A link in the text has no address (block 1).',
    ],
    [
      'a claim mark without its claims',
      body(paragraph(element('mark', [textNode('140')]))),
      'A claim mark in the text has no claims (block 1).',
    ],
    [
      'a heading of a level that does not exist',
      body(element('heading', [textNode('Big')], { tag: 'h7' })),
      'A heading in the text has a heading level Copydesk cannot read (block 1).',
    ],
    [
      'a picture without its picture',
      body({ type: 'inline-image', version: 1, caption: 'The quay' }),
      'A picture in the text has no image from the library (block 1).',
    ],
    [
      'an Also See that points nowhere',
      body({ type: 'also-see', version: 1 }),
      'An Also See in the text has no story (block 1).',
    ],
    [
      'a run of text without its words',
      body(paragraph({ type: 'text', version: 1 })),
      'A run of words in the text has no characters (block 1).',
    ],
    [
      'words outside any paragraph',
      body(paragraph(textNode('Fine.')), textNode('Loose words')),
      'The text has a run of words outside any paragraph (block 2).',
    ],
    [
      'a list holding a paragraph',
      body(element('list', [paragraph(textNode('Not an item'))], { listType: 'bullet' })),
      'A list in the text holds a paragraph where only list items go (block 1).',
    ],
    [
      'something that is not a node',
      body(paragraph('just a string')),
      'The text holds something that is not part of a story (block 1).',
    ],
    [
      'a root that is not one',
      { root: element('paragraph', []) },
      'The text is not an editor document: its top node is “paragraph”, where a root belongs.',
    ],
    ['no root', { children: [] }, 'The text is not an editor document: it has no root.'],
  ])('refuses %s on save, saying what and where', (_what, value, message) => {
    expect(refusal(value)).toBe(message);
  });

  it('names at most three problems, and says how many more there are', () => {
    const many = body(...Array.from({ length: 6 }, () => element('table', [])));
    expect(refusal(many)).toMatch(/\(block 1\)\. .*\(block 2\)\. .*\(block 3\)\. \(and 3 more\)$/);
    expect(bodyProblems(many, 10)).toHaveLength(6);
  });

  it('reads any tree of typed nodes as stored, the nodes it would refuse on save included', () => {
    const old = body(element('table', [element('tablerow', [paragraph(textNode('Cell'))])]));
    expect(StoredBodySchema.parse(old)).toEqual(old);
    expect(BodySchema.safeParse(old).success).toBe(false);
  });
});

describe('the bodies a library holds', () => {
  let library: ReturnType<typeof openTempLibrary>;
  beforeEach(() => {
    library = openTempLibrary();
  });
  afterEach(() => library.close());

  it('the seed story, imported, marked, illustrated and linked, is a body as saved', async () => {
    const { article } = await buildSeedArticle(library.lib, manualClock());
    const types = new Set<string>();
    const visit = (node: { type: string; children?: unknown[] }) => {
      types.add(node.type);
      for (const child of (node.children ?? []) as (typeof node)[]) visit(child);
    };
    article.body.root.children.forEach(visit);
    expect([...types]).toEqual(expect.arrayContaining(['paragraph', 'text', 'mark', 'inline-image', 'also-see']));
    expect(bodyProblems(article.body)).toEqual([]);
  }, 60_000);
});
