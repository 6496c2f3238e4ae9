import type { LexicalEditor } from 'lexical';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type JSX,
} from 'react';

import type { Article, ArticleId, ArticleSummary } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { StoryFieldValues } from '../../../shared/storyFields';
import { curlsQuotesIn } from '../../../shared/typographicQuotes';
import { api, errorMessage } from '../../api';
import { useReportError } from '../../components/Notices';
import { StatusBar } from '../../components/StatusBar';
import { Editor } from '../../editor/Editor';
import { SpellingNote } from '../../editor/plugins/SpellingPlugin';
import { useDesk } from '../desk/DeskGate';
import type { SuggestionSummary } from '../../editor/suggestions';
import { plural } from '../../../shared/plural';
import { joinNames } from '../../../shared/text';
import { liveEditing, type LiveFields } from '../desk/liveStory';
import { LiveStatus } from '../desk/LiveStatus';
import { useLiveRefresh } from '../desk/useLiveRefresh';
import { statusLabel } from '../library/summaries';
import { UnsignedNote } from '../settings/NamePrompt';
import { usePreferences } from '../settings/PreferencesProvider';
import { ReaderDialog } from '../sources/ReaderDialog';
import { ArticleActions, useExportDialog, useSendToDeskDialog } from './ArticleActions';
import { ArticleHeader } from './ArticleHeader';
import { ArticlePanels, usePanelRequest } from './ArticlePanels';
import { ArticleStatusBar, useBodyCountsStore } from './ArticleStatusBar';
import { EDITOR_HOST } from './editorHost';
import { newStoryArticle, useNewStory } from './newStory';
import { useArticleClaims } from './useArticleClaims';
import { useArticleComments } from '../comments/useArticleComments';
import { WorkflowControl } from './WorkflowControl';
import { isOwner } from '../../../shared/workflow';
import { useArticleHistory } from './useArticleHistory';
import { useArticleRelated } from './useArticleRelated';
import { useArticleSaver } from './useArticleSaver';
import { useBodyBlocks } from './useBodyBlocks';
import { useHeaderFields } from './useHeaderFields';
import { KeptEditsNotice, useKeptEdits } from './useKeptEdits';

type ArticleViewProps = {
  id: ArticleId;
  /** Opened as a new story (#/new/<id>): the library may not have it yet, and stores it with its first change. */
  isNew: boolean;
  /** The article itself when the caller already has it (just created): no round trip, and the
   *  caret is in the headline before the person starts typing. */
  fresh: Article | null;
  /** The view has taken `fresh`; the caller should forget it (a later visit must fetch). */
  onFreshTaken: () => void;
  onSaved: (article: Article) => void;
  onTrashed: (summary: ArticleSummary) => void;
  onClose: () => void;
  /** Opens an article the editor made (a long paste imported as an article of its own). */
  onOpenArticle: (article: Article) => void;
};

type Loaded =
  | { kind: 'loading' }
  | { kind: 'ready'; article: Article; serial: number; unstored?: boolean }
  | { kind: 'failed'; message: string; missing: boolean };

/** The open article: loads it, and reloads it when the saved copy is newer than ours. */
export function ArticleView({
  id,
  isNew,
  fresh,
  onFreshTaken,
  onSaved,
  onTrashed,
  onClose,
  onOpenArticle,
}: ArticleViewProps): JSX.Element {
  const { preferences } = usePreferences();
  // A new story (#/new/<id>) opens at once, also after a reload: the library has not stored it
  // yet, or if it did as the window closed, the first save finds it there and goes on over it.
  const [seeded] = useState(() =>
    fresh?.id === id ? fresh : isNew ? newStoryArticle(id, preferences.defaultDatelinePlace) : null,
  );
  const [loaded, setLoaded] = useState<Loaded>(() =>
    seeded === null ? { kind: 'loading' } : { kind: 'ready', article: seeded, serial: 0, unstored: isNew },
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

  // The article was replaced by the view's own action (a version restored): show it afresh.
  const replace = useCallback((article: Article) => {
    setLoaded((previous) => ({
      kind: 'ready',
      article,
      serial: previous.kind === 'ready' ? previous.serial + 1 : 0,
    }));
  }, []);

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
      unstored={loaded.unstored === true}
      focusHeadline={seeded !== null && loaded.serial === 0}
      onSaved={onSaved}
      onTrashed={onTrashed}
      onReload={reload}
      onReplaced={replace}
      onOpenArticle={onOpenArticle}
    />
  );
}

/**
 * On a desk, a story the library has is edited live with the others in it. A new one is typed
 * here until it is stored, and live from when it is next opened.
 */
