import '../spelling/spelling.css';

import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $createRangeSelection,
  $getNearestNodeFromDOMNode,
  $isTextNode,
  $setSelection,
  COMMAND_PRIORITY_LOW,
  KEY_DOWN_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type JSX, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';

import { deskWordSet } from '../../../shared/spelling/deskWords';
import {
  dictionaryForLanguage,
  languageName,
  SPELLING_DICTIONARIES,
  type DictionaryId,
} from '../../../shared/spelling/spellingLanguage';
import { spellingForms } from '../../../shared/spelling/spellingWords';
import { useEditorHost } from '../EditorHost';
import { SPELLING_DELAY_MS, SpellingHighlights, type LocatedMisspelling } from '../spelling/SpellingHighlights';
import { spellingChecks } from '../spelling/spellingWorkerClient';
import { SHOW_EDITOR_MESSAGE_COMMAND } from './EditorMessagesPlugin';
import { $typeOver, useSuggesting, type SuggestingMode } from './SuggestionsPlugin';

/** The system's language, which decides between British and American spelling for a story in plain "en". */
function personsLanguage(): string {
  return typeof navigator === 'undefined' ? '' : navigator.language;
}

/** The dictionary for a story's language, or null when Copydesk has none for it. */
export function storyDictionary(language: string): DictionaryId | null {
  return dictionaryForLanguage(language, personsLanguage());
}

/** Words ignored in a story, for as long as the window is open. */
const IGNORED = new Map<string, Set<string>>();

function ignoredIn(storyId: string): Set<string> {
  let words = IGNORED.get(storyId);
  if (words === undefined) {
    words = new Set();
    IGNORED.set(storyId, words);
  }
  return words;
}

function caretPoint(): { node: Node; offset: number } | null {
  const selection = window.getSelection();
  const node = selection?.anchorNode ?? null;
  if (selection === null || node === null || !selection.isCollapsed) return null;
  return { node, offset: selection.anchorOffset };
}

/**
 * Puts `replacement` in place of a misspelled word, as typing it would (one step of undo, sent
 * to the others in a live story). False when the word changed since it was underlined.
 */
function replaceWord(
  editor: LexicalEditor,
  found: LocatedMisspelling,
  replacement: string,
  mode: SuggestingMode,
): boolean {
  if (found.range.toString() !== found.word) return false;
  let replaced = false;
  editor.update(() => {
    const start = $getNearestNodeFromDOMNode(found.range.startContainer);
    const end = $getNearestNodeFromDOMNode(found.range.endContainer);
    if (!$isTextNode(start) || !$isTextNode(end)) return;
    const selection = $createRangeSelection();
    selection.anchor.set(start.getKey(), found.range.startOffset, 'text');
    selection.focus.set(end.getKey(), found.range.endOffset, 'text');
    $setSelection(selection);
    $typeOver(replacement, mode);
    replaced = true;
  });
  return replaced;
}

/** The word the desk keeps for a misspelling: the name itself for a possessive ("Okafor’s" keeps "Okafor"). */
function deskWordOf(found: LocatedMisspelling): string {
  const forms = spellingForms(found.lookup);
  return forms.length > 1 ? found.word.slice(0, -2) : found.word;
}

type OpenMenu = { found: LocatedMisspelling; x: number; y: number; suggestions: string[] | null };

/**
 * Spelling, offline: misspelled words of the body are underlined (never written into the
 * document), with suggestions, "Add to the desk’s words" and "Ignore in this story" on a
 * right-click, or on Shift+F10 or the menu key at the caret; F7 goes to the next one. The dictionary follows the
 * story's language; a language without one is left alone (SpellingNote says so).
 */
