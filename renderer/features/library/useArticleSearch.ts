import { useEffect, useState } from 'react';

import type { SearchHit } from '../../../shared/domain';
import type { LibraryFilters } from '../../../shared/library';
import { api } from '../../api';

export const SEARCH_DEBOUNCE_MS = 200;

type Answer = { query: string; filters: string; hits: SearchHit[]; hint: string | null };

export type SearchView =
  | { kind: 'idle' }
  /** `pending`: the hits shown answer an earlier query; the current one is on its way. */
  | { kind: 'results'; query: string; hits: SearchHit[]; hint: string | null; pending: boolean };

/**
 * Searches as the query changes, once typing pauses. Only the answer to the latest query is
 * kept: a slow reply to an earlier one is dropped. A change of `refresh` or of the filters
 * asks again.
 */
export function useArticleSearch(
  query: string,
  filters: LibraryFilters,
  refresh: number,
  report: (error: unknown) => void,
): SearchView {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const trimmed = query.trim();
  const filterKey = JSON.stringify(filters);

  useEffect(() => {
    if (trimmed === '') return undefined;
    let current = true;
    const timer = setTimeout(() => {
      const chosen = JSON.parse(filterKey) as LibraryFilters;
      api.invoke('articles:search', { query: trimmed, limit: 50, filters: chosen }).then(
        (result) => {
          if (current) setAnswer({ query: trimmed, filters: filterKey, hits: result.hits, hint: result.hint });
        },
        (error: unknown) => {
          if (!current) return;
          setAnswer({ query: trimmed, filters: filterKey, hits: [], hint: null });
          report(error);
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [trimmed, filterKey, refresh, report]);

  if (trimmed === '') return { kind: 'idle' };
  if (answer === null) return { kind: 'results', query: trimmed, hits: [], hint: null, pending: true };
  return {
    kind: 'results',
    query: trimmed,
    hits: answer.hits,
    hint: answer.hint,
    pending: answer.query !== trimmed || answer.filters !== filterKey,
  };
}
