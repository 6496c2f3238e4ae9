import './factcheck.css';

import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type JSX } from 'react';

import { claimWordsChanged, quotedClaim } from '../../../shared/claimMarks';
import type { ClaimSuggestion, SuggestionList } from '../../../shared/claimSuggestions';
import type { ArticleId } from '../../../shared/domain';
import type { Claim, ClaimKind, Verdict, VerdictChange } from '../../../shared/sources';
import { CLAIM_KINDS, VERDICT_LABELS, VERDICTS } from '../../../shared/sources';
import { wordDiff } from '../../../shared/wordDiff';
import { mayGiveVerdicts } from '../../../shared/desk';
import { api } from '../../api';
import { ARIA_MOD, MOD_KEY, SHIFT_KEY } from '../../components/keys';
import { useDesk } from '../desk/DeskGate';
import { formatWhen } from '../library/formatWhen';
import { QuoteCheckResult } from './QuoteCheckResult';
import { readNoteDrafts, writeNoteDrafts } from './storedPerArticle';
import { Suggestions } from './Suggestions';
import { WordChanges } from './WordChanges';
import { downloadHtml } from '../../components/download';
import { useVirtualList } from '../../components/useVirtualList';

const KIND_LABELS: Readonly<Record<ClaimKind, string>> = {
  quote: 'Quote',
  figure: 'Figure',
  date: 'Date',
  attribution: 'Attribution',
  other: 'Other',
};

export type FactCheckActions = {
  /** Marks the text selected in the body as a new claim. */
  onMark: () => void;
  /** Marks a suggested claim's words as a claim. */
  onAccept: (suggestion: ClaimSuggestion) => void;
  /** Selects the claim's words in the body. */
  onShow: (claim: Claim) => void;
  /** Marks the text selected in the body as this (orphaned) claim's new span. */
  onAttach: (claim: Claim) => void;
  /** Opens the reader to choose a passage of a source for this claim. */
  onAddEvidence: (claim: Claim) => void;
  /** A claim as the services answered after a change. */
  onChanged: (claim: Claim) => void;
  /** Saves the text typed so far, so that a verdict is given to the claim's words as they stand. */
  flush: () => Promise<void>;
  onError: (error: unknown) => void;
};

