import { useEffect, useRef, useState, type JSX, type KeyboardEvent } from 'react';

import { Icon } from '../../components/Icon';
import { filesFromInput, type ChosenFile } from './collectFiles';

const ACCEPT = '.txt,.text,.md,.markdown,.html,.htm,.xhtml,.docx,.pdf,.json,.zip';

/**
 * "Import…": a menu button offering files or a whole folder, each through the system's file
 * chooser. Arrow keys move between the two choices; Escape closes the menu.
 */
export function ImportMenu({
  onFiles,
  disabled,
}: {
  onFiles: (files: ChosenFile[]) => void;
  disabled: boolean;
}): JSX.Element {
  const [open, setOpen] = useState(false);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (folderInput.current !== null) folderInput.current.webkitdirectory = true;
  }, []);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const close = (event: PointerEvent) => {
      if (event.target instanceof Node && menu.current?.contains(event.target) !== true) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);

  const choose = (input: HTMLInputElement | null) => {
    setOpen(false);
    button.current?.focus();
    input?.click();
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false);
      button.current?.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(at + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };

  const picked = (input: HTMLInputElement) => {
    const files = input.files === null ? [] : filesFromInput(input.files);
    // Cleared so that choosing the same files again starts another import.
    input.value = '';
    if (files.length > 0) onFiles(files);
  };

  return (
    <div className="import-menu">
      <button
        ref={button}
        type="button"
        className="icon-button"
        aria-label="Import files or a folder…"
        title="Import files or a folder (or drop them on the window)"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={disabled}
        onClick={() => setOpen((value) => !value)}
      >
        <Icon name="import" />
      </button>
      {open ? (
        <div ref={menu} className="import-menu__list" role="menu" aria-label="Import" onKeyDown={onMenuKeyDown}>
          <button
            type="button"
            role="menuitem"
            className="import-menu__item"
            onClick={() => choose(filesInput.current)}
          >
            Files…
          </button>
          <button
            type="button"
            role="menuitem"
            className="import-menu__item"
            onClick={() => choose(folderInput.current)}
          >
            A folder…
          </button>
        </div>
      ) : null}
      <input
        ref={filesInput}
        type="file"
        multiple
        accept={ACCEPT}
        hidden
        aria-label="Files to import"
        onChange={(event) => picked(event.currentTarget)}
      />
      <input
        ref={folderInput}
        type="file"
        hidden
        aria-label="Folder to import"
        onChange={(event) => picked(event.currentTarget)}
      />
    </div>
  );
}
