import type { JSX, ReactNode } from 'react';

/**
 * The whole window given to one message, when Copydesk cannot show the library: what happened
 * (`title`) and, in the card, what can be done. `after` holds what opens from the card (dialogs).
 */
export function BlockedScreen({
  label = 'Copydesk',
  title,
  children,
  after,
}: {
  /** Names the landmark. */
  label?: string;
  title: string;
  children: ReactNode;
  after?: ReactNode;
}): JSX.Element {
  return (
    <main className="blocked" aria-label={label}>
      <div className="message-card">
        <h1>{title}</h1>
        {children}
      </div>
      {after}
    </main>
  );
}
