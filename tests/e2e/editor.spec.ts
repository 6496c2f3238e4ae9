import type { Page } from '@playwright/test';

import {
  body,
  callApi,
  dekField,
  expectCaret,
  expectSaved,
  headlineField,
  library,
  MOD,
  saveState,
  startArticle,
  tool,
  watchForProblems,
} from '../helpers/editorPage';
import { expect, test } from '../helpers/webServer';

const articleLink = (page: Page, headline: string) =>
  library(page).getByRole('link', { name: new RegExp(`^${headline}`) });

function openArticleId(page: Page): string {
  const match = /#\/article\/([0-9a-f-]{36})$/.exec(page.url());
  if (match?.[1] === undefined) throw new Error(`No article is open at ${page.url()}`);
  return match[1];
}

test('a formatted article survives a reload', async ({ page, copydesk }) => {
  const problems = await watchForProblems(page);
  await page.goto(copydesk.url);
  // The session key leaves the address bar as soon as the page has it.
  await expect(page).not.toHaveURL(/token=/);

  await startArticle(page, 'Flood defences hold as river peaks', 'Engineers say the new barrier did its job.');

  await tool(page, 'H2, heading 2').click();
  await page.keyboard.type('What happened');
  await page.keyboard.press('Enter');
  await page.keyboard.type('The river rose ');
  await page.keyboard.press(`${MOD}+b`);
  await page.keyboard.type('sharply');
  await page.keyboard.press(`${MOD}+b`);
  await page.keyboard.type(' overnight and ');
  await page.keyboard.press(`${MOD}+i`);
  await page.keyboard.type('nobody');
  await page.keyboard.press(`${MOD}+i`);
  await page.keyboard.type(' was hurt.');
  await page.keyboard.press('Enter');

  await tool(page, 'Bulleted list').click();
  await expect(tool(page, 'Bulleted list')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.type('Sandbags held');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Roads reopened');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');

  await page.keyboard.type('Details from ');
  await page.keyboard.press(`${MOD}+k`);
  const dialog = page.getByRole('dialog', { name: 'Insert link' });
  await expect(dialog.getByLabel('URL')).toBeFocused();
  await dialog.getByLabel('URL').fill('https://example.org/floods');
  await dialog.getByLabel('Text').fill('the council');
  await dialog.getByLabel('URL').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(body(page)).toBeFocused();
  await page.keyboard.type('.');
  await page.keyboard.press('Enter');

  await tool(page, 'Quote').click();
  await page.keyboard.type('We were ready, the mayor said.');

  await expectSaved(page);
  await expect(page.getByRole('contentinfo')).toContainText('25 words');
  await expect(articleLink(page, 'Flood defences hold as river peaks')).toBeVisible();

  const saves: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/articles%3Asave')) saves.push(request.url());
  });
  await page.reload();

  await expect(headlineField(page)).toHaveValue('Flood defences hold as river peaks');
  await expect(dekField(page)).toHaveValue('Engineers say the new barrier did its job.');
  await expect(body(page).locator('h2')).toHaveText('What happened');
  await expect(body(page).locator('strong, b, .ed-bold')).toHaveText('sharply');
  await expect(body(page).locator('em, i, .ed-italic')).toHaveText('nobody');
  await expect(body(page).locator('ul > li')).toHaveText(['Sandbags held', 'Roads reopened']);
  await expect(body(page).locator('a[href="https://example.org/floods"]')).toHaveText('the council');
  await expect(body(page).locator('p').filter({ hasText: 'Details from' })).toHaveText('Details from the council.');
  await expect(body(page).locator('blockquote')).toHaveText('We were ready, the mayor said.');
  await expectSaved(page);
  await expect(page.getByRole('contentinfo')).toContainText('25 words');

  // Opening and moving around an article is not an edit: nothing is saved, the list order stays.
  // An edit would show at once as "Unsaved changes": once the editor has taken the caret's move
  // and the window has drawn a frame, it still says "Saved", and no save was sent.
  await body(page).locator('blockquote').click();
  await page.keyboard.press('End');
  await expectCaret(page);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await expectSaved(page);
  expect(saves).toEqual([]);

  // The count follows typing in a paragraph, and an undo of it.
  await page.keyboard.type(' Nobody was hurt.');
  await expect(page.getByRole('contentinfo')).toContainText('28 words');
  await page.keyboard.press(`${MOD}+z`);
  await expect(body(page).locator('blockquote')).toHaveText('We were ready, the mayor said.');
  await expect(page.getByRole('contentinfo')).toContainText('25 words');

  expect(problems()).toEqual([]);
});

