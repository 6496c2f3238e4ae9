import { useEffect, useState, type JSX } from 'react';

import { checkQuote, quotationsIn, type QuoteCheck } from '../../../shared/quoteCheck';
import type { Claim } from '../../../shared/sources';
import { api } from '../../api';
import { WordChanges } from './WordChanges';

type Checked = { quote: string; source: string; check: QuoteCheck };

/** The quotation's words: what is between its quote marks, or all of it when it has none. */
function quotedWords(text: string): string[] {
  const quotations = quotationsIn(text).map((quotation) => quotation.text);
  return quotations.length > 0 ? quotations : [text];
}

const RANK: Readonly<Record<QuoteCheck['result'], number>> = { matches: 0, differs: 1, absent: 2 };

/**
 * A quotation held against the snapshots its evidence points into: word for word (after
 * quote marks, dashes and spacing are evened out), close but different with the words that
 * differ, or not there at all.
 */
export function QuoteCheckResult({
  claim,
  onError,
}: {
  claim: Claim;
  onError: (error: unknown) => void;
}): JSX.Element | null {
  const [checked, setChecked] = useState<Checked[] | null>(null);
  const snapshots = [...new Set(claim.evidence.map((evidence) => evidence.snapshotId))];
  const key = `${claim.text}\u0000${snapshots.join(',')}`;

  useEffect(() => {
    if (snapshots.length === 0) return undefined;
    let current = true;
    Promise.all(snapshots.map((id) => api.invoke('sources:snapshot', { id }))).then((loaded) => {
      if (!current) return;
      const results: Checked[] = [];
      for (const quote of quotedWords(claim.text)) {
        const best = loaded
          .map((snapshot) => ({
            quote,
            source: claim.evidence.find((evidence) => evidence.snapshotId === snapshot.id)?.sourceTitle ?? '',
            check: checkQuote(quote, snapshot.text),
          }))
          .sort((a, b) => RANK[a.check.result] - RANK[b.check.result] || b.check.similarity - a.check.similarity)[0];
        if (best !== undefined) results.push(best);
      }
      setChecked(results);
    }, onError);
    return () => {
      current = false;
    };
    // The key names everything the check depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, onError]);

  if (snapshots.length === 0 || checked === null) return null;
  return (
    <div className="quote-check" aria-label="Quote check">
      {checked.map(({ quote, source, check }) => (
        <p key={quote} className={`quote-check__result quote-check__result--${check.result}`}>
          {check.result === 'matches' ? (
            <>The quotation matches {source} word for word.</>
          ) : check.result === 'absent' ? (
            <>The quotation is not in {source}: no passage there comes close.</>
          ) : (
            <>
              The quotation differs from {source}:{' '}
              <WordChanges
                parts={(check.diff ?? []).map((part) => ({ text: part.text, change: part.op }))}
                removedTitle="In the source, not in the quotation"
                addedTitle="In the quotation, not in the source"
              />
            </>
          )}
        </p>
      ))}
    </div>
  );
}
