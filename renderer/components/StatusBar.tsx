import type { JSX, ReactNode } from 'react';

import type { SaveState } from '../features/article/ArticleSaver';

const numbers = new Intl.NumberFormat();

function plural(count: number, one: string, many: string): string {
  return `${numbers.format(count)} ${count === 1 ? one : many}`;
}

type StatusBarProps = {
  counts?: { words: number; characters: number } | null;
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

export function StatusBar({ counts = null, save = null, onRetry, onReload, children }: StatusBarProps): JSX.Element {
  return (
    <footer className="status-bar">
      {counts === null ? null : (
        <p className="status-bar__item status-bar__counts">
          <span>{plural(counts.words, 'word', 'words')}</span>
          <span>{plural(counts.characters, 'character', 'characters')}</span>
        </p>
      )}
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