export function SpellingPlugin({ language, storyId }: { language: string; storyId: string }): JSX.Element | null {
  const [editor] = useLexicalComposerContext();
  const host = useEditorHost();
  const suggesting = useSuggesting();
  const dictionary = storyDictionary(language);
  const [highlights] = useState(() => new SpellingHighlights(spellingChecks()));
  const [deskWords, setDeskWords] = useState<readonly string[]>([]);
  const [ignored, setIgnored] = useState<ReadonlySet<string>>(() => new Set(ignoredIn(storyId)));
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const deskSet = useMemo(() => deskWordSet(deskWords), [deskWords]);

  useEffect(() => {
    highlights.attach();
    return () => highlights.dispose();
  }, [highlights]);

  useEffect(() => {
    let current = true;
    host.deskWords().then(
      (words) => {
        if (current) setDeskWords(words);
      },
      // Without the desk's words, its names are underlined: spelling still works.
      () => undefined,
    );
    const stop = host.watchDeskWords(setDeskWords);
    return () => {
      current = false;
      stop();
    };
  }, [host]);

  useEffect(() => {
    spellingChecks().transport.learn([...deskSet]);
    highlights.setAccepted(deskSet, ignored);
  }, [highlights, deskSet, ignored]);

  useEffect(() => {
    highlights.setDictionary(dictionary);
    let timer: ReturnType<typeof setTimeout> | null = null;
    // Said once: every pause in typing tries again, and a message at each would be noise.
    let told = false;
    const scan = (caret: { node: Node; offset: number } | null) => {
      timer = null;
      void highlights.scan(caret).catch((error: unknown) => {
        if (told) return;
        told = true;
        editor.dispatchCommand(SHOW_EDITOR_MESSAGE_COMMAND, {
          tone: 'error',
          text: `Spelling is not checked: ${error instanceof Error ? error.message : String(error)}`,
        });
      });
    };
    const schedule = (delay: number, typing: boolean) => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => scan(typing ? caretPoint() : null), delay);
    };
    const onContextMenu = (event: MouseEvent) => {
      const found = highlights.misspellingAtPoint(event.clientX, event.clientY);
      if (found === null) return;
      event.preventDefault();
      setMenu({ found, x: event.clientX, y: event.clientY, suggestions: null });
    };
    schedule(0, false);
    const unregister = mergeRegister(
      editor.registerRootListener((root, previous) => {
        previous?.removeEventListener('contextmenu', onContextMenu);
        root?.addEventListener('contextmenu', onContextMenu);
        highlights.setRoot(root);
        schedule(0, false);
      }),
      editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) highlights.caretMoved(caretPoint());
        else schedule(SPELLING_DELAY_MS, true);
      }),
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
          const atCaret = event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey && plain);
          const next = event.key === 'F7' && !event.shiftKey && plain;
          if ((!atCaret && !next) || dictionary === null) return false;
          const caret = caretPoint();
          const found = next
            ? highlights.misspellingAfter(caret)
            : caret === null
              ? null
              : highlights.misspellingAt(caret);
          if (found === null) {
            if (!next) return false;
            editor.dispatchCommand(SHOW_EDITOR_MESSAGE_COMMAND, { tone: 'info', text: 'No misspelled words.' });
            event.preventDefault();
            return true;
          }
          event.preventDefault();
          // The caret goes to the word, where it is when the menu closes.
          if (next) window.getSelection()?.collapse(found.range.startContainer, found.range.startOffset);
          found.range.startContainer.parentElement?.scrollIntoView({ block: 'nearest' });
          const box = found.range.getBoundingClientRect();
          setMenu({ found, x: box.left, y: box.bottom + 4, suggestions: null });
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
    return () => {
      unregister();
      editor.getRootElement()?.removeEventListener('contextmenu', onContextMenu);
      if (timer !== null) clearTimeout(timer);
    };
  }, [editor, highlights, dictionary]);

  // The suggestions come from the worker, a moment after the menu opens.
  const word = menu?.found.word;
  useEffect(() => {
    if (word === undefined || dictionary === null) return undefined;
    let current = true;
    spellingChecks()
      .transport.suggest(dictionary, word)
      .then(
        (suggestions) => {
          if (current) setMenu((open) => (open?.found.word === word ? { ...open, suggestions } : open));
        },
        () => {
          if (current) setMenu((open) => (open?.found.word === word ? { ...open, suggestions: [] } : open));
        },
      );
    return () => {
      current = false;
    };
  }, [word, dictionary]);

  if (menu === null || dictionary === null) return null;

  const close = () => {
    setMenu(null);
    editor.focus();
  };
  const addToDesk = (found: LocatedMisspelling) => {
    const kept = deskWordOf(found);
    setDeskWords((words) => [...words, kept]);
    host.addDeskWord(kept).then(setDeskWords, (error: unknown) => {
      setDeskWords((words) => words.filter((candidate) => candidate !== kept));
      editor.dispatchCommand(SHOW_EDITOR_MESSAGE_COMMAND, {
        tone: 'error',
        text: `“${kept}” was not added to the desk’s words: ${error instanceof Error ? error.message : String(error)}`,
      });
    });
  };

  return createPortal(
    <SpellingMenu
      menu={menu}
      dictionaryName={SPELLING_DICTIONARIES[dictionary]}
      onReplace={(replacement) => {
        setMenu(null);
        if (!replaceWord(editor, menu.found, replacement, suggesting)) editor.focus();
      }}
      onAddToDesk={() => {
        addToDesk(menu.found);
        close();
      }}
      onIgnore={() => {
        ignoredIn(storyId).add(menu.found.lookup);
        setIgnored(new Set(ignoredIn(storyId)));
        close();
      }}
      onClose={close}
    />,
    document.body,
  );
}

