import type { JSX } from 'react';

import { ariaKeyShortcuts, shortcutLabel, type Shortcut } from '../../editor/shortcuts';
import { IconButton, type IconButtonProps } from './IconButton';

/** The button that collapses a side of the window to a rail of icons, or expands it again. */
export function CollapseToggle({
  shortcut,
  ...button
}: Omit<IconButtonProps, 'title' | 'keyShortcuts'> & { shortcut: Shortcut }): JSX.Element {
  return (
    <IconButton
      {...button}
      title={`${button.name} (${shortcutLabel(shortcut)})`}
      keyShortcuts={ariaKeyShortcuts(shortcut)}
    />
  );
}
