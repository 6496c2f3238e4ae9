/** Claims in a body: the text each claim's marks cover, and whether those words changed. */
import type { Body, BodyNode, SuggestionKind } from './body/bodySchema';
import type { BodyParent } from './body/visitBody';
import { walkBody } from './body/visitBody';

/** The ids every `type` node among `ancestors` holds, outermost first. */
function openIds(ancestors: readonly BodyParent[], type: 'mark' | 'comment'): string[] {
  return ancestors.flatMap((node) => (node.type === type ? node.ids : []));
}

/** The claims of every mark `ancestors` hold, outermost first. */
function openClaims(ancestors: readonly BodyParent[]): string[] {
  return openIds(ancestors, 'mark');
}

/**
 * Every id the body's `type` nodes name — claims for marks, threads for comments — with the
 * words those nodes cover, in document order. A span split by formatting has several nodes;
 * their text is joined. Overlapping spans each see the text they cover. Words only suggested
 * for adding are not yet part of any span.
 */
export function anchoredWords(body: Body, type: 'mark' | 'comment'): Map<string, string> {
  const found = new Map<string, string>();
  walkBody(body, (node, ancestors) => {
    if (node.type === type) {
      for (const id of [...openIds(ancestors, type), ...node.ids]) if (!found.has(id)) found.set(id, '');
      return;
    }
    if (ancestors.some((parent) => parent.type === 'suggestion' && parent.kind === 'insert')) return;
    const text =
      node.type === 'text' || node.type === 'tab' ? (node.text ?? '\t') : node.type === 'linebreak' ? '\n' : '';
    if (text === '') return;
    for (const id of new Set(openIds(ancestors, type))) found.set(id, (found.get(id) ?? '') + text);
  });
  return found;
}

/**
 * Every claim id marked in the body (Lexical MarkNodes from @lexical/mark, whose `ids` hold
 * the claims a span belongs to), with the text its marks cover, in document order.
 */
export function markedClaims(body: Body): Map<string, string> {
  return anchoredWords(body, 'mark');
}

/** A suggested change waiting in a claim's words: what it would do, who suggested it and when. */
export type PendingChange = { kind: SuggestionKind; author: string; at: string; words: string };

/** The words a node holds, those suggested for removal included. */
function allWords(node: BodyNode): string {
  if (node.type === 'text') return node.text;
  if (node.type === 'tab') return '\t';
  if (node.type === 'linebreak') return '\n';
  return 'children' in node ? node.children.map(allWords).join('') : '';
}

/** For each claim whose words hold suggested changes not yet accepted or rejected, those changes in reading order. */
export function pendingChangesInClaims(body: Body): Map<string, PendingChange[]> {
  const found = new Map<string, PendingChange[]>();
  walkBody(body, (node, ancestors) => {
    if (node.type !== 'suggestion') return;
    const change = { kind: node.kind, author: node.author, at: node.at, words: allWords(node) };
    for (const id of new Set(openClaims(ancestors))) found.set(id, [...(found.get(id) ?? []), change]);
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
