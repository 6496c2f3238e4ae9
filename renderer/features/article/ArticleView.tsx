import { $getRoot, $getSelection, type LexicalEditor } from 'lexical';
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

import type {
  Article,
  ArticleId,
  ArticleStatus,
  ArticleSummary,
  Author,
  RelatedItem,
  RevisionId,
} from '../../../shared/domain';
import { rankSuggestions, type ClaimSuggestion } from '../../../shared/claimSuggestions';
import { ApiError } from '../../../shared/errors';
import type { ExportResult } from '../../../shared/exports';
import { curlsQuotesIn } from '../../../shared/typographicQuotes';
import type { Claim, ClaimId, Source, SourceId } from '../../../shared/sources';
import { api, errorMessage, onExportRequested } from '../../api';
import { Icon } from '../../components/Icon';
import { useReportError } from '../../components/Notices';
import { StatusBar } from '../../components/StatusBar';
import { Editor } from '../../editor/Editor';
import {
  bodyBlocks,
  MARK_CLAIM_COMMAND,
  MARK_RANGE_COMMAND,
  SHOW_CLAIM_COMMAND,
  selectedBodyContext,
  selectedBodyText,
} from '../../editor/plugins/ClaimsPlugin';
import type { BodyCounts } from '../../editor/plugins/WordCountPlugin';
import { ExportDialog } from '../export/ExportDialog';
import { FactCheckPanel, type FactCheckActions } from '../factcheck/FactCheckPanel';
import { guessClaimKind } from '../factcheck/guessClaimKind';
import { useArticleSources, useClaimMarkStates, useClaims } from '../factcheck/useClaims';
import { HistoryPanel } from '../history/HistoryPanel';
import { useEditingSession } from '../history/useEditingSession';
import type { ComparedText } from '../../../shared/wordDiff';
import { statusLabel } from '../library/summaries';
import { SidePanels } from '../panels/SidePanels';
import { RelatedPanel } from '../related/RelatedPanel';
import { RelatedSuggestions } from '../related/RelatedSuggestions';
import { useRelatedSuggestions } from '../related/useRelatedSuggestions';
import type { RelatedDraft, RelatedSuggestion } from '../../../shared/related';
import { INSERT_ALSO_SEE_COMMAND } from '../../editor/plugins/AlsoSeePlugin';
import { ReaderDialog } from '../sources/ReaderDialog';
import { SourcesPanel } from '../sources/SourcesPanel';
import { UnsignedNote } from '../settings/NamePrompt';
import { usePreferences } from '../settings/PreferencesProvider';
import { ArticleHeader, headerValuesOf, type EditableValues, type HeaderValues } from './ArticleHeader';
import { ArticleSaver, type FieldPatch } from './ArticleSaver';
import { EDITOR_HOST } from './editorHost';
import { newStoryArticle, panelsOfNewStory, useNewStory } from './newStory';
import { accepted } from './fieldChecks';
import { heldFor } from './FieldProblem';
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

/** Suggested claims are read again this long after typing stops. */
const SUGGESTION_PAUSE_MS = 1200;

function isMarkClaimShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.key.toLowerCase() === 'm';
}

function isSaveShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 's';
}

/** The header's values as the fields of a save. */
function toFieldPatch(patch: Partial<EditableValues>): FieldPatch {
  const { authors, leadImage, ...plain } = patch;
  const fields: FieldPatch = { ...plain };
  if (authors !== undefined) fields.authorIds = authors.map((author) => author.id);
  if (leadImage !== undefined) {
    fields.leadImage =
      leadImage === null ? null : { assetId: leadImage.asset.id, caption: leadImage.caption, credit: leadImage.credit };
  }
  return fields;
}

