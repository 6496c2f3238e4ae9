import { useMemo, useState, type JSX } from 'react';

import type { ClaimSuggestion, RankedSuggestion, SuggestionList } from '../../../shared/claimSuggestions';
import { FIRST_SUGGESTIONS, pageSuggestions, unclaimedSuggestions } from '../../../shared/claimSuggestions';
import type { ArticleId } from '../../../shared/domain';
import type { Claim } from '../../../shared/sources';
import { readStored, writeStored } from './storedPerArticle';

const STORAGE_PREFIX = 'copydesk.dismissedSuggestions.';

/** How many a group draws at a time; "Show more" draws the next ones. */
const GROUP_PAGE = 20;

/** What identifies a suggestion across edits: its kind and its words. */
export const suggestionKey = (suggestion: ClaimSuggestion): string => `${suggestion.kind}:${suggestion.text}`;

function readDismissed(articleId: ArticleId): Set<string> {
  const stored = readStored(STORAGE_PREFIX, articleId);
  return new Set(Array.isArray(stored) ? stored.filter((item): item is string => typeof item === 'string') : []);
}

function writeDismissed(articleId: ArticleId, keys: ReadonlySet<string>): void {
  writeStored(STORAGE_PREFIX, articleId, [...keys]);
}

const clip = (text: string) => (text.length > 160 ? `${text.slice(0, 159)}…` : text);

function SuggestionItem({
  suggestion,
  onAccept,
  onDismiss,
}: {
  suggestion: RankedSuggestion;
  onAccept: (suggestion: ClaimSuggestion) => void;
  onDismiss: (suggestion: ClaimSuggestion) => void;
}): JSX.Element {
  return (
    <li className="suggestion">
      <span className="suggestion__reason">{suggestion.reason}</span>
      <span className="suggestion__text">{clip(suggestion.text)}</span>
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
          onClick={() => onDismiss(suggestion)}
        >
          Dismiss
        </button>
      </span>
    </li>
  );
}

const itemKey = (suggestion: RankedSuggestion) =>
  `${suggestion.paragraph}:${suggestion.start}:${suggestionKey(suggestion)}`;

/** One kind's suggestions, closed until opened; drawn a page at a time. */
function SuggestionGroup({
  label,
  suggestions,
  onAccept,
  onDismiss,
}: {
  label: string;
  suggestions: readonly RankedSuggestion[];
  onAccept: (suggestion: ClaimSuggestion) => void;
  onDismiss: (suggestion: ClaimSuggestion) => void;
}): JSX.Element {
  const [open, setOpen] = useState(false);
  const [drawn, setDrawn] = useState(GROUP_PAGE);
  const left = suggestions.length - drawn;
  return (
    <details className="suggestions__group" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        {label} ({suggestions.length})
      </summary>
      {open ? (
        <>
          <ul className="suggestions__list" aria-label={`Suggested claims: ${label}`}>
            {suggestions.slice(0, drawn).map((suggestion) => (
              <SuggestionItem
                key={itemKey(suggestion)}
                suggestion={suggestion}
                onAccept={onAccept}
                onDismiss={onDismiss}
              />
            ))}
          </ul>
          {left <= 0 ? null : (
            <button
              type="button"
              className="button button--small button--quiet suggestions__more"
              onClick={() => setDrawn(drawn + GROUP_PAGE)}
            >
              Show {Math.min(left, GROUP_PAGE)} more ({left} not shown)
            </button>
          )}
        </>
      ) : null}
    </details>
  );
}

/**
 * What Copydesk proposes to check, best first: the few most worth checking (figures,
 * quotations, named sources, dates), then the rest by kind, each group closed with its count
 * and drawn a page at a time. One click marks one as a claim, another sets it aside
 * (remembered for this article); a suggestion whose words are already claimed is not shown.
 * Nothing is marked without the person.
 */
export function Suggestions({
  articleId,
  list,
  claims,
  onAccept,
}: {
  articleId: ArticleId;
  list: SuggestionList;
  claims: readonly Claim[];
  onAccept: (suggestion: ClaimSuggestion) => void;
}): JSX.Element | null {
  const [dismissed, setDismissed] = useState(() => readDismissed(articleId));
  const claimTexts = useMemo(
    () => claims.filter((claim) => claim.state !== 'dismissed').map((claim) => claim.text),
    [claims],
  );
  const shown = useMemo(
    () => unclaimedSuggestions(list, claimTexts).filter((suggestion) => !dismissed.has(suggestionKey(suggestion))),
    [list, claimTexts, dismissed],
  );
  const page = useMemo(() => pageSuggestions(shown, FIRST_SUGGESTIONS), [shown]);
  if (shown.length === 0) return null;
  const dismiss = (suggestion: ClaimSuggestion) => {
    const next = new Set(dismissed).add(suggestionKey(suggestion));
    writeDismissed(articleId, next);
    setDismissed(next);
  };
  return (
    <details className="suggestions" open>
      <summary>Suggested claims ({shown.length})</summary>
      <p className="suggestions__lead">
        {shown.length <= FIRST_SUGGESTIONS
          ? 'Most worth checking first.'
          : `The ${page.best.length} most worth checking:`}
      </p>
      <ul className="suggestions__list" aria-label="Suggested claims, most worth checking first">
        {page.best.map((suggestion) => (
          <SuggestionItem key={itemKey(suggestion)} suggestion={suggestion} onAccept={onAccept} onDismiss={dismiss} />
        ))}
      </ul>
      {page.groups.map((group) => (
        <SuggestionGroup
          key={group.kind}
          label={group.label}
          suggestions={group.suggestions}
          onAccept={onAccept}
          onDismiss={dismiss}
        />
      ))}
    </details>
  );
}
