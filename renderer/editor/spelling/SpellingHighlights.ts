import { deskWordsAccept, type DeskWordSet } from '../../../shared/spelling/deskWords';
import type { DictionaryId } from '../../../shared/spelling/spellingLanguage';
import type { ParagraphChecks } from './paragraphChecks';
import type { Misspelling } from './speller';

/** How long typing must pause before the changed paragraphs are checked. */
export const SPELLING_DELAY_MS = 300;

/** The name under which the page's time spent reading paragraphs and underlining shows in a profile. */
export const SCAN_MEASURE = 'copydesk spelling';

/** The name of the spelling underline in the page's CSS (::highlight(copydesk-spelling)). */
export const SPELLING_HIGHLIGHT = 'copydesk-spelling';

/** The elements that hold a paragraph's text, each checked as one paragraph. */
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote';

/** A misspelling on the page: the stretch of text it covers, and the paragraph it is in. */
export type LocatedMisspelling = Misspelling & { range: Range; block: HTMLElement };

type Segment = { node: Text; start: number; length: number };

type BlockState = {
  block: HTMLElement;
  /** The block's textContent when it was read: a cheap way to see that it has not changed. */
  raw: string;
  text: string;
  segments: Segment[];
  dictionary: DictionaryId;
  /** Null while the paragraph is being checked. */
  found: Misspelling[] | null;
  located: LocatedMisspelling[];
  /** The ranges underlined now. */
  shown: Range[];
};

function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

/** Inside an image, an Also See or another block the editor draws itself: not the story's text. */
function isDecorator(node: Node): boolean {
  return node instanceof HTMLElement && node.getAttribute('contenteditable') === 'false';
}

/** A paragraph's text as the page shows it, and which text node holds each part; a line break is a new line. */
function readBlock(block: HTMLElement): { text: string; segments: Segment[] } {
  const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      isDecorator(node) || (node instanceof HTMLElement && node.matches(BLOCKS))
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  const segments: Segment[] = [];
  let text = '';
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (node instanceof HTMLBRElement) text += '\n';
    if (!(node instanceof Text)) continue;
    segments.push({ node, start: text.length, length: node.data.length });
    text += node.data;
  }
  return { text, segments };
}

/** The text node and offset of a character offset in a paragraph; an end stays in the node it closes. */
function pointAt(segments: readonly Segment[], offset: number, isEnd: boolean): { node: Text; offset: number } | null {
  let found: Segment | undefined;
  for (const segment of segments) {
    if (isEnd ? segment.start >= offset : segment.start > offset) break;
    found = segment;
  }
  if (found === undefined || offset - found.start > found.length) return null;
  return { node: found.node, offset: offset - found.start };
}

/** Shows the time since `start` in a profile; only the latest is kept (an observer sees them all). */
function measure(start: number): void {
  if (typeof performance.measure !== 'function') return;
  performance.clearMeasures(SCAN_MEASURE);
  performance.measure(SCAN_MEASURE, { start });
}

/** Inside an image, an Also See or another block the editor draws itself, within `root`. */
function insideDecorator(block: HTMLElement, root: HTMLElement): boolean {
  const decorator = block.parentElement?.closest('[contenteditable="false"]') ?? null;
  return decorator !== null && root.contains(decorator);
}

/** Whether a point is in a range or at one of its ends; false for a point no longer in the page. */
function touches(range: Range, point: { node: Node; offset: number }): boolean {
  try {
    return range.isPointInRange(point.node, point.offset);
  } catch {
    return false;
  }
}

function unchanged(state: BlockState, block: HTMLElement): boolean {
  return state.segments.every(
    (segment) =>
      segment.node.isConnected &&
      segment.node.data.length === segment.length &&
      segment.node.parentElement?.closest(BLOCKS) === block,
  );
}

/**
 * The misspellings of the body, underlined over the page (CSS Custom Highlight API) and never
 * written into the document. Each scan reads the paragraphs' text from the page and asks the
 * checker about the ones whose text changed; the desk's words and the words ignored in the
 * story are never underlined. The word being typed at the caret waits until the caret leaves it.
 */
export class SpellingHighlights {
  private readonly blocks = new Map<HTMLElement, BlockState>();
  private readonly highlight: Highlight | null = highlightsSupported() ? new Highlight() : null;
  private root: HTMLElement | null = null;
  private dictionary: DictionaryId | null = null;
  private deskWords: DeskWordSet = new Set();
  private ignored: ReadonlySet<string> = new Set();
  /** The caret as typing left it: the misspelling it touches is not underlined yet. */
  private typingAt: { node: Node; offset: number } | null = null;

  constructor(
    private readonly checks: ParagraphChecks,
    private readonly name = SPELLING_HIGHLIGHT,
  ) {}

  /** Puts the underlines on the page (again, after `dispose`). */
  attach(): void {
    if (this.highlight !== null) CSS.highlights.set(this.name, this.highlight);
  }

  setRoot(root: HTMLElement | null): void {
    if (root === this.root) return;
    this.clear();
    this.root = root;
  }

  setDictionary(dictionary: DictionaryId | null): void {
    if (dictionary === this.dictionary) return;
    this.clear();
    this.dictionary = dictionary;
  }

  /** The words never underlined: the desk's, and those ignored in this story (straight apostrophes). */
  setAccepted(deskWords: DeskWordSet, ignored: ReadonlySet<string>): void {
    this.deskWords = deskWords;
    this.ignored = ignored;
    for (const state of this.blocks.values()) this.paint(state);
  }