function useLiveEditing(articleId: string, unstored: boolean): ReturnType<typeof liveEditing> | undefined {
  const desk = useDesk();
  const [live] = useState(() => (desk === null || unstored ? undefined : liveEditing(desk.person.name)));
  useEffect(() => {
    live?.keep();
    return () => live?.closeSoon();
  }, [live, articleId]);
  return live;
}

const NOT_LIVE = { subscribe: () => () => undefined, snapshot: () => null };

/**
 * A live story's headline and dek as everyone's typing leaves them, shown in the header as they
 * change; null until the story's document has arrived (the fields wait for it, as the text does).
 */
function useLiveFields(
  live: LiveFields | undefined,
  show: (values: StoryFieldValues) => void,
): StoryFieldValues | null {
  const { subscribe, snapshot } = live ?? NOT_LIVE;
  const values = useSyncExternalStore(subscribe, snapshot);
  useLayoutEffect(() => {
    if (values !== null) show(values);
  }, [values, show]);
  return values;
}

type WorkspaceProps = {
  article: Article;
  /** A new story the library does not have yet. */
  unstored: boolean;
  focusHeadline: boolean;
  onSaved: (article: Article) => void;
  onTrashed: (summary: ArticleSummary) => void;
  onReload: () => void;
  onReplaced: (article: Article) => void;
  onOpenArticle: (article: Article) => void;
};

/**
 * The open story: its header and text in the editor, the side panels, the dialogs and the status
 * bar. Each concern is a hook of its own: saving (useArticleSaver), the header's fields
 * (useHeaderFields), claims and sources (useArticleClaims), related articles (useArticleRelated),
 * History (useArticleHistory) and export (useExportDialog); this puts them together.
 */
