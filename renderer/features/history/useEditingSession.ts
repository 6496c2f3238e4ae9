import { useEffect } from 'react';

import type { ArticleId } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { api, invokeWhileLeaving } from '../../api';

/** What the session needs of the article's saver: a way to send what is still unsaved, and whether the story is stored yet. */
type Flushable = {
  flush: (options?: { closing?: boolean }) => Promise<void>;
  isStored: () => boolean;
  resume: () => void;
};

/**
 * Session ends waiting for their turn, by article. A view of the same article that mounts at
 * once takes the session back: a restored version or a reload after a conflict shows the
 * article afresh without the person having left it (as does React's strict mode).
 */
const pendingEnds = new Map<ArticleId, ReturnType<typeof setTimeout>>();

/**
 * Lets History keep what the person leaves: when the view closes (another story opened, the
 * library switched, the story moved to the trash), after its last save has landed; when the page
 * goes away (the window closed or reloaded), sent with the last save in a request that outlives
 * the page. The service keeps a version only if the story changed since its newest one.
 */
export function useEditingSession(articleId: ArticleId, saver: Flushable, report: (error: unknown) => void): void {
  useEffect(() => {
    const pending = pendingEnds.get(articleId);
    if (pending !== undefined) {
      clearTimeout(pending);
      pendingEnds.delete(articleId);
    }
    let gone = false;
    const onPageHide = () => {
      gone = true;
      void saver.flush({ closing: true });
      // A new story never typed in is not in the library: it has no history to keep.
      if (saver.isStored()) invokeWhileLeaving('revisions:endSession', { articleId });
    };
    // Back from the browser's page cache: the same session goes on.
    const onPageShow = (event: PageTransitionEvent) => {
      if (!event.persisted) return;
      gone = false;
      saver.resume();
    };
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('pageshow', onPageShow);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('pageshow', onPageShow);
      if (gone) return;
      const timer = setTimeout(() => {
        pendingEnds.delete(articleId);
        saver
          .flush()
          .then(() => (saver.isStored() ? api.invoke('revisions:endSession', { articleId }) : undefined))
          .catch((error: unknown) => {
            // The story is not in the library now open (another was opened first): nothing to keep there.
            if (!(error instanceof ApiError && error.code === 'not-found')) report(error);
          });
      }, 0);
      pendingEnds.set(articleId, timer);
    };
  }, [articleId, saver, report]);
}
