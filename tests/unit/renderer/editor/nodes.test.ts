// @vitest-environment jsdom
import { $createHorizontalRuleNode as $createRule } from '@lexical/extension';
import { $generateHtmlFromNodes, $generateNodesFromDOM } from '@lexical/html';
import { $createLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $parseSerializedNode,
  type LexicalEditor,
  type LexicalNode,
  type SerializedLexicalNode,
  type TextFormatType,
} from 'lexical';
import { describe, expect, it } from 'vitest';

import { BodySchema } from '../../../../shared/domain';
import { bodyToPlainText } from '../../../../shared/text';
import { $createAlsoSeeNode, $isAlsoSeeNode, AlsoSeeNode } from '../../../../shared/body/lexical/AlsoSeeNode';
import { EDITOR_NODES } from '../../../../renderer/editor/nodes/EditorNodes';
import {
  $createInlineImageNode,
  $isInlineImageNode,
  InlineImageNode,
  type InlineImagePayload,
} from '../../../../shared/body/lexical/InlineImageNode';
import { newBodyEditor } from '../../../helpers/bodyEditor';

const ASSET_ID = '01937c51-7f7a-7c4e-9b8a-2f0c3d5e6a7b';
const ARTICLE_ID = '01937c52-0000-7abc-8def-0123456789ab';
/** An Also See pointing at a story outside the library. */
const OUTSIDE = {
  articleId: '',
  url: 'https://www.example.org/news/ferries-2026',
  headline: 'Ferries across Europe cut night crossings',
};

const IMAGE: InlineImagePayload = {
  assetId: ASSET_ID,
  altText: 'The foreign ministry building in Islamabad',
  caption: 'The ministry issued its statement on Friday.',
  credit: 'Image via MOFA Pakistan',
  width: 1200,
  height: 800,
};

function text(content: string, ...formats: TextFormatType[]) {
  const node = $createTextNode(content);
  for (const format of formats) node.toggleFormat(format);
  return node;
}

/** A body with every kind of node and text format the article editor offers. */
function $buildStory(): void {
  const root = $getRoot();
  root.clear();
  root.append(
    $createHeadingNode('h2').append(text('What happened')),
    $createParagraphNode().append(
      text('ISLAMABAD: The ministry said it was '),
      text('deeply', 'bold'),
      text(' and '),
      text('gravely', 'italic'),
      text(' concerned, '),
      text('underlined', 'underline'),
      text(', '),
      text('struck', 'strikethrough'),
      text(', '),
      text('all three', 'bold', 'italic', 'underline'),
      text('. See '),
      $createLinkNode('https://example.org/statement', { rel: 'noreferrer' }).append(text('the statement')),
      text(' or write to '),
      $createLinkNode('mailto:desk@example.org', { rel: 'noreferrer' }).append(text('the desk')),
      text('.'),
    ),
    $createHeadingNode('h3').append(text('Reaction')),
    $createListNode('bullet').append(
      $createListItemNode().append(text('Condemned the attack')),
      $createListItemNode().append(text('Called for calm')),
    ),
    $createListNode('number').append(
      $createListItemNode().append(text('First')),
      $createListItemNode().append(text('Second')),
    ),
    $createQuoteNode().append(text('We stand with the victims, the spokesperson said.')),
    $createRule(),
    $createInlineImageNode(IMAGE),
    $createAlsoSeeNode(ARTICLE_ID),
    $createParagraphNode().append(text('This news is sourced from Arab News.')),
  );
}

/** The top-level blocks of the story, in order, by type. */
const STORY_BLOCKS = [
  'heading',
  'paragraph',
  'heading',
  'list',
  'list',
  'quote',
  'horizontalrule',
  'inline-image',
  'also-see',
  'paragraph',
];

function story(): LexicalEditor {
  const editor = newBodyEditor();
  editor.update($buildStory, { discrete: true });
  return editor;
}

type JsonNode = { type: string; children?: JsonNode[]; [key: string]: unknown };

/** Each text's format flags, by its text. */
function formatsOf(texts: JsonNode[]): Record<string, unknown> {
  return Object.fromEntries(texts.map((node): [string, unknown] => [String(node.text), node.format]));
}

function findAll(node: JsonNode, type: string): JsonNode[] {
  const own = node.type === type ? [node] : [];
  return [...own, ...(node.children ?? []).flatMap((child) => findAll(child, type))];
}

