import type { LexicalEditor } from 'lexical';
import { $getRoot } from 'lexical';
import { useCallback, type RefObject } from 'react';

import type { Article, RevisionId } from '../../../shared/domain';
import type { ComparedText } from '../../../shared/wordDiff';
import { api } from '../../api';
import type { ArticleSaver } from './ArticleSaver';

export type ArticleHistory = {
  /** The story as it stands on screen, to compare a version with. */
  readCurrent: () => ComparedText;
  /** Puts a version back, once what is on screen is saved; rejects (and says why) when it cannot. */
  restore: (revisionId: RevisionId) => Promise<void>;
};

/** What History needs of the open story: its text as it stands, and a way to put a version back. */
export function useArticleHistory(
  article: Article,
  saver: ArticleSaver,
  editorRef: RefObject<LexicalEditor | null>,
  shown: () => { headline: string; dek: string },
  onRestored: (restored: Article) => void,
  report: (error: unknown) => void,
): ArticleHistory {
  const readCurrent = useCallback((): ComparedText => {
    const editor = editorRef.current;
    const bodyText =
      editor === null ? article.bodyText : editor.getEditorState().read(() => $getRoot().getTextContent());
    const { headline, dek } = shown();
    return { headline, dek, bodyText };
  }, [article.bodyText, editorRef, shown]);

  const restore = useCallback(
    async (revisionId: RevisionId) => {
      const editor = editorRef.current;
      // Nothing typed from here on could be kept: the restored text replaces it.
      editor?.setEditable(false);
      try {
        await saver.flush();
        const state = saver.getState();
        if (saver.hasUnsavedChanges() || state.kind === 'failed') {
          throw new Error(
            `Nothing was restored: the current text is not saved yet${state.kind === 'failed' ? ` (${state.message})` : ''}.`,
          );
        }
        const restored = await api.invoke('revisions:restore', {
          articleId: article.id,
          revisionId,
          version: saver.currentVersion,
        });
        saver.retire();
        onRestored(restored);
      } catch (error) {
        editor?.setEditable(true);
        report(error);
        throw error;
      }
    },
    [article.id, saver, editorRef, onRestored, report],
  );

  return { readCurrent, restore };
}