  /**
   * Reads the paragraphs again and checks those that changed. `caret` is where typing left the
   * caret (the word there is not underlined until the caret leaves it), or null.
   */
  async scan(caret: { node: Node; offset: number } | null = null): Promise<void> {
    const root = this.root;
    const dictionary = this.dictionary;
    if (root === null || dictionary === null) return;
    this.typingAt = caret;
    const reading = performance.now();
    const seen = new Set<HTMLElement>();
    const waiting: BlockState[] = [];
    for (const block of root.querySelectorAll<HTMLElement>(BLOCKS)) {
      if (insideDecorator(block, root)) continue;
      seen.add(block);
      const raw = block.textContent;
      const before = this.blocks.get(block);
      if (before !== undefined && before.raw === raw && before.dictionary === dictionary && unchanged(before, block)) {
        if (caret !== null && block.contains(caret.node)) this.paint(before);
        continue;
      }
      const { text, segments } = readBlock(block);
      const sameText = before?.text === text && before.dictionary === dictionary;
      const state: BlockState = {
        block,
        raw,
        text,
        segments,
        dictionary,
        found: sameText ? before.found : /\p{L}/u.test(text) ? null : [],
        located: [],
        shown: before?.shown ?? [],
      };
      this.blocks.set(block, state);
      if (state.found === null) waiting.push(state);
      else this.locate(state);
    }
    for (const [block, state] of this.blocks) {
      if (seen.has(block)) continue;
      this.unpaint(state);
      this.blocks.delete(block);
    }
    // The page's own share of the work, for a profile (and the benchmark) to see.
    measure(reading);
    if (waiting.length === 0) return;
    const results = await this.checks.check(
      dictionary,
      waiting.map((state) => state.text),
    );
    const underlining = performance.now();
    waiting.forEach((state, at) => {
      // A paragraph changed again (or the story's language did) while it was checked: the next scan has it.
      if (this.blocks.get(state.block) !== state || this.dictionary !== dictionary) return;
      state.found = results[at] ?? [];
      this.locate(state);
    });
    measure(underlining);
  }

  /** The caret moved without typing: the word it left is underlined if it is misspelled. */
  caretMoved(caret: { node: Node; offset: number } | null): void {
    const typing = this.typingAt;
    if (typing === null) return;
    const state = [...this.blocks.values()].find((candidate) => candidate.block.contains(typing.node));
    const held = state?.located.find((found) => touches(found.range, typing));
    if (held !== undefined && caret !== null && touches(held.range, caret)) return;
    this.typingAt = null;
    if (state !== undefined) this.paint(state);
  }

  /** Every misspelling underlined now, in page order. */
  shown(): LocatedMisspelling[] {
    return [...this.blocks.values()].flatMap((state) => state.located.filter((found) => this.isShown(found)));
  }

  /** The underlined misspelling under a point of the window (a right-click), if any. */
  misspellingAtPoint(x: number, y: number): LocatedMisspelling | null {
    const within = (rect: DOMRect) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
    return this.shown().find((found) => [...found.range.getClientRects()].some(within)) ?? null;
  }

  /** The underlined misspelling the caret is in or touches, if any. */
  misspellingAt(caret: { node: Node; offset: number }): LocatedMisspelling | null {
    return this.shown().find((found) => found.block.contains(caret.node) && touches(found.range, caret)) ?? null;
  }

  /** The first underlined misspelling after `caret` in the page, or the first of all after the last. */
  misspellingAfter(caret: { node: Node; offset: number } | null): LocatedMisspelling | null {
    const inOrder = this.shown().sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    if (caret === null) return inOrder[0] ?? null;
    const here = caret.node.ownerDocument?.createRange();
    if (here === undefined) return inOrder[0] ?? null;
    here.setStart(caret.node, caret.offset);
    return (
      inOrder.find((found) => found.range.compareBoundaryPoints(Range.START_TO_START, here) > 0) ?? inOrder[0] ?? null
    );
  }

  /** Takes the underlines off the page and forgets the paragraphs. */
  dispose(): void {
    this.clear();
    if (this.highlight !== null && CSS.highlights.get(this.name) === this.highlight) CSS.highlights.delete(this.name);
  }

  private isShown(found: LocatedMisspelling): boolean {
    if (deskWordsAccept(this.deskWords, found.lookup) || this.ignored.has(found.lookup)) return false;
    const typing = this.typingAt;
    return typing === null || !found.block.contains(typing.node) || !touches(found.range, typing);
  }

  private locate(state: BlockState): void {
    const doc = state.block.ownerDocument;
    state.located = [];
    for (const found of state.found ?? []) {
      const start = pointAt(state.segments, found.start, false);
      const end = pointAt(state.segments, found.end, true);
      if (start === null || end === null) continue;
      const range = doc.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      state.located.push({ ...found, range, block: state.block });
    }
    this.paint(state);
  }

  private paint(state: BlockState): void {
    this.unpaint(state);
    state.shown = state.located.filter((found) => this.isShown(found)).map((found) => found.range);
    for (const range of state.shown) this.highlight?.add(range);
  }

  private unpaint(state: BlockState): void {
    for (const range of state.shown) this.highlight?.delete(range);
    state.shown = [];
  }

  private clear(): void {
    for (const state of this.blocks.values()) this.unpaint(state);
    this.blocks.clear();
    this.highlight?.clear();
  }
}
