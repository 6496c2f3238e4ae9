import './findReplace.css';

import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_LOW,
  createCommand,
  HISTORY_PUSH_TAG,
  KEY_ESCAPE_COMMAND,
  SKIP_DOM_SELECTION_TAG,
  SKIP_SCROLL_INTO_VIEW_TAG,
  type EditorUpdateOptions,
  type LexicalCommand,
} from 'lexical';
import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type JSX,
  type KeyboardEvent as ReactKeyboardEvent,
  type RefObject,
} from 'react';

import { Icon } from '../../components/Icon';
import { IS_APPLE } from '../../components/keys';
import {
  $bodyOffsetOf,
  $findInBody,
  $placeCaret,
  $readBodyText,
  $replaceAllInBody,
  $replaceMatch,
  $selectMatch,
  type BodyMatch,
} from '../findInBody';
import type { FindOptions } from '../findMatches';
import { FindHighlights, revealMatch } from './findHighlights';
import { $typeOver, useSuggesting } from './SuggestionsPlugin';

/** The find bar alone (Ctrl+F), or with its replace field (Ctrl+H). */
export type FindMode = 'find' | 'replace';

/** Opens the find bar on the story's body, taking the selected words as what to find. */
export const OPEN_FIND_COMMAND: LexicalCommand<FindMode> = createCommand('OPEN_FIND_COMMAND');

/** How long typing in the find field must pause before the body is searched again. */
export const FIND_DELAY_MS = 60;
/** How long typing in the body must pause before its matches are found again. */
export const FIND_AFTER_EDIT_MS = 250;

/** Selected words longer than this are not taken as what to find. */
const LONGEST_SEED = 200;

type Keys = Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'key' | 'code'>;

/** Ctrl+F (⌘F): find in the story. */
export function isFindShortcut(event: Keys): boolean {
  const mod = IS_APPLE ? event.metaKey : event.ctrlKey;
  return mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'f';
}

/** Ctrl+H; ⌘⌥F on Apple keyboards, where ⌘H hides the application. */
export function isReplaceShortcut(event: Keys): boolean {
  if (IS_APPLE) return event.metaKey && event.altKey && !event.shiftKey && event.code === 'KeyF';
  return event.ctrlKey && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'h';
}

/** What the find bar tells of the search: "3 of 12", or "No matches". */
function countText(query: string, count: number, current: number): string {
  if (query === '') return '';
  return count === 0 ? 'No matches' : `${current + 1} of ${count}`;
}

/** Where a search starts, and what it starts with: the caret and the words selected when the bar opens. */
type SearchStart = { origin: number | null; seed: string };

function $startOfSearch(): SearchStart {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return { origin: null, seed: '' };
  const start = selection.isBackward() ? selection.focus : selection.anchor;
  const origin = start.type === 'text' ? $bodyOffsetOf($readBodyText(), start.key, start.offset) : null;
  const words = selection.isCollapsed() ? '' : selection.getTextContent();
  return { origin, seed: words.length <= LONGEST_SEED && !/[\n\r]/.test(words) ? words : '' };
}

/** An edit made from the find bar: its own step of undo, leaving focus and the view where they are. */
const FIND_EDIT: EditorUpdateOptions = {
  discrete: true,
  tag: [HISTORY_PUSH_TAG, SKIP_DOM_SELECTION_TAG, SKIP_SCROLL_INTO_VIEW_TAG],
};

type Opening = { mode: FindMode; serial: number };
type Result = { count: number; current: number };

/**
 * Find and replace in the story's body: a bar under the toolbar (Ctrl+F, Ctrl+H), the matches
 * painted over the page as the query is typed, replace one or all. Replacing works inside the
 * text nodes (findInBody), so claim marks and links keep their place around the new words;
 * each replacement, and a whole Replace all, is one step of undo. Edits go through the
 * editor's ordinary updates, so in a live story they reach the others as typing does.
 */