function short(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** Every verdict the claim was given, oldest first, read when opened. */
function VerdictHistory({ claim, onError }: { claim: Claim; onError: (error: unknown) => void }): JSX.Element | null {
  const [changes, setChanges] = useState<VerdictChange[] | null>(null);
  if (claim.checker === '') return null;
  return (
    <details
      className="claim__history"
      onToggle={(event) => {
        if (event.currentTarget.open) api.invoke('claims:history', { id: claim.id }).then(setChanges, onError);
      }}
    >
      <summary>Verdict history</summary>
      {changes === null ? null : (
        <ol aria-label={`Verdicts given to “${short(claim.text, 60)}”`}>
          {changes.map((change, index) => (
            <li key={`${change.at}:${index}`}>
              {VERDICT_LABELS[change.verdict]} · {change.checker} · {formatWhen(change.at)}
              {change.note === '' ? null : <span className="claim__meta"> — {change.note}</span>}
              {change.verdict === 'unchecked' || !claimWordsChanged(change.text, claim.text) ? null : (
                <span className="claim__meta"> · given to “{short(change.text, 80)}”</span>
              )}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}

/** Saves the article's fact-check report (HTML) through the browser's download. */
function saveReport(articleId: ArticleId, onError: (error: unknown) => void): void {
  api.invoke('claims:report', { articleId }).then(({ html, fileName }) => downloadHtml(html, fileName), onError);
}

/** A claim's words changed after its verdict: then and now, the words that differ, and a way to confirm. */
function ChangedSinceVerdict({
  before,
  now,
  verdict,
  onConfirm,
}: {
  before: string;
  now: string;
  verdict: Verdict;
  onConfirm: () => void;
}): JSX.Element {
  const diff = useMemo(() => wordDiff(before, now), [before, now]);
  return (
    <div className="claim__changed">
      <p>
        <strong>Changed since the verdict:</strong> was {quotedClaim(short(before, 240))}, now{' '}
        {quotedClaim(short(now, 240))}
      </p>
      {diff === null || diff.parts.length > 60 ? null : (
        <p className="claim__meta">
          Words changed:{' '}
          <WordChanges
            parts={diff.parts.map((part) => ({
              text: part.text,
              change: part.kind === 'same' ? 'same' : part.kind === 'deleted' ? 'removed' : 'added',
            }))}
            removedTitle="When the verdict was given, not now"
            addedTitle="Now, not when the verdict was given"
          />
        </p>
      )}
      <p className="claim__meta">
        The verdict was given to the earlier words. Confirm it still holds, or give a new one.
      </p>
      <button type="button" className="button button--small" onClick={onConfirm}>
        Confirm: still {VERDICT_LABELS[verdict]}
      </button>
    </div>
  );
}

const ClaimCard = memo(function ClaimCard({
  claim,
  focused,
  draft,
  index,
  start,
  setSize,
  measure,
  onDraft,
  onSaveNote,
  actions,
  suggested,
}: {
  claim: Claim;
  focused: boolean;
  /** A suggested change to the claim's words waits to be accepted or rejected. */
  suggested: boolean;
  /** The note as being written, when it differs from the saved one. */
  draft: string | undefined;
  /** Where the card sits in the virtual list: its index (for measuring), its offset, the list's length. */
  index: number;
  start: number;
  setSize: number;
  measure: (element: Element | null) => void;
  onDraft: (id: string, note: string | undefined) => void;
  /** Keeps the note being written, if it differs from the saved one. */
  onSaveNote: (claim: Claim) => void;
  actions: FactCheckActions;
}): JSX.Element {
  const note = draft ?? claim.note;
  const name = short(claim.text, 60);
  // On a desk, a reporter sees the verdicts but does not give them (the desk refuses it anyway).
  const desk = useDesk();
  const judges = desk === null || mayGiveVerdicts(desk.person.role);
  const notJudgingId = `claim-${claim.id}-not-judging`;

  const update = (call: Promise<Claim>) => {
    call.then(actions.onChanged, actions.onError);
  };
  const setVerdict = (verdict: Verdict) => {
    actions
      .flush()
      .then(() => api.invoke('claims:setVerdict', { id: claim.id, verdict, note }))
      .then((saved) => {
        onDraft(claim.id, undefined);
        actions.onChanged(saved);
      }, actions.onError);
  };
  const changed = claim.changedSinceVerdict && claim.verdictText !== null;

  return (
    <li
      ref={measure}
      data-index={index}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      style={{ transform: `translateY(${start}px)` }}
      className={`claim${focused ? ' claim--focused' : ''}`}
      aria-current={focused ? 'true' : undefined}
      data-state={claim.state}
      data-changed={changed ? 'true' : undefined}
      aria-label={`Claim: ${name}`}
    >
      <blockquote className="claim__text">{short(claim.text, 400)}</blockquote>
      {claim.verdictText !== null && changed ? (
        <ChangedSinceVerdict
          before={claim.verdictText}
          now={claim.text}
          verdict={claim.verdict}
          onConfirm={() => setVerdict(claim.verdict)}
        />
      ) : null}
      {suggested ? (
        <p className="claim__warning">
          {claim.verdict === 'unchecked'
            ? 'A suggested change to these words waits to be accepted or rejected.'
            : 'A suggested change to these words waits: the verdict was given to the words as they stand, and accepting the change asks for a fresh look.'}
        </p>
      ) : null}
      {claim.state === 'orphaned' ? (
        <p className="claim__warning">Its words were deleted from the text. Attach it to new words, or dismiss it.</p>
      ) : null}
      <div className="claim__row">
        <label className="claim__field">
          <span>Kind</span>
          <select
            value={claim.kind}
            aria-label={`Kind of “${name}”`}
            onChange={(event) =>
              update(api.invoke('claims:setKind', { id: claim.id, kind: event.currentTarget.value as ClaimKind }))
            }
          >
            {CLAIM_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </label>
        <label className="claim__field">
          <span>Verdict</span>
          <select
            value={claim.verdict}
            aria-label={`Verdict on “${name}”`}
            aria-describedby={judges ? undefined : notJudgingId}
            disabled={!judges}
            data-verdict={claim.verdict}
            onChange={(event) => setVerdict(event.currentTarget.value as Verdict)}
          >
            {VERDICTS.map((verdict) => (
              <option key={verdict} value={verdict}>
                {VERDICT_LABELS[verdict]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {judges ? null : (
        <p id={notJudgingId} className="claim__meta">
          On this desk, verdicts are given by fact-checkers and editors.
        </p>
      )}
      <label className="claim__note">
        <span className="visually-hidden">Note on “{name}”</span>
        <textarea
          rows={2}
          readOnly={!judges}
          value={note}
          maxLength={5000}
          placeholder="Why this verdict (kept with it)"
          onChange={(event) => {
            const value = event.currentTarget.value;
            onDraft(claim.id, value === claim.note ? undefined : value);
          }}
          onBlur={() => onSaveNote(claim)}
        />
      </label>
      {note !== claim.note ? (
        <p className="claim__unsaved">
          <span className="claim__meta">Not saved yet: kept when you leave the note.</span>
          <button type="button" className="button button--small" onClick={() => onSaveNote(claim)}>
            Save note
          </button>
        </p>
      ) : null}
      {claim.checker === '' ? null : (
        <p className="claim__meta">
          {VERDICT_LABELS[claim.verdict]} · {claim.checker}
          {claim.checkedAt === null ? '' : ` · ${formatWhen(claim.checkedAt)}`}
        </p>
      )}
      <VerdictHistory claim={claim} onError={actions.onError} />
      {claim.kind === 'quote' ? <QuoteCheckResult claim={claim} onError={actions.onError} /> : null}
      {claim.evidence.length === 0 ? (
        <p className="claim__meta">No evidence linked yet.</p>
      ) : (
        <ul className="claim__evidence" aria-label={`Evidence for “${name}”`}>
          {claim.evidence.map((evidence) => (
            <li key={evidence.id}>
              <span className="claim__source">{evidence.sourceTitle}</span>
              <q>{short(evidence.exact, 240)}</q>
              <button
                type="button"
                className="button button--quiet button--small"
                aria-label={`Remove the passage from ${evidence.sourceTitle}`}
                onClick={() => update(api.invoke('claims:removeEvidence', { evidenceId: evidence.id }))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="claim__actions">
        {claim.state === 'attached' ? (
          <button type="button" className="button button--small" onClick={() => actions.onShow(claim)}>
            Show in text
          </button>
        ) : (
          <button type="button" className="button button--small" onClick={() => actions.onAttach(claim)}>
            Attach to selected text
          </button>
        )}
        <button type="button" className="button button--small" onClick={() => actions.onAddEvidence(claim)}>
          Add evidence…
        </button>
        {claim.state === 'orphaned' ? (
          <button
            type="button"
            className="button button--small button--danger"
            onClick={() => update(api.invoke('claims:dismiss', { id: claim.id }))}
          >
            Dismiss
          </button>
        ) : null}
      </div>
    </li>
  );
});

/**
 * Notes being written, by claim: kept in the panel (a card scrolled out of view and back keeps
 * its words) and in the browser's storage until saved. A note is saved when its field is left,
 * for every claim when the panel closes (another tab, another story), and on opening the panel
 * for any left unsaved before (a reload, a failed save).
 */
function useNoteDrafts(
  articleId: ArticleId,
  claims: readonly Claim[] | null,
  actions: FactCheckActions,
): {
  drafts: ReadonlyMap<string, string>;
  onDraft: (id: string, note: string | undefined) => void;
  save: (claim: Claim) => void;
} {
  const [drafts, setDrafts] = useState<ReadonlyMap<string, string>>(() => readNoteDrafts(articleId));
  const latest = useRef({ drafts, claims, actions });
  useLayoutEffect(() => {
    latest.current = { drafts, claims, actions };
  });

  const onDraft = useCallback(
    (id: string, note: string | undefined) => {
      setDrafts((current) => {
        const next = new Map(current);
        if (note === undefined) next.delete(id);
        else next.set(id, note);
        writeNoteDrafts(articleId, next);
        return next;
      });
    },
    [articleId],
  );

  const save = useCallback(
    (claim: Claim) => {
      const note = latest.current.drafts.get(claim.id);
      if (note === undefined) return;
      if (note === claim.note) {
        onDraft(claim.id, undefined);
        return;
      }
      api.invoke('claims:setNote', { id: claim.id, note }).then((saved) => {
        latest.current.actions.onChanged(saved);
        // Words typed while it was being saved stay a draft.
        setDrafts((current) => {
          if (current.get(claim.id) !== note) return current;
          const next = new Map(current);
          next.delete(claim.id);
          writeNoteDrafts(articleId, next);
          return next;
        });
      }, latest.current.actions.onError);
    },
    [articleId, onDraft],
  );

  const loaded = claims !== null;
  useEffect(() => {
    if (!loaded) return undefined;
    const saveAll = () => {
      const { drafts: pending, claims: known } = latest.current;
      for (const claim of known ?? []) if (pending.has(claim.id)) save(claim);
    };
    // Left unsaved last time the article was open; a note for a claim no longer in the library has nowhere to go.
    for (const id of latest.current.drafts.keys()) {
      if (!(latest.current.claims ?? []).some((claim) => claim.id === id)) onDraft(id, undefined);
    }
    saveAll();
    return saveAll;
  }, [loaded, save, onDraft]);

  return { drafts, onDraft, save };
}

/** A card's height before it is measured: the text, kind and verdict, the note and the actions. */
const ESTIMATED_CARD_PX = 230;

/**
 * Every claim of the article, with its verdict, note and evidence; filters by verdict and
 * kind; how many are checked. Orphaned claims stay here until attached again or dismissed.
 */
const NO_CLAIMS: ReadonlySet<string> = new Set();

export const FactCheckPanel = memo(function FactCheckPanel({
  articleId,
  claims,
  suggestions,
  focusedId,
  actions,
  suggestedIn = NO_CLAIMS,
}: {
  articleId: ArticleId;
  claims: readonly Claim[] | null;
  suggestions: SuggestionList;
  focusedId: string | null;
  actions: FactCheckActions;
  /** The claims whose words a suggested change waits in. */
  suggestedIn?: ReadonlySet<string>;
}): JSX.Element {
  const [verdict, setVerdict] = useState<Verdict | 'all' | 'changed'>('all');
  const [kind, setKind] = useState<ClaimKind | 'all'>('all');
  const notes = useNoteDrafts(articleId, claims, actions);
  const scroller = useRef<HTMLDivElement>(null);

  const live = useMemo(() => (claims ?? []).filter((claim) => claim.state !== 'dismissed'), [claims]);
  const shown = useMemo(
    () =>
      live.filter(
        (claim) =>
          (verdict === 'all' || claim.verdict === verdict || (verdict === 'changed' && claim.changedSinceVerdict)) &&
          (kind === 'all' || claim.kind === kind),
      ),
    [live, verdict, kind],
  );
  // Only the cards in view (and a few either side) are on the page: an article may hold a thousand.
  const virtualizer = useVirtualList(shown, scroller, {
    estimate: ESTIMATED_CARD_PX,
    gap: 10,
    overscan: 3,
    current: focusedId,
  });

  if (claims === null) return <p className="muted">Loading the claims…</p>;
  const checked = live.filter((claim) => claim.verdict !== 'unchecked').length;
  const changed = live.filter((claim) => claim.changedSinceVerdict).length;
  const dismissed = claims.filter((claim) => claim.state === 'dismissed');

  return (
    <div className="factcheck">
      <div className="factcheck__head">
        <p className="factcheck__coverage" role="status">
          {live.length === 0 ? 'No claims marked yet.' : `${checked} of ${live.length} claims checked`}
          {changed === 0 ? null : ` · ${changed} changed since ${changed === 1 ? 'its verdict' : 'their verdicts'}`}
        </p>
        <button
          type="button"
          className="button button--small button--primary"
          aria-keyshortcuts={`${ARIA_MOD}+Shift+M`}
          title={`Select words in the text, then mark them (${MOD_KEY}+${SHIFT_KEY}+M)`}
          onClick={actions.onMark}
        >
          Mark selection as claim
        </button>
        {live.length === 0 ? null : (
          <button type="button" className="button button--small" onClick={() => saveReport(articleId, actions.onError)}>
            Save report
          </button>
        )}
      </div>
      <Suggestions
        key={articleId}
        articleId={articleId}
        list={suggestions}
        claims={claims}
        onAccept={actions.onAccept}
      />
      {live.length === 0 ? (
        <p className="muted factcheck__help">
          Select a quote, a figure, a date or an attributed statement in the text and mark it as a claim. Then link it
          to the passage of a source that supports it and give it a verdict.
        </p>
      ) : (
        <div className="factcheck__filters">
          <select
            aria-label="Show claims with the verdict"
            value={verdict}
            onChange={(event) => setVerdict(event.currentTarget.value as Verdict | 'all' | 'changed')}
          >
            <option value="all">All verdicts</option>
            {changed === 0 && verdict !== 'changed' ? null : (
              <option value="changed">Changed since the verdict ({changed})</option>
            )}
            {VERDICTS.map((value) => (
              <option key={value} value={value}>
                {VERDICT_LABELS[value]} ({live.filter((claim) => claim.verdict === value).length})
              </option>
            ))}
          </select>
          <select
            aria-label="Show claims of the kind"
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as ClaimKind | 'all')}
          >
            <option value="all">All kinds</option>
            {CLAIM_KINDS.map((value) => (
              <option key={value} value={value}>
                {KIND_LABELS[value]} ({live.filter((claim) => claim.kind === value).length})
              </option>
            ))}
          </select>
        </div>
      )}
      {live.length > 0 && shown.length === 0 ? <p className="muted">No claim matches these filters.</p> : null}
      {shown.length === 0 ? null : (
        <div className="factcheck__scroll" ref={scroller}>
          <ul className="factcheck__claims" aria-label="Claims" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const claim = shown[item.index];
              if (claim === undefined) return null;
              return (
                <ClaimCard
                  key={claim.id}
                  claim={claim}
                  focused={claim.id === focusedId}
                  draft={notes.drafts.get(claim.id)}
                  index={item.index}
                  start={item.start}
                  setSize={shown.length}
                  measure={virtualizer.measureElement}
                  onDraft={notes.onDraft}
                  onSaveNote={notes.save}
                  actions={actions}
                  suggested={suggestedIn.has(claim.id)}
                />
              );
            })}
          </ul>
        </div>
      )}
      {dismissed.length === 0 ? null : (
        <details className="factcheck__dismissed">
          <summary>Dismissed ({dismissed.length})</summary>
          <ul>
            {dismissed.map((claim) => (
              <li key={claim.id}>
                “{short(claim.text)}” · {VERDICT_LABELS[claim.verdict]}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
});
