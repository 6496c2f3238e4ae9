import { useCallback } from 'react';

import type { ArticleId, ArticleSummary } from '../../../shared/domain';
import { api } from '../../api';
import { useAnnounce, useReportError } from '../../components/Notices';

/** How long "Moved … to the trash — Undo" stays when nobody points at it or tabs to it. */
export const TRASH_UNDO_MS = 10_000;

/**
 * After a story goes to the trash: a notice says so, with Undo, which takes it out of the
 * trash and opens it again (`onRestored`). The move is made at once; nothing asks first.
 */
export function useTrashUndo(onRestored: (id: ArticleId) => void): (trashed: ArticleSummary) => void {
  const announce = useAnnounce();
  const report = useReportError();
  return useCallback(
    (trashed: ArticleSummary) => {
      const headline = trashed.headline.trim() === '' ? 'Untitled' : trashed.headline.trim();
      announce({
        message: `Moved “${headline}” to the trash.`,
        durationMs: TRASH_UNDO_MS,
        action: {
          label: 'Undo',
          name: `Undo moving “${headline}” to the trash`,
          run: () => {
            api.invoke('articles:restore', { id: trashed.id }).then(() => onRestored(trashed.id), report);
          },
        },
      });
    },
    [announce, report, onRestored],
  );
}