export function FindReplacePlugin(): JSX.Element | null {
  const [editor] = useLexicalComposerContext();
  const suggesting = useSuggesting();
  const [opening, setOpening] = useState<Opening | null>(null);
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [options, setOptions] = useState<FindOptions>({ matchCase: false, wholeWords: false });
  const [showReplace, setShowReplace] = useState(false);
  const [result, setResult] = useState<Result>({ count: 0, current: -1 });
  const [notice, setNotice] = useState<string | null>(null);
  const [editable, setEditable] = useState(() => editor.isEditable());

  const matches = useRef<BodyMatch[]>([]);
  const current = useRef(-1);
  /** Where in the body's text the search starts: the caret when the bar opened, then the match moved to. */
  const origin = useRef(0);
  const openings = useRef(0);
  const highlights = useRef<FindHighlights | null>(null);
  const bar = useRef<HTMLDivElement>(null);
  const latest = useRef({ query, options });
  useLayoutEffect(() => {
    latest.current = { query, options };
  });

  const open = useCallback((mode: FindMode, start: SearchStart) => {
    openings.current += 1;
    if (start.origin !== null) origin.current = start.origin;
    if (start.seed.trim() !== '') setQuery(start.seed);
    if (mode === 'replace') setShowReplace(true);
    setNotice(null);
    setOpening({ mode, serial: openings.current });
  }, []);

  const close = useCallback(
    (toText: boolean) => {
      setOpening(null);
      if (!toText) return;
      // Back in the text, on the match the person had reached, as a browser's find leaves it.
      const match = matches.current[current.current];
      if (match !== undefined) editor.update(() => void $selectMatch(match));
      editor.focus();
    },
    [editor],
  );

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          OPEN_FIND_COMMAND,
          (mode) => {
            open(mode, $startOfSearch());
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerEditableListener(setEditable),
      ),
    [editor, open],
  );

  // The shortcuts work anywhere in the editor's pane: the text, its header, the toolbar, the bar itself.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const mode = isFindShortcut(event) ? 'find' : isReplaceShortcut(event) ? 'replace' : null;
      if (mode === null) return;
      const root = editor.getRootElement();
      const pane = root?.closest('main') ?? root?.parentElement ?? null;
      if (pane === null || !(event.target instanceof Node) || !pane.contains(event.target)) return;
      event.preventDefault();
      // From the bar itself the search carries on where it is; from anywhere else, it starts at the caret.
      const fromBar = bar.current?.contains(event.target) === true;
      open(mode, fromBar ? { origin: null, seed: '' } : editor.read($startOfSearch));
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [editor, open]);

  const isOpen = opening !== null;

  const search = useCallback(
    (reveal: boolean) => {
      const { query: words, options: how } = latest.current;
      const found = words === '' ? [] : editor.read(() => $findInBody(words, how));
      const next =
        found.length === 0
          ? -1
          : Math.max(
              0,
              found.findIndex((match) => match.start >= origin.current),
            );
      matches.current = found;
      current.current = next;
      highlights.current?.paint(found, next);
      setResult({ count: found.length, current: next });
      const match = found[next];
      if (reveal && match !== undefined) revealMatch(editor, match, editorBarOf(bar.current));
    },
    [editor],
  );

  // While the bar is open: its highlights, and the matches found again when typing pauses.
  useEffect(() => {
    if (!isOpen) return undefined;
    const painted = new FindHighlights(editor);
    highlights.current = painted;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unregister = mergeRegister(
      editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
        if (timer !== null) clearTimeout(timer);
        timer = setTimeout(() => {
          timer = null;
          search(false);
        }, FIND_AFTER_EDIT_MS);
      }),
      editor.registerCommand(
        KEY_ESCAPE_COMMAND,
        () => {
          close(false);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
    return () => {
      unregister();
      if (timer !== null) clearTimeout(timer);
      painted.dispose();
      highlights.current = null;
    };
  }, [editor, isOpen, search, close]);

  // A new query, option, or opening: found again as soon as typing in the field pauses.
  const serial = opening?.serial;
  useEffect(() => {
    if (serial === undefined) return undefined;
    const timer = setTimeout(() => search(true), FIND_DELAY_MS);
    return () => clearTimeout(timer);
  }, [serial, query, options, search]);

  const go = (step: 1 | -1) => {
    const found = matches.current;
    if (found.length === 0) return;
    const next = (current.current + step + found.length) % found.length;
    const match = found[next];
    if (match === undefined) return;
    current.current = next;
    origin.current = match.start;
    highlights.current?.move(next);
    setNotice(null);
    setResult({ count: found.length, current: next });
    revealMatch(editor, match, editorBarOf(bar.current));
  };

  const replaceOne = () => {
    const target = matches.current[current.current];
    if (target === undefined || !editor.isEditable()) return;
    const { query: words, options: how } = latest.current;
    editor.update(() => {
      // Found again inside the edit, so it acts on the text as it is now.
      const fresh = $findInBody(words, how);
      const match = fresh.find((candidate) => candidate.start >= target.start) ?? fresh[0];
      if (match === undefined) return;
      if (suggesting.suggesting) {
        // Suggested, as typing over the words would be: the words found stay, struck through.
        if ($selectMatch(match)) $typeOver(replacement, suggesting);
      } else {
        const done = $replaceMatch(match, replacement);
        if (done === null) return;
        if (done.caret !== null) $placeCaret(done.caret);
      }
      // The next match is after the new words, even when they hold what is searched for.
      origin.current = match.start + replacement.length;
    }, FIND_EDIT);
    setNotice(null);
    search(true);
  };

  const replaceAll = () => {
    if (matches.current.length === 0 || !editor.isEditable()) return;
    const { query: words, options: how } = latest.current;
    let replaced = 0;
    editor.update(() => {
      if (!suggesting.suggesting) {
        replaced = $replaceAllInBody(words, how, replacement);
        return;
      }
      // Last to first, so the places of the matches before each are not moved.
      for (const match of [...$findInBody(words, how)].reverse()) {
        if (!$selectMatch(match)) continue;
        $typeOver(replacement, suggesting);
        replaced += 1;
      }
    }, FIND_EDIT);
    search(false);
    setNotice(`${replaced} replaced`);
  };

  if (opening === null) return null;
  const actions: FindBarActions = {
    query: (words) => {
      setNotice(null);
      setQuery(words);
    },
    replacement: setReplacement,
    options: (how) => {
      setNotice(null);
      setOptions(how);
    },
    toggleReplace: () => setShowReplace((shown) => !shown),
    previous: () => go(-1),
    next: () => go(1),
    replace: replaceOne,
    replaceAll,
    close: () => close(true),
  };
  const view: FindBarView = {
    opening,
    query,
    replacement,
    options,
    showReplace,
    status: notice ?? countText(query, result.count, result.current),
    count: result.count,
    editable,
  };
  return <FindBar barRef={bar} view={view} actions={actions} />;
}

