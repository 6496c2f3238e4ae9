import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { $createLinkNode, $isLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createMarkNode, $isMarkNode } from '@lexical/mark';
import { $createHeadingNode } from '@lexical/rich-text';
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTabNode,
  $createTextNode,
  $getNodeByKey,
  $getRoot,
  $isElementNode,
  $isTextNode,
  HISTORY_PUSH_TAG,
  UNDO_COMMAND,
  type LexicalEditor,
  type LexicalNode,
  type TextFormatType,
} from 'lexical';
import { describe, expect, it } from 'vitest';

import { $findInBody, $replaceAllInBody, $replaceMatch } from '../../../../renderer/editor/findInBody';
import type { FindOptions } from '../../../../renderer/editor/findMatches';
import { $createAlsoSeeNode } from '../../../../shared/body/lexical/AlsoSeeNode';
import { newBodyEditor } from '../../../helpers/bodyEditor';

const ANY: FindOptions = { matchCase: false, wholeWords: false };
const CLAIM = 'claim-1';

function text(content: string, ...formats: TextFormatType[]) {
  const node = $createTextNode(content);
  for (const format of formats) node.toggleFormat(format);
  return node;
}

function claim(...children: LexicalNode[]) {
  return $createMarkNode([CLAIM]).append(...children);
}

function link(words: string) {
  return $createLinkNode('https://example.org/statement', { rel: 'noreferrer' }).append(text(words));
}

/** An editor holding the blocks `build` makes (`editor`: one made beforehand, with its history). */
function story(build: () => LexicalNode[], editor = newBodyEditor()): LexicalEditor {
  editor.update(
    () => {
      $getRoot()
        .clear()
        .append(...build());
    },
    { discrete: true },
  );
  return editor;
}

function paragraph(...children: LexicalNode[]) {
  return $createParagraphNode().append(...children);
}

/** A readable outline of the body: [claim-1: words], [link: words], **bold**, one line per block. */
function outline(editor: LexicalEditor): string[] {
  const show = (node: LexicalNode): string => {
    if ($isTextNode(node)) return node.hasFormat('bold') ? `**${node.getTextContent()}**` : node.getTextContent();
    if ($isMarkNode(node)) return `[${node.getIDs().join(',')}: ${node.getChildren().map(show).join('')}]`;
    if ($isLinkNode(node)) return `[link: ${node.getChildren().map(show).join('')}]`;
    if ($isElementNode(node)) return node.getChildren().map(show).join('');
    return '';
  };
  // read() commits what is pending first (an undo applies its state at the next commit).
  return editor.read(() => $getRoot().getChildren().map(show));
}

function replaceFirst(editor: LexicalEditor, query: string, replacement: string, options = ANY): void {
  editor.update(
    () => {
      const [first] = $findInBody(query, options);
      if (first === undefined) throw new Error(`“${query}” is not in the story.`);
      expect($replaceMatch(first, replacement)).not.toBeNull();
    },
    { discrete: true },
  );
}

function foundWords(editor: LexicalEditor, query: string, options = ANY): string[] {
  return editor.getEditorState().read(() =>
    $findInBody(query, options).map((match) =>
      match.parts
        .map((part) => {
          const node = $getNodeByKey(part.key);
          return $isTextNode(node) ? node.getTextContent().slice(part.from, part.to) : '?';
        })
        .join('|'),
    ),
  );
}

describe('finding words in the body', () => {
  it('finds words across text nodes of different formats, links and claim marks', () => {
    const editor = story(() => [
      paragraph(text('The ministry was '), text('deeply', 'bold'), text(' concerned, '), link('it said today')),
      paragraph(text('Over '), claim(text('140 people')), text(' died.')),
    ]);
    expect(foundWords(editor, 'deeply concerned')).toEqual(['deeply| concerned']);
    expect(foundWords(editor, 'concerned, it said')).toEqual(['concerned, |it said']);
    expect(foundWords(editor, 'over 140')).toEqual(['Over |140']);
  });

  it('never finds words across blocks, list items, line breaks, tabs or an Also See', () => {
    const editor = story(() => [
      $createHeadingNode('h2').append(text('Islamic')),
      paragraph(text('State of the union')),
      $createListNode('bullet').append(
        $createListItemNode().append(text('Islamic')),
        $createListItemNode().append(text('State')),
      ),
      paragraph(text('Islamic'), $createLineBreakNode(), text('State'), $createTabNode(), text('Islamic')),
      $createAlsoSeeNode({
        articleId: '',
        url: 'https://example.org/islamic-state',
        headline: 'Islamic State',
      }),
    ]);
    expect(foundWords(editor, 'Islamic State')).toEqual([]);
    expect(foundWords(editor, 'Islamic')).toHaveLength(4);
  });
});

