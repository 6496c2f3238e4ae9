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
import { readBody, inlineText, TEXT_FORMAT, type Inline } from '../../../../electron/export/exportBody';
import {
  $listSuggestions,
  $settleSuggestions,
  $suggestFormat,
  $suggestParagraph,
  $suggestRemoval,
  $suggestWords,
} from '../../../../renderer/editor/suggestions';
import { $createMarkNode } from '@lexical/mark';
import { newBodyEditor, suggesterFor } from '../../../helpers/bodyEditor';

const person = suggesterFor;

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
/** The story as saved, checked as a save is, and read back into a new editor as the same document. */
function roundTrip(editor: LexicalEditor) {
  const json = saved(editor);
  expect(isBody(json)).toBe(true);
  const again = newBodyEditor();
  again.setEditorState(again.parseEditorState(JSON.stringify(json)));
  expect(saved(again)).toEqual(json);
  return json;
}
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
    const json = roundTrip(editor);

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

  it('a change of format shows at once, survives the JSON round trip, and is exported as the words looked before it', () => {
    const editor = editorWith('Taxes rise sharply today.');
    const ed = person('Ed Editor');
    update(editor, () => {
      $select(11, 18);
      expect($suggestFormat($getSelectionOrThrow(), 'bold', ed)).toBe(true);
    });
    // The words are bold in the editor, and the selection still holds them.
    expect(boldWords(editor)).toEqual(['sharply']);
    expect(editor.getEditorState().read(() => $getSelectionOrThrow().getTextContent())).toBe('sharply');
    expect(list(editor)).toEqual([
      expect.objectContaining({ author: 'Ed Editor', restyled: 'sharply', change: { format: 'bold', on: true } }),
    ]);
    const json = roundTrip(editor);
    const body = readStoredBody(json).body;
    expect(bodyToPlainText(body)).toBe('Taxes rise sharply today.');
    // Nothing only suggested leaves Copydesk: the exported words are not bold.
    const runs = readBody(body).flatMap((block) => ('children' in block ? block.children : []));
    expect(runs.filter((run) => run.kind === 'text' && (run.format & TEXT_FORMAT.bold) !== 0)).toEqual([]);
    expect(runs.map(textOf).join('')).toBe('Taxes rise sharply today.');
  });

  it('rejecting a change of format puts the words back as they were; accepting keeps them as they look', () => {
    const rejected = editorWith('Taxes rise sharply today.');
    const accepted = editorWith('Taxes rise sharply today.');
    for (const editor of [rejected, accepted]) {
      // "rise" was already italic: an italics toggle from "Taxes" sets it on the others only.
      update(editor, () => {
        $select(6, 10);
        $getSelectionOrThrow().formatText('italic');
      });
      update(editor, () => {
        const text = $getRoot().getAllTextNodes();
        const selection = $getSelectionOrThrow();
        const first = text[0];
        const last = text[text.length - 1];
        if (first === undefined || last === undefined) throw new Error('No words.');
        selection.setTextNodeRange(first, 0, last, last.getTextContentSize());
        $suggestFormat(selection, 'italic', person('Ed Editor'));
      });
      expect(italicWords(editor)).toEqual(['Taxes rise sharply today.']);
    }
    update(rejected, () => $settleSuggestions(() => true, false));
    update(accepted, () => $settleSuggestions(() => true, true));
    // "rise" was italic before the suggestion and stays so.
    expect(italicWords(rejected)).toEqual(['rise']);
    expect(italicWords(accepted)).toEqual(['Taxes rise sharply today.']);
    for (const editor of [rejected, accepted]) {
      expect(list(editor)).toEqual([]);
      expect(plain(editor)).toBe('Taxes rise sharply today.');
    }
  });

  it('toggling a format twice takes one’s own suggestion back; words only suggested for adding take the format plainly', () => {
    const editor = editorWith('Taxes rise today.');
    const ed = person('Ed Editor');
    update(editor, () => {
      $select(6, 10);
      $suggestFormat($getSelectionOrThrow(), 'bold', ed);
    });
    update(editor, () => {
      $suggestFormat($getSelectionOrThrow(), 'bold', ed);
    });
    expect(boldWords(editor)).toEqual([]);
    expect(list(editor)).toEqual([]);

    update(editor, () => {
      $select(5);
      $suggestWords(' sharply', ed);
    });
    update(editor, () => {
      const added = $getRoot()
        .getAllTextNodes()
        .find((text) => text.getTextContent() === ' sharply');
      if (added === undefined) throw new Error('No addition.');
      $getSelectionOrThrow().setTextNodeRange(added, 1, added, 8);
      $suggestFormat($getSelectionOrThrow(), 'bold', ed);
    });
    expect(boldWords(editor)).toEqual(['sharply']);
    // Still one suggestion: the addition, now bold.
    expect(list(editor)).toEqual([expect.objectContaining({ inserted: ' sharply', change: null })]);
  });

  it('a change of format over words another person suggested removing leaves those words alone', () => {
    const editor = editorWith('Taxes rise sharply today.');
    update(editor, () => {
      $select(11, 19);
      $suggestRemoval($getSelectionOrThrow(), person('Rita Reporter'), 'end');
    });
    update(editor, () => {
      const text = $getRoot().getAllTextNodes();
      const first = text[0];
      const last = text[text.length - 1];
      if (first === undefined || last === undefined) throw new Error('No words.');
      $getSelectionOrThrow().setTextNodeRange(first, 0, last, last.getTextContentSize());
      $suggestFormat($getSelectionOrThrow(), 'underline', person('Ed Editor'));
    });
    const underlined = editor.getEditorState().read(() =>
      $getRoot()
        .getAllTextNodes()
        .filter((text) => text.hasFormat('underline'))
        .map((text) => text.getTextContent()),
    );
    expect(underlined).toEqual(['Taxes rise ', 'today.']);
    // Ed's change is one suggestion on both sides of Rita's.
    expect(list(editor)).toEqual([
      expect.objectContaining({ author: 'Ed Editor', restyled: 'Taxes rise today.' }),
      expect.objectContaining({ author: 'Rita Reporter', deleted: 'sharply ' }),
    ]);
  });

  it('a new paragraph is suggested as a marked line break: accepted, the paragraph splits there; rejected, it is one again', () => {
    const accepted = editorWith('Taxes rise. Pensions go up.');
    const rejected = editorWith('Taxes rise. Pensions go up.');
    for (const editor of [accepted, rejected]) {
      update(editor, () => {
        $select(12);
        expect($suggestParagraph(person('Ed Editor'))).toBe(true);
      });
      expect(list(editor)).toEqual([
        expect.objectContaining({ author: 'Ed Editor', newParagraph: 'Pensions go up.', inserted: '', deleted: '' }),
      ]);
      roundTrip(editor);
      // Still one paragraph until someone decides.
      expect(editor.getEditorState().read(() => $getRoot().getChildrenSize())).toBe(1);
    }
    update(accepted, () => $settleSuggestions(() => true, true));
    update(rejected, () => $settleSuggestions(() => true, false));
    const paragraphs = (editor: LexicalEditor) =>
      editor.getEditorState().read(() =>
        $getRoot()
          .getChildren()
          .map((block) => block.getTextContent()),
      );
    expect(paragraphs(accepted)).toEqual(['Taxes rise. ', 'Pensions go up.']);
    expect(paragraphs(rejected)).toEqual(['Taxes rise. Pensions go up.']);
    expect(list(accepted)).toEqual([]);
    expect(list(rejected)).toEqual([]);
  });

  it('Enter after one’s own suggested words starts the paragraph after them; words typed next are a new addition', () => {
    const editor = editorWith('Taxes rise.');
    const ed = person('Ed Editor');
    update(editor, () => {
      $select(11);
      $suggestWords(' Again.', ed);
    });
    update(editor, () => {
      expect($suggestParagraph(ed)).toBe(true);
    });
    update(editor, () => {
      $suggestWords('Pensions too.', ed);
    });
    expect(list(editor)).toEqual([
      expect.objectContaining({ inserted: ' Again.' }),
      expect.objectContaining({ newParagraph: 'Pensions too.' }),
      expect.objectContaining({ inserted: 'Pensions too.' }),
    ]);
    update(editor, () => $settleSuggestions(() => true, true));
    expect(
      editor.getEditorState().read(() =>
        $getRoot()
          .getChildren()
          .map((block) => block.getTextContent()),
      ),
    ).toEqual(['Taxes rise. Again.', 'Pensions too.']);
  });

  it('a new paragraph inside a claim’s words is not suggested, and nothing changes', () => {
    const editor = editorWith('Taxes rise sharply.', 'claim-1');
    update(editor, () => {
      $select(6);
      expect($suggestParagraph(person('Ed Editor'))).toBe(false);
    });
    expect(list(editor)).toEqual([]);
    expect(plain(editor)).toBe('Taxes rise sharply.');
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

const wordsWith = (format: 'bold' | 'italic') => (editor: LexicalEditor) =>
  editor.getEditorState().read(() =>
    $getRoot()
      .getAllTextNodes()
      // Runs next to each other in the format are read as one stretch of words.
      .map((text) => (text.hasFormat(format) ? text.getTextContent() : '\u0000'))
      .join('')
      .split('\u0000')
      .filter((words) => words !== ''),
  );
const boldWords = wordsWith('bold');
const italicWords = wordsWith('italic');

function textOf(run: Inline): string {
  if (run.kind === 'text' || run.kind === 'dateline') return run.text;
  if (run.kind === 'break') return '\n';
  return run.children.map(textOf).join('');
}

function $getSelectionOrThrow(): RangeSelection {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) throw new Error('No range selected.');
  return selection;
}
