import {
  $createRangeSelection,
  $getNodeByKey,
  $getRoot,
  $isElementNode,
  $isTabNode,
  $isTextNode,
  $setSelection,
  type ElementNode,
  type NodeKey,
  type TextNode,
} from 'lexical';

import { findMatches, isLetterOrDigit, type FindOptions, type TextSpan } from './findMatches';
import { $isSuggestionNode } from '../../shared/body/lexical/SuggestionNode';

/** Where a block, a line break, a tab, an image or an Also See stands: no match runs across it. */
const BREAK = '\n';

/** A run of the body's words as one text node holds it, and where it lies in the body's text. */
type Piece = { key: NodeKey; start: number; end: number };

/** The body's words as one string, each run tied to the text node that holds it. */
export type BodyText = { text: string; pieces: readonly Piece[] };

/** The part of a match that lies in one text node: [from, to) of that node's text. */
export type MatchPart = { key: NodeKey; from: number; to: number };

/** A match in the body: where it lies in the body's text, and in its text nodes, first to last. */
export type BodyMatch = TextSpan & { parts: readonly MatchPart[] };

/**
 * Reads the body's text, block by block, inline links and claim marks included. Only text
 * nodes are read: the body's images and Also See blocks hold no words of the story, and words
 * suggested for removal are as good as gone.
 */
export function $readBodyText(): BodyText {
  // Built as a list joined once, and the last character kept apart: asking a string built by
  // += for its end flattens it each time, which over a long story is quadratic.
  const runs: string[] = [];
  let length = 0;
  let broken = true;
  const pieces: Piece[] = [];
  const breakHere = () => {
    if (broken) return;
    runs.push(BREAK);
    length += BREAK.length;
    broken = true;
  };
  const read = (element: ElementNode) => {
    for (const child of element.getChildren()) {
      if ($isTextNode(child) && !$isTabNode(child)) {
        const words = child.getTextContent();
        if (words === '') continue;
        pieces.push({ key: child.getKey(), start: length, end: length + words.length });
        runs.push(words);
        length += words.length;
        broken = false;
      } else if ($isSuggestionNode(child) && child.getFields().kind === 'delete') {
        // Words suggested for removal are not searched: the text reads as if they were gone.
        continue;
      } else if ($isElementNode(child) && child.isInline()) {
        read(child);
      } else if ($isElementNode(child)) {
        breakHere();
        read(child);
        breakHere();
      } else {
        breakHere();
      }
    }
  };
  read($getRoot());
  return { text: runs.join(''), pieces };
}

/** Every match of `query` in the body, first to last (see findMatches for case and whole words). */
export function $findInBody(query: string, options: FindOptions, body: BodyText = $readBodyText()): BodyMatch[] {
  const { pieces } = body;
  const matches: BodyMatch[] = [];
  // Matches come in order, so one walk along the pieces ties them all to their text nodes.
  let at = 0;
  for (const { start, end } of findMatches(body.text, query, options)) {
    while (at < pieces.length && (pieces[at]?.end ?? 0) <= start) at += 1;
    const parts: MatchPart[] = [];
    for (let index = at; index < pieces.length; index += 1) {
      const piece = pieces[index];
      if (piece === undefined || piece.start >= end) break;
      parts.push({
        key: piece.key,
        from: Math.max(start, piece.start) - piece.start,
        to: Math.min(end, piece.end) - piece.start,
      });
    }
    matches.push({ start, end, parts });
  }
  return matches;
}

/** Where a point of the body's text lies, for a text point of the editor; null outside the words. */
export function $bodyOffsetOf(body: BodyText, key: NodeKey, offset: number): number | null {
  const piece = body.pieces.find((candidate) => candidate.key === key);
  return piece === undefined ? null : piece.start + Math.min(offset, piece.end - piece.start);
}

type LivePart = { node: TextNode; from: number; to: number };

function $liveParts(match: BodyMatch): LivePart[] | null {
  const parts: LivePart[] = [];
  for (const part of match.parts) {
    const node = $getNodeByKey(part.key);
    if (!$isTextNode(node) || !node.isAttached() || part.to > node.getTextContentSize()) return null;
    parts.push({ node, from: part.from, to: part.to });
  }
  return parts;
}

/** Whether `index` falls between the two halves of a character written as a surrogate pair. */
function splitsPair(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return index > 0 && index < text.length && code >= 0xdc00 && code <= 0xdfff;
}

/** Whether a cut at `index` of `text` would fall inside a word (or a character). */
function insideWord(text: string, index: number): boolean {
  return splitsPair(text, index) || (isLetterOrDigit(text[index - 1]) && isLetterOrDigit(text[index]));
}

/**
 * The words of `found` that `replacement` changes: whole words both begin or end with stay
 * where they are, in their own text nodes, so only the words that differ move ("140 people" →
 * "145 people" changes "140", inside whatever mark or link holds it). Whole words only, so a
 * word is never cut in two and given two formats ("deeply concerned" → "very worried" is
 * all new).
 */
