import { useEffect } from 'react';

/** The window's parts, in the order F6 visits them (Shift+F6 the other way). */
export type RegionName = 'library' | 'editor' | 'panels';

/** The attribute a list puts on the one row that holds its tab stop: F6 lands there. */
export const TAB_STOP_ATTRIBUTE = 'data-tab-stop';

type Region = {
  name: RegionName;
  /** The named landmark: the same names a screen reader lists and the tests use. */
  selector: string;
  /** Where focus lands the first time, best first; else the first control. */
  landing: readonly string[];
};

const REGIONS: readonly Region[] = [
  {
    name: 'library',
    selector: 'section[aria-label="Library"]',
    landing: [`[${TAB_STOP_ATTRIBUTE}]`, 'input[type="search"]'],
  },
  { name: 'editor', selector: 'main[aria-label="Editor"]', landing: ['[contenteditable="true"]'] },
  { name: 'panels', selector: 'aside[aria-label="Article panels"]', landing: ['[role="tab"][aria-selected="true"]'] },
];

const FOCUSABLE =
  'a[href], button:not(:disabled), input:not(:disabled):not([type="hidden"]), select:not(:disabled), textarea:not(:disabled), [contenteditable="true"], [tabindex]';

/** The control each part had last, so coming back lands where the person left. */
const lastFocus = new Map<RegionName, HTMLElement>();
/** Where the caret was in the text when focus left it: an input elsewhere takes the page's selection. */
let lastCaret: Range | null = null;

function regionElement(region: Region): HTMLElement | null {
  return document.querySelector<HTMLElement>(region.selector);
}

function regionOf(node: Node | null): Region | undefined {
  if (node === null) return undefined;
  return REGIONS.find((region) => regionElement(region)?.contains(node) === true);
}

function isShown(element: HTMLElement): boolean {
  return element.isConnected && element.getClientRects().length > 0 && !element.closest('[hidden], [inert]');
}

function landingIn(region: Region, root: HTMLElement): HTMLElement | null {
  const last = lastFocus.get(region.name);
  if (last !== undefined && root.contains(last) && isShown(last) && last.matches(FOCUSABLE)) return last;
  for (const selector of region.landing) {
    const found = Array.from(root.querySelectorAll<HTMLElement>(selector)).find(isShown);
    if (found !== undefined) return found;
  }
  return (
    Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).find(
      (element) => element.tabIndex >= 0 && isShown(element),
    ) ?? null
  );
}

function restoreCaret(target: HTMLElement): void {
  const range = lastCaret;
  if (range === null || !target.isContentEditable) return;
  if (
    !range.startContainer.isConnected ||
    !target.contains(range.startContainer) ||
    !target.contains(range.endContainer)
  )
    return;
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/** Whether focus is in a part of the window (so a change of its shape must take focus along). */
export function hasFocus(name: RegionName): boolean {
  const region = REGIONS.find((candidate) => candidate.name === name);
  const root = region === undefined ? null : regionElement(region);
  return root?.contains(document.activeElement) === true;
}

/** Moves focus into a part of the window, onto the control it had last or a sensible first one. */
export function focusRegion(name: RegionName): boolean {
  const region = REGIONS.find((candidate) => candidate.name === name);
  const root = region === undefined ? null : regionElement(region);
  if (region === undefined || root === null) return false;
  const target = landingIn(region, root);
  if (target === null) return false;
  target.focus();
  restoreCaret(target);
  target.scrollIntoView({ block: 'nearest' });
  return true;
}

/**
 * The parts to try, in order, for F6 (step 1) or Shift+F6 (step -1) from the part that has
 * focus: the next one first, and on round the window (one with nothing to focus yet, still
 * loading, is passed over). From no part: the first, or the last going back.
 */
export function regionOrder(
  present: readonly RegionName[],
  current: RegionName | undefined,
  step: 1 | -1,
): RegionName[] {
  const count = present.length;
  const at = current === undefined ? -1 : present.indexOf(current);
  const from = at >= 0 ? at : step === 1 ? -1 : count;
  return Array.from(
    { length: count },
    (_, offset) => present[(((from + step * (offset + 1)) % count) + count) % count],
  ).filter((name): name is RegionName => name !== undefined);
}

/** Moves focus to the next part of the window (see regionOrder). */
export function moveRegion(step: 1 | -1): void {
  const present = REGIONS.filter((region) => regionElement(region) !== null).map((region) => region.name);
  const current = regionOf(document.activeElement)?.name;
  regionOrder(present, current, step).some(focusRegion);
}

function remember(event: FocusEvent): void {
  const target = event.target;
  if (!(target instanceof HTMLElement)) return;
  const region = regionOf(target);
  if (region === undefined) return;
  lastFocus.set(region.name, target);
  if (target.isContentEditable) {
    const selection = window.getSelection();
    const range = selection !== null && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
    lastCaret = range !== null && target.contains(range.startContainer) ? range.cloneRange() : null;
  }
}

/** F6 and Shift+F6 move between the library, the editor and the side panels, as in Office and VS Code. */
export function useRegionKeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'F6' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      // A dialog keeps focus inside until it closes.
      if (document.querySelector('dialog[open]') !== null) return;
      event.preventDefault();
      moveRegion(event.shiftKey ? -1 : 1);
    };
    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('focusout', remember, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('focusout', remember, true);
    };
  }, []);
}