/** The sticky bar the find bar sits in: a match under it is out of view. */
function editorBarOf(element: HTMLElement | null): HTMLElement | null {
  return element?.closest<HTMLElement>('.editor-bar') ?? element;
}

/** What the find bar shows. */
type FindBarView = {
  opening: Opening;
  query: string;
  replacement: string;
  options: FindOptions;
  showReplace: boolean;
  /** "3 of 12", "No matches", "12 replaced". */
  status: string;
  count: number;
  editable: boolean;
};

/** What the find bar's fields and buttons do. */
type FindBarActions = {
  query: (query: string) => void;
  replacement: (replacement: string) => void;
  options: (options: FindOptions) => void;
  toggleReplace: () => void;
  previous: () => void;
  next: () => void;
  replace: () => void;
  replaceAll: () => void;
  close: () => void;
};

function FindBar({
  barRef,
  view,
  actions,
}: {
  barRef: RefObject<HTMLDivElement | null>;
  view: FindBarView;
  actions: FindBarActions;
}): JSX.Element {
  const ids = useId();
  const findField = useRef<HTMLInputElement>(null);
  const replaceField = useRef<HTMLInputElement>(null);
  const latestQuery = useRef(view.query);
  useLayoutEffect(() => {
    latestQuery.current = view.query;
  });

  // Each opening puts the person in the field to type in: replace, once there is something to find.
  const { opening } = view;
  useEffect(() => {
    const field = opening.mode === 'replace' && latestQuery.current !== '' ? replaceField : findField;
    field.current?.focus();
    field.current?.select();
  }, [opening]);

  const onBarKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    actions.close();
  };

  const onFindKeyDown = (event: ReactKeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    if (event.shiftKey) actions.previous();
    else actions.next();
  };

  const onReplaceKeyDown = (event: ReactKeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    if ((event.ctrlKey || event.metaKey) && event.altKey) actions.replaceAll();
    else if (!event.ctrlKey && !event.metaKey && !event.altKey) actions.replace();
  };

  const none = view.count === 0;
  const moves = [
    { label: 'Previous match', keys: 'Shift+Enter', icon: 'up', act: actions.previous },
    { label: 'Next match', keys: 'Enter', icon: 'down', act: actions.next },
  ] as const;
  const checks = [
    { label: 'Match case', option: 'matchCase' },
    { label: 'Whole words', option: 'wholeWords' },
  ] as const;
  const replacements = [
    { label: 'Replace', act: actions.replace },
    { label: 'Replace all', act: actions.replaceAll },
  ] as const;

  return (
    <div ref={barRef} className="find-bar" role="search" aria-label="Find and replace" onKeyDown={onBarKeyDown}>
      <button
        type="button"
        className="tool"
        aria-label="Toggle replace"
        aria-expanded={view.showReplace}
        aria-controls={view.showReplace ? `${ids}-replace` : undefined}
        title="Toggle replace"
        onClick={actions.toggleReplace}
      >
        <Icon name={view.showReplace ? 'down' : 'right'} />
      </button>
      <div className="find-bar__rows">
        <div className="find-bar__row">
          <input
            ref={findField}
            className="input find-bar__field"
            type="text"
            aria-label="Find"
            aria-describedby={`${ids}-count`}
            placeholder="Find in the story"
            autoComplete="off"
            spellCheck={false}
            value={view.query}
            onChange={(event) => actions.query(event.target.value)}
            onKeyDown={onFindKeyDown}
          />
          <span id={`${ids}-count`} className="find-bar__count" role="status">
            {view.status}
          </span>
          <span className="find-bar__group">
            {moves.map((move) => (
              <button
                key={move.label}
                type="button"
                className="tool"
                aria-label={move.label}
                title={`${move.label} (${move.keys})`}
                disabled={none}
                onClick={move.act}
              >
                <Icon name={move.icon} />
              </button>
            ))}
          </span>
          <span className="find-bar__group">
            {checks.map((check) => (
              <label key={check.option} className="find-bar__option">
                <input
                  type="checkbox"
                  checked={view.options[check.option]}
                  onChange={(event) => actions.options({ ...view.options, [check.option]: event.target.checked })}
                />
                <span>{check.label}</span>
              </label>
            ))}
          </span>
        </div>
        {view.showReplace ? (
          <div id={`${ids}-replace`} className="find-bar__row">
            <input
              ref={replaceField}
              className="input find-bar__field"
              type="text"
              aria-label="Replace with"
              placeholder="Replace with"
              autoComplete="off"
              spellCheck={false}
              value={view.replacement}
              readOnly={!view.editable}
              onChange={(event) => actions.replacement(event.target.value)}
              onKeyDown={onReplaceKeyDown}
            />
            <span className="find-bar__group">
              {/* Still focusable with nothing left to replace: focus stays in the bar after the last replacement. */}
              {replacements.map((button) => (
                <button
                  key={button.label}
                  type="button"
                  className="button button--small"
                  aria-disabled={none || !view.editable}
                  onClick={button.act}
                >
                  {button.label}
                </button>
              ))}
            </span>
          </div>
        ) : null}
      </div>
      <button type="button" className="tool" aria-label="Close find" title="Close (Esc)" onClick={actions.close}>
        <Icon name="close" />
      </button>
    </div>
  );
}
