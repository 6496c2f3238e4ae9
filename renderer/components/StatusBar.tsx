import type { JSX, ReactNode } from 'react';

import { readingMinutes } from '../../shared/text';
import { lengthProgress } from '../features/article/articleFields';
import type { SaveState } from '../features/article/ArticleSaver';

const numbers = new Intl.NumberFormat();

function plural(count: number, one: string, many: string): string {
  return `${numbers.format(count)} ${count === 1 ? one : many}`;
}

type StatusBarProps = {
  counts?: { words: number; characters: number } | null;
  /** The article's length target in words, if it has one. */
  lengthTarget?: number | null;
  save?: SaveState | null;
  onRetry?: () => void;
  onReload?: () => void;
  /** Anything else worth a glance: the article's status, the library. */
  children?: ReactNode;
};

function saveLabel(save: SaveState): string {
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
      <span>{plural(words, 'word', 'words')}</span>
      <span>{plural(characters, 'character', 'characters')}</span>
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
  onRetry,
  onReload,
  children,
}: StatusBarProps): JSX.Element {
  return (
    <footer className="status-bar">
      {counts === null ? null : <Counts words={counts.words} characters={counts.characters} target={lengthTarget} />}
      {children}
      {save === null ? null : (
        <div className={`status-bar__item status-bar__save status-bar__save--${save.kind}`}>
          <span role="status" className="save-state">
            {saveLabel(save)}
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
