import { useCallback, useMemo, useRef, useState, type JSX, type KeyboardEvent } from 'react';

import { BackToLibrary, DeskPerson, useDesk } from '../desk/DeskGate';
import { usePreferences } from '../settings/PreferencesProvider';
import type { ArticleId, ArticleSummary } from '../../../shared/domain';
import {
  DEFAULT_DIRECTION,
  LIBRARY_SORTS,
  LibrarySortSchema,
  type LibrarySort,
  type SortDirection,
} from '../../../shared/library';
import { api } from '../../api';
import { fileName } from '../../components/fileName';
import { Icon } from '../../components/Icon';
import type { ChosenFile } from '../import/collectFiles';
import { ImportMenu } from '../import/ImportMenu';
import { ARIA_MOD, MOD_KEY } from '../../components/keys';
import { useReportError } from '../../components/Notices';
import { CollapseToggle } from '../layout/CollapseToggle';
import { IconButton } from '../layout/IconButton';
import { LIBRARY_SHORTCUT } from '../layout/layoutShortcuts';
import { hasFocus } from '../layout/regions';
import { useStoredFlag } from '../layout/stored';
import { useToggleShortcut } from '../layout/useToggleShortcut';
import { ArticleRow, TrashRow } from './ArticleRow';
import { activeFilterCount, NO_FILTERS, toLibraryFilters, type FilterState } from './filterState';
import { LibraryFilterControls } from './LibraryFilterControls';
import { Snippet } from './Snippet';
import { useArticlePages, type ListQuery } from './useArticlePages';
import { useArticleSearch, type SearchView } from './useArticleSearch';
import { useFacets } from './useFacets';
import type { Library } from './useLibrary';
import { useRowTabStop } from './useRowTabStop';
import { VirtualArticleList } from './VirtualArticleList';

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

const SORT_LABELS: Record<LibrarySort, string> = {
  updated: 'Last updated',
  created: 'Created',
  headline: 'Headline',
};

function directionLabel(sort: LibrarySort, direction: SortDirection): string {
  if (sort === 'headline') return direction === 'asc' ? 'A to Z' : 'Z to A';
  return direction === 'desc' ? 'Newest first' : 'Oldest first';
}

/** The direction as the button shows it; its accessible name says it in full. */
function directionShort(sort: LibrarySort, direction: SortDirection): string {
  if (sort === 'headline') return direction === 'asc' ? 'A–Z' : 'Z–A';
  return direction === 'desc' ? 'Newest' : 'Oldest';
}

const TRASH_QUERY: ListQuery = { trashed: true, sort: 'updated', direction: 'desc', filters: {} };

const COLLAPSED_KEY = 'copydesk.libraryCollapsed';

/** What takes focus when the library changes shape: the toggle pressed, or the search asked for. */
type FocusAfterToggle = 'toggle' | 'search' | null;

/** Libraries, Help and Settings: at the foot of the library, open or collapsed. */
function LibraryTools({
  onLibraries,
  onHelp,
  onSettings,
}: Pick<LibraryPanelProps, 'onLibraries' | 'onHelp' | 'onSettings'>): JSX.Element {
  // A desk serves the one library its server was started on: there is no other to choose.
  const desk = useDesk();
  return (
    <>
      {desk === null ? (
        <IconButton
          name="Libraries"
          icon="libraries"
          title={`Libraries and backups (${MOD_KEY}+Shift+L)`}
          keyShortcuts={`${ARIA_MOD}+Shift+L`}
          small
          onClick={onLibraries}
        />
      ) : null}
      <IconButton
        name="Help"
        icon="help"
        title="Keyboard shortcuts (? or F1)"
        keyShortcuts="F1"
        small
        onClick={onHelp}
      />
      <IconButton name="Settings" icon="settings" small onClick={onSettings} />
    </>
  );
}

