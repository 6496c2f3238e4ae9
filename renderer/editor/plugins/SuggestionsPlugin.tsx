import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getNodeByKey,
  $onUpdate,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_CRITICAL,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_NORMAL,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  createCommand,
  CUT_COMMAND,
  DELETE_CHARACTER_COMMAND,
  DELETE_LINE_COMMAND,
  DELETE_WORD_COMMAND,
  DROP_COMMAND,
  FORMAT_TEXT_COMMAND,
  INSERT_LINE_BREAK_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  KEY_BACKSPACE_COMMAND,
  KEY_DELETE_COMMAND,
  KEY_DOWN_COMMAND,
  PASTE_COMMAND,
  REMOVE_TEXT_COMMAND,
  type LexicalCommand,
  type LexicalEditor,
  type PasteCommandType,
} from 'lexical';
import { createContext, useContext, useEffect, useState, type JSX } from 'react';

import type { SuggestionFields } from '../../../shared/body/lexical/SuggestionNode';
import type { BlockKind } from '../../../shared/body/bodySchema';
import { setSuggestingAs, SuggestionNode } from '../../../shared/body/lexical/SuggestionNode';
import { FORMAT_WORDS, isTextFormatName } from '../../../shared/body/textFormat';
import { $suggestBlocks, type BlockChangeOutcome } from '../moveBlocks';
import { personColour as personColourOf } from '../../../shared/people';
import { plural } from '../../../shared/plural';
import { joinNames } from '../../../shared/text';
import { isSuggestingShortcut } from '../shortcuts';
import {
  $listSuggestions,
  $settleSuggestions,
  $blockKindOf,
  $suggestionAtSelection,
  $suggestionWords,
  $suggestFormat,
  $suggestParagraph,
  $suggestRemoval,
  $suggestWords,
  $takeBackOwnParagraph,
  $typingOnOwnAddition,
  type Suggester,
  type SuggestionSummary,
} from '../suggestions';
import { SHOW_EDITOR_MESSAGE_COMMAND } from './EditorMessagesPlugin';

/** Whether typing suggests changes instead of making them, and a way to switch. */
export type SuggestingMode = { suggesting: boolean; setSuggesting: (on: boolean) => void; author: string };

export const SuggestingContext = createContext<SuggestingMode>({
  suggesting: false,
  setSuggesting: () => undefined,
  author: '',
});

export function useSuggesting(): SuggestingMode {
  return useContext(SuggestingContext);
}

/** Which suggestions to settle: one by id, all of one person's, or all. */
export type SuggestionChoice = { id: string } | { author: string } | { all: true };

/** Accepts (`accept` true) or rejects the suggestions chosen. */
export const SETTLE_SUGGESTIONS_COMMAND: LexicalCommand<{ which: SuggestionChoice; accept: boolean }> =
  createCommand('SETTLE_SUGGESTIONS_COMMAND');

/** Puts the caret on a suggestion (by id) and brings it into view. */
export const GO_TO_SUGGESTION_COMMAND: LexicalCommand<string> = createCommand('GO_TO_SUGGESTION_COMMAND');

/** What was settled, as a version in History is named: "Accepted Ed Editor’s suggestion: Add “sharply”". */
export function settledLabel(items: readonly SuggestionSummary[], accept: boolean): string {
  const verb = accept ? 'Accepted' : 'Rejected';
  const authors = [...new Set(items.map((item) => (item.author === '' ? 'someone unnamed' : item.author)))];
  const first = items[0];
  if (items.length === 1 && first !== undefined)
    return `${verb} ${authors[0] ?? ''}’s suggestion: ${suggestionWords(first)}`;
  return `${verb} ${plural(items.length, 'suggestion')} by ${joinNames(authors)}`;
}

/** Each kind of block, as a sentence names it: "a heading", "a quotation". */
export const BLOCK_WORDS: { readonly [K in BlockKind]: string } = {
  paragraph: 'a paragraph',
  quote: 'a quotation',
  h1: 'a heading',
  h2: 'a heading',
  h3: 'a subheading',
  h4: 'a minor heading',
  h5: 'a minor heading',
  h6: 'a minor heading',
  bullet: 'a bulleted list item',
  number: 'a numbered list item',
};

