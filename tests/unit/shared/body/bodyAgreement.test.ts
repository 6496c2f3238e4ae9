// @vitest-environment jsdom
/**
 * The body is defined once: the article editor, the schema and the importer's headless editor
 * name the same node types, read Markdown by the same rules, and what one writes the others
 * read as it is.
 */
import { $createHorizontalRuleNode, buildEditorFromExtensions } from '@lexical/extension';
import { $createAutoLinkNode, $createLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createMarkNode } from '@lexical/mark';
import { $createCommentNode } from '../../../../shared/body/lexical/CommentNode';
import { $createSuggestionNode } from '../../../../shared/body/lexical/SuggestionNode';
import { $convertFromMarkdownString } from '@lexical/markdown';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTabNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  type LexicalEditor,
} from 'lexical';
import { describe, expect, it, vi } from 'vitest';

import { bodyFromMarkdown, importEditor } from '../../../../electron/import/lexicalBody';
import { parseMarkdown } from '../../../../electron/import/markdown';
import { articleBodyExtension } from '../../../../renderer/editor/editorExtension';
import { EDITOR_NODES } from '../../../../renderer/editor/nodes/EditorNodes';
import { BODY_NODE_TYPES, bodyProblems, type Body } from '../../../../shared/body/bodySchema';
import { $createAlsoSeeNode } from '../../../../shared/body/lexical/AlsoSeeNode';
import { BODY_NODES } from '../../../../shared/body/lexical/bodyNodes';
import { BODY_TRANSFORMERS } from '../../../../shared/body/lexical/bodyTransformers';
import { $createInlineImageNode } from '../../../../shared/body/lexical/InlineImageNode';
import { bodyToPlainText, emptyBody } from '../../../../shared/text';

/**
 * Lexical's own types beside the body's: the root (the body's top, not a node in it) and the
 * node Lexical uses for a moment inside an HTML conversion and never writes.
 */
const LEXICAL_OWN = ['artificial', 'root'];

/** The article editor as it is built in the window, without the window. */
function articleEditor(body: Body = emptyBody()): LexicalEditor {
  return buildEditorFromExtensions(
    articleBodyExtension(body, (error) => {
      throw error;
    }),
  );
}

const typesOf = (editor: LexicalEditor) => [...editor._nodes.keys()].sort();

/** What the editor shows for its body, as HTML. */
function shown(editor: LexicalEditor): string {
  const root = document.createElement('div');
  root.contentEditable = 'true';
  editor.setRootElement(root);
  return root.innerHTML;
}

describe('the body’s node types', () => {
  it('are the same for the editor, the schema and the importer', () => {
    const expected = [...BODY_NODE_TYPES, ...LEXICAL_OWN].sort();
    expect(typesOf(articleEditor())).toEqual(expected);
    expect(typesOf(importEditor())).toEqual(expected);
  });

  it('are registered by the editor with the same classes as the importer, or subclasses that draw them', () => {
    expect(EDITOR_NODES.map((klass) => klass.getType())).toEqual(BODY_NODES.map((klass) => klass.getType()));
    EDITOR_NODES.forEach((klass, index) => {
      const body = BODY_NODES[index];
      expect(body !== undefined && (klass === body || klass.prototype instanceof body)).toBe(true);
    });
    const editor = articleEditor();
    expect(editor._nodes.get('inline-image')?.klass).not.toBe(importEditor()._nodes.get('inline-image')?.klass);
  });

  it('cover a story with every node the editor makes: the schema accepts it and the importer reads it as it is', () => {
    const editor = articleEditor();
    editor.update(
      () => {
        const bold = $createTextNode('deeply').toggleFormat('bold');
        $getRoot()
          .clear()
          .append(
            $createHeadingNode('h2').append($createTextNode('What happened')),
            $createParagraphNode().append(
              $createTextNode('The ministry was '),
              bold,
              $createTabNode(),
              $createMarkNode(['c1']).append($createTextNode('concerned')),
              $createCommentNode(['t1']).append($createTextNode(' and')),
              $createSuggestionNode({
                kind: 'insert',
                id: 's1',
                author: 'Ed Editor',
                at: '2026-12-07T10:00:00.000Z',
              }).append($createTextNode(' deeply')),
              $createLineBreakNode(),
              $createLinkNode('https://example.org/statement', { rel: 'noreferrer' }).append(
                $createTextNode('the statement'),
              ),
              $createTextNode(' at '),
              $createAutoLinkNode('https://example.org').append($createTextNode('example.org')),
            ),
            $createHeadingNode('h3').append($createTextNode('Reaction')),
            $createListNode('bullet').append(
              $createListItemNode().append($createTextNode('Condemned')),
              $createListItemNode().append(
                $createListNode('number', 3).append($createListItemNode().append($createTextNode('Nested'))),
              ),
            ),
            $createQuoteNode().append($createTextNode('We stand with the victims.')),
            $createHorizontalRuleNode(),
            $createInlineImageNode({
              assetId: 'a1',
              altText: 'The quay',
              caption: 'Ships',
              credit: 'AP',
              width: 4,
              height: 3,
            }),
            $createAlsoSeeNode('01937c52-0000-7abc-8def-0123456789ab'),
            $createAlsoSeeNode({ articleId: '', url: 'https://example.org/ferries', headline: 'Ferries cut' }),
          );
      },
      { discrete: true },
    );
    const json = editor.getEditorState().toJSON() as unknown as Body;
    const found = new Set<string>();
    const visit = (node: { type: string; children?: unknown[] }) => {
      found.add(node.type);
      for (const child of (node.children ?? []) as (typeof node)[]) visit(child);
    };
    json.root.children.forEach(visit);
    expect([...found].sort()).toEqual([...BODY_NODE_TYPES].sort());

    expect(bodyProblems(json, 10)).toEqual([]);
    expect(bodyToPlainText(json)).toBe(editor.read(() => $getRoot().getTextContent()));
    const importer = importEditor();
    expect(importer.parseEditorState(JSON.stringify(json)).toJSON()).toEqual(json);
  });
});