/** The library collapsed to a rail of icons: the list is one click (or Ctrl+\) away. */
function LibraryRail({
  busy,
  focus,
  onExpand,
  onCreate,
  ...tools
}: Pick<LibraryPanelProps, 'busy' | 'onCreate' | 'onLibraries' | 'onHelp' | 'onSettings'> & {
  focus: FocusAfterToggle;
  onExpand: (focus: FocusAfterToggle) => void;
}): JSX.Element {
  return (
    <section className="library library--rail" aria-label="Library">
      <CollapseToggle
        name="Expand library"
        icon="sidebarLeft"
        shortcut={LIBRARY_SHORTCUT}
        autoFocus={focus === 'toggle'}
        onClick={() => onExpand('toggle')}
      />
      <div className="rail__group">
        <IconButton name="Search articles" icon="search" onClick={() => onExpand('search')} />
        <IconButton name="New article" icon="plus" disabled={busy} onClick={onCreate} />
      </div>
      <div className="rail__group rail__group--end">
        <LibraryTools {...tools} />
      </div>
    </section>
  );
}

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
  const desk = useDesk();
  const { preferences } = usePreferences();
  const person = desk?.person.name ?? preferences.userName;
  const [collapsed, setCollapsed] = useStoredFlag(COLLAPSED_KEY);
  const [focusAfter, setFocusAfter] = useState<FocusAfterToggle>(null);
  const toggle = useCallback(
    (focus: FocusAfterToggle) => {
      setFocusAfter(focus);
      setCollapsed(!collapsed);
    },
    [collapsed, setCollapsed],
  );
  // From the keyboard: focus stays where it is, unless it was in the part that changes shape.
  const toggleByKey = useCallback(() => {
    toggle(hasFocus('library') ? 'toggle' : null);
  }, [toggle]);
  useToggleShortcut(false, toggleByKey);
  const [query, setQuery] = useState('');
  const [showTrash, setShowTrash] = useState(false);
  const [sort, setSort] = useState<LibrarySort>('updated');
  const [direction, setDirection] = useState<SortDirection>(DEFAULT_DIRECTION.updated);
  const [filterState, setFilterState] = useState<FilterState>(NO_FILTERS);
  const [showFilters, setShowFilters] = useState(false);
  const filters = useMemo(() => toLibraryFilters(filterState), [filterState]);
  const activeFilters = activeFilterCount(filterState);

  const search = useArticleSearch(query, filters, revision, report);
  const articleQuery = useMemo<ListQuery>(
    () => ({ trashed: false, sort, direction, filters }),
    [sort, direction, filters],
  );
  const articles = useArticlePages(articleQuery, library.version, report);
  const trash = useArticlePages(TRASH_QUERY, library.version, report);
  // The trash's rows are asked for only while it is shown; its count on the tab comes with the
  // library's totals, which every move to or from the trash asks for again.
  const trashCount = showTrash ? trash.total : (library.info?.trashedCount ?? trash.total);
  const facets = useFacets(filters, library.version, showFilters, report);

  const restore = (summary: ArticleSummary) => {
    api.invoke('articles:restore', { id: summary.id }).then(library.noteChanged, report);
  };

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape' && query !== '') {
      event.preventDefault();
      setQuery('');
    }
  };

  const chooseSort = (next: LibrarySort) => {
    setSort(next);
    setDirection(DEFAULT_DIRECTION[next]);
  };

  const info = library.info;
  const emptyLibrary = info !== null && info.articleCount === 0 && info.trashedCount === 0;
  const clearFilters = () => setFilterState(NO_FILTERS);

  if (collapsed) {
    return (
      <LibraryRail
        busy={busy}
        focus={focusAfter}
        onExpand={toggle}
        onCreate={onCreate}
        onLibraries={onLibraries}
        onHelp={onHelp}
        onSettings={onSettings}
      />
    );
  }

  return (
    <section className="library" aria-label="Library">
      <header className="library__header">
        <p className="brand">
          <span className="brand__mark" aria-hidden="true">
            C
          </span>
          <span className="brand__name">Copydesk</span>
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
          <CollapseToggle
            name="Collapse library"
            icon="sidebarLeft"
            shortcut={LIBRARY_SHORTCUT}
            autoFocus={focusAfter === 'toggle'}
            onClick={() => toggle('toggle')}
          />
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
          autoFocus={focusAfter === 'search'}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onSearchKeyDown}
        />
      </div>

      {showTrash || emptyLibrary ? null : (
        <div className="library__controls">
          <select
            className="library__sort"
            aria-label="Sort articles by"
            value={sort}
            disabled={search.kind === 'results'}
            title={search.kind === 'results' ? 'Search results are in order of relevance' : undefined}
            onChange={(event) => {
              const chosen = LibrarySortSchema.safeParse(event.target.value);
              if (chosen.success) chooseSort(chosen.data);
            }}
          >
            {LIBRARY_SORTS.map((value) => (
              <option key={value} value={value}>
                {SORT_LABELS[value]}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--small button--quiet"
            aria-label={`Sort order: ${directionLabel(sort, direction)}`}
            title="Reverse the order"
            disabled={search.kind === 'results'}
            onClick={() => setDirection(direction === 'asc' ? 'desc' : 'asc')}
          >
            {directionShort(sort, direction)}
          </button>
          <button
            type="button"
            className="button button--small button--quiet library__filters-toggle"
            aria-expanded={showFilters}
            aria-controls="library-filters"
            onClick={() => setShowFilters(!showFilters)}
          >
            Filters
            {activeFilters === 0 ? null : <span className="view-tab__count">{activeFilters}</span>}
          </button>
          {activeFilters === 0 || showFilters ? null : (
            <button type="button" className="button button--small button--quiet" onClick={clearFilters}>
              Clear filters
            </button>
          )}
        </div>
      )}

      {showFilters && !showTrash && !emptyLibrary ? (
        <LibraryFilterControls
          id="library-filters"
          state={filterState}
          facets={facets}
          onChange={setFilterState}
          onClear={clearFilters}
          person={person}
        />
      ) : null}

      {search.kind === 'results' ? (
        <SearchResults search={search} openId={openId} filtered={activeFilters > 0} />
      ) : (
        <>
          <div className="library__views" role="group" aria-label="Lists">
            <button type="button" className="view-tab" aria-pressed={!showTrash} onClick={() => setShowTrash(false)}>
              Articles <span className="view-tab__count">{numbers.format(articles.total)}</span>
            </button>
            <button type="button" className="view-tab" aria-pressed={showTrash} onClick={() => setShowTrash(true)}>
              Trash <span className="view-tab__count">{numbers.format(trashCount)}</span>
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
            !trash.loaded ? (
              <p className="library__note">Loading…</p>
            ) : trash.total === 0 ? (
              <p className="library__note">The trash is empty.</p>
            ) : (
              <VirtualArticleList
                pages={trash}
                label="Trash"
                renderRow={(summary, item) => (
                  <TrashRow summary={summary} item={item} onRestore={() => restore(summary)} />
                )}
              />
            )
          ) : !articles.loaded ? (
            <p className="library__note">Loading…</p>
          ) : articles.total === 0 ? (
            <p className="library__note">
              {activeFilters > 0
                ? 'No articles match these filters.'
                : 'No articles. Restore one from the trash, or start a new one.'}
            </p>
          ) : (
            <VirtualArticleList
              pages={articles}
              label="Articles"
              renderRow={(summary, item) => (
                <ArticleRow
                  summary={summary}
                  item={item}
                  isOpen={summary.id === openId}
                  showCreated={sort === 'created'}
                />
              )}
            />
          )}
        </>
      )}

      {desk === null ? null : <BackToLibrary />}
      <footer className="library__footer">
        {desk === null ? (
          <span className="library__file" title={info?.path}>
            {info === null ? '' : fileName(info.path)}
          </span>
        ) : (
          <DeskPerson desk={desk} />
        )}
        <LibraryTools onLibraries={onLibraries} onHelp={onHelp} onSettings={onSettings} />
      </footer>
    </section>
  );
}

function SearchResults({
  search,
  openId,
  filtered,
}: {
  search: Extract<SearchView, { kind: 'results' }>;
  openId: ArticleId | null;
  filtered: boolean;
}): JSX.Element {
  const count = search.hits.length;
  const list = useRef<HTMLUListElement>(null);
  const { onFocus, onKeyDown } = useRowTabStop(list);
  return (
    <div className="library__list" aria-busy={search.pending}>
      <p className="library__note" role="status">
        {search.pending
          ? 'Searching…'
          : count === 0
            ? `No articles match “${search.query}”.`
            : `${numbers.format(count)} ${count === 1 ? 'article matches' : 'articles match'} “${search.query}”${filtered ? ' with these filters' : ''}`}
      </p>
      {search.hint === null ? null : <p className="library__hint">{search.hint}</p>}
      {count === 0 ? null : (
        <ul ref={list} className="rows" aria-label="Search results" onFocus={onFocus} onKeyDown={onKeyDown}>
          {search.hits.map((hit) => (
            <ArticleRow
              key={hit.id}
              summary={hit}
              isOpen={hit.id === openId}
              excerpt={
                hit.snippet === '' ? undefined : (
                  <span className="row__excerpt clamp-2">
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