test('search finds an article by a body word and by a headline prefix', async ({ page, copydesk }) => {
  await page.goto(copydesk.url);
  await startArticle(page, 'Harbour authority publishes tide tables');
  await page.keyboard.type('The almanac lists every spring tide for the coming year.');
  await expectSaved(page);
  await startArticle(page, 'Council debates parking fees');
  await page.keyboard.type('Residents objected to the proposal.');
  await expectSaved(page);

  const search = library(page).getByRole('searchbox', { name: 'Search articles' });
  const results = library(page).getByRole('list', { name: 'Search results' });

  await search.fill('almanac');
  await expect(results.getByRole('link')).toHaveCount(1);
  const hit = results.getByRole('link', { name: /^Harbour authority publishes tide tables/ });
  await expect(hit.locator('mark')).toHaveText([/almanac/i]);

  await search.fill('Harb');
  await expect(results.getByRole('link')).toHaveCount(1);
  await expect(hit).toBeVisible();

  await search.fill('zeppelin');
  await expect(library(page).getByText('No articles match “zeppelin”.')).toBeVisible();

  await search.fill('Harb');
  await hit.click();
  await expect(headlineField(page)).toHaveValue('Harbour authority publishes tide tables');
  await expect(body(page)).toHaveText('The almanac lists every spring tide for the coming year.');

  // Escape clears the search and brings the list back.
  await search.press('Escape');
  await expect(library(page).getByRole('list', { name: 'Articles' }).getByRole('link')).toHaveCount(2);
});

test('an article moved to the trash can be restored', async ({ page, copydesk }) => {
  await page.goto(copydesk.url);
  await startArticle(page, 'Council to vote on budget');
  await page.keyboard.type('The vote is on Tuesday.');
  await expectSaved(page);
  await startArticle(page, 'Second story stays put');
  await expectSaved(page);
  await articleLink(page, 'Council to vote on budget').click();
  await expect(headlineField(page)).toHaveValue('Council to vote on budget');

  await page.getByRole('button', { name: 'Move to trash' }).click();
  await expect(page.getByRole('heading', { name: 'No article open' })).toBeVisible();
  const articles = library(page).getByRole('list', { name: 'Articles' });
  await expect(articles.getByRole('link')).toHaveText([/^Second story stays put/]);

  await library(page)
    .getByRole('button', { name: /^Trash/ })
    .click();
  const trash = library(page).getByRole('list', { name: 'Trash' });
  await expect(trash.getByRole('listitem')).toHaveCount(1);
  await expect(trash.getByRole('listitem')).toContainText('Council to vote on budget');

  await trash.getByRole('button', { name: 'Restore Council to vote on budget' }).click();
  await expect(library(page).getByText('The trash is empty.')).toBeVisible();

  await library(page)
    .getByRole('button', { name: /^Articles/ })
    .click();
  await expect(articles.getByRole('link')).toHaveCount(2);
  await articleLink(page, 'Council to vote on budget').click();
  await expect(body(page)).toHaveText('The vote is on Tuesday.');
});

test('a whole session raises no console errors and no CSP violations', async ({ page, copydesk }) => {
  const problems = await watchForProblems(page);
  await page.goto(copydesk.url);

  // An empty library offers the sample article.
  await library(page).getByRole('button', { name: 'Add a sample article' }).click();
  await expect(headlineField(page)).not.toHaveValue('');
  await expect(body(page)).not.toHaveText('');
  await expect(library(page).getByRole('list', { name: 'Articles' }).getByRole('link')).toHaveCount(1);

  await startArticle(page, 'Links are checked');
  await page.keyboard.type('See the report');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press(`${MOD}+k`);
  const dialog = page.getByRole('dialog', { name: 'Insert link' });
  await dialog.getByLabel('URL').fill('javascript:alert(1)');
  await dialog.getByLabel('URL').press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('cannot be used');
  await expect(body(page).locator('a')).toHaveCount(0);
  await dialog.getByLabel('URL').fill('example.com/report');
  await dialog.getByLabel('URL').press('Enter');
  await expect(body(page).locator('a')).toHaveAttribute('href', 'https://example.com/report');
  await expect(body(page).locator('a')).toHaveText('See the report');

  // Editing the link: Ctrl+K inside it offers the address and a way to remove it.
  await page.keyboard.press(`${MOD}+k`);
  const edit = page.getByRole('dialog', { name: 'Edit link' });
  await expect(edit.getByLabel('URL')).toHaveValue('https://example.com/report');
  await edit.getByRole('button', { name: 'Cancel' }).click();
  await expect(edit).toBeHidden();
  await expectSaved(page);

  await library(page).getByRole('searchbox', { name: 'Search articles' }).fill('report');
  await expect(library(page).getByRole('list', { name: 'Search results' }).getByRole('link')).not.toHaveCount(0);
  await page.reload();
  await expect(body(page).locator('a')).toHaveText('See the report');

  expect(problems()).toEqual([]);
});

