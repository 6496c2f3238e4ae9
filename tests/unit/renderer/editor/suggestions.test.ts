// @vitest-environment jsdom
import {
  $createParagraphNode,
  $createRangeSelection,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  type LexicalEditor,
  type RangeSelection,
  type TextNode,
} from 'lexical';
import { describe, expect, it } from 'vitest';

import { isBody, StoredBodySchema } from '../../../../shared/body/bodySchema';
import { readStoredBody } from '../../../../shared/body/readStoredBody';
import { markedClaims, pendingChangesInClaims } from '../../../../shared/claimMarks';
import { runChecklist } from '../../../../shared/exportChecklist';
import { bodyToPlainText } from '../../../../shared/text';
import { readBody, inlineText } from '../../../../electron/export/exportBody';
import {
  $listSuggestions,
  $settleSuggestions,
  $suggestRemoval,
  $suggestWords,
  type Suggester,
} from '../../../../renderer/editor/suggestions';
import { $createMarkNode } from '@lexical/mark';
import { newBodyEditor } from '../../../helpers/bodyEditor';

function person(author: string): Suggester {
  let next = 0;
  return { author, now: () => '2026-12-07T10:00:00.000Z', newId: () => `${author}-${(next += 1)}` };
}

function editorWith(text: string, claim?: string): LexicalEditor {
  const editor = newBodyEditor();
  editor.update(
    () => {
      const words = $createTextNode(text);
      $getRoot()
        .clear()
        .append($createParagraphNode().append(claim === undefined ? words : $createMarkNode([claim]).append(words)));
    },
    { discrete: true },
  );
  return editor;
}

/** The paragraph's first run of words (inside a claim's mark, when there is one). */
function $firstText(): TextNode {
  const text = $getRoot().getFirstDescendant();
  if (!$isTextNode(text)) throw new Error('No words in the story.');
  return text;
}

/** Selects characters [from, to) of the story's first run of words. */
function $select(from: number, to = from): void {
  const text = $firstText();
  const selection = $createRangeSelection();
  selection.anchor.set(text.getKey(), from, 'text');
  selection.focus.set(text.getKey(), to, 'text');
  $setSelection(selection);
}

function update(editor: LexicalEditor, change: () => void): void {
  editor.update(change, { discrete: true });
}

const plain = (editor: LexicalEditor) => editor.getEditorState().read(() => $getRoot().getTextContent());
const saved = (editor: LexicalEditor) => StoredBodySchema.parse(editor.getEditorState().toJSON());
const list = (editor: LexicalEditor) => editor.getEditorState().read($listSuggestions);

