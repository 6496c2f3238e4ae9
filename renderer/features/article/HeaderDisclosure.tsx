import { useState, type JSX, type ReactNode } from 'react';

import type { EditableValues, HeaderValues } from './ArticleHeader';
import type { HeldField, TextField } from './ArticleSaver';

/** What the fields under a header disclosure are given. */
export type DisclosedFieldsProps = {
  values: HeaderValues;
  /** Fields held back from saves, with why. */
  held: readonly HeldField[];
  onDraft: (field: TextField, text: string, message: string | null) => void;
  onDraftDropped: (field: TextField) => void;
  onChange: (patch: Partial<EditableValues>) => void;
  onLeaveField: () => void;
};

function readOpen(storageKey: string): boolean {
  try {
    return localStorage.getItem(storageKey) === 'open';
  } catch {
    return false;
  }
}

/**
 * Header fields a desk sets once per story, under a disclosure that remembers (under
 * `storageKey`) whether it was left open, and shows `digest` while it is folded. A field of
 * `fields` held back with a reason is never out of sight: the disclosure opens for it.
 */
export function HeaderDisclosure({
  storageKey,
  title,
  fields,
  held,
  digest,
  className,
  children,
}: {
  storageKey: string;
  title: string;
  fields: ReadonlySet<string>;
  held: readonly HeldField[];
  digest: () => string;
  className?: string;
  children: ReactNode;
}): JSX.Element {
  const [open, setOpen] = useState(() => readOpen(storageKey));
  const shownOpen = open || held.some((entry) => fields.has(entry.field) && entry.message !== null);
  return (
    <details
      className={className === undefined ? 'details' : `details ${className}`}
      open={shownOpen}
      onToggle={(event) => {
        const next = event.currentTarget.open;
        setOpen(next);
        try {
          localStorage.setItem(storageKey, next ? 'open' : 'closed');
        } catch {
          // Storage can be disabled; the disclosure then starts closed next time.
        }
      }}
    >
      <summary className="details__summary">
        <span className="details__title">{title}</span>
        {shownOpen ? null : <span className="details__digest">{digest()}</span>}
      </summary>
      {children}
    </details>
  );
}
