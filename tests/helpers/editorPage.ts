import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

import { bodyFromParagraphs } from '../../shared/text';

/** The platform's command key, as a person presses it. */
export const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

/** Console errors, uncaught exceptions and CSP violations seen by the page, as readable lines. */
export async function watchForProblems(page: Page): Promise<() => string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline content'}`);
    });
  });
  return () => [...problems];
}

export const library = (page: Page) => page.getByRole('region', { name: 'Library' });
export const headlineField = (page: Page) => page.getByRole('textbox', { name: 'Headline' });
export const dekField = (page: Page) => page.getByRole('textbox', { name: 'Dek' });
export const body = (page: Page) => page.getByRole('textbox', { name: 'Body' });
export const saveState = (page: Page) => page.getByRole('contentinfo').getByRole('status');
export const tool = (page: Page, name: string) =>
  page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name, exact: true });

export async function expectSaved(page: Page): Promise<void> {
  await expect(saveState(page)).toHaveText('Saved');
}

/**
 * Selects the first occurrence of `phrase` inside the element `selector` names, as a drag of
 * the mouse would — across text nodes too (a phrase running over a claim's mark or a bold word).
 * It returns once the page has heard of the new selection (its `selectionchange`): the editor
 * takes a key pressed before that (Backspace, a shortcut) to the caret where it was before.
 */
export async function selectText(page: Page, selector: string, phrase: string): Promise<void> {
  await page.evaluate(
    async ({ selector: where, phrase: words }) => {
      const root = document.querySelector(where);
      if (root === null) throw new Error(`${where} is not on the page`);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: { node: Node; from: number }[] = [];
      let text = '';
      while (walker.nextNode()) {
        nodes.push({ node: walker.currentNode, from: text.length });
        text += walker.currentNode.textContent ?? '';
      }
      const at = text.indexOf(words);
      if (at < 0) throw new Error(`“${words}” is not in ${where}`);
      // The node a character offset falls in; an end offset stays in the node it closes.
      const point = (offset: number, isEnd: boolean) => {
        const holder = [...nodes].reverse().find(({ from }) => (isEnd ? from < offset : from <= offset)) ?? nodes[0];
        if (holder === undefined) throw new Error(`${where} holds no text`);
        return { node: holder.node, offset: offset - holder.from };
      };
      const start = point(at, false);
      const end = point(at + words.length, true);
      const range = document.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      const selection = window.getSelection();
      if (selection === null) throw new Error('the page has no selection');
      // Emptied, then set: the selection changes either way, so the event always comes.
      const heard = new Promise<void>((resolve) => {
        document.addEventListener('selectionchange', () => resolve(), { once: true });
      });
      selection.removeAllRanges();
      selection.addRange(range);
      await heard;
    },
    { selector, phrase },
  );
}

/**
 * Waits until the body editor's own selection holds `phrase`, within one text node, as the page
 * shows it selected: a shortcut pressed before then would act on the old selection.
 */
export async function expectSelection(page: Page, phrase: string): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate((wanted) => {
        type Point = { key: string; offset: number };
        type EditorLike = {
          getEditorState: () => { _selection: { anchor?: Point; focus?: Point } | null };
          getElementByKey: (key: string) => HTMLElement | null;
        };
        const root = document.querySelector<Element & { __lexicalEditor?: EditorLike }>('[aria-label="Body"]');
        const editor = root?.__lexicalEditor;
        const lexical = editor?.getEditorState()._selection;
        if (editor === undefined || lexical?.anchor === undefined || lexical.focus === undefined) return false;
        const { anchor, focus } = lexical;
        if (anchor.key !== focus.key || window.getSelection()?.toString() !== wanted) return false;
        const text = editor.getElementByKey(anchor.key)?.textContent ?? '';
        const [from, to] = [Math.min(anchor.offset, focus.offset), Math.max(anchor.offset, focus.offset)];
        return text.slice(from, to) === wanted;
      }, phrase),
    )
    .toBe(true);
}

/**
 * Waits until the body editor's own selection is the caret the page shows. Lexical takes the
 * page's selection from the selectionchange event, a moment after a key like End moves it;
 * a key pressed before then would act on the old selection.
 */
