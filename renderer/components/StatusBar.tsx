import './statusBar.css';

import type { JSX, ReactNode } from 'react';

import { plural } from '../../shared/plural';
import { readingMinutes } from '../../shared/text';
import { lengthProgress } from '../features/article/articleFields';
import type { HeldField, SaveState } from '../features/article/ArticleSaver';

const numbers = new Intl.NumberFormat();

type StatusBarProps = {
  counts?: { words: number; characters: number } | null;
  /** The article's length target in words, if it has one. */
  lengthTarget?: number | null;
  save?: SaveState | null;
  /** Fields held back from saves: said after the save state, with why. */
  held?: readonly HeldField[];
  /** A new story not stored yet: it is kept from its first change. */
  newStory?: boolean;
  onRetry?: () => void;
  onReload?: () => void;
  /** Anything else worth a glance: the article's status, the library. */
  children?: ReactNode;
};

/** "the dateline date", "the dateline date and the slug" */
function fieldList(held: readonly HeldField[]): string {
  const labels = [...new Set(held.map((field) => field.label))];
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1] ?? ''}`;
}

/** What is not saved and why, or '' when every field went with the last save. */
function heldLabel(held: readonly HeldField[]): string {
  const told = held.filter((field) => field.message !== null);
  const [only] = told;
  if (only === undefined) return '';
  if (told.length === 1) return `Not saved: ${only.label} — ${only.message ?? ''}`;
  return `Not saved: ${fieldList(told)} (see each field for why).`;
}

function saveLabel(save: SaveState, held: readonly HeldField[], newStory: boolean): string {
  if (newStory && save.kind === 'saved' && held.length === 0) return 'New story: kept from its first word';
  const kept = heldLabel(held);
  if (kept !== '' && save.kind === 'saved') return `Everything else is saved. ${kept}`;
  if (kept !== '' && save.kind !== 'failed') return `${stateLabel(save)} · ${kept}`;
  return stateLabel(save);
}

function stateLabel(save: SaveState): string {
  switch (save.kind) {
    case 'saved':
      return 'Saved';
    case 'pending':
      return 'Unsaved changes';
    case 'saving':
      return 'Saving…';
    case 'failed':
      return `Not saved: ${save.message}`;
  }
}

function Counts({
  words,
  characters,
  target,
}: {
  words: number;
  characters: number;
  target: number | null;
}): JSX.Element {
  const minutes = readingMinutes(words);
  const progress = target === null ? null : lengthProgress(words, target);
  return (
    <p className="status-bar__item status-bar__counts">
      <span>{plural(words, 'word', 'words', numbers)}</span>
      <span>{plural(characters, 'character', 'characters', numbers)}</span>
      <span>{minutes === 0 ? 'No reading time' : `${numbers.format(minutes)} min read`}</span>
      {progress === null ? null : (
        <span className={`length length--${progress.verdict}`} title={`Length target: ${progress.label}`}>
          <span className="length__bar" aria-hidden="true">
            <span
              className="length__fill"
              style={{ width: `${Math.min(100, (words / Math.max(1, target ?? 1)) * 100)}%` }}
            />
          </span>
          <span>{progress.label}</span>
          <span className="length__verdict">{progress.difference}</span>
        </span>
      )}
    </p>
  );
}

export function StatusBar({
  counts = null,
  lengthTarget = null,
  save = null,
  held = [],
  newStory = false,
  onRetry,
  onReload,
  children,
}: StatusBarProps): JSX.Element {
  const label = save === null ? '' : saveLabel(save, held, newStory);
  return (
    <footer className="status-bar">
      {counts === null ? null : <Counts words={counts.words} characters={counts.characters} target={lengthTarget} />}
      {children}
      {save === null ? null : (
        <div
          className={`status-bar__item status-bar__save status-bar__save--${heldLabel(held) === '' || save.kind === 'failed' ? save.kind : 'held'}`}
        >
          <span role="status" className="save-state" title={label}>
            {label}
          </span>
          {save.kind === 'failed' && save.code === 'conflict' && onReload !== undefined ? (
            <button type="button" className="button button--small" onClick={onReload}>
              Reload
            </button>
          ) : null}
          {save.kind === 'failed' && save.code !== 'conflict' && onRetry !== undefined ? (
            <button type="button" className="button button--small" onClick={onRetry}>
              Retry
            </button>
          ) : null}
        </div>
      )}
    </footer>
  );
}
