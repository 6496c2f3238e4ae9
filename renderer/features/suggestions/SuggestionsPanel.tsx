import './suggestions.css';

import type { LexicalEditor } from 'lexical';
import { memo, useCallback, useRef, useState, type JSX, type RefObject } from 'react';

import { personColour } from '../../../shared/people';
import { plural } from '../../../shared/plural';
import {
  GO_TO_SUGGESTION_COMMAND,
  SETTLE_SUGGESTIONS_COMMAND,
  suggestionWords,
  whenText,
  type SuggestionChoice,
} from '../../editor/plugins/SuggestionsPlugin';
import type { SuggestionSummary } from '../../editor/suggestions';
import { useVirtualList } from '../../components/useVirtualList';
import { ProofButtons, type Proofs } from './ProofButtons';

const nameOf = (author: string) => (author === '' ? 'Someone unnamed' : author);

/** An item's height before it is measured: who and when, what it does, Accept and Reject. */
const ESTIMATED_ITEM_PX = 84;

/** One suggestion in the list: who made it and when, what it does (to go to it), Accept and Reject. */
const SuggestionItem = memo(function SuggestionItem({
  item,
  current,
  index,
  start,
  setSize,
  measure,
  onGo,
  onSettle,
}: {
  item: SuggestionSummary;
  current: boolean;
  index: number;
  start: number;
  setSize: number;
  measure: (element: Element | null) => void;
  onGo: (id: string) => void;
  onSettle: (which: SuggestionChoice, accept: boolean) => void;
}): JSX.Element {
  const words = suggestionWords(item);
  return (
    <li
      ref={measure}
      data-index={index}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      style={{ transform: `translateY(${start}px)` }}
      className={`suggestions-panel__item${current ? ' suggestions-panel__item--current' : ''}`}
    >
      <button type="button" className="suggestions-panel__go" onClick={() => onGo(item.id)}>
        <span className="suggestions-panel__who" style={{ ['--person' as string]: personColour(item.author) }}>
          {nameOf(item.author)}
        </span>
        {item.at === '' ? null : <span className="suggestions-panel__when"> · {whenText(item.at)}</span>}
        <span className="suggestions-panel__words">{words}</span>
      </button>
      <button
        type="button"
        className="button button--small"
        aria-label={`Accept: ${words}`}
        onClick={() => onSettle({ id: item.id }, true)}
      >
        Accept
      </button>
      <button
        type="button"
        className="button button--small"
        aria-label={`Reject: ${words}`}
        onClick={() => onSettle({ id: item.id }, false)}
      >
        Reject
      </button>
    </li>
  );
});

/**
 * The suggested changes in the story, in reading order: each with who made it and when, to go
 * to, accept or reject; next and previous; and all of them, or all of one person's, at once.
 */
export function SuggestionsPanel({
  suggestions,
  editorRef,
  proofs,
}: {
  suggestions: readonly SuggestionSummary[];
  editorRef: RefObject<LexicalEditor | null>;
  /** Saves the marked-up or the clean copy of the story, for a proof. */
  proofs: Proofs;
}): JSX.Element {
  const [current, setCurrent] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  // Only the suggestions in view (and a few either side) are on the page: a story may hold a thousand.
  const virtualizer = useVirtualList(suggestions, scroller, {
    estimate: ESTIMATED_ITEM_PX,
    gap: 6,
    overscan: 4,
    current,
  });
  const settle = useCallback(
    (which: SuggestionChoice, accept: boolean) => {
      editorRef.current?.dispatchCommand(SETTLE_SUGGESTIONS_COMMAND, { which, accept });
    },
    [editorRef],
  );
  const goTo = useCallback(
    (id: string) => {
      setCurrent(id);
      editorRef.current?.dispatchCommand(GO_TO_SUGGESTION_COMMAND, id);
    },
    [editorRef],
  );
  const step = (by: 1 | -1) => {
    if (suggestions.length === 0) return;
    const index = suggestions.findIndex((item) => item.id === current);
    const next =
      index === -1 ? (by === 1 ? 0 : suggestions.length - 1) : (index + by + suggestions.length) % suggestions.length;
    const item = suggestions[next];
    if (item !== undefined) goTo(item.id);
  };

  if (suggestions.length === 0) {
    return (
      <div className="suggestions-panel">
        <p className="panel__empty">
          No suggested changes. With Suggesting on in the toolbar (Ctrl+Shift+E), what you type and delete is suggested
          for the story’s owner or editor to accept or reject.
        </p>
      </div>
    );
  }
  const authors = [...new Set(suggestions.map((item) => item.author))];
  return (
    <div className="suggestions-panel">
      <p className="suggestions-panel__count" role="status">
        {plural(suggestions.length, 'suggested change')} waiting
      </p>
      <div className="suggestions-panel__bar">
        <button type="button" className="button button--small" onClick={() => step(-1)}>
          Previous
        </button>
        <button type="button" className="button button--small" onClick={() => step(1)}>
          Next
        </button>
        <button type="button" className="button button--small" onClick={() => settle({ all: true }, true)}>
          Accept all
        </button>
        <button type="button" className="button button--small" onClick={() => settle({ all: true }, false)}>
          Reject all
        </button>
        <ProofButtons proofs={proofs} />
      </div>
      {authors.length > 1 ? (
        <ul className="suggestions-panel__people" aria-label="Suggestions by person">
          {authors.map((author) => (
            <li key={author}>
              <span className="suggestions-panel__who" style={{ ['--person' as string]: personColour(author) }}>
                {nameOf(author)}
              </span>{' '}
              ({suggestions.filter((item) => item.author === author).length})
              <button
                type="button"
                className="button button--small"
                aria-label={`Accept all of ${nameOf(author)}’s suggestions`}
                onClick={() => settle({ author }, true)}
              >
                Accept theirs
              </button>
              <button
                type="button"
                className="button button--small"
                aria-label={`Reject all of ${nameOf(author)}’s suggestions`}
                onClick={() => settle({ author }, false)}
              >
                Reject theirs
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="suggestions-panel__scroll" ref={scroller}>
        <ol
          className="suggestions-panel__list"
          aria-label="Suggested changes"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {virtualizer.getVirtualItems().map((row) => {
            const item = suggestions[row.index];
            if (item === undefined) return null;
            return (
              <SuggestionItem
                key={item.id}
                item={item}
                current={item.id === current}
                index={row.index}
                start={row.start}
                setSize={suggestions.length}
                measure={virtualizer.measureElement}
                onGo={goTo}
                onSettle={settle}
              />
            );
          })}
        </ol>
      </div>
    </div>
  );
}
