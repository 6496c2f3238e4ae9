import { useCallback, useEffect, useState, type JSX, type ReactNode } from 'react';

import type { Article, ArticleId, ArticleStatus, ArticleSummary } from '../../../shared/domain';
import type { ExportResult } from '../../../shared/exports';
import { api, onExportRequested } from '../../api';
import { Icon } from '../../components/Icon';
import { SendToDeskDialog } from '../desk/SendToDeskDialog';
import { ExportDialog } from '../export/ExportDialog';
import type { ArticleSaver } from './ArticleSaver';

/**
 * The article's own actions at the end of the toolbar: Export…, Send to a desk… (in a library
 * of one's own, not on a desk) and Move to trash.
 */
export function ArticleActions({
  articleId,
  saver,
  onExport,
  onSendToDesk,
  onTrashed,
  onError,
}: {
  articleId: ArticleId;
  saver: ArticleSaver;
  onExport: () => void;
  onSendToDesk: (() => void) | null;
  onTrashed: (summary: ArticleSummary) => void;
  onError: (error: unknown) => void;
}): JSX.Element {
  const [trashing, setTrashing] = useState(false);

  const moveToTrash = async () => {
    setTrashing(true);
    try {
      await saver.flush();
      const summary = await api.invoke('articles:trash', { id: articleId });
      onTrashed(summary);
    } catch (error) {
      onError(error);
      setTrashing(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className="icon-button"
        aria-label="Export…"
        title="Export… (checklist, then a package of the story)"
        onClick={onExport}
      >
        <Icon name="export" />
      </button>
      {onSendToDesk === null ? null : (
        <button
          type="button"
          className="icon-button"
          aria-label="Send to a desk…"
          title="Send to a desk… (the story with its sources, claims and history)"
          onClick={onSendToDesk}
        >
          <Icon name="sendToDesk" />
        </button>
      )}
      <button
        type="button"
        className="icon-button icon-button--danger"
        aria-label="Move to trash"
        title="Move to trash"
        onClick={() => void moveToTrash()}
        disabled={trashing}
      >
        <Icon name="trash" />
      </button>
    </>
  );
}

/**
 * The export dialog, opened by Export… or the app's menu (File › Export…). An export moves the
 * story to Exported on the server: the status, the saver's version and the library's row follow
 * at once.
 */
export function useExportDialog(
  articleId: ArticleId,
  saver: ArticleSaver,
  onStatus: (status: ArticleStatus) => void,
  onSaved: (article: Article) => void,
  report: (error: unknown) => void,
): { open: () => void; dialog: ReactNode } {
  const [exporting, setExporting] = useState(false);
  useEffect(() => onExportRequested(() => setExporting(true)), []);
  const open = useCallback(() => setExporting(true), []);
  const flush = useCallback(() => saver.flush(), [saver]);

  const exported = useCallback(
    (result: ExportResult) => {
      saver.adopt(result.article.version);
      onStatus(result.article.status);
      api.invoke('articles:get', { id: articleId }).then(onSaved, report);
    },
    [saver, articleId, onStatus, onSaved, report],
  );

  const dialog = exporting ? (
    <ExportDialog articleId={articleId} flush={flush} onExported={exported} onClose={() => setExporting(false)} />
  ) : null;
  return { open, dialog };
}

/** The Send to a desk dialog: offered in a library of one's own, where there is no desk. */
export function useSendToDeskDialog(
  articleId: ArticleId,
  saver: ArticleSaver,
): { open: () => void; dialog: ReactNode } {
  const [sending, setSending] = useState(false);
  const open = useCallback(() => setSending(true), []);
  const flush = useCallback(() => saver.flush(), [saver]);
  const dialog = sending ? (
    <SendToDeskDialog articleId={articleId} flush={flush} onClose={() => setSending(false)} />
  ) : null;
  return { open, dialog };
}
