import { useCallback, useEffect, useState, useSyncExternalStore, type JSX } from 'react';

import type { Article, ArticleId, ArticleSummary } from '../shared/domain';
import { api, onImportStarted, onLibraryChanged, transportKind } from './api';
import { fileName } from './components/fileName';
import { Icon } from './components/Icon';
import { ALT_KEY, MOD_KEY } from './components/keys';
import { NoticesProvider, useReportError } from './components/Notices';
import { StatusBar } from './components/StatusBar';
import { ArticleView } from './features/article/ArticleView';
import { newStoryArticle, newStoryHref, nextNewStoryId, storyFromHash } from './features/article/newStory';
import { useTrashUndo } from './features/article/useTrashUndo';
import { DeskGate, useDesk } from './features/desk/DeskGate';
import { ShortcutsDialog } from './features/help/ShortcutsDialog';
import { DropOverlay } from './features/import/DropOverlay';
import { ImportPanel } from './features/import/ImportPanel';
import { useFileDrop } from './features/import/useFileDrop';
import { useImport } from './features/import/useImport';
import './features/layout/layout.css';
import { useRegionKeys } from './features/layout/regions';
import { SkipLink } from './features/layout/SkipLink';
import { articleHref } from './features/library/ArticleRow';
import { LibraryPanel } from './features/library/LibraryPanel';
import { LibrariesDialog } from './features/libraries/LibrariesDialog';
import { LibraryGate, useLibraryStatus } from './features/libraries/LibraryGate';
import { RestoreDialog } from './features/libraries/RestoreDialog';
import { useLibrariesShortcut } from './features/libraries/useLibrariesShortcut';
import { useLibrary } from './features/library/useLibrary';
import { FirstRunNamePrompt } from './features/settings/NamePrompt';
import { PreferencesProvider, usePreferences } from './features/settings/PreferencesProvider';
import { SettingsDialog } from './features/settings/SettingsDialog';
import { plural } from '../shared/plural';

