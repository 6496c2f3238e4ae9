/** Claims in a body: the text each claim's marks cover, and whether those words changed. */
import type { Body } from './body/bodySchema';
import type { BodyParent } from './body/visitBody';
import { walkBody } from './body/visitBody';

/** The claims of every mark `ancestors` hold, outermost first. */
function openClaims(ancestors: readonly BodyParent[]): string[] {
  return ancestors.flatMap((node) => (node.type === 'mark' ? node.ids : []));
}

/**
 * Every claim id marked in the body (Lexical MarkNodes from @lexical/mark, whose `ids` hold
 * the claims a span belongs to), with the text its marks cover, in document order. A claim
 * whose span was split by formatting has several marks; their text is joined. Overlapping
 * claims each see the text they cover.
 */
export function markedClaims(body: Body): Map<string, string> {
  const found = new Map<string, string>();
  walkBody(body, (node, ancestors) => {
    if (node.type === 'mark') {
      for (const id of [...openClaims(ancestors), ...node.ids]) if (!found.has(id)) found.set(id, '');
      return;
    }
    const text =
      node.type === 'text' || node.type === 'tab' ? (node.text ?? '\t') : node.type === 'linebreak' ? '\n' : '';
    if (text === '') return;
    for (const id of new Set(openClaims(ancestors))) found.set(id, (found.get(id) ?? '') + text);
  });
  return found;
}

/** Typography a copy editor changes without changing what a claim says, folded to one plain form. */
const TYPOGRAPHY: readonly (readonly [RegExp, string])[] = [
  // Soft hyphens, zero-width spaces and joiners, the byte-order mark: invisible.
  [/[\u00ad\u200b-\u200d\u2060\ufeff]/gu, ''],
  [/[“”„‟«»″〝〞＂]/gu, '"'],
  [/[‘’‚‛′`＇]/gu, "'"],
  [/[‐‑‒–—―−]/gu, '-'],
  [/…/gu, '...'],
  // Every run of white space (line breaks, no-break and thin spaces too) is one space.
  [/\s+/gu, ' '],
];

/**
 * A claim's words in the form compared to tell whether they changed: Unicode NFC, quote marks
 * and apostrophes straight, dashes as hyphens, the ellipsis as three dots, invisible characters
 * gone, white space collapsed and trimmed. Letters, digits, their case, and the punctuation
 * that is left all count.
 */
export function comparableClaimWords(text: string): string {
  let folded = text.normalize('NFC');
  for (const [pattern, plain] of TYPOGRAPHY) folded = folded.replace(pattern, plain);
  return folded.trim();
}

/**
 * Whether a claim's words now differ from the words its verdict was given to. Typography and
 * white space are not a change (“140” and "140", a double space, a line break); a word, a
 * figure, a letter's case or a punctuation mark added, dropped or changed is.
 */
export function claimWordsChanged(atVerdict: string, now: string): boolean {
  return atVerdict !== now && comparableClaimWords(atVerdict) !== comparableClaimWords(now);
}

/** A claim's words set in quotation marks for a sentence about them, unless they already open and close with their own. */
export function quotedClaim(text: string): string {
  const flat = text.trim();
  return /^["“‘'«„]/u.test(flat) && /["”’'»][.,;:!?]?$/u.test(flat) ? flat : `“${flat}”`;
}
