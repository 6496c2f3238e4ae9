import type { JSX } from 'react';

/** Stroke paths on a 20×20 grid, drawn with currentColor so they follow the theme. */
const PATHS = {
  bulletList: 'M8 5h9M8 10h9M8 15h9M3.5 5h.01M3.5 10h.01M3.5 15h.01',
  numberList: 'M9 5h8M9 10h8M9 15h8M3 4l1.5-1v5M3 13.2c.4-.7 2.6-.9 2.6.6 0 1-2.6 2-2.6 3.2h2.8',
  quote: 'M4 14.5c0-4 1.5-7 4.5-8.5M4 14.5a2 2 0 1 0 0-.1M11 14.5c0-4 1.5-7 4.5-8.5M11 14.5a2 2 0 1 0 0-.1',
  link: 'M8.5 11.5a3.2 3.2 0 0 0 4.6 0l2.6-2.6a3.2 3.2 0 0 0-4.6-4.6l-1 1M11.5 8.5a3.2 3.2 0 0 0-4.6 0l-2.6 2.6a3.2 3.2 0 0 0 4.6 4.6l1-1',
  undo: 'M7 4.5 3.5 8 7 11.5M3.5 8H12a4.5 4.5 0 0 1 0 9H9',
  redo: 'M13 4.5 16.5 8 13 11.5M16.5 8H8a4.5 4.5 0 0 0 0 9h3',
  plus: 'M10 4v12M4 10h12',
  search: 'M8.5 14a5.5 5.5 0 1 0 0-11 5.5 5.5 0 0 0 0 11zM12.5 12.5 17 17',
  trash: 'M3.5 5.5h13M8 5.5V3.5h4v2M5 5.5l.8 11h8.4l.8-11M8.5 8.5v5M11.5 8.5v5',
  restore: 'M4 10a6 6 0 1 0 1.8-4.3M4 3.5v3h3',
  settings:
    'M10 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM10 2.5v2M10 15.5v2M2.5 10h2M15.5 10h2M4.7 4.7l1.4 1.4M13.9 13.9l1.4 1.4M4.7 15.3l1.4-1.4M13.9 6.1l1.4-1.4',
  help: 'M10 17.5a7.5 7.5 0 1 0 0-15 7.5 7.5 0 0 0 0 15zM7.8 7.6a2.3 2.3 0 0 1 4.4.9c0 1.5-2.2 1.9-2.2 3.2M10 14.2h.01',
  image: 'M3.5 4.5h13v11h-13zM3.5 13l4-4 3.5 3.5 2-2 3.5 3.5M12.5 8a1 1 0 1 0 0-.1',
  close: 'M5 5l10 10M15 5 5 15',
  left: 'M12 5l-5 5 5 5',
  right: 'M8 5l5 5-5 5',
  up: 'M5 12l5-5 5 5',
  check: 'M4 10.5l4 4 8-9',
  source: 'M5.5 3.5h6l3 3v10h-9zM11.5 3.5v3h3M8 10h4.5M8 13h4.5',
  down: 'M5 8l5 5 5-5',
  history: 'M3.5 10a6.5 6.5 0 1 0 1.9-4.6M3.5 3.5v3h3M10 6.5V10l2.5 2',
  // Bring in: an arrow entering a document from outside (not a download arrow into a tray).
  import: 'M8 6.5v-3h5.5l3 3v10H8v-3M13.5 3.5v3h3M2.5 10h9M8.5 7l3 3-3 3',
  export: 'M10 12V3M6.5 6.5 10 3l3.5 3.5M3.5 12.5v3h13v-3',
  // A paper plane: the story leaves this library for a desk.
  sendToDesk: 'M2.5 9.5 17 3.5l-4.5 13-3-5.5zM9.5 11 17 3.5',
  libraries: 'M3.5 3.5h3.5v13H3.5zM8.5 3.5H12v13H8.5zM13.4 4.4l3-.8 2.6 12-3 .8z',
  // A window with its left or right column: showing or hiding the library, the side panels.
  sidebarLeft: 'M3.5 4.5h13v11h-13zM8 4.5v11',
  sidebarRight: 'M3.5 4.5h13v11h-13zM12 4.5v11',
  // The editor toolbar's blocks.
  insertImage: 'M3.5 4.5h13v11h-13zM3.5 13l3.8-3.8 3 3 2-2 4.2 4.2M12.8 8.2h.01',
  rule: 'M3 10h14M6 6h8M6 14h8',
  suggest: 'M3.5 16.5h4l9-9-4-4-9 9zM11 5l4 4M10.5 16.5h6',
  comment: 'M3.5 4.5h13v9H9l-4 3v-3H3.5zM6.5 8h7M6.5 10.5h4.5',
  alsoSee: 'M4 5.5h7M4 9h5M4 12.5h4M11.5 15.5l5-5M12.5 10.5h4v4',
} as const;

export type IconName = keyof typeof PATHS;

/** A decorative icon: the control that holds it carries the accessible name. */
export function Icon({ name }: { name: IconName }): JSX.Element {
  return (
    <svg className="icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
      <path
        d={PATHS[name]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
