import { readFile } from 'node:fs/promises';

import type { Page } from '@playwright/test';

import { bodyFromParagraphs } from '../../shared/text';
import {
  body,
  callApi,
  caretIn,
  expectCaret,
  expectSaved,
  openNewStory,
  selectText,
  setUserName,
  tool,
} from '../helpers/editorPage';
import { expect, test } from '../helpers/webServer';

const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'laptop', width: 1024, height: 700 },
] as const;

/** Puts the caret just after `words` in the body, as a click there does. */
async function caretAfter(page: Page, words: string): Promise<void> {
  await body(page).click();
  await caretIn(page, words);
  await expectCaret(page);
}

/** Opens a side panel by its tab (or its button, when the panels are folded away); answers with its list. */
async function openPanel(page: Page, panel: string, list: string) {
  const tab = page.getByRole('tab', { name: panel });
  if ((await tab.count()) === 0) await page.getByRole('button', { name: panel }).click();
  else await tab.click();
  return page.getByRole('list', { name: list });
}

/** On the laptop, Ed Editor opens a new story of one paragraph and switches Suggesting on with its shortcut. */
async function suggestInNewStory(page: Page, url: string, headline: string, text: string): Promise<void> {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(url);
  await setUserName(page, 'Ed Editor');
  await openNewStory(page, url, headline, text);
  await body(page).click();
  await page.keyboard.press('ControlOrMeta+Shift+E');
  await expect(tool(page, 'Suggesting')).toHaveAttribute('aria-pressed', 'true');
}

const openSuggestions = (page: Page) => openPanel(page, 'Suggestions', 'Suggested changes');

