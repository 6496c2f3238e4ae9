import type { JSX } from 'react';

import { focusRegion } from './regions';

/**
 * "Skip to the editor": the window's first Tab stop, shown when it has focus, for a person who
 * works from the keyboard and would otherwise tab through the whole library first.
 */
export function SkipLink(): JSX.Element {
  return (
    <a
      className="skip-link"
      // The address is the open article's: the link itself moves focus, and leaves the address alone.
      href="#editor"
      onClick={(event) => {
        event.preventDefault();
        focusRegion('editor');
      }}
    >
      Skip to the editor
    </a>
  );
}