export async function expectCaret(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(() => {
        type Point = { key: string; offset: number; type: string };
        type EditorLike = {
          getEditorState: () => { _selection: { anchor?: Point; focus?: Point } | null };
          getElementByKey: (key: string) => HTMLElement | null;
        };
        const root = document.querySelector<Element & { __lexicalEditor?: EditorLike }>('[aria-label="Body"]');
        const editor = root?.__lexicalEditor;
        const dom = window.getSelection();
        const lexical = editor?.getEditorState()._selection;
        if (editor === undefined || dom === null || !dom.isCollapsed || lexical?.anchor === undefined) return false;
        const { anchor, focus } = lexical;
        if (focus === undefined || anchor.key !== focus.key || anchor.offset !== focus.offset) return false;
        const element = editor.getElementByKey(anchor.key);
        const node = dom.anchorNode;
        if (element === null || node === null) return false;
        return anchor.type === 'text'
          ? (node === element || element.contains(node)) && dom.anchorOffset === anchor.offset
          : node === element && dom.anchorOffset === anchor.offset;
      }),
    )
    .toBe(true);
}

/** New article from the library, typed the way a person does: headline, Enter, dek, Enter, body. */
export async function startArticle(page: Page, headline: string, dek = ''): Promise<void> {
  await library(page).getByRole('button', { name: 'New article' }).click();
  await expect(headlineField(page)).toBeFocused();
  await page.keyboard.type(headline);
  await page.keyboard.press('Enter');
  await expect(dekField(page)).toBeFocused();
  if (dek !== '') await page.keyboard.type(dek);
  await page.keyboard.press('Enter');
  await expect(body(page)).toBeFocused();
  // A new story is stored with its first change; from then on it has its ordinary address.
  if (headline !== '' || dek !== '') await expect(page).toHaveURL(/#\/article\//);
}

/** A new article typed the way a person does: headline, Enter, Enter past the dek, then the paragraphs; saved. */
export async function startStory(page: Page, headline: string, paragraphs: readonly string[]): Promise<void> {
  await startArticle(page, headline);
  for (const [index, paragraph] of paragraphs.entries()) {
    if (index > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(paragraph);
  }
  await expectSaved(page);
}

export type ApiReply = { ok: boolean; value?: unknown; error?: { message: string } };

/** Calls the API from inside the page with the session's key, as the interface or another window does. */
export async function callApi(page: Page, channel: string, args: unknown): Promise<ApiReply> {
  return page.evaluate(
    async ({ channel: name, args: payload }) => {
      const response = await fetch(`/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Copydesk-Token': sessionStorage.getItem('copydesk.token') ?? '',
        },
        body: JSON.stringify(payload),
      });
      return (await response.json()) as ApiReply;
    },
    { channel, args },
  );
}

/**
 * A story made through the API with `headline` and one paragraph of `text`, then opened at its
 * address, its text shown; answers with its id.
 */
export async function openNewStory(page: Page, url: string, headline: string, text: string): Promise<string> {
  const created = await callApi(page, 'articles:create', { headline, body: bodyFromParagraphs([text]) });
  expect(created.ok, created.error?.message).toBe(true);
  const { id } = created.value as { id: string };
  await page.goto(`${url}#/article/${id}`);
  await expect(body(page)).toHaveText(text);
  return id;
}

/** Opens Settings from the library; returns the dialog. */
export async function openSettings(page: Page): Promise<Locator> {
  await library(page).getByRole('button', { name: 'Settings' }).click();
  return page.getByRole('dialog', { name: 'Settings' });
}

/** Sets the name that signs verdicts and revisions, in Settings, and waits for the dialog to close. */
export async function setUserName(page: Page, name: string): Promise<void> {
  const settings = await openSettings(page);
  await settings.getByRole('textbox', { name: 'Your name' }).fill(name);
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings).toBeHidden();
}

/** Dispatches a paste on the body, as the browser does when a person presses Ctrl+V with `data` on the clipboard. */
export async function pasteIntoBody(page: Page, data: Record<string, string>): Promise<void> {
  await page.evaluate((items) => {
    const target = document.querySelector('[contenteditable="true"][aria-label="Body"]');
    if (target === null) throw new Error('The body is not on the page.');
    const transfer = new DataTransfer();
    for (const [type, value] of Object.entries(items)) transfer.setData(type, value);
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, data);
}

/**
 * Puts the caret in the body `offset` characters into the first place `words` appear (at their
 * end when left out), as a click there would.
 */
export async function caretIn(page: Page, words: string, offset = words.length): Promise<void> {
  await page.evaluate(
    ({ wanted, by }) => {
      const root = document.querySelector('[aria-label="Body"]');
      const walker = document.createTreeWalker(root ?? document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(wanted) ?? -1;
        if (at < 0) continue;
        window.getSelection()?.collapse(node, at + by);
        return;
      }
      throw new Error(`“${wanted}” is not in the body`);
    },
    { wanted: words, by: offset },
  );
}