function ArticleWorkspace({
  article,
  unstored,
  focusHeadline,
  onSaved,
  onTrashed,
  onReload,
  onReplaced,
  onOpenArticle,
}: WorkspaceProps): JSX.Element {
  const report = useReportError();
  const { preferences } = usePreferences();
  const { saver, save, held, stored } = useArticleSaver(article, unstored, preferences.autosaveDelayMs, report);
  const desk = useDesk();
  const [suggestions, setSuggestions] = useState<readonly SuggestionSummary[]>([]);
  const suggestedClaims = useMemo(() => new Set(suggestions.flatMap((item) => item.claims)), [suggestions]);
  const [saves, setSaves] = useState(0);
  const [workflowChanges, setWorkflowChanges] = useState(0);
  const saved = useCallback(
    (article: Article) => {
      onSaved(article);
      setSaves((count) => count + 1);
    },
    [onSaved],
  );
  const live = useLiveEditing(article.id, unstored);
  const fields = useHeaderFields(article, saver, saved, report, live?.fields);
  const { values, related, change, changeRelated, changeSlug, changeStatus } = fields;
  useNewStory(unstored, stored, saver, preferences, fields.defaultAuthors, report);
  const liveFields = useLiveFields(live?.fields, fields.showLive);

  const editorRef = useRef<LexicalEditor | null>(null);
  const counts = useBodyCountsStore();
  const flush = useCallback(() => saver.flush(), [saver]);
  // Accepting or rejecting suggestions is kept in History, signed by the person who did it.
  const recordSettled = useCallback(
    (label: string) => {
      if (!stored) return;
      void (async () => {
        try {
          await saver.flush();
          await api.invoke('revisions:create', { articleId: article.id, label: label.slice(0, 200) });
          setSaves((count) => count + 1);
        } catch (error) {
          report(error);
        }
      })();
    },
    [saver, stored, article.id, report],
  );
  const panels = usePanelRequest();
  const showPanel = panels.show;
  const showFactCheck = useCallback(() => showPanel('factcheck'), [showPanel]);
  const blocks = useBodyBlocks(editorRef);
  const othersChanges = useLiveRefresh(editorRef, live?.connection);
  const claims = useArticleClaims({
    articleId: article.id,
    stored,
    saves: saves + othersChanges,
    blocks,
    editorRef,
    flush,
    showFactCheck,
    report,
  });
  const showComments = useCallback(() => showPanel('comments'), [showPanel]);
  const person = desk?.person.name ?? preferences.userName;
  // The owner asked everyone else to suggest: they open the story with Suggesting on.
  const [othersSuggest] = useState(() => article.othersSuggest && !isOwner(article, person));
  const comments = useArticleComments({
    articleId: article.id,
    stored,
    saves: saves + othersChanges,
    editorRef,
    flush,
    showComments,
    report,
    person,
  });
  const commentsInText = useMemo(
    () => ({
      marks: comments.marks,
      focused: comments.focused,
      onThreadClicked: comments.threadClicked,
      onRequested: comments.request,
    }),
    [comments.marks, comments.focused, comments.threadClicked, comments.request],
  );
  const relatedLibrary = useArticleRelated(article.id, values, blocks, related, changeRelated, editorRef, report);
  const kept = useKeptEdits(saver, article, fields.current, () => ({
    change,
    changeRelated,
    changeSlug,
    changeStatus,
    editor: editorRef.current,
  }));
  const restored = useCallback(
    (article: Article) => {
      onSaved(article);
      onReplaced(article);
    },
    [onSaved, onReplaced],
  );
  const history = useArticleHistory(article, saver, editorRef, fields.current, restored, report);
  const exporting = useExportDialog(article.id, saver, fields.exported, onSaved, report);
  const sendingToDesk = useSendToDeskDialog(article.id, saver);

  const typographicQuotes = preferences.smartQuotes && curlsQuotesIn(values.language);
  const header = (
    <ArticleHeader
      values={values}
      notice={<KeptEditsNotice kept={kept} />}
      held={held}
      onDraft={(field, text, message) => saver.holdText(field, text, message)}
      onDraftDropped={(field) => saver.releaseText(field)}
      autoFocusHeadline={focusHeadline}
      onChange={change}
      onStatus={changeStatus}
      onSlug={changeSlug}
      slugProblem={fields.slugProblem}
      onAuthorUpdated={fields.authorUpdated}
      onLeaveField={() => void saver.flush()}
      onEnterBody={() => editorRef.current?.focus(undefined, { defaultSelection: 'rootStart' })}
      typographicQuotes={typographicQuotes}
      liveTextWaiting={live !== undefined && liveFields === null}
      workflow={
        stored ? (
          <WorkflowControl
            article={article}
            person={person}
            onChanged={(changed) => {
              onSaved(changed);
              setWorkflowChanges((count) => count + 1);
            }}
          />
        ) : null
      }
    />
  );

  return (
    <>
      <main className="editor-pane" aria-label="Editor">
        <Editor
          body={article.body}
          live={live}
          saver={saver}
          host={EDITOR_HOST}
          header={header}
          actions={
            stored ? (
              <ArticleActions
                articleId={article.id}
                saver={saver}
                onExport={exporting.open}
                onSendToDesk={desk === null ? sendingToDesk.open : null}
                onTrashed={onTrashed}
                onError={report}
              />
            ) : null
          }
          editorRef={editorRef}
          onCounts={counts.set}
          onError={report}
          houseStyle={preferences.houseStyle}
          typographicQuotes={typographicQuotes}
          onOpenArticle={onOpenArticle}
          claimVerdicts={claims.verdicts}
          onClaimClicked={claims.claimClicked}
          onMarkClaim={claims.markSelection}
          language={values.language}
          person={person}
          onSuggestions={setSuggestions}
          onSuggestionsSettled={recordSettled}
          comments={commentsInText}
          suggestingAtFirst={othersSuggest}
        />
      </main>
      <ArticlePanels
        articleId={article.id}
        stored={stored}
        request={panels.request}
        claims={claims}
        related={{ items: related, held, onChange: changeRelated, library: relatedLibrary }}
        history={{ ...history, saves, statusSaves: fields.statusSaves + workflowChanges, flush }}
        suggestions={{
          list: suggestions,
          claims: suggestedClaims,
          editorRef,
          story: { headline: values.headline, byline: joinNames(values.authors.map((author) => author.name)) },
        }}
        comments={{ state: comments, person }}
        onError={report}
      />
      {exporting.dialog}
      {sendingToDesk.dialog}
      {claims.reader === null ? null : (
        <ReaderDialog
          sources={claims.sources.sources ?? []}
          claims={claims.claims.claims ?? []}
          initialSourceId={claims.reader.sourceId}
          initialClaimId={claims.reader.claimId}
          onLinked={(claim) => {
            claims.claims.put(claim);
            claims.sources.reload();
          }}
          onSourceSaved={claims.sources.reload}
          onClose={claims.closeReader}
          onError={report}
        />
      )}
      <ArticleStatusBar
        counts={counts}
        lengthTarget={values.lengthTarget}
        save={save}
        held={held}
        newStory={!stored}
        onRetry={() => void saver.retry()}
        onReload={onReload}
      >
        <p className="status-bar__item">{statusLabel(values.status)}</p>
        <SpellingNote language={values.language} />
        {suggestions.length === 0 ? null : (
          <p className="status-bar__item">{plural(suggestions.length, 'suggestion')} waiting: counted as if accepted</p>
        )}
        {othersSuggest ? (
          <p className="status-bar__item">
            {article.owner === '' ? 'Everyone suggests here' : `${article.owner} asks others to suggest`}
          </p>
        ) : null}
        {live === undefined ? null : <LiveStatus connection={live.connection} />}
        <UnsignedNote />
      </ArticleStatusBar>
    </>
  );
}
