import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import type { ArticleId } from '../../../shared/domain';
import type { Claim, Source } from '../../../shared/sources';
import { VerdictSchema } from '../../../shared/sources';
import { api } from '../../api';
import type { ClaimMarkState } from '../../editor/plugins/ClaimsPlugin';

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
 * Only the answer to the latest request is shown, and only if no claim was changed here while
 * it was on its way: a list read before a verdict was given must not take that verdict back
 * (it is asked for again instead).
 */
export function useClaims(articleId: ArticleId | null, saves: number, report: (error: unknown) => void): ClaimsState {
  const [claims, setClaims] = useState<Claim[] | null>(null);
  const asked = useRef(0);
  const changedHere = useRef(0);
  const reload = useCallback(() => {
    if (articleId === null) return;
    const ask = () => {
      const request = ++asked.current;
      const since = changedHere.current;
      api.invoke('claims:list', { articleId }).then((list) => {
        if (request !== asked.current) return;
        if (since !== changedHere.current) ask();
        else setClaims(list);
      }, report);
    };
    ask();
  }, [articleId, report]);
  useEffect(() => {
    reload();
  }, [reload, saves]);
  const put = useCallback((claim: Claim) => {
    changedHere.current += 1;
    setClaims((current) => {
      const list = current ?? [];
      return list.some((item) => item.id === claim.id)
        ? list.map((item) => (item.id === claim.id ? claim : item))
        : [...list, claim];
    });
  }, []);
  return useMemo(() => ({ claims, reload, put }), [claims, reload, put]);
}

/**
 * What each claim's marks in the text show, by claim id. The same map while no verdict and no
 * changed state moves: the claims are read again after every save, and a new map would repaint
 * every mark in the text.
 */
export function useClaimMarkStates(claims: readonly Claim[] | null): ReadonlyMap<string, ClaimMarkState> {
  const key = (claims ?? [])
    .map((claim) => `${claim.id}=${claim.verdict}${claim.changedSinceVerdict ? '=changed' : ''}`)
    .join(' ');
  return useMemo(
    () =>
      new Map(
        key
          .split(' ')
          .filter((entry) => entry !== '')
          .map((entry) => {
            const [id = '', verdict, changed] = entry.split('=');
            return [id, { verdict: VerdictSchema.parse(verdict), changed: changed === 'changed' }];
          }),
      ),
    [key],
  );
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