describe('the body nodes in JSON', () => {
  it('round-trip: exportJSON → JSON.stringify → parseEditorState gives the same JSON', () => {
    const editor = story();
    const json = editor.getEditorState().toJSON();
    const reparsed = editor.parseEditorState(JSON.stringify(json));
    expect(reparsed.toJSON()).toEqual(json);

    // And in a new editor, as when a saved body is opened again.
    const other = newBodyEditor();
    other.setEditorState(other.parseEditorState(JSON.stringify(json)));
    expect(other.getEditorState().toJSON()).toEqual(json);
  });

  it('is a valid article body that keeps every node and format', () => {
    const json = story().getEditorState().toJSON();
    const body = BodySchema.parse(json);
    const root = body.root as JsonNode;
    const types = root.children?.map((child) => child.type);
    expect(types).toEqual(STORY_BLOCKS);
    expect(findAll(root, 'heading').map((node) => node.tag)).toEqual(['h2', 'h3']);
    expect(findAll(root, 'list').map((node) => node.listType)).toEqual(['bullet', 'number']);
    expect(findAll(root, 'link').map((node) => node.url)).toEqual([
      'https://example.org/statement',
      'mailto:desk@example.org',
    ]);
    // Text formats are bit flags: bold 1, italic 2, strikethrough 4, underline 8.
    const formats = formatsOf(findAll(root, 'text'));
    expect(formats).toMatchObject({ deeply: 1, gravely: 2, struck: 4, underlined: 8, 'all three': 11 });
  });

  it('stores the image by asset id with its description, caption, credit and size', () => {
    const root = story().getEditorState().toJSON().root as unknown as JsonNode;
    const [image] = findAll(root, 'inline-image');
    expect(image).toEqual({ type: 'inline-image', version: 1, ...IMAGE });
  });

  it('stores only the linked article id for Also See, never its headline', () => {
    const root = story().getEditorState().toJSON().root as unknown as JsonNode;
    const [alsoSee] = findAll(root, 'also-see');
    expect(alsoSee).toEqual({ type: 'also-see', version: 1, articleId: ARTICLE_ID });
  });

  it.each<[string, () => LexicalNode]>([
    ['heading', () => $createHeadingNode('h3').append(text('A heading'))],
    ['quote', () => $createQuoteNode().append(text('A quote'))],
    ['list', () => $createListNode('number').append($createListItemNode().append(text('One')))],
    ['link', () => $createLinkNode('https://example.org/', { rel: 'noreferrer' }).append(text('a link'))],
    ['text with every format', () => text('styled', 'bold', 'italic', 'underline', 'strikethrough')],
    ['horizontal rule', () => $createRule()],
    ['inline image', () => $createInlineImageNode(IMAGE)],
    ['also see', () => $createAlsoSeeNode(ARTICLE_ID)],
    ['also see outside the library', () => $createAlsoSeeNode(OUTSIDE)],
  ])('%s: one node survives exportJSON → JSON → $parseSerializedNode', (_name, build) => {
    const editor = newBodyEditor();
    editor.update(
      () => {
        const node = build();
        const serialised = JSON.parse(JSON.stringify(exportDeep(node))) as SerializedLexicalNode;
        const copy = $parseSerializedNode(serialised);
        expect(copy.getType()).toBe(node.getType());
        expect(exportDeep(copy)).toEqual(exportDeep(node));
      },
      { discrete: true },
    );
  });

  it('reads damaged image and Also See JSON with safe defaults instead of failing', () => {
    const editor = newBodyEditor();
    editor.update(
      () => {
        const image = $parseSerializedNode({
          type: 'inline-image',
          assetId: 42,
          width: '640',
          height: -3,
          caption: null,
        });
        expect($isInlineImageNode(image) && image.getPayload()).toEqual({
          assetId: '',
          altText: '',
          caption: '',
          credit: '',
          width: 0,
          height: 0,
        });
        const alsoSee = $parseSerializedNode({ type: 'also-see' });
        expect($isAlsoSeeNode(alsoSee) && alsoSee.getArticleId()).toBe('');
      },
      { discrete: true },
    );
  });

  it('changes to caption and credit are what the JSON then holds', () => {
    const editor = story();
    editor.update(
      () => {
        const image = $getRoot().getChildren().find($isInlineImageNode);
        image?.setCaption('Officials at the ministry on Friday.').setCredit('Image via Reuters');
      },
      { discrete: true },
    );
    const root = editor.getEditorState().toJSON().root as unknown as JsonNode;
    expect(findAll(root, 'inline-image')[0]).toMatchObject({
      caption: 'Officials at the ministry on Friday.',
      credit: 'Image via Reuters',
      assetId: ASSET_ID,
    });
  });

  it('gives search the same plain text as the editor: decorators add nothing, the rule a line', () => {
    const editor = story();
    const json = editor.getEditorState().toJSON();
    const plain = bodyToPlainText(BodySchema.parse(json));
    expect(plain).toBe(editor.getEditorState().read(() => $getRoot().getTextContent()));
    expect(plain).not.toContain(ARTICLE_ID);
    expect(plain).not.toContain(IMAGE.caption);
    expect(plain).toContain('This news is sourced from Arab News.');
  });
});

