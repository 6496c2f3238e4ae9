// @vitest-environment jsdom
import {
  $createParagraphNode,
  $createRangeSelection,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $setSelection,
  type LexicalEditor,
} from 'lexical';
import { $isListNode } from '@lexical/list';
import { $createHeadingNode, $isHeadingNode } from '@lexical/rich-text';
import { $createMarkNode } from '@lexical/mark';
import { describe, expect, it } from 'vitest';

import { isBody, StoredBodySchema } from '../../../../shared/body/bodySchema';
import { readStoredBody } from '../../../../shared/body/readStoredBody';
import { markedClaims } from '../../../../shared/claimMarks';
import { bodyToPlainText } from '../../../../shared/text';
import { $moveBlocks, $suggestBlocks } from '../../../../renderer/editor/moveBlocks';
import { readBody } from '../../../../electron/export/exportBody';
import { $listSuggestions, $settleSuggestions, $suggestWords } from '../../../../renderer/editor/suggestions';
import { newBodyEditor, suggesterFor } from '../../../helpers/bodyEditor';

const person = suggesterFor;

/** A story of paragraphs; the second is a claim's words when `claim` is given. */
function story(paragraphs: readonly string[], claim?: string): LexicalEditor {
  const editor = newBodyEditor();
  editor.update(
    () => {
      $getRoot()
        .clear()
        .append(
          ...paragraphs.map((words, index) => {
            const text = $createTextNode(words);
            const block = index === 0 ? $createHeadingNode('h2') : $createParagraphNode();
            return block.append(claim !== undefined && index === 1 ? $createMarkNode([claim]).append(text) : text);
          }),
        );
    },
    { discrete: true },
  );
  return editor;
}

function update(editor: LexicalEditor, change: () => void): void {
  editor.update(change, { discrete: true });
}

/** Puts the caret in the paragraph that starts with `words`. */
function $caretIn(words: string): void {
  const block = $getRoot()
    .getChildren()
    .find((child) => child.getTextContent().startsWith(words));
  if (!$isElementNode(block)) throw new Error(`No paragraph starts with “${words}”.`);
  block.selectStart();
}

/** Each paragraph's words as the story would read with its suggestions accepted ('' for one only struck through). */
const reading = (editor: LexicalEditor) =>
  editor.getEditorState().read(() =>
    $getRoot()
      .getChildren()
      .map((block) => block.getTextContent()),
  );
const list = (editor: LexicalEditor) => editor.getEditorState().read($listSuggestions);
const saved = (editor: LexicalEditor) => StoredBodySchema.parse(editor.getEditorState().toJSON());

