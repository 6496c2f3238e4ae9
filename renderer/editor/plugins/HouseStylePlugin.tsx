import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { COMMAND_PRIORITY_LOW, SELECTION_CHANGE_COMMAND } from 'lexical';
import { useEffect, useId, useLayoutEffect, useRef, useState, type JSX, type RefObject } from 'react';

import { describeHouseStyleIssue, findHouseStyleIssues, type HouseStyleIssue } from '../../../shared/houseStyle';
import type { HouseStyleRule } from '../../../shared/preferences';

/** An issue found in the body, with the stretch of the page it covers. */
export type LocatedIssue = HouseStyleIssue & { range: Range };

/** How long typing must pause before the body is checked again. */
export const HOUSE_STYLE_DELAY_MS = 300;

/** The names of the two highlights in the page's CSS (::highlight(...)). */
export const HOUSE_STYLE_HIGHLIGHTS = { term: 'copydesk-house-style', tk: 'copydesk-tk' } as const;

/** Between blocks, a character that is neither a word character nor white space: no match crosses it. */
const BLOCK_BREAK = '\u0000';
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote';

type Segment = { node: Text; start: number };

/**
 * Finds the issues in the text the page shows, and where each one is. Decorators (images,
 * "Also See") are skipped: their text is not the story's.
 */
export function locateHouseStyleIssues(root: HTMLElement, rules: readonly HouseStyleRule[]): LocatedIssue[] {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    // Blocks drawn by the editor hold no words of the story; words suggested for removal are as good as gone.
    acceptNode: (node) =>
      node instanceof HTMLElement &&
      (node.getAttribute('contenteditable') === 'false' || node.matches('del.text-suggestion'))
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  const segments: Segment[] = [];
  let text = '';
  let block: Element | null = null;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (node instanceof HTMLBRElement) {
      text += BLOCK_BREAK;
      continue;
    }
    if (!(node instanceof Text)) continue;
    const parentBlock = node.parentElement?.closest(BLOCKS) ?? null;
    if (parentBlock !== block && text !== '') text += BLOCK_BREAK;
    block = parentBlock;
    segments.push({ node, start: text.length });
    text += node.data;
  }

  // The text node holding an offset: the last one starting at or before it (before it, for an end).
  const at = (offset: number, isEnd: boolean): { node: Text; offset: number } | null => {
    let low = 0;
    let high = segments.length - 1;
    let found: Segment | undefined;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const segment = segments[middle];
      if (segment === undefined) break;
      if (isEnd ? segment.start < offset : segment.start <= offset) {
        found = segment;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    if (found === undefined || offset - found.start > found.node.data.length) return null;
    return { node: found.node, offset: offset - found.start };
  };

  const located: LocatedIssue[] = [];
  for (const issue of findHouseStyleIssues(text, rules)) {
    const start = at(issue.start, false);
    const end = at(issue.end, true);
    if (start === null || end === null) continue;
    const range = doc.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    located.push({ ...issue, range });
  }
  return located;
}

function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

function paintHighlights(issues: readonly LocatedIssue[]): void {
  if (!highlightsSupported()) return;
  CSS.highlights.set(
    HOUSE_STYLE_HIGHLIGHTS.term,
    new Highlight(...issues.filter((issue) => issue.kind === 'term').map((issue) => issue.range)),
  );
  CSS.highlights.set(
    HOUSE_STYLE_HIGHLIGHTS.tk,
    new Highlight(...issues.filter((issue) => issue.kind === 'tk').map((issue) => issue.range)),
  );
}

function clearHighlights(): void {
  if (!highlightsSupported()) return;
  CSS.highlights.delete(HOUSE_STYLE_HIGHLIGHTS.term);
  CSS.highlights.delete(HOUSE_STYLE_HIGHLIGHTS.tk);
}

/**
 * Checks the body against house style when typing pauses and highlights what it finds. The
 * highlights are painted over the page (CSS Custom Highlight API): the document is never
 * touched, so nothing is replaced and nothing of this reaches the saved body.
 */
export function useHouseStyleIssues(rules: readonly HouseStyleRule[]): LocatedIssue[] {
  const [editor] = useLexicalComposerContext();
  const [issues, setIssues] = useState<LocatedIssue[]>([]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const check = () => {
      timer = null;
      const root = editor.getRootElement();
      const found = root === null ? [] : locateHouseStyleIssues(root, rules);
      paintHighlights(found);
      setIssues(found);
    };
    const schedule = (delay: number) => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(check, delay);
    };
    schedule(0);
    const unregister = mergeRegister(
      editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
        schedule(HOUSE_STYLE_DELAY_MS);
      }),
      editor.registerRootListener(() => schedule(0)),
    );
    return () => {
      unregister();
      if (timer !== null) clearTimeout(timer);
      clearHighlights();
    };
  }, [editor, rules]);

  return issues;
}

