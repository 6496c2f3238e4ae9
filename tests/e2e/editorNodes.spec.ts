import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import type { Page } from '@playwright/test';

import { pngImage } from '../helpers/images';
import {
  body,
  callApi,
  expectSaved,
  headlineField,
  expectCaret,
  expectSelection,
  MOD,
  pasteIntoBody,
  startArticle,
  tool,
  watchForProblems,
} from '../helpers/editorPage';
import { expect, test } from '../helpers/webServer';

type SavedArticle = { id: string; version: number; headline: string; body: unknown; bodyText: string };

async function getArticle(page: Page, id: string): Promise<SavedArticle> {
  const reply = await callApi(page, 'articles:get', { id });
  expect(reply.ok, reply.error?.message).toBe(true);
  return reply.value as SavedArticle;
}

function openArticleId(page: Page): string {
  const match = /#\/article\/([0-9a-f-]{36})$/.exec(page.url());
  if (match?.[1] === undefined) throw new Error(`No article is open at ${page.url()}`);
  return match[1];
}

/** Puts the picture at `file` in the body through the toolbar's file picker. */
async function insertImage(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await tool(page, 'Insert image').click();
  await (await chooser).setFiles(file);
  await expect(body(page).locator('figure img').last()).toBeVisible();
}

/** Puts an Also See in the body, pointing at the article `query` finds under `headline`. */
async function insertAlsoSee(page: Page, query: string, headline: string): Promise<void> {
  await tool(page, 'Also See').click();
  const dialog = page.getByRole('dialog', { name: 'Insert Also See' });
  const search = dialog.getByRole('searchbox', { name: 'Find an article' });
  await expect(search).toBeFocused();
  await search.fill(query);
  await dialog.getByRole('button', { name: new RegExp(`^${headline}`) }).click();
  await expect(dialog).toBeHidden();
}

/** A small gradient, so the picture reads as an image in a screenshot. */
const riverBank = (x: number, y: number) =>
  [40, Math.round((150 * x) / 320) + 60, 200 - Math.round((120 * y) / 180)] as const;

let scratch = '';
let pngPath = '';

test.beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'copydesk-e2e-images-'));
  pngPath = path.join(scratch, 'river-bank.png');
  await writeFile(pngPath, pngImage(320, 180, riverBank));
});

test.afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const HOSTILE_HTML = [
  '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1">',
  '<p>Pasted <strong>kept bold</strong> and <em>kept italic</em> with ',
  '<a href="https://example.org/pasted">a safe link</a> and <a href="javascript:window.__xss = true">a bad one</a>.</p>',
  '<img src="x" onerror="window.__xss = true">',
  '<script>window.__xss = true</script>',
  '<svg onload="window.__xss = true"><circle r="2"/></svg>',
  '<ul><li>Pasted point one</li><li>Pasted point two</li></ul>',
  '</b>',
].join('');