/** A node's JSON with its children, as the editor state writes it. */
function exportDeep(node: LexicalNode): JsonNode {
  const json: JsonNode = { ...node.exportJSON() };
  if ($isElementNode(node)) json.children = node.getChildren().map(exportDeep);
  return json;
}

describe('the body nodes in HTML', () => {
  function htmlOf(editor: LexicalEditor): string {
    let html = '';
    editor.read(() => {
      html = $generateHtmlFromNodes(editor);
    });
    return html;
  }

  function importHtml(html: string): JsonNode {
    const editor = newBodyEditor();
    editor.update(
      () => {
        const dom = new DOMParser().parseFromString(html, 'text/html');
        const root = $getRoot();
        root.clear();
        root.append(...$generateNodesFromDOM(editor, dom));
      },
      { discrete: true },
    );
    return editor.getEditorState().toJSON().root;
  }

  it('exports the image as a figure naming its asset, and reads it back the same', () => {
    const html = htmlOf(story());
    const dom = new DOMParser().parseFromString(html, 'text/html');
    const figure = dom.querySelector('figure');
    expect(figure?.getAttribute('data-asset-id')).toBe(ASSET_ID);
    expect(figure?.querySelector('img')?.getAttribute('alt')).toBe(IMAGE.altText);
    expect(figure?.querySelector('img')?.getAttribute('width')).toBe('1200');
    expect(figure?.querySelector('figcaption .caption')?.textContent).toBe(IMAGE.caption);
    expect(figure?.querySelector('figcaption .credit')?.textContent).toBe(IMAGE.credit);

    const [image] = findAll(importHtml(html), 'inline-image');
    expect(image).toEqual({ type: 'inline-image', version: 1, ...IMAGE });
  });

  it('stores a story outside the library by its address and headline, and reads it back from HTML', () => {
    const editor = newBodyEditor();
    editor.update(() => $getRoot().clear().append($createAlsoSeeNode(OUTSIDE)), { discrete: true });
    const root = editor.getEditorState().toJSON().root as unknown as JsonNode;
    expect(findAll(root, 'also-see')).toEqual([{ type: 'also-see', version: 1, ...OUTSIDE }]);
    const html = htmlOf(editor);
    const aside = new DOMParser().parseFromString(html, 'text/html').querySelector('aside');
    expect(aside?.getAttribute('data-also-see-url')).toBe(OUTSIDE.url);
    expect(aside?.querySelector('a')?.getAttribute('href')).toBe(OUTSIDE.url);
    expect(findAll(importHtml(html), 'also-see')).toEqual([{ type: 'also-see', version: 1, ...OUTSIDE }]);
  });

  it('exports Also See with the article id and reads it back the same', () => {
    const html = htmlOf(story());
    const dom = new DOMParser().parseFromString(html, 'text/html');
    const aside = dom.querySelector('aside[data-also-see]');
    expect(aside?.getAttribute('data-also-see')).toBe(ARTICLE_ID);
    expect(aside?.querySelector('a')?.getAttribute('href')).toBe(`#/article/${ARTICLE_ID}`);

    expect(findAll(importHtml(html), 'also-see')).toEqual([{ type: 'also-see', version: 1, articleId: ARTICLE_ID }]);
  });

  it('keeps the structure of the whole story through HTML', () => {
    const html = htmlOf(story());
    expect(html).toContain('<hr');
    const root = importHtml(html);
    expect(root.children?.map((child) => child.type)).toEqual(STORY_BLOCKS);
    expect(findAll(root, 'link').map((node) => node.url)).toEqual([
      'https://example.org/statement',
      'mailto:desk@example.org',
    ]);
    const formats = formatsOf(findAll(root, 'text'));
    expect(formats).toMatchObject({ deeply: 1, gravely: 2, struck: 4, underlined: 8, 'all three': 11 });
  });

  it('does not take an ordinary figure or aside from elsewhere for one of ours', () => {
    const root = importHtml(
      '<figure><img src="x.png" alt="x"><figcaption>Cap</figcaption></figure><aside>Aside</aside>',
    );
    expect(findAll(root, 'inline-image')).toEqual([]);
    expect(findAll(root, 'also-see')).toEqual([]);
  });
});

describe('node classes', () => {
  it('are registered once each, by type', () => {
    const types = EDITOR_NODES.map((klass) => klass.getType());
    expect(new Set(types).size).toBe(types.length);
    expect(types).toEqual(expect.arrayContaining(['inline-image', 'also-see', 'horizontalrule']));
    expect(InlineImageNode.getType()).toBe('inline-image');
    expect(AlsoSeeNode.getType()).toBe('also-see');
  });
});
