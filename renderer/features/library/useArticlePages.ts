import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import type { ArticleSummary } from '../../../shared/domain';
import type { LibraryFilters, LibrarySort, SortDirection } from '../../../shared/library';
import { api } from '../../api';

/** Rows asked for at a time as the list scrolls. */
export const PAGE_SIZE = 100;
/** Pages kept; the ones farthest from what is on screen are dropped first. */
const MAX_PAGES = 12;

export type ListQuery = {
  trashed: boolean;
  sort: LibrarySort;
  direction: SortDirection;
  filters: LibraryFilters;
};

export type ArticlePages = {
  /** Articles matching the query, as the server last counted them. */
  total: number;
  /** False until the first page of this query has arrived. */
  loaded: boolean;
  /** The row at `index`, when its page is in memory (possibly from before the last change). */
  rowAt: (index: number) => ArticleSummary | undefined;
  /** Makes sure rows `first`..`last` are in memory or on their way. */
  request: (first: number, last: number) => void;
};

type Page = { rows: ArticleSummary[]; version: number };
type Cache = { key: string; total: number; loaded: boolean; pages: ReadonlyMap<number, Page> };

/**
 * A window onto a long, sorted, filtered list: pages are fetched as they scroll into view and
 * only a few are kept, so a library of 100,000 articles never sits in memory. A new `version`
 * (the library changed) fetches the pages on screen again while still showing the old rows.
 */
export function useArticlePages(query: ListQuery, version: number, report: (error: unknown) => void): ArticlePages {
  const key = JSON.stringify(query);
  const [cache, setCache] = useState<Cache>({ key, total: 0, loaded: false, pages: new Map() });
  const current: Cache = cache.key === key ? cache : { key, total: 0, loaded: false, pages: new Map() };
  const latestKey = useRef(key);
  const inflight = useRef(new Map<number, string>());
  const visible = useRef({ first: 0, last: 0 });

  useEffect(() => {
    latestKey.current = key;
    inflight.current.clear();
  }, [key]);

  const fetchPage = useCallback(
    (page: number) => {
      const tag = `${version}:${key}`;
      if (inflight.current.get(page) === tag) return;
      inflight.current.set(page, tag);
      const parsed = JSON.parse(key) as ListQuery;
      api.invoke('articles:list', { ...parsed, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
        (result) => {
          if (inflight.current.get(page) === tag) inflight.current.delete(page);
          if (latestKey.current !== key) return;
          setCache((previous) => {
            const base = previous.key === key ? previous.pages : new Map<number, Page>();
            const pages = new Map(base);
            pages.set(page, { rows: result.items, version });
            const centre = Math.floor((visible.current.first + visible.current.last) / 2 / PAGE_SIZE);
            const byDistance = [...pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
            for (const far of byDistance.slice(0, Math.max(0, pages.size - MAX_PAGES))) {
              if (far !== page) pages.delete(far);
            }
            return { key, total: result.total, loaded: true, pages };
          });
        },
        (error: unknown) => {
          if (inflight.current.get(page) === tag) inflight.current.delete(page);
          report(error);
        },
      );
    },
    [key, version, report],
  );

  const { pages } = current;

  // The first page comes unasked: until it arrives there is no list to scroll. An empty list
  // asks again at every new version, since there are no rows on screen to do it.
  const loaded = current.loaded;
  const empty = current.total === 0;
  useEffect(() => {
    if (!loaded || empty) fetchPage(0);
  }, [fetchPage, loaded, empty]);
  const request = useCallback(
    (first: number, last: number) => {
      visible.current = { first, last };
      const from = Math.floor(Math.max(0, first) / PAGE_SIZE);
      const to = Math.floor(Math.max(first, last) / PAGE_SIZE);
      for (let page = from; page <= to; page += 1) {
        if (pages.get(page)?.version !== version) fetchPage(page);
      }
    },
    [pages, version, fetchPage],
  );

  const rowAt = useCallback(
    (index: number) => pages.get(Math.floor(index / PAGE_SIZE))?.rows[index % PAGE_SIZE],
    [pages],
  );

  return useMemo(
    () => ({ total: current.total, loaded: current.loaded, rowAt, request }),
    [current.total, current.loaded, rowAt, request],
  );
}
