import type { LexicalEditor } from 'lexical';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore, type JSX } from 'react';

import type { Article, ArticleId, ArticleSummary } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { api, errorMessage } from '../../api';
import { Icon } from '../../components/Icon';
import { useReportError } from '../../components/Notices';
import { StatusBar } from '../../components/StatusBar';
import { Editor } from '../../editor/Editor';
import type { BodyCounts } from '../../editor/plugins/WordCountPlugin';
import { statusLabel } from '../library/summaries';
import { ArticleHeader } from './ArticleHeader';
import { ArticleSaver } from './ArticleSaver';

type ArticleViewProps = {
  id: ArticleId;
  /** The article itself when the caller already has it (just created): no round trip, and the
   *  caret is in the headline before the person starts typing. */
  fresh: Article | null;
  /** The view has taken `fresh`; the caller should forget it (a later visit must fetch). */
  onFreshTaken: () => void;
  onSaved: (article: Article) => void;
  onTrashed: (summary: ArticleSummary) => void;
  onClose: () => void;
};

type Loaded =
  | { kind: 'loading' }
  | { kind: 'ready'; article: Article; serial: number }
  | { kind: 'failed'; message: string; missing: boolean };

/** The open article: loads it, and reloads it when the saved copy is newer than ours. */
export function ArticleView({ id, fresh, onFreshTaken, onSaved, onTrashed, onClose }: ArticleViewProps): JSX.Element {
  const [seeded] = useState(() => (fresh?.id === id ? fresh : null));
  const [loaded, setLoaded] = useState<Loaded>(() =>
    seeded === null ? { kind: 'loading' } : { kind: 'ready', article: seeded, serial: 0 },
  );
  const report = useReportError();
  const needsFetch = seeded === null;

  useEffect(() => {
    if (seeded !== null) onFreshTaken();
  }, [seeded, onFreshTaken]);

  useEffect(() => {
    if (!needsFetch) return undefined;
    let current = true;
    api.invoke('articles:get', { id }).then(
      (article) => {
        if (current) setLoaded({ kind: 'ready', article, serial: 0 });
      },
      (error: unknown) => {
        if (current) {
          setLoaded({
            kind: 'failed',
            message: errorMessage(error),
            missing: error instanceof ApiError && error.code === 'not-found',
          });
        }
      },
    );
    return () => {
      current = false;
    };
  }, [id, needsFetch]);

  const reload = useCallback(() => {
    api.invoke('articles:get', { id }).then(
      (article) =>
        setLoaded((previous) => ({
          kind: 'ready',
          article,
          serial: previous.kind === 'ready' ? previous.serial + 1 : 0,
        })),
      report,
    );
  }, [id, report]);

  if (loaded.kind === 'loading') {
    return (
      <>
        <main className="editor-pane editor-pane--message" aria-label="Editor" aria-busy="true">
          <p className="muted">Opening the article…</p>
        </main>
        <StatusBar />
      </>
    );
  }
  if (loaded.kind === 'failed') {
    return (
      <>
        <main className="editor-pane editor-pane--message" aria-label="Editor">
          <div className="message-card">
            <h1>{loaded.missing ? 'This article is not in the library' : 'The article could not be opened'}</h1>
            <p>{loaded.message}</p>
            <button type="button" className="button" onClick={onClose}>
              Back to the library
            </button>
          </div>
        </main>
        <StatusBar />
      </>
    );
  }
  return (
    <ArticleWorkspace
      key={`${loaded.article.id}:${loaded.serial}`}
      article={loaded.article}
      focusHeadline={seeded !== null && loaded.serial === 0}
      onSaved={onSaved}
      onTrashed={onTrashed}
      onReload={reload}
    />
  );
}

type WorkspaceProps = {
  article: Article;
  focusHeadline: boolean;
  onSaved: (article: Article) => void;
  onTrashed: (summary: ArticleSummary) => void;
  onReload: () => void;
};

function isSaveShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 's';
}

function ArticleWorkspace({ article, focusHeadline, onSaved, onTrashed, onReload }: WorkspaceProps): JSX.Element {
  const report = useReportError();
  const [saver] = useState(() => new ArticleSaver(article, (args) => api.invoke('articles:save', args)));
  const save = useSyncExternalStore(saver.subscribe, saver.getState);
  const [headline, setHeadline] = useState(article.headline);
  const [dek, setDek] = useState(article.dek);
  const [counts, setCounts] = useState<BodyCounts | null>(null);
  const [trashing, setTrashing] = useState(false);
  const editorRef = useRef<LexicalEditor | null>(null);

  useLayoutEffect(() => {
    saver.connect({
      onSaved,
      onUnseenFailure: (message) => {
        report(new Error(`Changes to “${headline.trim() || 'Untitled'}” were not saved: ${message}`));
      },
    });
  }, [saver, onSaved, report, headline]);

  // Save when the person leaves: another window, another tab, closing or reloading the page,
  // opening another article (unmount).
  useEffect(() => {
    saver.show();
    const flush = () => void saver.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!saver.hasUnsavedChanges()) return;
      flush();
      event.preventDefault();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isSaveShortcut(event)) return;
      event.preventDefault();
      void saver.retry();
    };
    window.addEventListener('blur', flush);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('blur', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('keydown', onKeyDown);
      saver.hide();
      flush();
    };
  }, [saver]);

  const moveToTrash = async () => {
    setTrashing(true);
    try {
      await saver.flush();
      const summary = await api.invoke('articles:trash', { id: article.id });
      onTrashed(summary);
    } catch (error) {
      report(error);
      setTrashing(false);
    }
  };

  const header = (
    <ArticleHeader
      headline={headline}
      dek={dek}
      autoFocusHeadline={focusHeadline}
      meta={`${statusLabel(article.status)}${article.section.trim() === '' ? '' : ` · ${article.section}`}`}
      onHeadline={(value) => {
        setHeadline(value);
        saver.setHeadline(value);
      }}
      onDek={(value) => {
        setDek(value);
        saver.setDek(value);
      }}
      onLeaveField={() => void saver.flush()}
      onEnterBody={() => editorRef.current?.focus(undefined, { defaultSelection: 'rootStart' })}
    />
  );

  const actions = (
    <button
      type="button"
      className="button button--quiet button--danger"
      onClick={() => void moveToTrash()}
      disabled={trashing}
    >
      <Icon name="trash" />
      Move to trash
    </button>
  );

  return (
    <>
      <main className="editor-pane" aria-label="Editor">
        <Editor
          body={article.body}
          saver={saver}
          header={header}
          actions={actions}
          editorRef={editorRef}
          onCounts={setCounts}
          onError={report}
        />
      </main>
      <StatusBar counts={counts} save={save} onRetry={() => void saver.retry()} onReload={onReload}>
        <p className="status-bar__item">{statusLabel(article.status)}</p>
      </StatusBar>
    </>
  );
}