describe('replacing words in the body', () => {
  it('keeps a claim mark, with its id, around words replaced inside it', () => {
    const editor = story(() => [paragraph(text('Over '), claim(text('140 people')), text(' died.'))]);
    replaceFirst(editor, '140', '145');
    expect(outline(editor)).toEqual([`Over [${CLAIM}: 145 people] died.`]);
    replaceFirst(editor, '145 people', 'about 150 residents');
    expect(outline(editor)).toEqual([`Over [${CLAIM}: about 150 residents] died.`]);
  });

  it('keeps a claim mark around the new words when the match runs across its edge', () => {
    const editor = story(() => [paragraph(text('The toll rose to '), claim(text('140 people')), text(' on Friday.'))]);
    replaceFirst(editor, 'rose to 140', 'rose to 145');
    expect(outline(editor)).toEqual([`The toll rose to [${CLAIM}: 145 people] on Friday.`]);
    replaceFirst(editor, 'people on Friday', 'residents on Friday');
    expect(outline(editor)).toEqual([`The toll rose to [${CLAIM}: 145 residents] on Friday.`]);
  });

  it('keeps a link around the words replaced inside it, and the words before it as they were', () => {
    const editor = story(() => [paragraph(text('Read '), link('the statement'), text(' in full.'))]);
    replaceFirst(editor, 'Read the statement', 'Read the full statement');
    expect(outline(editor)).toEqual(['Read [link: the full statement] in full.']);
  });

  it('gives new words spanning several formats the format of their first character', () => {
    const editor = story(() => [paragraph(text('It was '), text('deeply', 'bold'), text(' concerned.'))]);
    replaceFirst(editor, 'deeply concerned', 'very worried');
    expect(outline(editor)).toEqual(['It was **very worried**.']);
  });

  it('keeps words both sides share in their own format, and never cuts a word in two', () => {
    const editor = story(() => [paragraph(text('It was '), text('deeply', 'bold'), text(' concerned.'))]);
    replaceFirst(editor, 'deeply concerned', 'deeply worried');
    expect(outline(editor)).toEqual(['It was **deeply** worried.']);
    replaceFirst(editor, 'worried', 'worrying');
    expect(outline(editor)).toEqual(['It was **deeply** worrying.']);
  });

  it('takes a link or mark out only when every word of it is replaced by nothing', () => {
    const editor = story(() => [paragraph(text('Read '), link('the statement'), text(' now.'))]);
    replaceFirst(editor, ' the statement', '');
    expect(outline(editor)).toEqual(['Read now.']);
  });

  it('replaces every match in one update, one step of undo, and keeps each mark', () => {
    const withHistory = newBodyEditor();
    const history = createEmptyHistoryState();
    const unregister = registerHistory(withHistory, history, 1000);
    const editor = story(
      () => [
        paragraph(text('Police said police '), claim(text('arrested two police officers')), text('.')),
        paragraph(text('The '), text('police', 'bold'), text(' chief, Police Chief Ali, spoke.')),
      ],
      withHistory,
    );
    const before = outline(editor);
    const steps = history.undoStack.length;

    let replaced = 0;
    editor.update(
      () => {
        replaced = $replaceAllInBody('police', ANY, 'officers');
      },
      { discrete: true, tag: HISTORY_PUSH_TAG },
    );
    expect(replaced).toBe(5);
    expect(outline(editor)).toEqual([
      `officers said officers [${CLAIM}: arrested two officers officers].`,
      'The **officers** chief, officers Chief Ali, spoke.',
    ]);
    expect(history.undoStack).toHaveLength(steps + 1);

    editor.dispatchCommand(UNDO_COMMAND, undefined);
    expect(outline(editor)).toEqual(before);
    unregister();
  });

  it('replaces each match once, even when the new words hold what was searched for', () => {
    const editor = story(() => [paragraph(text('cat, cat and cats'))]);
    editor.update(
      () => {
        expect($replaceAllInBody('cat', { matchCase: false, wholeWords: true }, 'cat and dog')).toBe(2);
      },
      { discrete: true },
    );
    expect(outline(editor)).toEqual(['cat and dog, cat and dog and cats']);
  });

  it('changes nothing for a match whose words are no longer in the body', () => {
    const editor = story(() => [paragraph(text('Over 140 people'))]);
    const match = editor.getEditorState().read(() => $findInBody('140 people', ANY)[0]);
    if (match === undefined) throw new Error('no match');
    replaceFirst(editor, 'Over 140 people', 'None');
    editor.update(() => expect($replaceMatch(match, '145 people')).toBeNull(), { discrete: true });
    expect(outline(editor)).toEqual(['None']);
  });
});