test('images, rules, Also See, markdown and a hostile paste all survive a reload', async ({ page, copydesk }) => {
  const problems = await watchForProblems(page);
  await page.goto(copydesk.url);

  const created = await callApi(page, 'articles:create', { headline: 'Flood barrier plan approved' });
  expect(created.ok).toBe(true);
  const linkedId = (created.value as { id: string }).id;

  await startArticle(page, 'Minister visits flood zone', 'Residents were moved as the river rose.');
  const articleId = openArticleId(page);

  // Markdown as it is typed: a heading, bold, strikethrough.
  await page.keyboard.type('## What we know');
  await expect(body(page).locator('h2')).toHaveText('What we know');
  await page.keyboard.press('Enter');
  await page.keyboard.type('The river **rose** overnight, ');
  await expect(body(page).locator('strong')).toHaveText('rose');
  await page.keyboard.type('~~slowly~~ quickly.');
  await expect(body(page).locator('s, .ed-strike')).toHaveText('slowly');
  await page.keyboard.press('Enter');

  // A link typed as markdown to a disallowed address is refused, and the person is told.
  await page.keyboard.type('See [this](javascript:alert(1))');
  await expect(page.getByRole('alert').filter({ hasText: 'was not made a link' })).toBeVisible();
  await expect(body(page).locator('a')).toHaveCount(0);
  await page.keyboard.press('Enter');

  // Ctrl/Cmd+Shift+X strikes through the selection.
  await page.keyboard.type('Strike me');
  await page.keyboard.press('Shift+Home');
  // The shortcut must act on the selection, so wait until the editor has taken it.
  await expectSelection(page, 'Strike me');
  await page.keyboard.press(`${MOD}+Shift+X`);
  await expect(tool(page, 'Strikethrough')).toHaveAttribute('aria-pressed', 'true');
  await expect(body(page).locator('s, .ed-strike').last()).toHaveText('Strike me');
  await page.keyboard.press('End');
  await expectCaret(page);
  await page.keyboard.press(`${MOD}+Shift+X`);
  await expect(tool(page, 'Strikethrough')).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('Enter');

  // An image from the file picker, with caption and credit.
  await insertImage(page, pngPath);
  await body(page).getByRole('textbox', { name: 'Image caption' }).fill('Sandbags line the river bank.');
  await body(page).getByRole('textbox', { name: 'Image credit' }).fill('Image via City Council');
  await body(page).getByRole('textbox', { name: 'Image credit' }).press('Enter');
  await expect(body(page)).toBeFocused();
  await page.keyboard.type('Crews worked through the night.');

  // A file that is not an image is refused with the reason, and nothing is inserted.
  const refused = page.waitForEvent('filechooser');
  await tool(page, 'Insert image').click();
  await (await refused).setFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not a picture') });
  await expect(page.getByRole('alert').filter({ hasText: 'notes.png was not added' })).toBeVisible();
  await expect(body(page).locator('figure')).toHaveCount(1);

  // A horizontal rule from the toolbar.
  await tool(page, 'Horizontal rule').click();
  await expect(body(page).locator('hr')).toHaveCount(1);

  // An Also See block pointing at the other article, found through the dialog.
  await insertAlsoSee(page, 'barrier', 'Flood barrier plan approved');
  await expect(body(page).locator('.ed-also-see')).toHaveText('Also See: Flood barrier plan approved');

  // A hostile paste: the formatting stays, nothing runs, the bad link goes with a message.
  await body(page).press(`${MOD}+End`);
  await pasteIntoBody(page, { 'text/html': HOSTILE_HTML, 'text/plain': 'Pasted kept bold' });
  await expect(body(page).locator('strong', { hasText: 'kept bold' })).toBeVisible();
  await expect(body(page).locator('em', { hasText: 'kept italic' })).toBeVisible();
  await expect(body(page).locator('a[href="https://example.org/pasted"]')).toHaveText('a safe link');
  await expect(body(page).locator('ul > li')).toHaveText(['Pasted point one', 'Pasted point two']);
  await expect(page.getByRole('alert').filter({ hasText: 'One link in the pasted text was not kept' })).toBeVisible();
  await expect(body(page).locator('script, svg circle, img[src="x"], [onerror], [onload]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  await expectSaved(page);

  // The linked article is renamed elsewhere; the Also See block shows the new headline.
  const linked = await getArticle(page, linkedId);
  const renamed = await callApi(page, 'articles:save', {
    id: linkedId,
    version: linked.version,
    patch: { headline: 'Flood barrier plan approved after vote' },
  });
  expect(renamed.ok).toBe(true);

  await page.reload();
  await expect(headlineField(page)).toHaveValue('Minister visits flood zone');
  await expect(body(page).locator('h2')).toHaveText('What we know');
  await expect(body(page).locator('strong').first()).toHaveText('rose');
  await expect(body(page).locator('s, .ed-strike')).toHaveText(['slowly', 'Strike me']);
  await expect(body(page).getByRole('textbox', { name: 'Image caption' })).toHaveValue('Sandbags line the river bank.');
  await expect(body(page).getByRole('textbox', { name: 'Image credit' })).toHaveValue('Image via City Council');
  const image = body(page).locator('figure img');
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(320);
  await expect(body(page).locator('hr')).toHaveCount(1);
  await expect(body(page).locator('.ed-also-see')).toHaveText('Also See: Flood barrier plan approved after vote');
  await expect(body(page).locator('.ed-also-see a')).toHaveAttribute('href', `#/article/${linkedId}`);
  await expect(body(page).locator('a[href="https://example.org/pasted"]')).toHaveText('a safe link');
  await expect(body(page).locator('ul > li')).toHaveText(['Pasted point one', 'Pasted point two']);
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();

  // What was saved: the image by asset, the Also See by id, the link kept, nothing executable.
  const saved = await getArticle(page, articleId);
  const json = JSON.stringify(saved.body);
  expect(json).toContain('"type":"inline-image"');
  expect(json).toContain('"credit":"Image via City Council"');
  expect(json).toContain(`"articleId":"${linkedId}"`);
  expect(json).toContain('"type":"horizontalrule"');
  // The refused markdown link is kept as the text that was typed, never as a link.
  expect(json).toContain('See [this](javascript:alert(1))');
  expect(json.match(/"url":"[^"]*"/g)).toEqual(['"url":"https://example.org/pasted"']);
  expect(json).not.toMatch(/onerror|onload|<script|window\.__xss/i);

  // A trashed article is no longer something to see.
  expect((await callApi(page, 'articles:trash', { id: linkedId })).ok).toBe(true);
  await page.reload();
  await expect(body(page).locator('.ed-also-see')).toHaveText('Also See: article not found');

  // The browser logs the service's 400 for the file that was not an image; nothing else.
  expect(problems().filter((line) => !line.includes('status of 400 (Bad Request)'))).toEqual([]);
});

test('a click selects an image or an Also See, and its cross removes it with the caret going on', async ({
  page,
  copydesk,
}) => {
  await page.goto(copydesk.url);
  expect((await callApi(page, 'articles:create', { headline: 'Flood barrier plan approved' })).ok).toBe(true);
  await startArticle(page, 'Minister visits flood zone');
  await page.keyboard.type('Before the blocks.');
  await page.keyboard.press('Enter');

  await insertImage(page, pngPath);
  await insertAlsoSee(page, 'barrier', 'Flood barrier plan approved');
  const figure = body(page).locator('figure');
  const alsoSee = body(page).locator('.ed-also-see__box');
  await expect(alsoSee).toHaveText('Also See: Flood barrier plan approved');
  await page.keyboard.type('After the blocks.');

  // A click on the picture selects it; a click on the Also See selects that instead.
  await figure.locator('img').click();
  await expect(figure).toHaveClass(/ed-figure--selected/);
  await alsoSee.getByText('Also See:').click();
  await expect(alsoSee).toHaveClass(/ed-also-see__box--selected/);
  await expect(figure).not.toHaveClass(/ed-figure--selected/);
  // Shift+click adds the picture to what is selected.
  await figure.locator('img').click({ modifiers: ['Shift'] });
  await expect(figure).toHaveClass(/ed-figure--selected/);
  await expect(alsoSee).toHaveClass(/ed-also-see__box--selected/);
  // A click in the caption field is the field's own: the picture is no longer selected.
  await body(page).getByRole('textbox', { name: 'Image caption' }).click();
  await expect(figure).not.toHaveClass(/ed-figure--selected/);

  // The cross removes the block and the caret goes on at the start of what followed it.
  await body(page).getByRole('button', { name: 'Remove image' }).click();
  await expect(figure).toHaveCount(0);
  await body(page).getByRole('button', { name: 'Remove Also See' }).click();
  await expect(alsoSee).toHaveCount(0);
  await page.keyboard.type('Then: ');
  await expect(body(page).locator('p')).toHaveText(['Before the blocks.', 'Then: After the blocks.']);
  await expectSaved(page);
});

test('a paste over 500 kB asks first, and pastes as plain text or becomes a new article', async ({
  page,
  copydesk,
}) => {
  const problems = await watchForProblems(page);
  await page.goto(copydesk.url);
  await startArticle(page, 'Council minutes');
  await page.keyboard.type('Before the paste.');
  await page.keyboard.press('Enter');

  const line = (index: number) =>
    `Paragraph ${index} of the minutes: the committee heard evidence about the budget, the schedule and the works.`;
  const big = Array.from({ length: 6000 }, (_, index) => line(index + 1)).join('\n');
  expect(big.length).toBeGreaterThan(500_000);

  // What the editor's message bar shows, as it shows it: a busy machine can hold the page for
  // most of the time the note about the paste is on screen.
  await page.evaluate(() => {
    const shown: string[] = [];
    Object.assign(window, { shownMessages: shown });
    const bar = document.querySelector('.editor-messages');
    if (bar === null) throw new Error('The editor has no message bar.');
    new MutationObserver(() => {
      const text = bar.textContent;
      if (text !== '' && shown.at(-1) !== text) shown.push(text);
    }).observe(bar, { subtree: true, childList: true, characterData: true });
  });
  await pasteIntoBody(page, { 'text/plain': big, 'text/html': `<p>${big}</p>` });
  const dialog = page.getByRole('dialog', { name: 'Large paste' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('The clipboard holds');
  await dialog.getByRole('button', { name: 'Paste as plain text' }).click();
  await expect(dialog).toBeHidden();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { shownMessages: string[] }).shownMessages))
    .toContain('Pasted 6,000 paragraphs as plain text.');
  await expect(body(page).locator('p')).toHaveCount(6001);
  await expect(body(page).locator('p').nth(1)).toHaveText(line(1));
  await expect(body(page).locator('p').last()).toHaveText(line(6000));
  await expectSaved(page);
  const id = openArticleId(page);
  const saved = await getArticle(page, id);
  expect(saved.bodyText.startsWith(`Before the paste.\n\n${line(1)}`)).toBe(true);

  await page.reload();
  await expect(body(page).locator('p')).toHaveCount(6001);

  // The same paste can become a new article of its own: the first line is its headline.
  await body(page).press(`${MOD}+End`);
  await pasteIntoBody(page, { 'text/plain': `Minutes of the works committee\n\n${big}` });
  await dialog.getByRole('button', { name: 'Import as a new article' }).click();
  await expect(headlineField(page)).toHaveValue('Minutes of the works committee');
  expect(openArticleId(page)).not.toBe(id);
  await expect(body(page).locator('p').first()).toHaveText(line(1));
  await expect(body(page).locator('p')).toHaveCount(6000);

  // More than 2 MB is not pasted at all.
  await body(page).press(`${MOD}+End`);
  await pasteIntoBody(page, { 'text/plain': 'x'.repeat(2_100_000) });
  await expect(page.getByRole('alert').filter({ hasText: 'too large to paste' })).toContainText('File › Import');
  await expect(dialog).toBeHidden();

  expect(problems()).toEqual([]);
});

test('house style: flagged words are highlighted with their suggestion and never replaced', async ({
  page,
  copydesk,
}) => {
  const problems = await watchForProblems(page);
  await page.goto(copydesk.url);
  await startArticle(page, 'Front line report');
  await page.keyboard.type('ISIS fighters TK');

  const highlighted = () =>
    page.evaluate(() => ({
      term: [...(CSS.highlights.get('copydesk-house-style') ?? [])].map((range) =>
        range instanceof Range ? range.toString() : '',
      ),
      tk: [...(CSS.highlights.get('copydesk-tk') ?? [])].map((range) =>
        range instanceof Range ? range.toString() : '',
      ),
    }));
  await expect.poll(highlighted).toEqual({ term: ['ISIS'], tk: ['TK'] });

  const summary = page.getByRole('button', { name: 'Style 2: house style notes, 1 TK' });
  await summary.click();
  const notes = page.getByRole('region', { name: 'House style notes' });
  await expect(notes.getByRole('button')).toHaveText([
    'ISIS → Daesh: House style names the group Daesh.',
    'TK: unfinished — fill in before export',
  ]);

  // Choosing a note puts the caret on the word, and the suggestion shows beside it.
  await notes.getByRole('button', { name: /^ISIS → Daesh/ }).click();
  await expect(notes).toBeHidden();
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('.house-style-hint')).toHaveText('ISIS → Daesh: House style names the group Daesh.');

  await expectSaved(page);
  const saved = await getArticle(page, openArticleId(page));
  expect(saved.bodyText).toBe('ISIS fighters TK');
  const json = JSON.stringify(saved.body);
  expect(json).toContain('ISIS fighters TK');
  expect(json).not.toContain('Daesh');
  expect(json).not.toMatch(/highlight|house-style/);

  // Fixing the text by hand clears its note.
  await body(page).press(`${MOD}+End`);
  await expectCaret(page);
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('said to be 40');
  await expect.poll(highlighted).toEqual({ term: ['ISIS'], tk: [] });
  await expect(page.getByRole('button', { name: 'Style 1: house style note' })).toBeVisible();

  expect(problems()).toEqual([]);
});
