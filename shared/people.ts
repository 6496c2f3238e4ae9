/** People on a desk as the screens show them. */

/**
 * The colours of people in a story (their cursors, their suggestions): each dark enough for its name, written in white
 * on it, to read at 4.5:1 or better, and each unlike the others.
 */
const PERSON_COLOURS = [
  '#b3261e',
  '#1d5aa6',
  '#2f6b2f',
  '#8a4b00',
  '#6b3fa0',
  '#0b6b6b',
  '#a1306b',
  '#4a5a0f',
  '#5b4636',
  '#2d4a8a',
] as const;

/** A person's colour for their cursor and name in a story, the same for them on every screen. */
export function personColour(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return PERSON_COLOURS[hash % PERSON_COLOURS.length] ?? PERSON_COLOURS[0];
}