describe('moving paragraphs', () => {
  it('moves the paragraph at the caret up and down at once when not suggesting, and stops at the ends', () => {
    const editor = story(['Budget day', 'Taxes rise.', 'Pensions go up.']);
    let outcome = '';
    update(editor, () => {
      $caretIn('Pensions');
      outcome = $moveBlocks(true, null);
    });
    expect(outcome).toBe('moved');
    expect(reading(editor)).toEqual(['Budget day', 'Pensions go up.', 'Taxes rise.']);
    update(editor, () => {
      outcome = $moveBlocks(true, null);
    });
    update(editor, () => {
      outcome = $moveBlocks(true, null);
    });
    expect(outcome).toBe('edge');
    expect(reading(editor)).toEqual(['Pensions go up.', 'Budget day', 'Taxes rise.']);
  });

  it('while suggesting, a move is one suggestion: struck through where it was, added where it goes; accepting leaves no empty paragraph', () => {
    const editor = story(['Budget day', 'Taxes rise.', 'Pensions go up.'], 'claim-1');
    update(editor, () => {
      $caretIn('Taxes');
      expect($moveBlocks(false, person('Ed Editor'))).toBe('moved');
    });
    // Read as if accepted: the paragraph where it was is empty, its words after "Pensions".
    expect(reading(editor)).toEqual(['Budget day', '', 'Pensions go up.', 'Taxes rise.']);
    expect(list(editor)).toEqual([
      expect.objectContaining({ author: 'Ed Editor', moved: true, deleted: 'Taxes rise.', inserted: 'Taxes rise.' }),
    ]);
    // Saved, the body is checked as any save is; the claim's words are still those where they were.
    const json = saved(editor);
    expect(isBody(json)).toBe(true);
    const body = readStoredBody(json).body;
    // Search and counts read it as moved (the paragraph left behind is a blank line more).
    expect(bodyToPlainText(body).split(/\n+/u)).toEqual(['Budget day', 'Pensions go up.', 'Taxes rise.']);
    expect(markedClaims(body).get('claim-1')).toBe('Taxes rise.');

    update(editor, () => $settleSuggestions(() => true, true));
    expect(reading(editor)).toEqual(['Budget day', 'Pensions go up.', 'Taxes rise.']);
    expect(list(editor)).toEqual([]);
    expect(markedClaims(readStoredBody(saved(editor)).body).get('claim-1')).toBe('Taxes rise.');
  });

  it('rejecting a suggested move leaves the paragraph where it was and takes the copy away', () => {
    const editor = story(['Budget day', 'Taxes rise.', 'Pensions go up.']);
    update(editor, () => {
      $caretIn('Pensions');
      $moveBlocks(true, person('Ed Editor'));
    });
    expect(reading(editor)).toEqual(['Budget day', 'Pensions go up.', 'Taxes rise.', '']);
    update(editor, () => $settleSuggestions(() => true, false));
    expect(reading(editor)).toEqual(['Budget day', 'Taxes rise.', 'Pensions go up.']);
    expect(list(editor)).toEqual([]);
  });

  it('moving one’s own suggested move again carries it on; bringing it home takes the suggestion back', () => {
    const editor = story(['Budget day', 'Taxes rise.', 'Pensions go up.', 'Fuel duty is frozen.']);
    const ed = person('Ed Editor');
    update(editor, () => {
      $caretIn('Taxes');
      $moveBlocks(false, ed);
    });
    update(editor, () => {
      $moveBlocks(false, ed);
    });
    expect(reading(editor)).toEqual(['Budget day', '', 'Pensions go up.', 'Fuel duty is frozen.', 'Taxes rise.']);
    expect(list(editor)).toHaveLength(1);
    update(editor, () => {
      $moveBlocks(true, ed);
    });
    update(editor, () => {
      $moveBlocks(true, ed);
    });
    expect(reading(editor)).toEqual(['Budget day', 'Taxes rise.', 'Pensions go up.', 'Fuel duty is frozen.']);
    expect(list(editor)).toEqual([]);
  });

  it('while suggesting, a paragraph holding another’s suggestion is not moved, and says why', () => {
    const editor = story(['Budget day', 'Taxes rise.']);
    update(editor, () => {
      const text = $getRoot().getLastChild();
      if (!$isElementNode(text)) throw new Error('No paragraph.');
      text.selectEnd();
      $suggestWords(' Again.', person('Rita Reporter'));
    });
    let outcome = '';
    update(editor, () => {
      $caretIn('Taxes');
      outcome = $moveBlocks(true, person('Ed Editor'));
    });
    expect(outcome).toBe('holds-suggestions');
    expect(reading(editor)).toEqual(['Budget day', 'Taxes rise. Again.']);
  });

  it('while suggesting, a paragraph made a heading is one at once, remembers what it was, and a rejection puts it back', () => {
    const rejected = story(['Budget day', 'Taxes rise.', 'Pensions go up.']);
    const accepted = story(['Budget day', 'Taxes rise.', 'Pensions go up.']);
    const kinds = (editor: LexicalEditor) =>
      editor.getEditorState().read(() =>
        $getRoot()
          .getChildren()
          .map((block) => ($isHeadingNode(block) ? `heading:${block.getTag()}` : block.getType())),
      );
    for (const editor of [rejected, accepted]) {
      update(editor, () => {
        $caretIn('Taxes');
        expect($suggestBlocks('h3', person('Ed Editor'))).toBe('suggested');
      });
      expect(kinds(editor)).toEqual(['heading:h2', 'heading:h3', 'paragraph']);
      expect(list(editor)).toEqual([
        expect.objectContaining({
          author: 'Ed Editor',
          restyled: 'Taxes rise.',
          block: { from: 'paragraph', to: 'h3' },
        }),
      ]);
      const json = saved(editor);
      expect(isBody(json)).toBe(true);
      // Nothing only suggested is exported: the paragraph goes out as a paragraph.
      expect(readBody(readStoredBody(json).body).map((block) => block.kind)).toEqual([
        'heading',
        'paragraph',
        'paragraph',
      ]);
    }
    update(rejected, () => $settleSuggestions(() => true, false));
    update(accepted, () => $settleSuggestions(() => true, true));
    expect(kinds(rejected)).toEqual(['heading:h2', 'paragraph', 'paragraph']);
    expect(kinds(accepted)).toEqual(['heading:h2', 'heading:h3', 'paragraph']);
    for (const editor of [rejected, accepted]) {
      expect(list(editor)).toEqual([]);
      expect(reading(editor)).toEqual(['Budget day', 'Taxes rise.', 'Pensions go up.']);
    }
  });

  it('a suggested change of block changed again stays one suggestion; changed back, it is taken back', () => {
    const editor = story(['Budget day', 'Taxes rise.']);
    const ed = person('Ed Editor');
    update(editor, () => {
      $caretIn('Taxes');
      $suggestBlocks('h2', ed);
    });
    update(editor, () => {
      $suggestBlocks('quote', ed);
    });
    expect(list(editor)).toEqual([expect.objectContaining({ block: { from: 'paragraph', to: 'quote' } })]);
    update(editor, () => {
      $suggestBlocks('paragraph', ed);
    });
    expect(list(editor)).toEqual([]);
    expect(editor.getEditorState().read(() => $getRoot().getLastChild()?.getType())).toBe('paragraph');
  });

  describe('lists', () => {
    /** Each block of the story: a list as its type and items' words. */
    const shape = (editor: LexicalEditor) =>
      editor.getEditorState().read(() =>
        $getRoot()
          .getChildren()
          .map((block) =>
            $isListNode(block)
              ? `${block.getListType()}: ${block
                  .getChildren()
                  .map((item) => item.getTextContent())
                  .join(' | ')}`
              : `${block.getType()}: ${block.getTextContent()}`,
          ),
      );
    /** Selects from the start of the block that starts with `from` to the end of the one that starts with `to`. */
    function $selectBlocks(from: string, to: string): void {
      const texts = $getRoot().getAllTextNodes();
      const first = texts.find((text) => text.getTextContent().startsWith(from));
      const last = texts.find((text) => text.getTextContent().startsWith(to));
      if (first === undefined || last === undefined) throw new Error('words not found');
      const selection = $createRangeSelection();
      selection.anchor.set(first.getKey(), 0, 'text');
      selection.focus.set(last.getKey(), last.getTextContentSize(), 'text');
      $setSelection(selection);
    }
    /** The blocks as the exporters read them: a list as its items' words. */
    const exported = (editor: LexicalEditor) =>
      readBody(readStoredBody(saved(editor)).body).map((block) =>
        block.kind === 'list'
          ? `${block.ordered ? 'number' : 'bullet'}: ${block.items.map((item) => item.children.map((piece) => ('text' in piece ? piece.text : '')).join('')).join(' | ')}`
          : block.kind,
      );

    it('paragraphs made a list while suggesting are a list at once, one suggestion; rejected, they are paragraphs again', () => {
      const rejected = story(['Budget day', 'Taxes rise.', 'Pensions go up.', 'Fuel duty falls.']);
      const accepted = story(['Budget day', 'Taxes rise.', 'Pensions go up.', 'Fuel duty falls.']);
      for (const editor of [rejected, accepted]) {
        update(editor, () => {
          $selectBlocks('Taxes', 'Pensions');
          expect($suggestBlocks('bullet', person('Ed Editor'))).toBe('suggested');
        });
        expect(shape(editor)).toEqual([
          'heading: Budget day',
          'bullet: Taxes rise. | Pensions go up.',
          'paragraph: Fuel duty falls.',
        ]);
        expect(list(editor)).toEqual([
          expect.objectContaining({ author: 'Ed Editor', block: { from: 'paragraph', to: 'bullet' } }),
        ]);
        expect(isBody(saved(editor))).toBe(true);
        // Nothing only suggested is exported: the paragraphs go out as paragraphs.
        expect(exported(editor)).toEqual(['heading', 'paragraph', 'paragraph', 'paragraph']);
      }
      update(rejected, () => $settleSuggestions(() => true, false));
      update(accepted, () => $settleSuggestions(() => true, true));
      expect(shape(rejected)).toEqual([
        'heading: Budget day',
        'paragraph: Taxes rise.',
        'paragraph: Pensions go up.',
        'paragraph: Fuel duty falls.',
      ]);
      expect(shape(accepted)).toEqual([
        'heading: Budget day',
        'bullet: Taxes rise. | Pensions go up.',
        'paragraph: Fuel duty falls.',
      ]);
      expect(exported(accepted)).toEqual(['heading', 'bullet: Taxes rise. | Pensions go up.', 'paragraph']);
      expect(list(accepted)).toEqual([]);
    });

    it('an item taken out of a list while suggesting splits the list round it; the export and a rejection join it back', () => {
      const editor = story(['Budget day', 'Taxes rise.', 'Pensions go up.', 'Fuel duty falls.']);
      update(editor, () => {
        $selectBlocks('Taxes', 'Fuel');
        $suggestBlocks('number', person('Ed Editor'));
      });
      update(editor, () => $settleSuggestions(() => true, true));
      expect(shape(editor)).toEqual([
        'heading: Budget day',
        'number: Taxes rise. | Pensions go up. | Fuel duty falls.',
      ]);

      update(editor, () => {
        $selectBlocks('Pensions', 'Pensions');
        expect($suggestBlocks('paragraph', person('Rita Reporter'))).toBe('suggested');
      });
      expect(shape(editor)).toEqual([
        'heading: Budget day',
        'number: Taxes rise.',
        'paragraph: Pensions go up.',
        'number: Fuel duty falls.',
      ]);
      expect(list(editor)).toEqual([expect.objectContaining({ block: { from: 'number', to: 'paragraph' } })]);
      expect(exported(editor)).toEqual(['heading', 'number: Taxes rise. | Pensions go up. | Fuel duty falls.']);
      update(editor, () => $settleSuggestions(() => true, false));
      expect(shape(editor)).toEqual([
        'heading: Budget day',
        'number: Taxes rise. | Pensions go up. | Fuel duty falls.',
      ]);
    });

    it('a bulleted item made numbered is its own list at once; changed back, the suggestion is taken back and the list is one', () => {
      const editor = story(['Budget day', 'Taxes rise.', 'Pensions go up.']);
      update(editor, () => {
        $selectBlocks('Taxes', 'Pensions');
        $suggestBlocks('bullet', person('Ed Editor'));
      });
      update(editor, () => $settleSuggestions(() => true, true));
      const rita = person('Rita Reporter');
      update(editor, () => {
        $selectBlocks('Pensions', 'Pensions');
        $suggestBlocks('number', rita);
      });
      expect(shape(editor)).toEqual(['heading: Budget day', 'bullet: Taxes rise.', 'number: Pensions go up.']);
      expect(exported(editor)).toEqual(['heading', 'bullet: Taxes rise. | Pensions go up.']);
      update(editor, () => {
        $selectBlocks('Pensions', 'Pensions');
        $suggestBlocks('bullet', rita);
      });
      expect(list(editor)).toEqual([]);
      expect(shape(editor)).toEqual(['heading: Budget day', 'bullet: Taxes rise. | Pensions go up.']);
    });
  });
});