describe('suggested changes', () => {
  it('an addition and a removal survive the JSON round trip and a save’s check, and read as if accepted', () => {
    const editor = editorWith('Taxes rise today.');
    const rita = person('Rita Reporter');
    update(editor, () => {
      $select(11, 16);
      $suggestRemoval($getSelectionOrThrow(), rita, 'end');
    });
    update(editor, () => {
      $select(6);
      $suggestWords('sharply ', rita);
    });
    const json = saved(editor);
    expect(isBody(json)).toBe(true);
    // The JSON read back into a new editor is the same document.
    const again = newBodyEditor();
    again.setEditorState(again.parseEditorState(JSON.stringify(json)));
    expect(saved(again)).toEqual(json);

    const body = readStoredBody(json).body;
    // Counts and search read the text as it would be with the suggestions accepted…
    expect(bodyToPlainText(body)).toBe('Taxes sharply rise .');
    expect(plain(editor)).toBe('Taxes sharply rise .');
    // …and nothing only suggested is exported.
    const exported = readBody(body).map((block) => ('children' in block ? inlineText(block.children) : ''));
    expect(exported).toEqual(['Taxes rise today.']);
    expect(list(editor)).toEqual([
      expect.objectContaining({ author: 'Rita Reporter', inserted: 'sharply ', deleted: '' }),
      expect.objectContaining({ author: 'Rita Reporter', inserted: '', deleted: 'today' }),
    ]);
  });

  it('typing on goes into the same addition, and deleting one’s own suggested words takes them back', () => {
    const editor = editorWith('Taxes rise.');
    const ed = person('Ed Editor');
    update(editor, () => {
      $select(5);
      $suggestWords(' a', ed);
    });
    update(editor, () => {
      $suggestWords('gain', ed);
    });
    expect(list(editor)).toHaveLength(1);
    expect(list(editor)[0]?.inserted).toBe(' again');
    update(editor, () => {
      const text = $getRoot()
        .getAllTextNodes()
        .find((node) => node.getTextContent() === ' again');
      if (text === undefined) throw new Error('The addition is not in the text.');
      const selection = $createRangeSelection();
      selection.anchor.set(text.getKey(), 2, 'text');
      selection.focus.set(text.getKey(), 6, 'text');
      $setSelection(selection);
      $suggestRemoval(selection, ed, 'start');
    });
    expect(plain(editor)).toBe('Taxes a rise.');
    expect(list(editor)).toEqual([expect.objectContaining({ inserted: ' a', deleted: '' })]);
  });

  it('typing over selected words is one suggestion, a replacement', () => {
    const editor = editorWith('Taxes rise today.');
    update(editor, () => {
      $select(11, 16);
      $suggestWords('tomorrow', person('Ed Editor'));
    });
    expect(list(editor)).toEqual([expect.objectContaining({ inserted: 'tomorrow', deleted: 'today' })]);
    expect(plain(editor)).toBe('Taxes rise tomorrow.');
  });

  it('accepting and rejecting settle overlapping suggestions of two people, each as it asks', () => {
    const editor = editorWith('The minister resigned on Friday.');
    const rita = person('Rita Reporter');
    const ed = person('Ed Editor');
    // Rita suggests removing "on Friday"; Ed suggests removing "resigned on" (overlapping hers).
    update(editor, () => {
      $select(22, 31);
      $suggestRemoval($getSelectionOrThrow(), rita, 'end');
    });
    update(editor, () => {
      const nodes = $getRoot().getAllTextNodes();
      const resigned = nodes.find((node) => node.getTextContent().includes('resigned'));
      const onFriday = nodes.find((node) => node.getTextContent() === 'on Friday');
      if (resigned === undefined || onFriday === undefined) throw new Error('The words are not where expected.');
      const selection = $createRangeSelection();
      selection.anchor.set(resigned.getKey(), resigned.getTextContent().indexOf('resigned'), 'text');
      selection.focus.set(onFriday.getKey(), 2, 'text');
      $setSelection(selection);
      $suggestRemoval(selection, ed, 'end');
    });
    // Ed's addition inside Rita's removal.
    const byName = (name: string) => list(editor).filter((item) => item.author === name);
    expect(byName('Rita Reporter').map((item) => item.deleted)).toEqual(['on Friday']);
    expect(
      byName('Ed Editor')
        .map((item) => item.deleted)
        .join(''),
    ).toBe('resigned ');

    // Rejecting Ed's keeps "resigned"; accepting Rita's takes "on Friday" out, Ed's part of it too.
    update(editor, () => {
      expect($settleSuggestions((fields) => fields.author === 'Ed Editor', false)).toBe(1);
    });
    expect(plain(editor)).toBe('The minister resigned .');
    update(editor, () => {
      expect($settleSuggestions((fields) => fields.author === 'Rita Reporter', true)).toBe(1);
    });
    expect(plain(editor)).toBe('The minister resigned .');
    expect(list(editor)).toEqual([]);
    expect(isBody(saved(editor))).toBe(true);
  });

  it('rejecting an addition and accepting a removal leave the words as they should read', () => {
    const editor = editorWith('Pensions go up.');
    const fatima = person('Fatima Checker');
    update(editor, () => {
      $select(14);
      $suggestWords(' by 4%', fatima);
    });
    update(editor, () => {
      $select(0, 9);
      $suggestRemoval($getSelectionOrThrow(), fatima, 'start');
    });
    const addition = list(editor).find((item) => item.inserted !== '');
    const removal = list(editor).find((item) => item.deleted !== '');
    update(editor, () => {
      $settleSuggestions((fields) => fields.id === addition?.id, false);
      $settleSuggestions((fields) => fields.id === removal?.id, true);
    });
    expect(plain(editor)).toBe('go up.');
    expect(list(editor)).toEqual([]);
  });

  it('a claim’s words are its words as they stand: a pending addition is not yet among them', () => {
    const editor = editorWith('Inflation fell to 3%.', 'claim-1');
    update(editor, () => {
      $select(19);
      $suggestWords('.2', person('Ed Editor'));
    });
    const body = readStoredBody(saved(editor)).body;
    expect(markedClaims(body).get('claim-1')).toBe('Inflation fell to 3%.');
    // The fact-check report and the claim's card say a change waits in its words.
    expect(pendingChangesInClaims(body).get('claim-1')).toEqual([
      { kind: 'insert', author: 'Ed Editor', at: '2026-12-07T10:00:00.000Z', words: '.2' },
    ]);
    expect(editor.getEditorState().read($listSuggestions)[0]?.claims).toEqual(['claim-1']);
    update(editor, () => {
      $settleSuggestions(() => true, true);
    });
    expect(markedClaims(readStoredBody(saved(editor)).body).get('claim-1')).toBe('Inflation fell to 3.2%.');
  });

  it('the checklist blocks an export while suggestions wait, naming who made them', () => {
    const editor = editorWith('Taxes rise.');
    update(editor, () => {
      $select(5);
      $suggestWords(' again', person('Ed Editor'));
    });
    const body = saved(editor);
    const checklist = runChecklist({
      article: {
        headline: 'Budget',
        dek: '',
        byline: 'Rita Reporter',
        body,
        bodyText: bodyToPlainText(readStoredBody(body).body),
        wordCount: 3,
        lengthTarget: null,
        dateline: 'LONDON',
        leadImage: null,
      },
      claims: [],
      linked: () => 'live',
    });
    expect(checklist.ready).toBe(false);
    expect(checklist.items.find((item) => item.id === 'suggestions')?.message).toMatch(
      /^The text has 1 suggested change by Ed Editor not yet accepted or rejected/,
    );
  });
});

function $getSelectionOrThrow(): RangeSelection {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) throw new Error('No range selected.');
  return selection;
}