function subscribeToHash(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** The open article lives in the address (#/article/<id>, #/new/<id>) so a reload reopens it. */
function useOpenStory(): { id: ArticleId; isNew: boolean } | null {
  const hash = useSyncExternalStore(subscribeToHash, () => window.location.hash);
  return storyFromHash(hash);
}

function openArticle(id: ArticleId | null): void {
  window.location.hash = id === null ? '#/' : articleHref(id);
}

export function App(): JSX.Element {
  const app = (
    <NoticesProvider>
      <PreferencesProvider>
        <LibraryGate>
          <Workspace />
        </LibraryGate>
      </PreferencesProvider>
    </NoticesProvider>
  );
  // With no key of its own, the page may be a desk's: the person signs in first.
  return transportKind() === 'keyless' ? <DeskGate>{app}</DeskGate> : app;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** "?" (outside a text field) and F1 (anywhere) open the shortcut list. */
function useHelpShortcut(open: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const help = event.key === 'F1' || (event.key === '?' && !isTyping(event.target));
      if (!help || document.querySelector('dialog[open]') !== null) return;
      event.preventDefault();
      open();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [open]);
}

type OpenDialog = 'settings' | 'shortcuts' | 'libraries' | 'restore' | null;

function Workspace(): JSX.Element {
  const report = useReportError();
  const { preferences } = usePreferences();
  const library = useLibrary(report, useDesk() !== null);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const openShortcuts = useCallback(() => setDialog('shortcuts'), []);
  const closeDialog = useCallback(() => setDialog(null), []);
  useHelpShortcut(openShortcuts);
  useRegionKeys();
  const libraryStatus = useLibraryStatus();
  // The open article closes first, so its last edits are saved to the library they belong to
  // before another library or a backup can take its place.
  const openLibraries = useCallback(() => {
    openArticle(null);
    setDialog('libraries');
  }, []);
  useLibrariesShortcut(openLibraries);
  const openStory = useOpenStory();
  const openId = openStory?.id ?? null;
  const [busy, setBusy] = useState(false);
  // The article just created: it opens without a round trip, caret in the headline.
  const [fresh, setFresh] = useState<Article | null>(null);
  // Bumped when articles come or go, so a standing search asks again.
  const [revision, setRevision] = useState(0);
  const { reload, noteChanged, noteSaved } = library;

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(
    () =>
      onLibraryChanged(() => {
        openArticle(null);
        setRevision((value) => value + 1);
        void reload();
      }),
    [reload],
  );

  const adopt = useCallback(
    (article: Article) => {
      noteChanged();
      setRevision((value) => value + 1);
      setFresh(article);
      openArticle(article.id);
    },
    [noteChanged],
  );

  const { defaultDatelinePlace } = preferences;
  // The new story opens with this render, not at the next hashchange: keys typed right after the
  // click land in its headline. It is stored with its first change.
  const create = useCallback(() => {
    const id = nextNewStoryId(openId);
    setFresh(newStoryArticle(id, defaultDatelinePlace));
    window.location.hash = newStoryHref(id);
  }, [defaultDatelinePlace, openId]);

  const addSample = useCallback(() => {
    setBusy(true);
    void api
      .invoke('library:addSample', {})
      .then((article) => {
        noteChanged();
        setRevision((value) => value + 1);
        openArticle(article.id);
      }, report)
      .finally(() => setBusy(false));
  }, [noteChanged, report]);

  const imported = useCallback(() => {
    setRevision((value) => value + 1);
    void reload();
  }, [reload]);
  const importer = useImport(imported, report);
  const dragging = useFileDrop(importer.start, report);
  useEffect(() => onImportStarted(importer.follow), [importer.follow]);

  const forgetFresh = useCallback(() => setFresh(null), []);
  // A save answered with version 1 stored a new story: the library has one more article.
  const saved = useCallback(
    (article: Article) => (article.version === 1 ? noteChanged() : noteSaved()),
    [noteChanged, noteSaved],
  );

  const untrashed = useCallback(
    (id: ArticleId) => {
      noteChanged();
      setRevision((value) => value + 1);
      openArticle(id);
    },
    [noteChanged],
  );
  const offerUndo = useTrashUndo(untrashed);
  const trashed = useCallback(
    (summary: ArticleSummary) => {
      noteChanged();
      setRevision((value) => value + 1);
      openArticle(null);
      offerUndo(summary);
    },
    [noteChanged, offerUndo],
  );

  return (
    <div className="app">
      <SkipLink />
      <LibraryPanel
        library={library}
        openId={openId}
        revision={revision}
        busy={busy}
        onCreate={create}
        onAddSample={addSample}
        onImport={importer.start}
        onSettings={() => setDialog('settings')}
        onHelp={openShortcuts}
        onLibraries={openLibraries}
      />
      {openId === null ? (
        <>
          <main className="editor-pane editor-pane--message" aria-label="Editor">
            <div className="welcome">
              <FirstRunNamePrompt />
              <h1>No article open</h1>
              <p>Choose an article from the library, or start a new one.</p>
              <button type="button" className="button button--primary" onClick={create} disabled={busy}>
                <Icon name="plus" />
                New article
              </button>
              <dl className="shortcuts">
                <dt>
                  <kbd>{MOD_KEY}</kbd> <kbd>B</kbd> / <kbd>I</kbd> / <kbd>U</kbd>
                </dt>
                <dd>Bold, italic, underline</dd>
                <dt>
                  <kbd>{MOD_KEY}</kbd> <kbd>K</kbd>
                </dt>
                <dd>Add or edit a link</dd>
                <dt>
                  <kbd>{MOD_KEY}</kbd> <kbd>{ALT_KEY}</kbd> <kbd>2</kbd> / <kbd>3</kbd> / <kbd>0</kbd>
                </dt>
                <dd>Heading 2, heading 3, paragraph</dd>
                <dt>
                  <kbd>{MOD_KEY}</kbd> <kbd>S</kbd>
                </dt>
                <dd>Save now (Copydesk also saves as you pause)</dd>
                <dt>
                  <kbd>?</kbd> or <kbd>F1</kbd>
                </dt>
                <dd>Every keyboard shortcut</dd>
              </dl>
            </div>
          </main>
          <StatusBar>
            <p className="status-bar__item">
              {library.info !== null
                ? plural(library.info.articleCount, 'article', 'articles', new Intl.NumberFormat())
                : 'Opening the library…'}
            </p>
          </StatusBar>
        </>
      ) : (
        <ArticleView
          key={openId}
          id={openId}
          isNew={openStory?.isNew ?? false}
          fresh={fresh}
          onFreshTaken={forgetFresh}
          onSaved={saved}
          onTrashed={trashed}
          onClose={() => openArticle(null)}
          onOpenArticle={adopt}
        />
      )}
      {importer.run === null ? null : (
        <ImportPanel run={importer.run} onCancel={importer.cancel} onDismiss={importer.dismiss} />
      )}
      {dragging ? <DropOverlay libraryName={library.info === null ? '' : fileName(library.info.path)} /> : null}
      {dialog === 'settings' ? <SettingsDialog onClose={closeDialog} /> : null}
      {dialog === 'shortcuts' ? <ShortcutsDialog onClose={closeDialog} /> : null}
      {dialog === 'libraries' && libraryStatus !== null ? (
        <LibrariesDialog status={libraryStatus} onClose={closeDialog} onRestore={() => setDialog('restore')} />
      ) : null}
      {dialog === 'restore' && libraryStatus !== null ? (
        <RestoreDialog status={libraryStatus} onClose={closeDialog} />
      ) : null}
    </div>
  );
}