test('undo and redo from the toolbar, and the undone text is what gets saved', async ({ page, copydesk }) => {
  const problems = await watchForProblems(page);
  await page.goto(copydesk.url);
  await startArticle(page, 'Undo works');
  await expect(tool(page, 'Undo')).toBeDisabled();
  await expect(tool(page, 'Redo')).toBeDisabled();

  await page.keyboard.type('Alpha beta');
  await page.keyboard.press(`${MOD}+a`);
  await tool(page, 'Bold').click();
  await expect(tool(page, 'Bold')).toHaveAttribute('aria-pressed', 'true');
  await expect(body(page).locator('strong')).toHaveText('Alpha beta');
  await expect(tool(page, 'Undo')).toBeEnabled();

  await tool(page, 'Undo').click();
  await expect(body(page).locator('strong')).toHaveCount(0);
  await expect(body(page)).toHaveText('Alpha beta');
  await expect(tool(page, 'Redo')).toBeEnabled();

  await tool(page, 'Redo').click();
  await expect(body(page).locator('strong')).toHaveText('Alpha beta');
  await expect(tool(page, 'Redo')).toBeDisabled();
  await expectSaved(page);

  await tool(page, 'Undo').click();
  await expect(body(page).locator('strong')).toHaveCount(0);
  await expect(saveState(page)).toHaveText('Unsaved changes');
  await expectSaved(page);

  await page.reload();
  await expect(body(page)).toHaveText('Alpha beta');
  await expect(body(page).locator('strong')).toHaveCount(0);
  expect(problems()).toEqual([]);
});

test('a save refused as stale says so and offers to load the newer text', async ({ page, copydesk }) => {
  await page.goto(copydesk.url);
  await startArticle(page, 'Original headline');
  await page.keyboard.type('Original text.');
  await expectSaved(page);
  const id = openArticleId(page);

  // Someone else saves the article (another window, another desk): its version moves on.
  const current = await callApi(page, 'articles:get', { id });
  const { version } = current.value as { version: number };
  const other = await callApi(page, 'articles:save', {
    id,
    version,
    patch: { headline: 'Headline from the other desk' },
  });
  expect(other.ok).toBe(true);

  await body(page).click();
  await page.keyboard.press(`${MOD}+End`);
  await page.keyboard.type(' More.');
  await expect(saveState(page)).toContainText(/^Not saved: .+/);
  const footer = page.getByRole('contentinfo');
  await expect(footer.getByRole('button', { name: 'Retry' })).toHaveCount(0);

  // Nothing more is sent on top of the newer version while the conflict stands.
  await page.keyboard.type(' Even more.');
  await expect(saveState(page)).toContainText(/^Not saved/);

  await footer.getByRole('button', { name: 'Reload' }).click();
  await expect(headlineField(page)).toHaveValue('Headline from the other desk');
  await expect(body(page)).toHaveText('Original text.');
  await expectSaved(page);

  // Editing goes on from the reloaded version.
  await body(page).click();
  await page.keyboard.press(`${MOD}+End`);
  await page.keyboard.type(' Updated.');
  await expect(saveState(page)).toHaveText('Unsaved changes');
  await expectSaved(page);
  await page.reload();
  await expect(body(page)).toHaveText('Original text. Updated.');
});

test('the list reaches every article by scrolling, newest first', async ({ page, copydesk }) => {
  await page.goto(copydesk.url);
  for (let index = 1; index <= 52; index += 1) {
    const created = await callApi(page, 'articles:create', { headline: `Brief number ${index}` });
    expect(created.ok).toBe(true);
  }
  await page.reload();

  const articles = library(page).getByRole('list', { name: 'Articles' });
  await expect(library(page).getByRole('button', { name: /^Articles/ })).toHaveText('Articles 52');
  // Most recently updated first.
  await expect(articles.getByRole('link').first()).toHaveAccessibleName(/^Brief number 52/);
  await expect(articles.getByRole('listitem').first()).toHaveAttribute('aria-setsize', '52');

  await articles.getByRole('link').first().focus();
  await page.keyboard.press('End');
  await expect(articles.getByRole('link', { name: /^Brief number 1\b/ })).toBeFocused();
  await expect(articles.getByRole('listitem').last()).toHaveAttribute('aria-posinset', '52');
});

test('without the session key the page says where to get it', async ({ page, copydesk }) => {
  await page.goto(`${copydesk.origin}/`);
  await expect(page.getByText('Open the address printed by `copydesk serve`')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Library' })).toHaveCount(0);

  // With the key, the same tab works, and keeps working across reloads once the key is gone from the address.
  await page.goto(copydesk.url);
  await expect(library(page).getByRole('button', { name: 'Add a sample article' })).toBeVisible();
  await page.reload();
  await expect(library(page).getByRole('button', { name: 'Add a sample article' })).toBeVisible();
});