/** Puts the caret on an issue's text and brings it into view, without changing it. */
function selectIssue(issue: LocatedIssue, focusTarget: HTMLElement | null): void {
  focusTarget?.focus({ preventScroll: true });
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(issue.range.cloneRange());
  issue.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

/** A count of the notes in the toolbar row, opening the list of them. */
export function HouseStyleSummary({ issues }: { issues: readonly LocatedIssue[] }): JSX.Element | null {
  const [editor] = useLexicalComposerContext();
  const [expanded, setOpen] = useState(false);
  const ids = useId();
  const panel = useRef<HTMLDivElement>(null);
  const open = expanded && issues.length > 0;

  useEffect(() => {
    if (!open) return undefined;
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && panel.current?.parentElement?.contains(event.target) === true) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  if (issues.length === 0) return null;
  const tk = issues.filter((issue) => issue.kind === 'tk').length;
  // The name starts with what the button shows ("Style 2"), so it can be called by it.
  const label = `Style ${issues.length}: house style ${issues.length === 1 ? 'note' : 'notes'}${tk > 0 ? `, ${tk} TK` : ''}`;

  return (
    <div className="house-style">
      <button
        type="button"
        className={`house-style__toggle${tk > 0 ? ' house-style__toggle--tk' : ''}`}
        aria-expanded={open}
        aria-controls={`${ids}-panel`}
        aria-label={label}
        title={label}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="house-style__dot" aria-hidden="true" />
        <span className="house-style__label">Style</span> <span className="house-style__count">{issues.length}</span>
      </button>
      {open ? (
        <div
          ref={panel}
          id={`${ids}-panel`}
          className="house-style__panel"
          role="region"
          aria-label="House style notes"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              setOpen(false);
            }
          }}
        >
          <p className="house-style__intro">Suggestions only: nothing is changed in the text.</p>
          <ul className="house-style__list">
            {issues.map((issue) => (
              <li key={`${issue.start}:${issue.found}`}>
                <button
                  type="button"
                  className={`house-style__item house-style__item--${issue.kind}`}
                  onClick={() => {
                    setOpen(false);
                    selectIssue(issue, editor.getRootElement());
                  }}
                >
                  {describeHouseStyleIssue(issue)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

type Hint = { text: string; kind: HouseStyleIssue['kind']; top: number; left: number };

/** The caret is on a flagged word: its suggestion, just below it. */
export function HouseStyleHint({
  issues,
  container,
}: {
  issues: readonly LocatedIssue[];
  container: RefObject<HTMLElement | null>;
}): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const [hint, setHint] = useState<Hint | null>(null);
  const latest = useRef(issues);
  useLayoutEffect(() => {
    latest.current = issues;
  });

  useEffect(() => {
    const update = () => {
      const selection = window.getSelection();
      const box = container.current;
      const node = selection?.anchorNode ?? null;
      if (selection === null || node === null || box === null || !selection.isCollapsed) {
        setHint(null);
        return;
      }
      const issue = latest.current.find(
        (candidate) =>
          candidate.range.startContainer.isConnected && candidate.range.isPointInRange(node, selection.anchorOffset),
      );
      if (issue === undefined) {
        setHint(null);
        return;
      }
      const rect = issue.range.getBoundingClientRect();
      const frame = box.getBoundingClientRect();
      setHint({
        text: describeHouseStyleIssue(issue),
        kind: issue.kind,
        top: rect.bottom - frame.top + 6,
        left: Math.max(0, Math.min(rect.left - frame.left, frame.width - 320)),
      });
    };
    update();
    return mergeRegister(
      editor.registerCommand(
        SELECTION_CHANGE_COMMAND,
        () => {
          update();
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerUpdateListener(update),
    );
  }, [editor, container, issues]);

  return (
    <div className="house-style-hint__live" role="status">
      {hint === null ? null : (
        <p className={`house-style-hint house-style-hint--${hint.kind}`} style={{ top: hint.top, left: hint.left }}>
          {hint.text}
        </p>
      )}
    </div>
  );
}