function changedStretch(found: string, replacement: string): { start: number; end: number; text: string } {
  let prefix = 0;
  while (prefix < found.length && prefix < replacement.length && found[prefix] === replacement[prefix]) prefix += 1;
  while (prefix > 0 && (insideWord(found, prefix) || insideWord(replacement, prefix))) prefix -= 1;
  let suffix = 0;
  while (
    suffix < found.length - prefix &&
    suffix < replacement.length - prefix &&
    found[found.length - 1 - suffix] === replacement[replacement.length - 1 - suffix]
  ) {
    suffix += 1;
  }
  while (
    suffix > 0 &&
    (insideWord(found, found.length - suffix) || insideWord(replacement, replacement.length - suffix))
  ) {
    suffix -= 1;
  }
  return { start: prefix, end: found.length - suffix, text: replacement.slice(prefix, replacement.length - suffix) };
}

/** A text point: where replaced words end, for the caret. */
export type Caret = { key: NodeKey; offset: number };

/** A match replaced: where its new words end (null when it was replaced by nothing and its node went). */
export type Replaced = { caret: Caret | null };

/**
 * Replaces one match's words inside the text nodes that hold them, so the links and claim
 * marks around them stay: words changed inside a mark stay inside it (the claim keeps its
 * id, and reads as changed since its verdict). Words that differ across several text nodes
 * take the format of the first of them, and are written into that node; the rest of the
 * changed words are taken out of the nodes after it, and a link or mark left with no words is
 * removed as Lexical removes any. Returns null, changing nothing, when the match no longer
 * stands in the body as it was found.
 */
export function $replaceMatch(match: BodyMatch, replacement: string): Replaced | null {
  const parts = $liveParts(match);
  if (parts === null || parts.length === 0) return null;
  const found = parts.map(({ node, from, to }) => node.getTextContent().slice(from, to)).join('');
  if (found.length !== match.end - match.start) return null;
  const change = changedStretch(found, replacement);

  // The part that takes the new words: the one holding the first changed character; for words
  // only added, the one they follow (so they take its format, as typing there would).
  let seen = 0;
  let target: { part: LivePart; at: number } | null = null;
  const cuts: { part: LivePart; from: number; to: number }[] = [];
  for (const part of parts) {
    const length = part.to - part.from;
    const from = Math.max(change.start, seen);
    const to = Math.min(change.end, seen + length);
    const holdsStart =
      change.start < change.end
        ? change.start >= seen && change.start < seen + length
        : change.start === 0
          ? seen === 0
          : change.start > seen && change.start <= seen + length;
    if (target === null && holdsStart) target = { part, at: part.from + change.start - seen };
    if (from < to) cuts.push({ part, from: part.from + from - seen, to: part.from + to - seen });
    seen += length;
  }
  if (target === null) return null;

  let caret: Caret | null = null;
  for (const cut of cuts.reverse()) {
    if (cut.part === target.part) continue;
    const size = cut.part.node.getTextContentSize();
    if (cut.from === 0 && cut.to === size) cut.part.node.remove();
    else cut.part.node.spliceText(cut.from, cut.to - cut.from, '');
  }
  const own = cuts.find((cut) => cut.part === target.part);
  const node = target.part.node;
  const removed = own === undefined ? 0 : own.to - own.from;
  if (change.text === '' && removed === node.getTextContentSize()) {
    node.remove();
  } else {
    node.spliceText(target.at, removed, change.text);
    caret = { key: node.getKey(), offset: target.at + change.text.length };
  }
  return { caret };
}

/**
 * Replaces every match of `query` in the body, last to first, so the offsets of the ones
 * before still hold; one call in one editor update is one step of undo. Returns how many.
 */
export function $replaceAllInBody(query: string, options: FindOptions, replacement: string): number {
  const matches = $findInBody(query, options);
  let replaced = 0;
  let caret: Caret | null = null;
  for (const match of [...matches].reverse()) {
    const done = $replaceMatch(match, replacement);
    if (done === null) continue;
    replaced += 1;
    // Ends up at the first match's end: nothing before it in its node has moved.
    caret = done.caret ?? caret;
  }
  if (caret !== null) $placeCaret(caret);
  return replaced;
}

/** Puts the caret at a text point (after replaced words), so no selection is left pointing past a node's end. */
export function $placeCaret(caret: Caret): void {
  const node = $getNodeByKey(caret.key);
  if (!$isTextNode(node) || !node.isAttached()) return;
  const selection = $createRangeSelection();
  const offset = Math.min(caret.offset, node.getTextContentSize());
  selection.anchor.set(caret.key, offset, 'text');
  selection.focus.set(caret.key, offset, 'text');
  $setSelection(selection);
}

/** Selects a match's words (when the find bar closes, the person carries on from there). */
export function $selectMatch(match: BodyMatch): boolean {
  const parts = $liveParts(match);
  const first = parts?.[0];
  const last = parts?.[parts.length - 1];
  if (first === undefined || last === undefined) return false;
  const selection = $createRangeSelection();
  selection.anchor.set(first.node.getKey(), first.from, 'text');
  selection.focus.set(last.node.getKey(), last.to, 'text');
  $setSelection(selection);
  return true;
}