/** Changes made with one action rather than by typing are saved at once. */
function isDiscrete(patch: Partial<EditableValues>, previous: HeaderValues): boolean {
  if (patch.authors !== undefined || patch.tags !== undefined || patch.language !== undefined) return true;
  if (patch.datelineDate !== undefined) return true;
  if (patch.leadImage !== undefined) return patch.leadImage?.asset.id !== previous.leadImage?.asset.id;
  return false;
}

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
  const [saver] = useState(
    () =>
      new ArticleSaver(article, {
        save: (args) => api.invoke('articles:save', args),
        create: unstored ? (args) => api.invoke('articles:create', args) : undefined,
        probe: (id) => api.invoke('articles:get', { id }),
        idleMs: preferences.autosaveDelayMs,
      }),
  );
  useEditingSession(article.id, saver, report);
  const save = useSyncExternalStore(saver.subscribe, saver.getState);
  const held = useSyncExternalStore(saver.subscribe, saver.getHeld);
  const stored = useSyncExternalStore(saver.subscribe, saver.isStored);
  const [values, setValues] = useState<HeaderValues>(() => headerValuesOf(article));
  const [slugProblem, setSlugProblem] = useState<string | null>(null);
  const [related, setRelated] = useState<RelatedItem[]>(() => article.related);
  const [counts, setCounts] = useState<BodyCounts | null>(null);
  const [saves, setSaves] = useState(0);
  const [statusSaves, setStatusSaves] = useState(0);
  const [trashing, setTrashing] = useState(false);
  const [exporting, setExporting] = useState(false);
  useEffect(() => onExportRequested(() => setExporting(true)), []);
  // A new story's claims and sources are asked for once the library has it.
  const claims = useClaims(stored ? article.id : null, saves, report);
  const sources = useArticleSources(stored ? article.id : null, report);
  const [focusedClaim, setFocusedClaim] = useState<ClaimId | null>(null);
  const [panelRequest, setPanelRequest] = useState<{ id: string; at: number } | null>(null);
  const [reader, setReader] = useState<{ sourceId: SourceId | null; claimId: ClaimId | null } | null>(null);
  const verdicts = useClaimMarkStates(claims.claims);
  const editorRef = useRef<LexicalEditor | null>(null);
  const valuesRef = useRef(values);
  const relatedRef = useRef(related);
  useLayoutEffect(() => {
    valuesRef.current = values;
    relatedRef.current = related;
  });
  useNewStory(
    unstored,
    stored,
    saver,
    preferences,
    (authors) => setValues((current) => (current.authors.length === 0 ? { ...current, authors } : current)),
    report,
  );

  useEffect(() => {
    saver.setIdleMs(preferences.autosaveDelayMs);
  }, [saver, preferences.autosaveDelayMs]);

  useLayoutEffect(() => {
    saver.connect({
      onSaved: (saved) => {
        onSaved(saved);
        setSaves((count) => count + 1);
        // The slug follows the headline on the server while the story is a draft.
        setValues((current) =>
          current.slug === saved.slug && current.slugLocked === saved.slugLocked
            ? current
            : { ...current, slug: saved.slug, slugLocked: saved.slugLocked },
        );
      },
      onUnseenFailure: (message) => {
        report(new Error(`Changes to “${valuesRef.current.headline.trim() || 'Untitled'}” were not saved: ${message}`));
      },
      onSlugRefused: (_slug, message) => setSlugProblem(message),
    });
  }, [saver, onSaved, report]);

  // Save when the person leaves: another window, another tab, closing or reloading the page,
  // opening another article (unmount).
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

  const change = useCallback(
    (patch: Partial<EditableValues>) => {
      const discrete = isDiscrete(patch, valuesRef.current);
      setValues((current) => ({ ...current, ...patch }));
      saver.setFields(toFieldPatch(patch));
      if (discrete) void saver.flush();
    },
    [saver],
  );

  const changeSlug = useCallback(
    (slug: string) => {
      setSlugProblem(null);
      saver.setFields({ slug });
      void saver.flush();
    },
    [saver],
  );

  const changeStatus = useCallback(
    (status: ArticleStatus) => {
      setValues((current) => ({ ...current, status }));
      saver.setFields({ status });
      void saver.flush().then(() => setStatusSaves((count) => count + 1));
    },
    [saver],
  );

  const changeRelated = useCallback(
    (items: RelatedItem[]) => {
      setRelated(items);
      saver.setFields({ related: items.map(({ articleId, headline, teaser }) => ({ articleId, headline, teaser })) });
      void saver.flush();
    },
    [saver],
  );

  const kept = useKeptEdits(
    saver,
    article,
    () => ({ ...valuesRef.current, related: relatedRef.current }),
    () => ({ change, changeRelated, changeSlug, changeStatus, editor: editorRef.current }),
  );

  const showPanel = useCallback((id: string) => setPanelRequest({ id, at: Date.now() }), []);

  // The body's blocks, read again when typing pauses, for the suggested claims.
  const [blocks, setBlocks] = useState<string[]>([]);
  useEffect(() => {
    const editor = editorRef.current;
    if (editor === null) return undefined;
    let timer = setTimeout(() => setBlocks(bodyBlocks(editor)), 0);
    const stop = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      clearTimeout(timer);
      timer = setTimeout(() => setBlocks(bodyBlocks(editor)), SUGGESTION_PAUSE_MS);
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, []);
  const suggestions = useMemo(() => rankSuggestions(blocks), [blocks]);

  // The library's related articles for the draft as it stands, asked for when typing pauses.
  const relatedDraft = useMemo<RelatedDraft>(
    () => ({
      // A value held back as too long is left out of the comparison too: the library would refuse it.
      headline: accepted('headline', values.headline),
      dek: accepted('dek', values.dek),
      text: blocks.join('\n\n'),
      tags: values.tags,
      section: accepted('section', values.section),
      excludeId: article.id,
    }),
    [values.headline, values.dek, values.tags, values.section, blocks, article.id],
  );
  const relatedSuggestions = useRelatedSuggestions(relatedDraft, report);
  const insertAlsoSee = useCallback((item: RelatedSuggestion) => {
    const editor = editorRef.current;
    if (editor === null) return;
    editor.update(() => {
      // Where the caret was when the person left the text; at the end when it never was there.
      if ($getSelection() === null) $getRoot().selectEnd();
      editor.dispatchCommand(INSERT_ALSO_SEE_COMMAND, item.articleId);
    });
  }, []);
  const pinRelated = useCallback(
    (item: RelatedSuggestion) => {
      if (related.some((entry) => entry.articleId === item.articleId)) return;
      changeRelated([
        ...related,
        { articleId: item.articleId, headline: item.headline, teaser: item.teaser, trashed: false },
      ]);
    },
    [related, changeRelated],
  );

  const acceptSuggestion = useCallback(
    async (suggestion: ClaimSuggestion) => {
      const editor = editorRef.current;
      if (editor === null) return;
      try {
        const claim = await api.invoke('claims:create', {
          articleId: article.id,
          kind: suggestion.kind,
          text: suggestion.text,
        });
        const marked = editor.dispatchCommand(MARK_RANGE_COMMAND, {
          claimId: claim.id,
          block: suggestion.paragraph,
          start: suggestion.start,
          end: suggestion.end,
        });
        claims.put(claim);
        setFocusedClaim(claim.id);
        if (!marked)
          report(new Error('The suggested words changed before they could be marked. Select them and mark them.'));
        await saver.flush();
      } catch (error) {
        report(error);
      }
    },
    [article.id, claims, report, saver],
  );

  /** Marks the body's selected text with a claim (a new one, or an orphan attached again), and saves. */
  const markClaim = useCallback(
    async (existing: Claim | null) => {
      const editor = editorRef.current;
      const text = editor === null ? '' : selectedBodyText(editor);
      if (editor === null || text.trim() === '') {
        report(new Error('Select the words of the claim in the text first.'));
        return;
      }
      try {
        const claim =
          existing ??
          (await api.invoke('claims:create', {
            articleId: article.id,
            kind: guessClaimKind(text, selectedBodyContext(editor)),
            text,
          }));
        editor.dispatchCommand(MARK_CLAIM_COMMAND, claim.id);
        claims.put(claim);
        setFocusedClaim(claim.id);
        showPanel('factcheck');
        await saver.flush();
      } catch (error) {
        report(error);
      }
    },
    [article.id, claims, report, saver, showPanel],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isMarkClaimShortcut(event)) return;
      event.preventDefault();
      void markClaim(null);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [markClaim]);

  // One object for the panel's whole life, so typing does not redraw its cards.
  const factCheckActions = useMemo<FactCheckActions>(
    () => ({
      onMark: () => void markClaim(null),
      onAccept: (suggestion) => void acceptSuggestion(suggestion),
      onShow: (claim) => {
        setFocusedClaim(claim.id);
        editorRef.current?.focus();
        editorRef.current?.dispatchCommand(SHOW_CLAIM_COMMAND, claim.id);
      },
      onAttach: (claim) => void markClaim(claim),
      onAddEvidence: (claim) => {
        setFocusedClaim(claim.id);
        setReader({ sourceId: null, claimId: claim.id });
      },
      onChanged: claims.put,
      flush: () => saver.flush(),
      onError: report,
    }),
    [markClaim, acceptSuggestion, claims.put, report, saver],
  );

  const claimClicked = useCallback(
    (id: string) => {
      setFocusedClaim(id as ClaimId);
      showPanel('factcheck');
    },
    [showPanel],
  );

  const authorUpdated = useCallback((author: Author) => {
    setValues((current) => ({
      ...current,
      authors: current.authors.map((existing) => (existing.id === author.id ? author : existing)),
    }));
  }, []);

  const readCurrent = useCallback((): ComparedText => {
    const editor = editorRef.current;
    const bodyText =
      editor === null ? article.bodyText : editor.getEditorState().read(() => $getRoot().getTextContent());
    return { headline: valuesRef.current.headline, dek: valuesRef.current.dek, bodyText };
  }, [article.bodyText]);

  const flush = useCallback(() => saver.flush(), [saver]);

  // An export moves the story to Exported on the server: the status, the saver's version and the
  // library's row follow at once.
  const exported = useCallback(
    (result: ExportResult) => {
      saver.adopt(result.article.version);
      setValues((current) => ({ ...current, status: result.article.status }));
      setStatusSaves((count) => count + 1);
      api.invoke('articles:get', { id: article.id }).then(onSaved, report);
    },
    [saver, article.id, onSaved, report],
  );

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
        onSaved(restored);
        onReplaced(restored);
      } catch (error) {
        editor?.setEditable(true);
        report(error);
        throw error;
      }
    },
    [article.id, saver, onSaved, onReplaced, report],
  );

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
      slugProblem={slugProblem}
      onAuthorUpdated={authorUpdated}
      onLeaveField={() => void saver.flush()}
      onEnterBody={() => editorRef.current?.focus(undefined, { defaultSelection: 'rootStart' })}
      typographicQuotes={typographicQuotes}
    />
  );

  const actions = (
    <>
      <button
        type="button"
        className="icon-button"
        aria-label="Export…"
        title="Export… (checklist, then a package of the story)"
        onClick={() => setExporting(true)}
      >
        <Icon name="export" />
      </button>
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

  return (
    <>
      <main className="editor-pane" aria-label="Editor">
        <Editor
          body={article.body}
          saver={saver}
          host={EDITOR_HOST}
          header={header}
          actions={stored ? actions : null}
          editorRef={editorRef}
          onCounts={setCounts}
          onError={report}
          houseStyle={preferences.houseStyle}
          typographicQuotes={typographicQuotes}
          onOpenArticle={onOpenArticle}
          claimVerdicts={verdicts}
          onClaimClicked={claimClicked}
        />
      </main>
      <SidePanels
        request={panelRequest}
        tabs={panelsOfNewStory(stored, [
          {
            id: 'sources',
            label: 'Sources',
            icon: 'source',
            render: () => (
              <SourcesPanel
                articleId={article.id}
                sources={sources.sources}
                onChanged={sources.set}
                onRead={(source: Source) => setReader({ sourceId: source.id, claimId: focusedClaim })}
                onError={report}
              />
            ),
          },
          {
            id: 'factcheck',
            label: 'Fact check',
            icon: 'check',
            render: () => (
              <FactCheckPanel
                articleId={article.id}
                claims={claims.claims}
                suggestions={suggestions}
                focusedId={focusedClaim}
                actions={factCheckActions}
              />
            ),
          },
          {
            id: 'related',
            label: 'Related articles',
            icon: 'link',
            render: () => (
              <div className="related-tab">
                <h3 className="panel__subtitle">From the library</h3>
                <RelatedSuggestions
                  state={relatedSuggestions}
                  pinned={related}
                  onInsert={insertAlsoSee}
                  onPin={pinRelated}
                />
                <h3 className="panel__subtitle">Related list</h3>
                <RelatedPanel items={related} problem={heldFor(held, 'related')} onChange={changeRelated} />
              </div>
            ),
          },
          {
            id: 'history',
            label: 'History',
            icon: 'history',
            render: () => (
              <HistoryPanel
                articleId={article.id}
                saves={saves}
                statusSaves={statusSaves}
                readCurrent={readCurrent}
                flush={flush}
                onRestore={restore}
              />
            ),
          },
        ])}
      />
      {exporting ? (
        <ExportDialog articleId={article.id} flush={flush} onExported={exported} onClose={() => setExporting(false)} />
      ) : null}
      {reader === null ? null : (
        <ReaderDialog
          sources={sources.sources ?? []}
          claims={claims.claims ?? []}
          initialSourceId={reader.sourceId}
          initialClaimId={reader.claimId}
          onLinked={(claim) => {
            claims.put(claim);
            sources.reload();
          }}
          onSourceSaved={sources.reload}
          onClose={() => setReader(null)}
          onError={report}
        />
      )}
      <StatusBar
        counts={counts}
        lengthTarget={values.lengthTarget}
        save={save}
        held={held}
        newStory={!stored}
        onRetry={() => void saver.retry()}
        onReload={onReload}
      >
        <p className="status-bar__item">{statusLabel(values.status)}</p>
        <UnsignedNote />
      </StatusBar>
    </>
  );
}
