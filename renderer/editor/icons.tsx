import type { JSX } from 'react';

/** Stroke paths on a 20×20 grid, drawn in currentColor like the app's other icons. */
const PATHS = {
  image: 'M3.5 4.5h13v11h-13zM3.5 13l3.8-3.8 3 3 2-2 4.2 4.2M12.8 8.2h.01',
  rule: 'M3 10h14M6 6h8M6 14h8',
  alsoSee: 'M4 5.5h7M4 9h5M4 12.5h4M11.5 15.5l5-5M12.5 10.5h4v4',
} as const;

export type EditorIconName = keyof typeof PATHS;

/** A decorative toolbar icon: the button that holds it carries the accessible name. */
export function EditorIcon({ name }: { name: EditorIconName }): JSX.Element {
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