for (const size of SIZES) {
  test(`on the ${size.name}, one person suggests an addition and a removal; another accepts one and rejects the other, and the text is right after a reload`, async ({
    page,
    copydesk,
  }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto(copydesk.url);
    await setUserName(page, 'Ed Editor');
    await openNewStory(page, copydesk.url, 'Budget day', 'Taxes rise today. Pensions go up.');

    // Suggesting on, by the toolbar's button: typing adds suggested words, Backspace marks words to take out.
    await tool(page, 'Suggesting').click();
    await expect(tool(page, 'Suggesting')).toHaveAttribute('aria-pressed', 'true');
    await caretAfter(page, 'Taxes rise');
    await page.keyboard.type(' sharply', { delay: 10 });
    await expect(body(page).locator('ins')).toHaveText(' sharply');
    await selectText(page, '[aria-label="Body"]', 'today');
    await page.keyboard.press('Backspace');
    await expect(body(page).locator('del')).toHaveText('today');
    // The words stay in the text until someone decides.
    await expect(body(page)).toHaveText('Taxes rise sharply today. Pensions go up.');
    await expect(body(page).locator('ins')).toHaveAttribute('data-author', 'Ed Editor');
    await expectSaved(page);

    const list = await openSuggestions(page);
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await expect(list.getByRole('listitem').nth(0)).toContainText('Add “sharply”');
    await expect(list.getByRole('listitem').nth(1)).toContainText('Take out “today”');
    await expect(list.getByRole('listitem').nth(0)).toContainText('Ed Editor');
    await page.screenshot({ path: `test-results/suggestions-${size.name}.png` });

    // Next and Previous go from one to the other, the caret in each: the bar over the text says which.
    const bar = page.getByRole('group', { name: 'Suggestion at the caret' });
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(bar).toContainText('Ed Editor suggests adding “sharply”');
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(bar).toContainText('Ed Editor suggests taking out “today”');
    await page.getByRole('button', { name: 'Previous', exact: true }).click();
    await expect(bar).toContainText('Ed Editor suggests adding “sharply”');

    // A marked-up copy to print for a proof: the suggestions shown and signed, and listed.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Marked-up copy' }).click();
    const copy = await downloading;
    expect(copy.suggestedFilename()).toBe('budget-day-marked-up.html');
    const proof = await readFile(await copy.path(), 'utf8');
    expect(proof).toMatch(/<ins[^>]*data-author="Ed Editor"[^>]*>(?:(?!<\/ins>).)*sharply/su);
    expect(proof).toMatch(/<del[^>]*data-author="Ed Editor"[^>]*>(?:(?!<\/del>).)*today/su);
    expect(proof).toContain('Add “sharply”');
    expect(proof).not.toMatch(/<script|style="/u);
    // The clean copy reads as the story would with every suggestion accepted.
    const cleaning = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Clean copy' }).click();
    const clean = await cleaning;
    expect(clean.suggestedFilename()).toBe('budget-day-clean.html');
    const main = /<main>([\s\S]*)<\/main>/u.exec(await readFile(await clean.path(), 'utf8'))?.[1] ?? '';
    expect(main.replace(/<[^>]+>/gu, '').trim()).toBe('Taxes rise sharply . Pensions go up.');

    // Nothing only suggested leaves Copydesk: the export is refused while they wait.
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export package' });
    await expect(dialog.getByRole('list', { name: 'Blocking items' })).toContainText(
      'The text has 2 suggested changes by Ed Editor not yet accepted or rejected.',
    );
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // Another person, after a reload: the suggestions are there, theirs to settle.
    await page.reload();
    await setUserName(page, 'Rita Reporter');
    await expect(body(page).locator('ins')).toHaveText(' sharply');
    await expect(body(page).locator('del')).toHaveText('today');
    const again = await openSuggestions(page);
    await again.getByRole('button', { name: 'Accept: Add “sharply”' }).click();
    await expect(body(page).locator('ins')).toHaveCount(0);
    // The other is rejected from the text: the caret in it shows who suggested it, with Accept and Reject.
    await caretAfter(page, 'tod');
    await expect(bar).toContainText('Ed Editor suggests taking out “today”');
    await bar.getByRole('button', { name: 'Reject' }).click();
    await expect(body(page).locator('del')).toHaveCount(0);
    await expect(body(page)).toHaveText('Taxes rise sharply today. Pensions go up.');
    await expect(again.getByRole('listitem')).toHaveCount(0);
    await expectSaved(page);

    await page.reload();
    await expect(body(page)).toHaveText('Taxes rise sharply today. Pensions go up.');
    await expect(body(page).locator('ins, del')).toHaveCount(0);

    // History keeps who accepted and who rejected what.
    const versions = await openPanel(page, 'History', 'Versions');
    await expect(
      versions.getByRole('listitem').filter({ hasText: 'Accepted Ed Editor’s suggestion: Add “sharply”' }),
    ).toContainText('Rita Reporter');
    await expect(
      versions.getByRole('listitem').filter({ hasText: 'Rejected Ed Editor’s suggestion: Take out “today”' }),
    ).toContainText('Rita Reporter');
  });
}

test('Ctrl+Shift+E switches suggesting on and off; typing over words suggests a replacement, and undo takes it back', async ({
  page,
  copydesk,
}) => {
  await page.goto(copydesk.url);
  await setUserName(page, 'Ed Editor');
  await openNewStory(page, copydesk.url, 'Ferry trial', 'The ferry runs on Friday.');
  await caretAfter(page, 'The ferry');
  await page.keyboard.press('ControlOrMeta+Shift+E');
  await expect(tool(page, 'Suggesting')).toHaveAttribute('aria-pressed', 'true');
  await selectText(page, '[aria-label="Body"]', 'Friday');
  await page.keyboard.type('Saturday', { delay: 10 });
  await expect(body(page).locator('del')).toHaveText('Friday');
  await expect(body(page).locator('ins')).toHaveText('Saturday');
  const list = await openSuggestions(page);
  await expect(list.getByRole('listitem')).toHaveText([/Replace “Friday” with “Saturday”/]);

  // Enter suggests a new paragraph: a line break marked ¶, one paragraph until accepted; Backspace takes it back.
  await caretAfter(page, 'The ferry');
  await page.keyboard.press('End');
  await expectCaret(page);
  await page.keyboard.press('Enter');
  await expect(body(page).locator('ins[data-split="true"]')).toHaveCount(1);
  await expect(body(page).locator('p')).toHaveCount(1);
  await expect(list.getByRole('listitem')).toHaveText([/Replace “Friday” with “Saturday”/, /New paragraph/]);
  await page.keyboard.press('Backspace');
  await expect(body(page).locator('ins[data-split="true"]')).toHaveCount(0);
  await expect(list.getByRole('listitem')).toHaveText([/Replace “Friday” with “Saturday”/]);

  // Find and replace suggests too while suggesting is on: the words found stay, struck through.
  await page.keyboard.press('ControlOrMeta+H');
  const findBar = page.getByRole('search', { name: 'Find and replace' });
  await findBar.getByRole('textbox', { name: 'Find', exact: true }).fill('ferry');
  await findBar.getByRole('textbox', { name: 'Replace with' }).fill('boat');
  await findBar.getByRole('button', { name: 'Replace all' }).click();
  await expect(body(page).locator('del', { hasText: 'ferry' })).toHaveCount(1);
  await expect(body(page).locator('ins', { hasText: 'boat' })).toHaveCount(1);
  await expect(list.getByRole('listitem')).toHaveText([
    /Replace “ferry” with “boat”/,
    /Replace “Friday” with “Saturday”/,
  ]);
  await page.keyboard.press('Escape');

  // Undo takes the suggestions back as they came, and Suggesting off types as before.
  await body(page).click();
  await expect(async () => {
    await page.keyboard.press('ControlOrMeta+Z');
    await expect(body(page).locator('ins, del')).toHaveCount(0, { timeout: 500 });
  }).toPass();
  await expect(body(page)).toHaveText('The ferry runs on Friday.');
  await expect(body(page).locator('ins, del')).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+Shift+E');
  await expect(tool(page, 'Suggesting')).toHaveAttribute('aria-pressed', 'false');
  await caretAfter(page, 'The ferry');
  await page.keyboard.type(' now');
  await expect(body(page)).toHaveText('The ferry now runs on Friday.');
  await expect(body(page).locator('ins, del')).toHaveCount(0);
});

test('on the laptop, bold and italics are suggested, shown at once and signed; a rejection puts the words back', async ({
  page,
  copydesk,
}) => {
  await suggestInNewStory(page, copydesk.url, 'Storm warning', 'Winds reached gale force on the coast.');
  await expect(tool(page, 'Suggesting')).toHaveAttribute('aria-pressed', 'true');

  // Ctrl+B on selected words: they are bold at once, over a dotted line, and listed as a suggestion.
  await selectText(page, '[aria-label="Body"]', 'gale force');
  await page.keyboard.press('ControlOrMeta+B');
  const bold = body(page).locator('[data-change="bold"]');
  await expect(bold).toHaveText('gale force');
  await expect(bold).toHaveAttribute('data-author', 'Ed Editor');
  await expect(bold.locator('.ed-bold')).toHaveText('gale force');
  const bar = page.getByRole('group', { name: 'Suggestion at the caret' });
  await expect(bar).toContainText('Ed Editor suggests making “gale force” bold');
  // The toolbar's Italic button suggests too.
  await selectText(page, '[aria-label="Body"]', 'the coast');
  await tool(page, 'Italic').click();
  await expect(body(page).locator('[data-change="italic"]')).toHaveText('the coast');
  const list = await openSuggestions(page);
  await expect(list.getByRole('listitem')).toHaveText([/Make “gale force” bold/, /Make “the coast” italic/]);

  // A change of block over words with suggestions in them waits for those to be settled, said in words.
  await caretAfter(page, 'Winds');
  await page.keyboard.press('ControlOrMeta+Alt+2');
  await expect(page.getByText('Suggesting: this paragraph holds suggestions')).toBeVisible();
  await expect(body(page).locator('h2')).toHaveCount(0);
  await expect(body(page)).toHaveText('Winds reached gale force on the coast.');
  await expectSaved(page);
  await page.screenshot({ path: 'test-results/suggestions-format-laptop.png' });

  // Another person rejects the bold and accepts the italics, and both last after a reload.
  await page.reload();
  await setUserName(page, 'Rita Reporter');
  await expect(body(page).locator('[data-change]')).toHaveCount(2);
  const again = await openSuggestions(page);
  await again.getByRole('button', { name: 'Reject: Make “gale force” bold' }).click();
  await expect(body(page).locator('.ed-bold')).toHaveCount(0);
  // The list closes up over the settled suggestion before the next one is clicked.
  await expect(again.getByRole('listitem')).toHaveCount(1);
  await again.getByRole('button', { name: 'Accept: Make “the coast” italic' }).click();
  await expect(again.getByRole('listitem')).toHaveCount(0);
  await expectSaved(page);
  await page.reload();
  await expect(body(page)).toHaveText('Winds reached gale force on the coast.');
  await expect(body(page).locator('[data-change]')).toHaveCount(0);
  await expect(body(page).locator('.ed-bold')).toHaveCount(0);
  await expect(body(page).locator('.ed-italic')).toHaveText('the coast');

  const versions = await openPanel(page, 'History', 'Versions');
  await expect(
    versions.getByRole('listitem').filter({ hasText: 'Rejected Ed Editor’s suggestion: Make “gale force” bold' }),
  ).toContainText('Rita Reporter');
});

test('on the desktop, Alt+Shift+↑ moves a paragraph; while suggesting the move is one suggestion, accepted by another with no empty paragraph left', async ({
  page,
  copydesk,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(copydesk.url);
  await setUserName(page, 'Ed Editor');
  const id = await openNewStory(page, copydesk.url, 'Budget day', 'Taxes rise.');
  // Two more paragraphs, typed.
  await caretAfter(page, 'Taxes rise.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Pensions go up.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Fuel duty is frozen.');
  const paragraphs = body(page).locator('p');
  await expect(paragraphs).toHaveText(['Taxes rise.', 'Pensions go up.', 'Fuel duty is frozen.']);

  // Not suggesting: the paragraph moves at once, the caret with it.
  await page.keyboard.press('Alt+Shift+ArrowUp');
  await expect(paragraphs).toHaveText(['Taxes rise.', 'Fuel duty is frozen.', 'Pensions go up.']);
  await page.keyboard.type(' Now.');
  await expect(paragraphs.nth(1)).toHaveText('Fuel duty is frozen. Now.');

  // Suggesting: "Taxes rise." moved down is struck through where it was and added below, one suggestion.
  await page.keyboard.press('ControlOrMeta+Shift+E');
  await expect(tool(page, 'Suggesting')).toHaveAttribute('aria-pressed', 'true');
  await caretAfter(page, 'Taxes');
  await page.keyboard.press('Alt+Shift+ArrowDown');
  await expect(body(page).locator('del[data-moved="true"]')).toHaveText('Taxes rise.');
  await expect(body(page).locator('ins[data-moved="true"]')).toHaveText('Taxes rise.');
  await expect(paragraphs).toHaveText(['Taxes rise.', 'Fuel duty is frozen. Now.', 'Taxes rise.', 'Pensions go up.']);
  const bar = page.getByRole('group', { name: 'Suggestion at the caret' });
  await expect(bar).toContainText('Ed Editor suggests moving “Taxes rise.” here');
  const list = await openSuggestions(page);
  await expect(list.getByRole('listitem')).toHaveText([/Move “Taxes rise\.”/]);
  await expectSaved(page);
  await page.screenshot({ path: 'test-results/suggestions-move-desktop.png' });

  // Rita accepts it after a reload: the paragraph is where Ed put it, and nothing is left where it was.
  await page.reload();
  await setUserName(page, 'Rita Reporter');
  await expect(body(page).locator('[data-moved]')).toHaveCount(2);
  const again = await openSuggestions(page);
  await again.getByRole('button', { name: 'Accept: Move “Taxes rise.”' }).click();
  await expect(paragraphs).toHaveText(['Fuel duty is frozen. Now.', 'Taxes rise.', 'Pensions go up.']);
  await expectSaved(page);
  await page.goto(`${copydesk.url}#/article/${id}`);
  await page.reload();
  await expect(paragraphs).toHaveText(['Fuel duty is frozen. Now.', 'Taxes rise.', 'Pensions go up.']);
  await expect(body(page).locator('ins, del')).toHaveCount(0);
  const versions = await openPanel(page, 'History', 'Versions');
  await expect(
    versions.getByRole('listitem').filter({ hasText: 'Accepted Ed Editor’s suggestion: Move “Taxes rise.”' }),
  ).toContainText('Rita Reporter');
});

test('on the laptop, Enter while suggesting suggests a new paragraph, shown by a pilcrow; accepted, the paragraph is two after a reload', async ({
  page,
  copydesk,
}) => {
  await suggestInNewStory(page, copydesk.url, 'Ferry trial', 'The ferry runs on Friday. Tickets go on sale today.');
  await caretAfter(page, 'Friday. ');
  await page.keyboard.press('Enter');
  const split = body(page).locator('ins[data-split="true"]');
  await expect(split).toHaveAttribute('data-author', 'Ed Editor');
  const list = await openSuggestions(page);
  await expect(list.getByRole('listitem')).toHaveText([/New paragraph at “Tickets go on sale today\.”/]);
  await expect(body(page).locator('p')).toHaveCount(1);
  await expectSaved(page);
  await page.screenshot({ path: 'test-results/suggestions-paragraph-laptop.png' });

  await page.reload();
  await setUserName(page, 'Rita Reporter');
  const again = await openSuggestions(page);
  await again.getByRole('button', { name: 'Accept: New paragraph at “Tickets go on sale today.”' }).click();
  await expect(body(page).locator('p')).toHaveText(['The ferry runs on Friday.', 'Tickets go on sale today.']);
  await expectSaved(page);
  await page.reload();
  await expect(body(page).locator('p')).toHaveText(['The ferry runs on Friday.', 'Tickets go on sale today.']);
  await expect(body(page).locator('ins, del')).toHaveCount(0);
});

test('on the desktop, a paragraph made a heading while suggesting is one at once, signed; rejected, it is a paragraph again after a reload', async ({
  page,
  copydesk,
}) => {
  await suggestInNewStory(page, copydesk.url, 'Storm warning', 'Winds reached gale force on the coast.');
  await page.setViewportSize({ width: 1440, height: 900 });
  await caretAfter(page, 'Winds');
  await page.keyboard.press('ControlOrMeta+Alt+2');
  const heading = body(page).locator('h2');
  await expect(heading).toHaveText('Winds reached gale force on the coast.');
  await expect(heading.locator('[data-was="paragraph"]')).toHaveAttribute('data-author', 'Ed Editor');
  const list = await openSuggestions(page);
  await expect(list.getByRole('listitem')).toHaveText([/Make “Winds reached gale force on the coast\.” a heading/]);
  await caretAfter(page, 'Winds');
  await expect(page.getByRole('group', { name: 'Suggestion at the caret' })).toContainText(
    'Ed Editor suggests making “Winds reached gale force on the coast.” a heading',
  );
  await expectSaved(page);
  await page.screenshot({ path: 'test-results/suggestions-heading-desktop.png' });

  await page.reload();
  await setUserName(page, 'Rita Reporter');
  const again = await openSuggestions(page);
  await again.getByRole('button', { name: 'Reject: Make “Winds reached gale force on the coast.” a heading' }).click();
  await expect(body(page).locator('p')).toHaveText(['Winds reached gale force on the coast.']);
  await expect(heading).toHaveCount(0);
  await expectSaved(page);
  await page.reload();
  await expect(body(page).locator('p')).toHaveText(['Winds reached gale force on the coast.']);
  await expect(body(page).locator('[data-suggestion]')).toHaveCount(0);
});

test('on the laptop, paragraphs made a list while suggesting are a list at once, signed; accepted, an item taken out again is rejected back into the list', async ({
  page,
  copydesk,
}) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(copydesk.url);
  await setUserName(page, 'Ed Editor');
  const created = await callApi(page, 'articles:create', {
    headline: 'Budget day',
    body: bodyFromParagraphs(['Taxes rise today.', 'Pensions go up.']),
  });
  await page.goto(`${copydesk.url}#/article/${(created.value as { id: string }).id}`);
  await expect(body(page).locator('p')).toHaveText(['Taxes rise today.', 'Pensions go up.']);
  await body(page).click();
  await page.keyboard.press('ControlOrMeta+Shift+E');
  await expect(tool(page, 'Suggesting')).toHaveAttribute('aria-pressed', 'true');

  // Both paragraphs selected and made a bulleted list: a list at once, one signed suggestion.
  await page.keyboard.press('ControlOrMeta+a');
  await tool(page, 'Bulleted list').click();
  const items = body(page).locator('ul > li');
  await expect(items).toHaveText(['Taxes rise today.', 'Pensions go up.']);
  await expect(items.locator('[data-was="paragraph"]')).toHaveCount(2);
  await expect(items.locator('[data-was="paragraph"]').first()).toHaveAttribute('data-author', 'Ed Editor');
  const list = await openSuggestions(page);
  await expect(list.getByRole('listitem')).toHaveText([
    /Make “Taxes rise today\. Pensions go up\.” a bulleted list item/,
  ]);
  await expectSaved(page);
  await page.screenshot({ path: 'test-results/suggestions-list-laptop.png' });

  // Rita accepts it, then suggests taking the second item out of the list.
  await page.reload();
  await setUserName(page, 'Rita Reporter');
  const again = await openSuggestions(page);
  await again.getByRole('button', { name: /^Accept: Make “Taxes rise today/ }).click();
  await expect(body(page).locator('[data-suggestion]')).toHaveCount(0);
  await expect(items).toHaveText(['Taxes rise today.', 'Pensions go up.']);
  await caretAfter(page, 'Pensions');
  await page.keyboard.press('ControlOrMeta+Shift+E');
  await tool(page, 'Bulleted list').click();
  await expect(items).toHaveText(['Taxes rise today.']);
  await expect(body(page).locator('p')).toHaveText(['Pensions go up.']);
  await expect(body(page).locator('p [data-was="bullet"]')).toHaveAttribute('data-author', 'Rita Reporter');
  await expect(again.getByRole('listitem')).toHaveText([/Make “Pensions go up\.” a paragraph/]);
  await page.screenshot({ path: 'test-results/suggestions-list-out-laptop.png' });

  // Rejected, it is back in the list, one list, after a reload too.
  await again.getByRole('button', { name: /^Reject: Make “Pensions go up\.” a paragraph/ }).click();
  await expect(items).toHaveText(['Taxes rise today.', 'Pensions go up.']);
  await expect(body(page).locator('ul')).toHaveCount(1);
  await expectSaved(page);
  await page.reload();
  await expect(items).toHaveText(['Taxes rise today.', 'Pensions go up.']);
  await expect(body(page).locator('[data-suggestion]')).toHaveCount(0);
});