/** What a change of format does, in words: "Make “…” bold", "Make “…” no longer italic". */
function formatWords(words: string, change: NonNullable<SuggestionSummary['change']>): string {
  return `Make “${excerpt(words)}” ${change.on ? '' : 'no longer '}${FORMAT_WORDS[change.format]}`;
}

/** What a suggestion does, in words: "Add “…”", "Take out “…”", "Replace “…” with “…”", "Make “…” bold", "Move “…”". */
export function suggestionWords(
  item: Pick<SuggestionSummary, 'inserted' | 'deleted'> &
    Partial<Pick<SuggestionSummary, 'restyled' | 'change' | 'moved' | 'newParagraph' | 'block'>>,
): string {
  if (item.block != null) return `Make “${excerpt(item.restyled ?? '')}” ${BLOCK_WORDS[item.block.to]}`;
  if (item.change != null) return formatWords(item.restyled ?? '', item.change);
  if (item.moved === true) return `Move “${excerpt(item.inserted)}”`;
  if (item.newParagraph != null) {
    return item.newParagraph === '' ? 'New paragraph' : `New paragraph at “${excerpt(item.newParagraph, 40)}”`;
  }
  if (item.inserted !== '' && item.deleted !== '') {
    return `Replace “${excerpt(item.deleted, 40)}” with “${excerpt(item.inserted, 40)}”`;
  }
  if (item.inserted !== '') return `Add “${excerpt(item.inserted)}”`;
  return `Take out “${excerpt(item.deleted)}”`;
}

const matches =
  (which: SuggestionChoice) =>
  (fields: Pick<SuggestionFields, 'id' | 'author'>): boolean => {
    if ('id' in which) return fields.id === which.id;
    if ('author' in which) return fields.author === which.author;
    return true;
  };

/** Who suggests here: the person's name, the time now, a new id. */
export function suggester(author: string): Suggester {
  return {
    author,
    now: () => new Date().toISOString(),
    newId: () => crypto.randomUUID(),
  };
}

/**
 * Puts `words` in place of the selection (a spelling correction, a replacement from the find
 * bar): suggested when suggesting, as typing them would be otherwise.
 */
export function $typeOver(words: string, mode: SuggestingMode): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  if (!mode.suggesting) selection.insertText(words);
  else if (words !== '') $suggestWords(words, suggester(mode.author));
  else if (!selection.isCollapsed()) $suggestRemoval(selection, suggester(mode.author), 'end');
}

const say = (editor: LexicalEditor, text: string) =>
  editor.dispatchCommand(SHOW_EDITOR_MESSAGE_COMMAND, { text, tone: 'info' });

/** Says that `what` (a sentence ending in a full stop) is not suggested, and how to make the change. */
export function refuseWhileSuggesting(editor: LexicalEditor, what: string): void {
  say(editor, `Suggesting: ${what} Switch Suggesting off (Ctrl+Shift+E) to make the change yourself.`);
}

/** Suggests the change of block (paragraph, heading, quotation, list item), or says why it is not suggested. */
export function suggestBlock(editor: LexicalEditor, target: BlockKind, author: string): void {
  const why: Partial<Record<BlockChangeOutcome, string>> = {
    'not-words': 'only paragraphs, headings, quotations and list items change as a suggestion.',
    empty: 'an empty paragraph has no words to suggest a change for.',
    'holds-suggestions': 'this paragraph holds suggestions; accept or reject them before suggesting a change of it.',
  };
  // Run inside the keyboard's own update when a shortcut asks: what is said waits for it to end.
  editor.update(() => {
    const said = why[$suggestBlocks(target, suggester(author))];
    if (said !== undefined) $onUpdate(() => refuseWhileSuggesting(editor, said));
  });
}

