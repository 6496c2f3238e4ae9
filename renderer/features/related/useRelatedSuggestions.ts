import { useEffect, useState } from 'react';

import type { RelatedDraft, SuggestRelatedResult } from '../../../shared/related';
import { api } from '../../api';

/** How long the draft must stay still before the library is asked again. */
export const RELATED_PAUSE_MS = 700;
const LIMIT = 8;

export type RelatedSuggestionsState = {
  /** null until the first answer. */
  result: SuggestRelatedResult | null;
  /** A newer draft is being compared. */
  refreshing: boolean;
};

/**
 * The library's articles related to the draft as it stands, asked for again once the draft
 * has stayed the same for a moment (never on each keystroke); an answer to an older draft
 * that arrives late is dropped.
 */
export function useRelatedSuggestions(draft: RelatedDraft, onError: (error: unknown) => void): RelatedSuggestionsState {
  const key = JSON.stringify(draft);
  // The latest answer, and the draft it answers: while they differ, a newer one is on its way.
  const [answer, setAnswer] = useState<{ key: string; result: SuggestRelatedResult | null } | null>(null);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      api.invoke('related:suggest', { draft: JSON.parse(key) as RelatedDraft, limit: LIMIT }).then(
        (result) => {
          if (current) setAnswer({ key, result });
        },
        (error: unknown) => {
          if (!current) return;
          setAnswer((previous) => ({ key, result: previous?.result ?? null }));
          onError(error);
        },
      );
    }, RELATED_PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, onError]);
  return { result: answer?.result ?? null, refreshing: answer?.key !== key };
}
