import type { JSX } from 'react';

import { Icon, type IconName } from '../../components/Icon';

export type IconButtonProps = {
  /** Its accessible name: the button shows only an icon, so the name says what it does. */
  name: string;
  icon: IconName;
  /** The tooltip; the name when not given. */
  title?: string;
  /** aria-keyshortcuts: "Control+\", "F1". */
  keyShortcuts?: string;
  small?: boolean;
  disabled?: boolean;
  /** Focus on appearing: it took the place of the control that had focus. */
  autoFocus?: boolean;
  onClick: () => void;
};

/** A button drawn as an icon alone, as the rails and the library's foot have them. */
export function IconButton({
  name,
  icon,
  title = name,
  keyShortcuts,
  small = false,
  disabled = false,
  autoFocus = false,
  onClick,
}: IconButtonProps): JSX.Element {
  return (
    <button
      type="button"
      className={`icon-button${small ? ' icon-button--small' : ''}`}
      aria-label={name}
      aria-keyshortcuts={keyShortcuts}
      title={title}
      disabled={disabled}
      autoFocus={autoFocus}
      onClick={onClick}
    >
      <Icon name={icon} />
    </button>
  );
}
