import type { LexicalEditor, NodeKey } from 'lexical';

import type { BodyMatch } from '../findInBody';

/** The names of the find bar's highlights in the page's CSS (::highlight(...)). */
export const FIND_HIGHLIGHTS = { match: 'copydesk-find', current: 'copydesk-find-current' } as const;

/** The DOM text a Lexical text node is drawn with (inside its span, or its bold and italic tags). */
function domTextOf(editor: LexicalEditor, key: NodeKey): Text | null {
  let node: Node | null = editor.getElementByKey(key);
  while (node !== null && !(node instanceof Text)) node = node.firstChild;
  return node;
}

/** The stretch of the page a match covers; null when its words are not drawn (yet). */
export function pageRangeOf(editor: LexicalEditor, match: BodyMatch): StaticRange | null {
  const first = match.parts[0];
  const last = match.parts[match.parts.length - 1];
  if (first === undefined || last === undefined) return null;
  const start = domTextOf(editor, first.key);
  const end = domTextOf(editor, last.key);
  if (start === null || end === null || first.from > start.length || last.to > end.length) return null;
  return new StaticRange({ startContainer: start, startOffset: first.from, endContainer: end, endOffset: last.to });
}

/**
 * The matches painted over the page (CSS Custom Highlight API), the current one apart: nothing
 * is written into the document, so nothing of this is saved, undone or sent to others. Static
 * ranges, so that typing in the page does not keep thousands of live ones up to date; moving
 * to another match moves one range from one highlight to the other.
 */
export class FindHighlights {
  private ranges: (StaticRange | null)[] = [];
  private current = -1;
  private readonly others: Highlight | null;
  private readonly chosen: Highlight | null;

  constructor(private readonly editor: LexicalEditor) {
    const supported = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
    this.others = supported ? new Highlight() : null;
    this.chosen = supported ? new Highlight() : null;
    if (this.others === null || this.chosen === null) return;
    this.others.priority = 1;
    this.chosen.priority = 2;
    CSS.highlights.set(FIND_HIGHLIGHTS.match, this.others);
    CSS.highlights.set(FIND_HIGHLIGHTS.current, this.chosen);
  }

  paint(matches: readonly BodyMatch[], current: number): void {
    if (this.others === null || this.chosen === null) return;
    this.others.clear();
    this.chosen.clear();
    this.ranges = matches.map((match) => pageRangeOf(this.editor, match));
    this.current = current;
    this.ranges.forEach((range, index) => {
      if (range !== null && index !== current) this.others?.add(range);
    });
    const chosen = this.ranges[current];
    if (chosen !== undefined && chosen !== null) this.chosen.add(chosen);
  }

  move(current: number): void {
    if (this.others === null || this.chosen === null) return;
    const before = this.ranges[this.current];
    if (before !== undefined && before !== null) this.others.add(before);
    this.chosen.clear();
    const next = this.ranges[current];
    if (next !== undefined && next !== null) {
      this.others.delete(next);
      this.chosen.add(next);
    }
    this.current = current;
  }

  /** Takes the highlights off the page. */
  dispose(): void {
    if (this.others === null) return;
    CSS.highlights.delete(FIND_HIGHLIGHTS.match);
    CSS.highlights.delete(FIND_HIGHLIGHTS.current);
  }
}

function scrollerOf(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node !== null; node = node.parentElement) {
    const overflow = getComputedStyle(node).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && node.scrollHeight > node.clientHeight) return node;
  }
  return null;
}

/**
 * Scrolls a match into the middle of the view when it is out of it, or under the bar that
 * sticks to the top of the page (`cover`). Reads layout once, on a move to another match only.
 */
export function revealMatch(editor: LexicalEditor, match: BodyMatch, cover: HTMLElement | null): void {
  const root = editor.getRootElement();
  const range = pageRangeOf(editor, match);
  if (root === null || range === null) return;
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  const rect = live.getBoundingClientRect();
  const scroller = scrollerOf(root);
  const top = Math.max(cover?.getBoundingClientRect().bottom ?? 0, scroller?.getBoundingClientRect().top ?? 0);
  const bottom = scroller?.getBoundingClientRect().bottom ?? window.innerHeight;
  if (rect.top >= top && rect.bottom <= bottom) return;
  range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
}
