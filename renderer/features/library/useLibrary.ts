import { useCallback, useMemo, useRef, useState } from 'react';

import type { Article, ArticleSummary, LibraryInfo } from '../../../shared/domain';
import { api } from '../../api';
import { toSummary } from './summaries';

export const PAGE_SIZE = 50;

export type ListPage = { items: ArticleSummary[]; total: number; loaded: boolean };

const NOT_LOADED: ListPage = { items: [], total: 0, loaded: false };

export type Library = {
  articles: ListPage;
  trash: ListPage;
  info: LibraryInfo | null;
  reload: () => Promise<void>;
  showMore: (trashed: boolean) => Promise<void>;
  /** Keeps the list in step with the open article without asking the server again. */
  noteSaved: (article: Article) => void;
  noteCreated: (article: Article) => void;
  noteTrashed: (summary: ArticleSummary) => void;
  noteRestored: (summary: ArticleSummary) => void;
};

function withFirst(page: ListPage, summary: ArticleSummary, totalChange: number): ListPage {
  const items = [summary, ...page.items.filter((item) => item.id !== summary.id)];
  return { ...page, items, total: Math.max(page.total + totalChange, items.length) };
}

function without(page: ListPage, id: string): ListPage {
  const items = page.items.filter((item) => item.id !== id);
  const removed = items.length !== page.items.length;
  return { ...page, items, total: Math.max(page.total - (removed ? 1 : 0), items.length) };
}

/** The library's two lists (articles by last update, and the trash), paged. */
export function useLibrary(report: (error: unknown) => void): Library {
  const [articles, setArticles] = useState<ListPage>(NOT_LOADED);
  const [trash, setTrash] = useState<ListPage>(NOT_LOADED);
  const [info, setInfo] = useState<LibraryInfo | null>(null);
  // A reload supersedes every request started before it.
  const generation = useRef(0);
  const shownArticles = articles.items.length;
  const shownTrash = trash.items.length;

  const reload = useCallback(async () => {
    generation.current += 1;
    const started = generation.current;
    try {
      const [live, trashed, libraryInfo] = await Promise.all([
        api.invoke('articles:list', { offset: 0, limit: PAGE_SIZE, trashed: false }),
        api.invoke('articles:list', { offset: 0, limit: PAGE_SIZE, trashed: true }),
        api.invoke('library:info', {}),
      ]);
      if (started !== generation.current) return;
      setArticles({ items: live.items, total: live.total, loaded: true });
      setTrash({ items: trashed.items, total: trashed.total, loaded: true });
      setInfo(libraryInfo);
    } catch (error) {
      report(error);
    }
  }, [report]);

  const showMore = useCallback(
    async (trashed: boolean) => {
      const started = generation.current;
      const offset = trashed ? shownTrash : shownArticles;
      try {
        const page = await api.invoke('articles:list', { offset, limit: PAGE_SIZE, trashed });
        if (started !== generation.current) return;
        const set = trashed ? setTrash : setArticles;
        set((current) => {
          // Rows may have moved to the top since the first page was read: skip ones already shown.
          const known = new Set(current.items.map((item) => item.id));
          const fresh = page.items.filter((item) => !known.has(item.id));
          return { items: [...current.items, ...fresh], total: page.total, loaded: true };
        });
      } catch (error) {
        report(error);
      }
    },
    [report, shownArticles, shownTrash],
  );

  const noteSaved = useCallback((article: Article) => {
    setArticles((page) => withFirst(page, toSummary(article), 0));
  }, []);

  const noteCreated = useCallback((article: Article) => {
    setArticles((page) => withFirst(page, toSummary(article), 1));
  }, []);

  const noteTrashed = useCallback((summary: ArticleSummary) => {
    setArticles((page) => without(page, summary.id));
    setTrash((page) => withFirst(page, summary, 1));
  }, []);

  const noteRestored = useCallback((summary: ArticleSummary) => {
    setTrash((page) => without(page, summary.id));
    setArticles((page) => withFirst(page, summary, 1));
  }, []);

  return useMemo(
    () => ({ articles, trash, info, reload, showMore, noteSaved, noteCreated, noteTrashed, noteRestored }),
    [articles, trash, info, reload, showMore, noteSaved, noteCreated, noteTrashed, noteRestored],
  );
}
