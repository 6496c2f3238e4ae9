// @vitest-environment jsdom
import { $createLinkNode } from '@lexical/link';
import { $convertFromMarkdownString } from '@lexical/markdown';
import { $createParagraphNode, $createTextNode, $getRoot, COMMAND_PRIORITY_EDITOR, type LexicalEditor } from 'lexical';
import { describe, expect, it, vi } from 'vitest';

import { BODY_TRANSFORMERS } from '../../../../shared/body/lexical/bodyTransformers';
import {
  SHOW_EDITOR_MESSAGE_COMMAND,
  type EditorMessage,
} from '../../../../renderer/editor/plugins/EditorMessagesPlugin';
import { registerLinkRules, registerMarkdownLinkRule } from '../../../../renderer/editor/plugins/LinkRulesPlugin';
import { newBodyEditor } from '../../../helpers/bodyEditor';

type JsonNode = {
  type: string;
  text?: string;
  tag?: string;
  url?: string;
  rel?: string;
  format?: number;
  children?: JsonNode[];
};

function children(editor: LexicalEditor): JsonNode[] {
  return (editor.getEditorState().toJSON().root as unknown as JsonNode).children ?? [];
}

function find(nodes: JsonNode[], type: string): JsonNode[] {
  return nodes.flatMap((node) => [...(node.type === type ? [node] : []), ...find(node.children ?? [], type)]);
}

/** Markdown as the article editor reads it: with its link rule, which tells the person. */
function fromMarkdown(markdown: string): { editor: LexicalEditor; messages: EditorMessage[] } {
  const editor = newBodyEditor();
  registerMarkdownLinkRule(editor);
  const messages: EditorMessage[] = [];
  editor.registerCommand(
    SHOW_EDITOR_MESSAGE_COMMAND,
    (message) => {
      messages.push(message);
      return true;
    },
    COMMAND_PRIORITY_EDITOR,
  );
  editor.update(() => $convertFromMarkdownString(markdown, BODY_TRANSFORMERS), { discrete: true });
  return { editor, messages };
}

describe('markdown in the body', () => {
  it('makes section headings h2 and subheadings h3, never a second h1', () => {
    const { editor } = fromMarkdown('# Top\n\n## Section\n\n### Sub\n\n###### Deep');
    expect(children(editor).map((node) => `${node.type}:${node.tag ?? ''}`)).toEqual([
      'heading:h2',
      'heading:h2',
      'heading:h3',
      'heading:h3',
    ]);
  });

  it('makes quotes, lists, a horizontal rule and text formats', () => {
    const { editor } = fromMarkdown(
      '> A quote\n\n- one\n- two\n\n1. first\n2. second\n\n---\n\n**bold** *italic* ~~gone~~ ***both***',
    );
    expect(children(editor).map((node) => node.type)).toEqual(['quote', 'list', 'list', 'horizontalrule', 'paragraph']);
    const formats = Object.fromEntries(
      find(children(editor), 'text').map((node): [string, number | undefined] => [node.text ?? '', node.format]),
    );
    expect(formats).toMatchObject({ bold: 1, italic: 2, gone: 4, both: 3 });
  });

  it('makes links only to web and email addresses, and says why when it does not', async () => {
    const { editor, messages } = fromMarkdown(
      '[report](https://example.org/r) [mail](mailto:desk@example.org) [bad](javascript:alert(1)) [data](data:text/html,x)',
    );
    const links = find(children(editor), 'link');
    expect(links.map((link) => link.url)).toEqual(['https://example.org/r', 'mailto:desk@example.org']);
    expect(links.every((link) => link.rel === 'noreferrer')).toBe(true);
    const text = find(children(editor), 'text')
      .map((node) => node.text)
      .join('');
    expect(text).toContain('[bad](javascript:alert(1))');
    await vi.waitFor(() => expect(messages).toHaveLength(2));
    expect(messages[0]?.tone).toBe('error');
    expect(messages[0]?.text).toContain('“javascript:alert(1)” was not made a link');
  });

  it('where nobody is told of a refused address (an import), keeps the link’s words without it', () => {
    const editor = newBodyEditor();
    editor.update(
      () =>
        $convertFromMarkdownString(
          '[report](https://example.org/r) and [bad](javascript:alert(1)).',
          BODY_TRANSFORMERS,
        ),
      {
        discrete: true,
      },
    );
    expect(find(children(editor), 'link').map((link) => link.url)).toEqual(['https://example.org/r']);
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toBe('report and bad.');
  });

  it('does not offer what the body has no node for: code, tables, check lists', () => {
    const { editor } = fromMarkdown('`code`\n\n```\nblock\n```\n\n- [ ] task');
    expect(children(editor).map((node) => node.type)).not.toContain('code');
    // 16 is Lexical's inline-code format.
    expect(find(children(editor), 'text').filter((node) => ((node.format ?? 0) & 16) !== 0)).toEqual([]);
    expect(find(children(editor), 'listitem').map((item) => (item as { checked?: unknown }).checked)).not.toContain(
      false,
    );
  });
});

describe('the link rule', () => {
  it('unwraps any link that is not http, https or mailto, keeps its text and reports it', async () => {
    const editor = newBodyEditor();
    const refused: string[] = [];
    registerLinkRules(editor, (url) => refused.push(url));
    editor.update(
      () => {
        $getRoot()
          .clear()
          .append(
            $createParagraphNode().append(
              $createTextNode('See '),
              $createLinkNode('javascript:alert(1)').append($createTextNode('this')),
              $createTextNode(' and '),
              $createLinkNode('https://example.org/').append($createTextNode('that')),
              $createTextNode(' and '),
              $createLinkNode('ftp://example.org/file').append($createTextNode('the file')),
            ),
          );
      },
      { discrete: true },
    );
    expect(find(children(editor), 'link').map((link) => link.url)).toEqual(['https://example.org/']);
    expect(
      find(children(editor), 'text')
        .map((node) => node.text)
        .join(''),
    ).toBe('See this and that and the file');
    await vi.waitFor(() => expect(refused).toEqual(['javascript:alert(1)', 'ftp://example.org/file']));
  });
});
