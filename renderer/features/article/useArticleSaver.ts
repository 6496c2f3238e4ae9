import { useEffect, useState, useSyncExternalStore } from 'react';

import type { Article } from '../../../shared/domain';
import { api } from '../../api';
import { useEditingSession } from '../history/useEditingSession';
import { ArticleSaver, type HeldField, type SaveState } from './ArticleSaver';

export type ArticleSaving = {
  saver: ArticleSaver;
  /** Saved, waiting, saving, failed: what the status bar shows. */
  save: SaveState;
  /** Fields held back with the reason the library would refuse them. */
  held: readonly HeldField[];
  /** Whether the library has the story (a new one is stored with its first change). */
  stored: boolean;
};

/** Ctrl+S (⌘S): save now, or try again after a failure. */
export function isSaveShortcut(
  event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'key'>,
): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 's';
}

/**
 * The open article's saver: autosave after the typing pause set in Settings, and a save when the
 * person leaves (another window or tab, the page closed or reloaded, another article opened).
 * Ctrl+S saves from anywhere in the window, a header field as much as the text.
 */
export function useArticleSaver(
  article: Article,
  unstored: boolean,
  idleMs: number,
  report: (error: unknown) => void,
): ArticleSaving {
  const [saver] = useState(
    () =>
      new ArticleSaver(article, {
        save: (args) => api.invoke('articles:save', args),
        create: unstored ? (args) => api.invoke('articles:create', args) : undefined,
        probe: (id) => api.invoke('articles:get', { id }),
        idleMs,
      }),
  );
  useEditingSession(article.id, saver, report);
  const save = useSyncExternalStore(saver.subscribe, saver.getState);
  const held = useSyncExternalStore(saver.subscribe, saver.getHeld);
  const stored = useSyncExternalStore(saver.subscribe, saver.isStored);

  useEffect(() => {
    saver.setIdleMs(idleMs);
  }, [saver, idleMs]);

  useSaveOnLeave(saver);
  return { saver, save, held, stored };
}

/** Saves when the person leaves, and on Ctrl+S; keeps what a last save may not finish sending. */
function useSaveOnLeave(saver: ArticleSaver): void {
  useEffect(() => {
    saver.show();
    const flush = () => void saver.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    // What a last save may not finish sending is kept first; only if it cannot be kept either
    // is the person asked to stay.
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!saver.hasUnsavedChanges()) return;
      const kept = saver.keepNow();
      flush();
      if (!kept) event.preventDefault();
    };
    const onPageHide = () => void saver.keepNow();
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isSaveShortcut(event)) return;
      event.preventDefault();
      void saver.retry();
    };
    window.addEventListener('blur', flush);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('blur', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('keydown', onKeyDown);
      saver.hide();
      saver.keepNow();
      flush();
    };
  }, [saver]);
}
