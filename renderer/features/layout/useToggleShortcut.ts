import { useEffect } from 'react';

/**
 * Ctrl+\ (⌘\ on Apple keyboards) and, with Shift, Ctrl+Shift+\: by the physical key, so the
 * shortcut stays where it is on keyboards that put another sign there. Not while a dialog is
 * open.
 */
export function useToggleShortcut(shift: boolean, toggle: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.shiftKey !== shift || !(event.ctrlKey || event.metaKey))
        return;
      if (event.code !== 'Backslash' && event.key !== '\\') return;
      if (document.querySelector('dialog[open]') !== null) return;
      event.preventDefault();
      toggle();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [shift, toggle]);
}
