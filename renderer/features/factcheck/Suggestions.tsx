import { useState, type JSX } from 'react';

import type { ClaimSuggestion } from '../../../shared/claimSuggestions';
import type { ArticleId } from '../../../shared/domain';
import type { Claim } from '../../../shared/sources';

const STORAGE_PREFIX = 'copydesk.dismissedSuggestions.';

/** What identifies a suggestion across edits: its kind and its words. */
export const suggestionKey = (suggestion: ClaimSuggestion): string => `${suggestion.kind}:${suggestion.text}`;

function readDismissed(articleId: ArticleId): Set<string> {
  try {
    const raw = localStorage.getItem(STORAGE_PREFIX + articleId);
    const parsed: unknown = raw === null ? [] : JSON.parse(raw);
    return new Set(Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : []);
  } catch {
    return new Set();
  }
}

function writeDismissed(articleId: ArticleId, keys: ReadonlySet<string>): void {
  try {
    localStorage.setItem(STORAGE_PREFIX + articleId, JSON.stringify([...keys]));
  } catch {
    // Storage can be full or disabled: the dismissal then lasts until the article is closed.
  }
}

/** Suggestions not yet claimed (their words are not inside a live claim's) and not dismissed. */
function open(suggestions: readonly ClaimSuggestion[], claims: readonly Claim[], dismissed: ReadonlySet<string>) {
  const claimed = claims.filter((claim) => claim.state !== 'dismissed').map((claim) => claim.text);
  return suggestions.filter(
    (suggestion) =>
      !dismissed.has(suggestionKey(suggestion)) &&
      !claimed.some((text) => text.includes(suggestion.text) || suggestion.text.includes(text)),
  );
}

/**
 * What Copydesk proposes to check: quotations, attributed statements, figures, dates and
 * unattributed assertions found in the text. One click marks one as a claim, another sets it
 * aside (remembered for this article); nothing is marked without the person.
 */
export function Suggestions({
  articleId,
  suggestions,
  claims,
  onAccept,
}: {
  articleId: ArticleId;
  suggestions: readonly ClaimSuggestion[];
  claims: readonly Claim[];
  onAccept: (suggestion: ClaimSuggestion) => void;
}): JSX.Element | null {
  const [dismissed, setDismissed] = useState(() => readDismissed(articleId));
  const shown = open(suggestions, claims, dismissed);
  if (shown.length === 0) return null;
  const dismiss = (suggestion: ClaimSuggestion) => {
    const next = new Set(dismissed).add(suggestionKey(suggestion));
    writeDismissed(articleId, next);
    setDismissed(next);
  };
  return (
    <details className="suggestions" open>
      <summary>Suggested claims ({shown.length})</summary>
      <ul className="suggestions__list" aria-label="Suggested claims">
        {shown.map((suggestion) => (
          <li key={`${suggestion.paragraph}:${suggestion.start}:${suggestionKey(suggestion)}`} className="suggestion">
            <span className="suggestion__reason">{suggestion.reason}</span>
            <span className="suggestion__text">
              {suggestion.text.length > 160 ? `${suggestion.text.slice(0, 159)}…` : suggestion.text}
            </span>
            <span className="suggestion__actions">
              <button
                type="button"
                className="button button--small"
                aria-label={`Mark as claim: ${suggestion.text}`}
                onClick={() => onAccept(suggestion)}
              >
                Mark
              </button>
              <button
                type="button"
                className="button button--small button--quiet"
                aria-label={`Dismiss suggestion: ${suggestion.text}`}
                onClick={() => dismiss(suggestion)}
              >
                Dismiss
              </button>
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