/** The menu of a misspelled word: its suggestions, then what else can be done with it. */
function SpellingMenu({
  menu,
  dictionaryName,
  onReplace,
  onAddToDesk,
  onIgnore,
  onClose,
}: {
  menu: OpenMenu;
  dictionaryName: string;
  onReplace: (replacement: string) => void;
  onAddToDesk: () => void;
  onIgnore: () => void;
  onClose: () => void;
}): JSX.Element {
  const list = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState({ left: menu.x, top: menu.y });
  const loaded = menu.suggestions !== null;

  // Kept inside the window, and the first choice focused once the suggestions are in.
  useLayoutEffect(() => {
    const element = list.current;
    if (element === null) return;
    const box = element.getBoundingClientRect();
    setPlace({
      left: Math.max(8, Math.min(menu.x, window.innerWidth - box.width - 8)),
      top: menu.y + box.height + 8 > window.innerHeight ? Math.max(8, menu.y - box.height - 4) : menu.y,
    });
    const items = element.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])');
    if (loaded) items[0]?.focus();
    else if (!element.contains(document.activeElement)) element.focus();
  }, [menu.x, menu.y, loaded]);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && list.current?.contains(event.target) !== true) onClose();
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [
      ...(list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? []),
    ];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const focus = (index: number) => items[(index + items.length) % items.length]?.focus();
    switch (event.key) {
      case 'Escape':
      case 'Tab':
        event.preventDefault();
        onClose();
        return;
      case 'ArrowDown':
        event.preventDefault();
        focus(at + 1);
        return;
      case 'ArrowUp':
        event.preventDefault();
        focus(at < 0 ? -1 : at - 1);
        return;
      case 'Home':
        event.preventDefault();
        focus(0);
        return;
      case 'End':
        event.preventDefault();
        focus(-1);
        return;
      default:
        return;
    }
  };

  return (
    <div
      ref={list}
      className="spelling-menu"
      role="menu"
      aria-label={`Spelling of “${menu.found.word}”`}
      aria-busy={!loaded}
      tabIndex={-1}
      style={{ left: place.left, top: place.top }}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
    >
      <p className="spelling-menu__heading" aria-hidden="true">
        “{menu.found.word}” is not in the {dictionaryName} dictionary
      </p>
      {menu.suggestions === null ? (
        <div className="spelling-menu__note" role="menuitem" aria-disabled="true">
          Finding suggestions…
        </div>
      ) : menu.suggestions.length === 0 ? (
        <div className="spelling-menu__note" role="menuitem" aria-disabled="true">
          No suggestions
        </div>
      ) : (
        menu.suggestions.map((suggestion) => (
          <button
            key={suggestion}
            type="button"
            role="menuitem"
            className="spelling-menu__item spelling-menu__item--suggestion"
            tabIndex={-1}
            onClick={() => onReplace(suggestion)}
          >
            {suggestion}
          </button>
        ))
      )}
      <div className="spelling-menu__separator" role="separator" />
      <button type="button" role="menuitem" className="spelling-menu__item" tabIndex={-1} onClick={onAddToDesk}>
        Add to the desk’s words
      </button>
      <button type="button" role="menuitem" className="spelling-menu__item" tabIndex={-1} onClick={onIgnore}>
        Ignore in this story
      </button>
    </div>
  );
}

/** A quiet note for the status bar when the story's language has no spelling dictionary. */
export function SpellingNote({ language }: { language: string }): JSX.Element | null {
  if (storyDictionary(language) !== null) return null;
  return (
    <p className="status-bar__item spelling-note" title="Spelling is checked in English (UK and US).">
      No spelling dictionary for {languageName(language)}
    </p>
  );
}