describe('the body’s Markdown', () => {
  const MARKDOWN = [
    '# Top',
    '## Section',
    '#### Deep',
    '> A quote',
    '- one\n- two',
    '1. first\n2. second',
    '---',
    '***both*** **bold** *italic* ~~gone~~ [report](https://example.org/r) [bad](javascript:alert(1))',
  ].join('\n\n');

  it('is read by the importer exactly as the editor converts it, by the same rules', () => {
    const editor = articleEditor();
    editor.update(() => $convertFromMarkdownString(MARKDOWN, BODY_TRANSFORMERS, undefined, false, true), {
      discrete: true,
    });
    const imported = bodyFromMarkdown(MARKDOWN);
    expect(imported).toEqual(editor.getEditorState().toJSON());
    expect(imported.root.children.map((node) => (node.type === 'heading' ? node.tag : node.type))).toEqual([
      'h2',
      'h2',
      'h3',
      'quote',
      'list',
      'list',
      'horizontalrule',
      'paragraph',
    ]);
    for (const transformer of BODY_TRANSFORMERS) {
      const needs = 'dependencies' in transformer ? transformer.dependencies : [];
      expect(editor.hasNodes(needs)).toBe(true);
      expect(importEditor().hasNodes(needs)).toBe(true);
    }
  });

  it.each([
    ['## ', 'heading'],
    ['### ', 'heading'],
    ['--- ', 'horizontalrule'],
    ['> ', 'quote'],
    ['- ', 'list'],
  ])('is what the editor’s shortcuts follow: “%s” typed at the start of a line makes a %s', async (typed, type) => {
    const editor = articleEditor();
    editor.update(
      () => {
        const text = $createTextNode(typed.slice(0, -1));
        $getRoot().clear().append($createParagraphNode().append(text));
        text.select(typed.length - 1, typed.length - 1);
      },
      { discrete: true },
    );
    editor.update(
      () => {
        const selection = $getSelection();
        if ($isRangeSelection(selection)) selection.insertText(typed.slice(-1));
      },
      { discrete: true },
    );
    await vi.waitFor(() => expect(editor.getEditorState().toJSON().root.children[0]?.type).toBe(type));
  });

  it('with a rule and headings, imported, is a body the schema accepts and shows as the editor shows it', () => {
    const markdown = '# Overview\n\nThe night ferry stops.\n\n---\n\n### What changes\n\nTwo crossings a day.';
    const article = parseMarkdown(`---\ntitle: Ferries\n---\n${markdown}`, 'ferries.md');
    expect(bodyProblems(article.body)).toEqual([]);
    expect(article.body.root.children.map((node) => node.type)).toEqual([
      'heading',
      'paragraph',
      'horizontalrule',
      'heading',
      'paragraph',
    ]);

    const opened = articleEditor(article.body);
    expect(opened.getEditorState().toJSON()).toEqual(article.body);
    const typed = articleEditor();
    typed.update(() => $convertFromMarkdownString(markdown, BODY_TRANSFORMERS, undefined, false, true), {
      discrete: true,
    });
    const html = shown(opened);
    expect(html).toBe(shown(typed));
    expect(html).toContain('<h2 class="ed-h2"');
    expect(html).toContain('<hr class="ed-hr"');
    expect(html).toContain('<h3 class="ed-h3"');
  });
});
