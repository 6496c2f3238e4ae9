import { useState, type JSX, type KeyboardEvent } from 'react';

import type { ArticleId, ArticleSummary } from '../../../shared/domain';
import { api } from '../../api';
import { fileName } from '../../components/fileName';
import { Icon } from '../../components/Icon';
import type { ChosenFile } from '../import/collectFiles';
import { ImportMenu } from '../import/ImportMenu';
import { ARIA_MOD, MOD_KEY } from '../../components/keys';
import { useReportError } from '../../components/Notices';
import { ArticleRow, TrashRow } from './ArticleRow';
import { Snippet } from './Snippet';
import { useArticleSearch, type SearchView } from './useArticleSearch';
import type { Library, ListPage } from './useLibrary';

type LibraryPanelProps = {
  library: Library;
  openId: ArticleId | null;
  /** Changes whenever the library changed in a way a standing search should see. */
  revision: number;
  busy: boolean;
  onCreate: () => void;
  onAddSample: () => void;
  onImport: (files: ChosenFile[]) => void;
  onSettings: () => void;
  onHelp: () => void;
  onLibraries: () => void;
};

const numbers = new Intl.NumberFormat();

export function LibraryPanel({
  library,
  openId,
  revision,
  busy,
  onCreate,
  onAddSample,
  onImport,
  onSettings,
  onHelp,
  onLibraries,
}: LibraryPanelProps): JSX.Element {
  const report = useReportError();
  const [query, setQuery] = useState('');
  const [showTrash, setShowTrash] = useState(false);
  const search = useArticleSearch(query, revision, report);

  const restore = (summary: ArticleSummary) => {
    api.invoke('articles:restore', { id: summary.id }).then(library.noteRestored, report);
  };

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape' && query !== '') {
      event.preventDefault();
      setQuery('');
    }
  };

  const { articles, trash } = library;
  const emptyLibrary = articles.loaded && articles.total === 0 && trash.total === 0;

  return (
    <section className="library" aria-label="Library">
      <header className="library__header">
        <p className="brand">
          <span className="brand__mark" aria-hidden="true">
            C
          </span>
          Copydesk
        </p>
        <div className="library__actions">
          <ImportMenu onFiles={onImport} disabled={busy} />
          <button
            type="button"
            className="button button--primary"
            aria-label="New article"
            onClick={onCreate}
            disabled={busy}
          >
            <Icon name="plus" />
            New
          </button>
        </div>
      </header>

      <div className="library__search">
        <Icon name="search" />
        <input
          type="search"
          aria-label="Search articles"
          placeholder="Search articles"
          autoComplete="off"
          spellCheck={false}
          maxLength={1000}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onSearchKeyDown}
        />
      </div>

      {search.kind === 'results' ? (
        <SearchResults search={search} openId={openId} />
      ) : (
        <>
          <div className="library__views" role="group" aria-label="Lists">
            <button type="button" className="view-tab" aria-pressed={!showTrash} onClick={() => setShowTrash(false)}>
              Articles <span className="view-tab__count">{numbers.format(articles.total)}</span>
            </button>
            <button type="button" className="view-tab" aria-pressed={showTrash} onClick={() => setShowTrash(true)}>
              Trash <span className="view-tab__count">{numbers.format(trash.total)}</span>
            </button>
          </div>
          {emptyLibrary ? (
            <div className="library__empty">
              <p>This library has no articles yet.</p>
              <p className="muted">
                Start a new one, import files (or drop them here), or add a finished sample article to see how Copydesk
                lays one out.
              </p>
              <button type="button" className="button" onClick={onAddSample} disabled={busy}>
                Add a sample article
              </button>
            </div>
          ) : showTrash ? (
            <ListView
              page={trash}
              label="Trash"
              empty="The trash is empty."
              onShowMore={() => void library.showMore(true)}
              renderRow={(summary) => (
                <TrashRow key={summary.id} summary={summary} onRestore={() => restore(summary)} />
              )}
            />
          ) : (
            <ListView
              page={articles}
              label="Articles"
              empty="No articles. Restore one from the trash, or start a new one."
              onShowMore={() => void library.showMore(false)}
              renderRow={(summary) => <ArticleRow key={summary.id} summary={summary} isOpen={summary.id === openId} />}
            />
          )}
        </>
      )}

      <footer className="library__footer">
        <span className="library__file" title={library.info?.path}>
          {library.info === null ? '' : fileName(library.info.path)}
        </span>
        <button
          type="button"
          className="icon-button icon-button--small"
          aria-label="Libraries"
          aria-keyshortcuts={`${ARIA_MOD}+Shift+L`}
          title={`Libraries and backups (${MOD_KEY}+Shift+L)`}
          onClick={onLibraries}
        >
          <Icon name="libraries" />
        </button>
        <button
          type="button"
          className="icon-button icon-button--small"
          aria-label="Help"
          aria-keyshortcuts="F1"
          title="Keyboard shortcuts (? or F1)"
          onClick={onHelp}
        >
          <Icon name="help" />
        </button>
        <button
          type="button"
          className="icon-button icon-button--small"
          aria-label="Settings"
          title="Settings"
          onClick={onSettings}
        >
          <Icon name="settings" />
        </button>
      </footer>
    </section>
  );
}

function ListView({
  page,
  label,
  empty,
  onShowMore,
  renderRow,
}: {
  page: ListPage;
  label: string;
  empty: string;
  onShowMore: () => void;
  renderRow: (summary: ArticleSummary) => JSX.Element;
}): JSX.Element {
  if (!page.loaded) return <p className="library__note">Loading…</p>;
  if (page.items.length === 0) return <p className="library__note">{empty}</p>;
  return (
    <div className="library__list">
      <ul className="rows" aria-label={label}>
        {page.items.map(renderRow)}
      </ul>
      {page.items.length < page.total ? (
        <div className="library__more">
          <span className="muted">
            {numbers.format(page.items.length)} of {numbers.format(page.total)}
          </span>
          <button type="button" className="button button--small" onClick={onShowMore}>
            Show more
          </button>
        </div>
      ) : null}
    </div>
  );
}

function SearchResults({
  search,
  openId,
}: {
  search: Extract<SearchView, { kind: 'results' }>;
  openId: ArticleId | null;
}): JSX.Element {
  const count = search.hits.length;
  return (
    <div className="library__list" aria-busy={search.pending}>
      <p className="library__note" role="status">
        {search.pending
          ? 'Searching…'
          : count === 0
            ? `No articles match “${search.query}”.`
            : `${numbers.format(count)} ${count === 1 ? 'article matches' : 'articles match'} “${search.query}”`}
      </p>
      {search.hint === null ? null : <p className="library__hint">{search.hint}</p>}
      {count === 0 ? null : (
        <ul className="rows" aria-label="Search results">
          {search.hits.map((hit) => (
            <ArticleRow
              key={hit.id}
              summary={hit}
              isOpen={hit.id === openId}
              excerpt={
                hit.snippet === '' ? undefined : (
                  <span className="row__excerpt">
                    <Snippet snippet={hit.snippet} />
                  </span>
                )
              }
            />
          ))}
        </ul>
      )}
    </div>
  );
}
