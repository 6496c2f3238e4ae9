// @vitest-environment jsdom
import { $createMarkNode } from '@lexical/mark';
import {
  $createParagraphNode,
  $createRangeSelection,
  $createTextNode,
  $getRoot,
  $isTextNode,
  type LexicalEditor,
  type RangeSelection,
  type TextNode,
} from 'lexical';
import { describe, expect, it } from 'vitest';

import { isBody, StoredBodySchema } from '../../../../shared/body/bodySchema';
import { readStoredBody } from '../../../../shared/body/readStoredBody';
import { markedClaims } from '../../../../shared/claimMarks';
import { commentedWords } from '../../../../shared/comments';
import { bodyToPlainText } from '../../../../shared/text';
import { inlineText, readBody } from '../../../../electron/export/exportBody';
import { $anchorComment, $unanchorComment } from '../../../../renderer/editor/comments';
import { newBodyEditor } from '../../../helpers/bodyEditor';

/** A one-paragraph story of these runs of words; a run given as [words, claim] is in that claim's mark. */
function editorWith(...runs: (string | [string, string])[]): LexicalEditor {
  const editor = newBodyEditor();
  editor.update(
    () => {
      const paragraph = $createParagraphNode();
      for (const run of runs) {
        if (typeof run === 'string') paragraph.append($createTextNode(run));
        else paragraph.append($createMarkNode([run[1]]).append($createTextNode(run[0])));
      }
      $getRoot().clear().append(paragraph);
    },
    { discrete: true },
  );
  return editor;
}

/** A selection of characters [from, to) of the paragraph's text. */
function $range(from: number, to: number): RangeSelection {
  const point = (at: number, end: boolean): [TextNode, number] => {
    let seen = 0;
    for (const node of $getRoot().getAllTextNodes()) {
      const size = node.getTextContentSize();
      if (end ? at <= seen + size : at < seen + size) return [node, at - seen];
      seen += size;
    }
    throw new Error(`No character ${at} in the story.`);
  };
  const [startNode, startOffset] = point(from, false);
  const [endNode, endOffset] = point(to, true);
  const selection = $createRangeSelection();
  selection.anchor.set(startNode.getKey(), startOffset, 'text');
  selection.focus.set(endNode.getKey(), endOffset, 'text');
  return selection;
}

function anchor(editor: LexicalEditor, from: number, to: number, id: string): void {
  editor.update(() => $anchorComment($range(from, to), id), { discrete: true });
}

const body = (editor: LexicalEditor) => readStoredBody(StoredBodySchema.parse(editor.getEditorState().toJSON())).body;
const text = (editor: LexicalEditor) => editor.getEditorState().read(() => $getRoot().getTextContent());

describe('comments anchored in the text', () => {
  it('anchor the selected words across formatting and a claim, survive the JSON round trip, and leave no trace in an export', () => {
    const editor = editorWith('Ferries stop ', ['on 3 May', 'claim-1'], ' after a vote.');
    // "stop on 3" runs from plain words into the claim's mark.
    anchor(editor, 8, 17, 'thread-1');
    const json = StoredBodySchema.parse(editor.getEditorState().toJSON());
    expect(isBody(json)).toBe(true);
    const again = newBodyEditor();
    again.setEditorState(again.parseEditorState(JSON.stringify(json)));
    expect(StoredBodySchema.parse(again.getEditorState().toJSON())).toEqual(json);

    expect(commentedWords(body(editor))).toEqual(new Map([['thread-1', 'stop on 3']]));
    // The claim keeps its words, and the text reads as before.
    expect(markedClaims(body(editor))).toEqual(new Map([['claim-1', 'on 3 May']]));
    expect(text(editor)).toBe('Ferries stop on 3 May after a vote.');
    expect(bodyToPlainText(body(editor))).toBe('Ferries stop on 3 May after a vote.');
    const exported = readBody(body(editor)).map((block) => ('children' in block ? inlineText(block.children) : ''));
    expect(exported).toEqual(['Ferries stop on 3 May after a vote.']);
    expect(JSON.stringify(readBody(body(editor)))).not.toContain('thread-1');
  });

  it('overlapping comments each keep their own words, and taking one away leaves the other and the words', () => {
    const editor = editorWith('The council voted to close the ferry.');
    anchor(editor, 4, 18, 'first'); // "council voted "
    anchor(editor, 12, 29, 'second'); // "voted to close th"
    expect(commentedWords(body(editor))).toEqual(
      new Map([
        ['first', 'council voted '],
        ['second', 'voted to close th'],
      ]),
    );
    editor.update(() => $unanchorComment('first'), { discrete: true });
    expect(commentedWords(body(editor))).toEqual(new Map([['second', 'voted to close th']]));
    editor.update(() => $unanchorComment('second'), { discrete: true });
    expect(commentedWords(body(editor))).toEqual(new Map());
    expect(text(editor)).toBe('The council voted to close the ferry.');
    const nodes = editor.getEditorState().read(() =>
      $getRoot()
        .getAllTextNodes()
        .every((node) => $isTextNode(node) && node.getParent()?.getType() === 'paragraph'),
    );
    expect(nodes).toBe(true);
  });

  it('deleting the commented words leaves the thread without an anchor, and undoing it brings the anchor back', () => {
    const editor = editorWith('Taxes rise today.');
    anchor(editor, 6, 10, 'thread-1');
    const before = editor.getEditorState();
    editor.update(
      () => {
        const selection = $range(5, 10);
        selection.removeText();
      },
      { discrete: true },
    );
    expect(text(editor)).toBe('Taxes today.');
    expect(commentedWords(body(editor)).has('thread-1')).toBe(false);
    editor.setEditorState(before);
    expect(commentedWords(body(editor))).toEqual(new Map([['thread-1', 'rise']]));
  });
});
