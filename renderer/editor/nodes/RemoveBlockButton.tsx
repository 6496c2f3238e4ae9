import type { JSX } from 'react';

/** The small cross in a block decorator's corner that deletes the block. */
export function RemoveBlockButton({
  label,
  className,
  onClick,
}: {
  /** Names the block, e.g. "Remove image". */
  label: string;
  className: string;
  onClick: () => void;
}): JSX.Element {
  return (
    <button type="button" className={className} aria-label={label} title={label} onClick={onClick}>
      <svg viewBox="0 0 20 20" width="14" height="14" aria-hidden="true" focusable="false">
        <path d="M5 5l10 10M15 5 5 15" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
    </button>
  );
}
