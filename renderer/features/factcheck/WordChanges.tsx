import type { JSX } from 'react';

/** A run of words: in both texts, or only in the one or the other. */
export type WordChange = { text: string; change: 'same' | 'removed' | 'added' };

/** Words two texts share as they are, and the words only one has, struck out (removed) or marked in (added). */
export function WordChanges({
  parts,
  removedTitle,
  addedTitle,
}: {
  parts: readonly WordChange[];
  /** What a struck-out run is, on hover: "In the source, not in the quotation". */
  removedTitle: string;
  addedTitle: string;
}): JSX.Element {
  return (
    <span className="quote-check__diff">
      {parts.map((part, index) =>
        part.change === 'same' ? (
          <span key={index}>{part.text}</span>
        ) : part.change === 'removed' ? (
          <del key={index} title={removedTitle}>
            {part.text}
          </del>
        ) : (
          <ins key={index} title={addedTitle}>
            {part.text}
          </ins>
        ),
      )}
    </span>
  );
}