/** Removal by key: the selection is extended by a character, a word or to the line's edge first when it is a caret. */
function suggestRemovalFrom(
  editor: LexicalEditor,
  who: Suggester,
  isBackward: boolean,
  unit: 'character' | 'word' | 'lineboundary',
): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return false;
  // One's own suggested new paragraph, beside the caret, is simply taken back.
  if (unit === 'character' && $takeBackOwnParagraph(who.author, isBackward)) return true;
  if (selection.isCollapsed()) selection.modify('extend', isBackward, unit);
  const outcome = $suggestRemoval(selection, who, isBackward ? 'start' : 'end');
  // Said only when something was left as it is: a picture, or a break between paragraphs with no words in reach.
  if (outcome.leftOut || outcome.words === 0) {
    say(
      editor,
      'Suggesting: pictures, rules and the breaks between paragraphs are not suggested for removal. Switch Suggesting off to remove them.',
    );
  }
  return true;
}

/**
 * Suggesting mode (typing suggests words, deleting suggests removals) and settling
 * suggestions; tells `onSuggestions` the suggestions in the text as they change.
 */
export function SuggestionsPlugin({
  onSuggestions,
  onSettled,
}: {
  onSuggestions?: ((list: SuggestionSummary[]) => void) | undefined;
  /** Told, once the text has changed, what was accepted or rejected: a version's name for History. */
  onSettled?: ((label: string) => void) | undefined;
}): null {
  const [editor] = useLexicalComposerContext();
  const { suggesting, setSuggesting, author } = useSuggesting();

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          SETTLE_SUGGESTIONS_COMMAND,
          ({ which, accept }) => {
            // Command listeners run inside an update: the text is read and changed here, and the
            // version is kept once the change is committed.
            const chosen = $listSuggestions().filter((item) => matches(which)(item));
            if (chosen.length === 0) return true;
            $settleSuggestions(matches(which), accept);
            const label = settledLabel(chosen, accept);
            $onUpdate(() => onSettled?.(label));
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          GO_TO_SUGGESTION_COMMAND,
          (id) => {
            const first = $listSuggestions().find((item) => item.id === id);
            const node = first === undefined ? null : $getNodeByKey(first.key);
            if (!(node instanceof SuggestionNode)) return true;
            node.selectStart();
            const key = node.getKey();
            $onUpdate(() => editor.getElementByKey(key)?.scrollIntoView({ block: 'center' }));
            editor.focus();
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event) => {
            if (!isSuggestingShortcut(event)) return false;
            event.preventDefault();
            setSuggesting(!suggesting);
            return true;
          },
          COMMAND_PRIORITY_NORMAL,
        ),
      ),
    [editor, suggesting, setSuggesting, onSettled],
  );

  // The list of suggestions, told when the text changes (a moment after, not on every keystroke).
  useEffect(() => {
    if (onSuggestions === undefined) return;
    let count = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let told: string | null = null;
    const tell = () => {
      timer = undefined;
      // Told only when the list changed: typing elsewhere in the story redraws nothing.
      const list = count === 0 ? [] : editor.read($listSuggestions);
      const key = JSON.stringify(list);
      if (key === told) return;
      told = key;
      onSuggestions(list);
    };
    const unregister = mergeRegister(
      editor.registerMutationListener(
        SuggestionNode,
        (mutations) => {
          for (const mutation of mutations.values()) {
            if (mutation === 'created') count += 1;
            if (mutation === 'destroyed') count -= 1;
          }
        },
        { skipInitialization: false },
      ),
      editor.registerUpdateListener(({ dirtyLeaves, dirtyElements }) => {
        if (dirtyLeaves.size === 0 && dirtyElements.size === 0) return;
        if (timer !== undefined) clearTimeout(timer);
        timer = setTimeout(tell, 200);
      }),
    );
    // What the text holds already (a story opened with suggestions in it).
    tell();
    return () => {
      unregister();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [editor, onSuggestions]);

  useEffect(() => {
    if (!suggesting) return;
    setSuggestingAs(editor, author);
    const who = suggester(author);
    const refuse = (what: string) => () => {
      refuseWhileSuggesting(editor, what);
      return true;
    };
    const suggestWords = (words: string) => {
      editor.update(() => {
        $suggestWords(words, who);
      });
    };
    const onBeforeInput = (event: InputEvent) => {
      if (event.inputType !== 'insertText' && event.inputType !== 'insertReplacementText') return;
      const words = event.data ?? event.dataTransfer?.getData('text/plain') ?? '';
      if (words === '' || event.isComposing) return;
      // Typing on in one's own addition is left to Lexical, which lets the browser type the letters.
      if (event.inputType === 'insertText' && !words.includes('\n') && editor.read(() => $typingOnOwnAddition(author)))
        return;
      event.preventDefault();
      event.stopImmediatePropagation();
      suggestWords(words);
    };
    const unregisterRoot = editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('beforeinput', onBeforeInput, true);
      root?.addEventListener('beforeinput', onBeforeInput, true);
    });
    return mergeRegister(
      () => setSuggestingAs(editor, null),
      () => {
        unregisterRoot();
        editor.getRootElement()?.removeEventListener('beforeinput', onBeforeInput, true);
      },
      editor.registerCommand(
        CONTROLLED_TEXT_INSERTION_COMMAND,
        (payload) => {
          const words = typeof payload === 'string' ? payload : (payload.data ?? '');
          if (words !== '') $suggestWords(words, who);
          return true;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        KEY_BACKSPACE_COMMAND,
        (event) => {
          event.preventDefault();
          return suggestRemovalFrom(editor, who, true, 'character');
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        KEY_DELETE_COMMAND,
        (event) => {
          event.preventDefault();
          return suggestRemovalFrom(editor, who, false, 'character');
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        DELETE_CHARACTER_COMMAND,
        (isBackward) => suggestRemovalFrom(editor, who, isBackward, 'character'),
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        DELETE_WORD_COMMAND,
        (isBackward) => suggestRemovalFrom(editor, who, isBackward, 'word'),
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        DELETE_LINE_COMMAND,
        (isBackward) => suggestRemovalFrom(editor, who, isBackward, 'lineboundary'),
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        REMOVE_TEXT_COMMAND,
        () => suggestRemovalFrom(editor, who, true, 'character'),
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        INSERT_LINE_BREAK_COMMAND,
        () => {
          $suggestWords('\n', who);
          return true;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        PASTE_COMMAND,
        (event: PasteCommandType) => {
          const words = 'clipboardData' in event ? (event.clipboardData?.getData('text/plain') ?? '') : '';
          event.preventDefault();
          if (words.trim() === '') return true;
          if (/\n\s*\n/u.test(words)) {
            say(
              editor,
              'Suggesting: pasted paragraphs are suggested as one paragraph with line breaks. Switch Suggesting off to paste them as paragraphs.',
            );
          }
          editor.update(() => $suggestWords(words.replace(/\r\n?/gu, '\n').replace(/\n{2,}/gu, '\n'), who));
          return true;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        CUT_COMMAND,
        (event) => {
          // The words go to the clipboard as a copy would take them; in the text they are suggested for removal.
          const selection = editor.read(() => {
            const current = $getSelection();
            return $isRangeSelection(current) ? current.getTextContent() : '';
          });
          if (event instanceof ClipboardEvent && event.clipboardData !== null) {
            event.preventDefault();
            event.clipboardData.setData('text/plain', selection);
          }
          editor.update(() => {
            const current = $getSelection();
            if ($isRangeSelection(current) && !current.isCollapsed()) $suggestRemoval(current, who, 'start');
          });
          return true;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        INSERT_PARAGRAPH_COMMAND,
        () =>
          $suggestParagraph(who) ||
          refuse('a new paragraph inside a claim’s words, a link or another suggestion is not suggested.')(),
        COMMAND_PRIORITY_CRITICAL,
      ),
      editor.registerCommand(
        FORMAT_TEXT_COMMAND,
        (format) => {
          const selection = $getSelection();
          // At a caret the format is that of the words typed next, which are suggested themselves.
          if (!$isRangeSelection(selection) || selection.isCollapsed()) return false;
          if (!isTextFormatName(format)) return refuse('this format is not suggested.')();
          return $suggestFormat(selection, format, who);
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
      ...(
        [
          [INSERT_UNORDERED_LIST_COMMAND, 'bullet'],
          [INSERT_ORDERED_LIST_COMMAND, 'number'],
          [REMOVE_LIST_COMMAND, 'paragraph'],
        ] as const
      ).map(([command, kind]) =>
        editor.registerCommand(
          command,
          () => {
            suggestBlock(editor, kind, author);
            return true;
          },
          COMMAND_PRIORITY_CRITICAL,
        ),
      ),
      editor.registerCommand(DROP_COMMAND, refuse('dropped words are not suggested.'), COMMAND_PRIORITY_CRITICAL),
    );
  }, [editor, suggesting, author]);

  return null;
}

/** The suggestion at the caret as the bar shows it: its fields, its words, and the block they are in. */
type BarSuggestion = SuggestionFields & { words: string; block: BlockKind | null };

/** How long typing pauses before the suggestion bar shows the words typed. */
const BAR_PAUSE_MS = 300;

/** The suggestion the caret is in, with what it does and who made it, and Accept and Reject. */
export function SuggestionBar(): JSX.Element | null {
  const [editor] = useLexicalComposerContext();
  const [current, setCurrent] = useState<BarSuggestion | null>(null);
  useEffect(() => {
    let shown: BarSuggestion | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const show = (next: typeof shown) => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      shown = next;
      setCurrent(next);
    };
    const unregister = editor.registerUpdateListener(({ editorState }) => {
      const next = editorState.read(() => {
        const node = $suggestionAtSelection();
        return node === null
          ? null
          : { ...node.getFields(), words: $suggestionWords(node), block: $blockKindOf(node.getParent()) };
      });
      if (shown?.id !== next?.id || shown?.kind !== next?.kind) show(next);
      // Words typed on in the same suggestion are shown once typing pauses: redrawing the bar on
      // each key would have React read the caret's place across the whole story each time.
      else if (shown?.words !== next?.words) {
        if (timer !== undefined) clearTimeout(timer);
        timer = setTimeout(() => show(next), BAR_PAUSE_MS);
      }
    });
    return () => {
      unregister();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [editor]);
  if (current === null) return null;
  const settle = (accept: boolean) => {
    editor.dispatchCommand(SETTLE_SUGGESTIONS_COMMAND, { which: { id: current.id }, accept });
    editor.focus();
  };
  const what =
    current.was !== undefined && current.block !== null
      ? `making “${excerpt(current.words)}” ${BLOCK_WORDS[current.block]}`
      : current.kind === 'format' && current.change !== undefined
        ? `making “${excerpt(current.words)}” ${current.on === false ? 'no longer ' : ''}${FORMAT_WORDS[current.change]}`
        : current.split === true
          ? 'a new paragraph here'
          : current.moved === true
            ? `moving “${excerpt(current.words)}” ${current.kind === 'insert' ? 'here' : 'from here'}`
            : `${current.kind === 'insert' ? 'adding' : 'taking out'} “${excerpt(current.words)}”`;
  return (
    <div className="suggestion-bar" role="group" aria-label="Suggestion at the caret">
      <span className="suggestion-bar__who" style={{ ['--person' as string]: personColourOf(current.author) }}>
        {current.author === '' ? 'Someone unnamed' : current.author}
      </span>{' '}
      suggests {what}
      {current.at === '' ? null : <span className="suggestion-bar__when"> · {whenText(current.at)}</span>}
      <button type="button" className="button button--small" onClick={() => settle(true)}>
        Accept
      </button>
      <button type="button" className="button button--small" onClick={() => settle(false)}>
        Reject
      </button>
    </div>
  );
}

/** Words shown in a sentence: their first 60 characters. */
export function excerpt(words: string, max = 60): string {
  const flat = words.replace(/\s+/gu, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

// Made once: a formatter is slow to make, and a list of suggestions asks for hundreds of times.
const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });

/** When a suggestion was made, as a person reads it: the time today, or the day and time. */
export function whenText(iso: string, now = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const time = TIME.format(at);
  if (at.toDateString() === now.toDateString()) return time;
  return `${DAY.format(at)}, ${time}`;
}
