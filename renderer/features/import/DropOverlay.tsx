import type { JSX } from 'react';

/** Shown while files are dragged over the window: where they will go. */
export function DropOverlay({ libraryName }: { libraryName: string }): JSX.Element {
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-overlay__card">
        <h2>Drop to import</h2>
        <p className="muted">
          Text, Markdown, web pages and Word files, or whole folders{libraryName === '' ? '' : `, into ${libraryName}`}.
        </p>
      </div>
    </div>
  );
}
