import { useCallback, useEffect, useMemo, useState } from 'react';

import type { ArticleId } from '../../../shared/domain';
import type { Claim, Source } from '../../../shared/sources';
import { api } from '../../api';

export type ClaimsState = {
  /** null until first loaded. */
  claims: Claim[] | null;
  reload: () => void;
  /** Puts a claim the services answered with in place of the one shown (or adds it). */
  put: (claim: Claim) => void;
};

/**
 * An article's claims, asked for again after every save (a save may orphan or re-attach them).
 * Nothing is asked while `articleId` is null (a new story the library does not have yet).
 */
export function useClaims(articleId: ArticleId | null, saves: number, report: (error: unknown) => void): ClaimsState {
  const [claims, setClaims] = useState<Claim[] | null>(null);
  const reload = useCallback(() => {
    if (articleId !== null) api.invoke('claims:list', { articleId }).then(setClaims, report);
  }, [articleId, report]);
  useEffect(() => {
    reload();
  }, [reload, saves]);
  const put = useCallback((claim: Claim) => {
    setClaims((current) => {
      const list = current ?? [];
      return list.some((item) => item.id === claim.id)
        ? list.map((item) => (item.id === claim.id ? claim : item))
        : [...list, claim];
    });
  }, []);
  return useMemo(() => ({ claims, reload, put }), [claims, reload, put]);
}

export type SourcesState = {
  sources: Source[] | null;
  reload: () => void;
  set: (sources: Source[]) => void;
};

/** The sources an article cites; none asked for while `articleId` is null. */
export function useArticleSources(articleId: ArticleId | null, report: (error: unknown) => void): SourcesState {
  const [sources, setSources] = useState<Source[] | null>(null);
  const reload = useCallback(() => {
    if (articleId !== null) api.invoke('sources:forArticle', { articleId }).then(setSources, report);
  }, [articleId, report]);
  useEffect(() => {
    reload();
  }, [reload]);
  return useMemo(() => ({ sources, reload, set: setSources }), [sources, reload]);
}

const MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b(?:19|20)\d{2}\b/i;

/** The kind a newly marked claim most likely is, from its words; the checker can change it. */
export function guessClaimKind(text: string): Claim['kind'] {
  const trimmed = text.trim();
  if (/^["“‘'«]/.test(trimmed)) return 'quote';
  if (/\b(?:said|says|told|according to|in a statement|announced|stated)\b/i.test(trimmed)) return 'attribution';
  if (MONTH.test(trimmed)) return 'date';
  if (/\d/.test(trimmed) || /\b(?:percent|per cent|million|billion|thousand|hundred|dozen)\b/i.test(trimmed)) {
    return 'figure';
  }
  return 'other';
}
