// @vitest-environment jsdom
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  type LexicalEditor,
} from 'lexical';
import { describe, expect, it } from 'vitest';

import { $insertBlockNode } from '../../../../renderer/editor/blocks';
import { $createAlsoSeeNode } from '../../../../shared/body/lexical/AlsoSeeNode';
import { newBodyEditor } from '../../../helpers/bodyEditor';

function editorWith(paragraphs: string[]): LexicalEditor {
  const editor = newBodyEditor();
  editor.update(
    () => {
      $getRoot()
        .clear()
        .append(
          ...paragraphs.map((text) => $createParagraphNode().append(...(text === '' ? [] : [$createTextNode(text)]))),
        );
    },
    { discrete: true },
  );
  return editor;
}

function shape(editor: LexicalEditor): string[] {
  return editor.getEditorState().read(() =>
    $getRoot()
      .getChildren()
      .map((node) => `${node.getType()}:${node.getTextContent()}`),
  );
}

/** Where the caret is: the text of its block and the offset. */
function caret(editor: LexicalEditor): string {
  return editor.getEditorState().read(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return 'none';
    return `${selection.anchor.getNode().getTopLevelElementOrThrow().getTextContent()}@${selection.anchor.offset}`;
  });
}

const ID = '01937c52-0000-7abc-8def-0123456789ab';

describe('putting a block at the caret', () => {
  it('takes the place of an empty line, and the caret goes to the next paragraph', () => {
    const editor = editorWith(['Before', '', 'After']);
    editor.update(
      () => {
        $getRoot().getChildAtIndex(1)?.selectStart();
        $insertBlockNode($createAlsoSeeNode(ID));
      },
      { discrete: true },
    );
    expect(shape(editor)).toEqual(['paragraph:Before', 'also-see:', 'paragraph:After']);
    expect(caret(editor)).toBe('After@0');
  });

  it('at the end of the story, leaves a paragraph after it to write in', () => {
    const editor = editorWith(['Before', '']);
    editor.update(
      () => {
        $getRoot().selectEnd();
        $insertBlockNode($createAlsoSeeNode(ID));
      },
      { discrete: true },
    );
    expect(shape(editor)).toEqual(['paragraph:Before', 'also-see:', 'paragraph:']);
    expect(caret(editor)).toBe('@0');
  });

  it('in the middle of a paragraph, splits it around the block', () => {
    const editor = editorWith(['First half second half']);
    editor.update(
      () => {
        const text = $getRoot().getFirstDescendant();
        if (!$isTextNode(text)) throw new Error('no text');
        text.select(10, 10);
        $insertBlockNode($createAlsoSeeNode(ID));
      },
      { discrete: true },
    );
    expect(shape(editor)).toEqual(['paragraph:First half', 'also-see:', 'paragraph: second half']);
  });
});
