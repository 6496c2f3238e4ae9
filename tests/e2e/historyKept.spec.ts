import type { Locator, Page } from '@playwright/test';

import {
  body,
  expectCaret,
  expectSaved,
  headlineField,
  library,
  MOD,
  saveState,
  selectText,
  startStory,
} from '../helpers/editorPage';
import { expect, test } from '../helpers/webServer';

const history = (page: Page) => page.getByRole('region', { name: 'History' });
const versions = (page: Page) => history(page).getByRole('list', { name: 'Versions' });
const automatic = (page: Page) => versions(page).getByRole('button', { name: /^Automatic / });

/** Opens a story from the library list, then its History. */
async function openHistoryOf(page: Page, headline: string): Promise<void> {
  await library(page).getByRole('link', { name: headline }).click();
  await expect(headlineField(page)).toHaveValue(headline);
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(versions(page).getByRole('button', { name: /^Created / })).toBeVisible();
}

/** Types at the end of the body. */
async function typeAtEnd(page: Page, words: string): Promise<void> {
  await body(page).click();
  await page.keyboard.press(`${MOD}+End`);
  await page.keyboard.type(words);
}

/** The comparison of a version with the current text: no word differs, and `words` are in it. */
async function expectVersionHolds(page: Page, version: Locator, words: string): Promise<void> {
  await version.click();
  const comparison = page.getByRole('dialog', { name: /^Compare: / });
  await expect(comparison).toContainText(words);
  await expect(comparison).toContainText('No word changes');
  await expect(comparison.locator('ins, del')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(comparison).toBeHidden();
  await expect(version).toBeFocused();
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('History keeps a version, marked Automatic, whenever the story is left, with the last words typed', async ({
  page,
  copydesk,
}) => {
  await page.goto(copydesk.url);
  await startStory(page, 'Night ferry trial approved', ['The council approved the trial.']);

  // Typed, and straight on to another story without waiting for the save.
  await typeAtEnd(page, ' Crossings start in May.');
  await library(page).getByRole('button', { name: 'New article' }).click();
  await expect(headlineField(page)).toBeFocused();
  await page.keyboard.type('Tide tables');
  await expectSaved(page);

  await openHistoryOf(page, 'Night ferry trial approved');
  await expect(automatic(page)).toHaveCount(1);
  await expect(automatic(page)).toContainText('On leaving the story');
  await expectVersionHolds(page, automatic(page), 'Crossings start in May.');

  // Reloading the window with nothing new keeps nothing new: no pile of identical versions.
  await page.reload();
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(versions(page).getByRole('button', { name: /^Created / })).toBeVisible();
  await expect(automatic(page)).toHaveCount(1);

  // Editing, then closing or reloading the window, keeps what was typed.
  await typeAtEnd(page, ' Residents cheered.');
  await expectSaved(page);
  await page.reload();
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(automatic(page)).toHaveCount(2);
  await expectVersionHolds(page, automatic(page).first(), 'Residents cheered.');

  // Switching library closes the story first: what was typed is kept in its own library.
  await typeAtEnd(page, ' The first crossing is on 4 May.');
  await library(page).getByRole('button', { name: 'Libraries' }).click();
  const libraries = page.getByRole('dialog', { name: 'Libraries' });
  await expect(libraries).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(libraries).toBeHidden();
  await openHistoryOf(page, 'Night ferry trial approved');
  await expect(automatic(page)).toHaveCount(3);
  await expectVersionHolds(page, automatic(page).first(), 'The first crossing is on 4 May.');
});

test('a version is compared in a wide view, stepped through change by change, and restored from there', async ({
  page,
  copydesk,
}) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(copydesk.url);
  await startStory(page, 'Council approves ferry trial', [
    'The council approved the trial on Monday.',
    'Crossings run at night from the old quay.',
  ]);
  await page.getByRole('tab', { name: 'History' }).click();
  await history(page).getByRole('button', { name: 'Save version' }).click();
  await page.keyboard.type('As filed');
  await page.keyboard.press('Enter');
  const asFiled = versions(page).getByRole('button', { name: /^Saved version .* As filed/ });
  await expect(asFiled).toBeVisible();

  // Three changes: one in the headline, two in the text.
  await headlineField(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' for night crossings');
  await body(page).click();
  await page.keyboard.press(`${MOD}+End`);
  await expectCaret(page);
  for (let i = 0; i < 'old quay.'.length; i += 1) await page.keyboard.press('Backspace');
  await page.keyboard.type('eastern terminal.');
  await page.keyboard.press(`${MOD}+Home`);
  await expectCaret(page);
  await page.keyboard.press('End');
  await expectCaret(page);
  for (let i = 0; i < 'Monday.'.length; i += 1) await page.keyboard.press('Backspace');
  await page.keyboard.type('Tuesday.');
  await expectSaved(page);
  await expect(body(page)).toContainText('on Tuesday.');

  // Each entry is called by the words it shows.
  for (const entry of await versions(page).getByRole('button').all()) {
    const shown = (await entry.innerText()).replace(/\s+/g, ' ').trim();
    await expect(entry).toHaveAccessibleName(new RegExp(escapeRegExp(shown), 'i'));
  }

  await asFiled.click();
  const comparison = page.getByRole('dialog', { name: 'Compare: As filed' });
  await expect(comparison).toBeVisible();
  // Room to read: far wider than the side column, and whole on a 13-inch screen.
  const box = await comparison.boundingBox();
  expect(box?.width).toBeGreaterThan(700);
  expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(700);
  await expect(comparison.getByRole('region', { name: 'Headline' })).toContainText('for night crossings');

  const next = comparison.getByRole('button', { name: 'Next change' });
  const position = comparison.getByRole('group', { name: 'Changes' }).getByRole('status');
  const current = comparison.locator('.diff__change--current');
  await expect(next).toBeFocused();
  await expect(position).toHaveText('3 changes');
  await page.keyboard.press('Enter');
  await expect(position).toContainText('Change 1 of 3');
  await expect(current).toContainText('for night crossings');
  await page.keyboard.press('n');
  await expect(position).toContainText('Change 2 of 3');
  await expect(current).toContainText('Tuesday');
  await page.keyboard.press('n');
  await expect(position).toContainText('Change 3 of 3');
  await expect(current).toContainText('eastern terminal');
  await expect(current).toBeInViewport();
  await page.keyboard.press('p');
  await expect(position).toContainText('Change 2 of 3');
  // A screen reader hears what the change is.
  await expect(position).toContainText('in the text: removed “Monday”, added “Tuesday”');
  await comparison.getByRole('button', { name: 'Previous change' }).click();
  await page.keyboard.press('p');
  await expect(position).toContainText('Change 3 of 3');
  await page.screenshot({ path: 'test-results/history-compare-1024.png' });

  await page.keyboard.press('Escape');
  await expect(comparison).toBeHidden();
  await expect(asFiled).toBeFocused();

  await page.keyboard.press('Enter');
  await comparison.getByRole('button', { name: 'Restore this version' }).click();
  await expect(comparison).toBeHidden();
  await expect(headlineField(page)).toHaveValue('Council approves ferry trial');
  await expect(body(page)).toContainText('on Monday.');
  await expect(body(page)).toContainText('from the old quay.');
  await expectSaved(page);
});

test('History names what an export overrode in words, never by an id', async ({ page, copydesk }) => {
  const claim = 'More than 40 officials';
  await page.goto(copydesk.url);
  // A verdict is given in a name: the one asked for on first run.
  const prompt = page.getByRole('region', { name: 'Who is at the desk?' });
  await prompt.getByRole('textbox', { name: 'Your name' }).fill('Amna Riaz');
  await prompt.getByRole('button', { name: 'Save name' }).click();
  await expect(prompt).toHaveCount(0);
  await startStory(page, 'Ministry reshuffle', [`${claim} were moved on Monday, the ministry said.`]);

  await selectText(page, '[aria-label="Body"]', claim);
  await page.keyboard.press(`${MOD}+Shift+M`);
  const card = page.getByRole('region', { name: 'Fact check' }).getByRole('listitem', { name: `Claim: ${claim}` });
  await card.getByRole('combobox', { name: `Verdict on “${claim}”` }).selectOption({ label: 'False' });
  await expect(card).toContainText('False · Amna Riaz');
  await expectSaved(page);

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export package' });
  await dialog.getByRole('textbox', { name: 'Reason to export anyway: Byline' }).fill('Desk copy, no byline.');
  await dialog
    .getByRole('textbox', { name: 'Reason to export anyway: Fact check' })
    .fill('The correction runs beside it.');
  await dialog.getByRole('button', { name: 'Export package' }).click();
  const done = page.getByRole('dialog', { name: 'Package exported' });
  await done.getByRole('button', { name: 'Done' }).click();
  await expect(done).toBeHidden();

  await page.getByRole('tab', { name: 'History' }).click();
  const exported = versions(page).getByRole('button', { name: /Exported by Amna Riaz as / });
  await expect(exported).toContainText(
    `checklist overridden: the missing byline (“Desk copy, no byline.”); the claim “${claim}” (“The correction runs beside it.”)`,
  );
  await expect(history(page)).not.toContainText(/claim:|also-see:|[0-9a-f]{8}-[0-9a-f]{4}-/);
});

test('a story moved to the trash comes back with Undo, from the keyboard', async ({ page, copydesk }) => {
  await page.goto(copydesk.url);
  await startStory(page, 'Harbour dredging starts', ['Dredgers arrive at the old quay on Monday.']);

  await page.getByRole('button', { name: 'Move to trash' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'Moved “Harbour dredging starts” to the trash.' });
  await expect(notice).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No article open' })).toBeVisible();
  await expect(library(page).getByRole('link', { name: 'Harbour dredging starts' })).toHaveCount(0);
  const trashTab = library(page).getByRole('button', { name: /^Trash/ });
  await expect(trashTab).toHaveText('Trash 1');
  // The button that was pressed has gone with the story: the focus is on the way back.
  const undo = notice.getByRole('button', { name: 'Undo moving “Harbour dredging starts” to the trash' });
  await expect(undo).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(headlineField(page)).toHaveValue('Harbour dredging starts');
  await expect(body(page)).toHaveText('Dredgers arrive at the old quay on Monday.');
  await expect(library(page).getByRole('link', { name: 'Harbour dredging starts' })).toBeVisible();
  await expect(notice).toBeHidden();
  await expect(saveState(page)).toHaveText('Saved');
  await expect(trashTab).toHaveText('Trash 0');

  // Dismissed instead, the story stays in the trash, where it can still be restored.
  await page.getByRole('button', { name: 'Move to trash' }).click();
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toBeHidden();
  await expect(trashTab).toHaveText('Trash 1');
  await trashTab.click();
  await expect(library(page).getByText('Harbour dredging starts')).toBeVisible();
});

test('on first run Copydesk asks for the person’s name, which then signs status changes and versions', async ({
  page,
  copydesk,
}) => {
  await page.goto(copydesk.url);
  const prompt = page.getByRole('region', { name: 'Who is at the desk?' });
  await expect(prompt).toContainText('signs the status changes, verdicts and versions');
  const name = prompt.getByRole('textbox', { name: 'Your name' });
  await prompt.getByRole('button', { name: 'Save name' }).click();
  await expect(prompt.getByRole('alert')).toHaveText('Type your name, as it should read beside your changes.');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await name.fill('Amna Riaz');
  await name.press('Enter');
  const thanks = page.getByText('Thank you, Amna Riaz.');
  await expect(thanks).toBeFocused();

  // Asked once: not again after a reload.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No article open' })).toBeVisible();
  await expect(prompt).toHaveCount(0);

  await startStory(page, 'Budget vote delayed', ['The vote moves to next week.']);
  await expect(page.getByRole('contentinfo')).not.toContainText('unsigned');
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Editing' });
  await expectSaved(page);
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(history(page).getByRole('list', { name: 'Status and assignment' })).toContainText('Amna Riaz');
  await expect(versions(page).getByRole('button', { name: /^Status change .* by Amna Riaz/ })).toBeVisible();
});

test('put off, the name is asked for where it matters: changes read unsigned until one is given', async ({
  page,
  copydesk,
}) => {
  await page.goto(copydesk.url);
  const prompt = page.getByRole('region', { name: 'Who is at the desk?' });
  await prompt.getByRole('button', { name: 'Not now' }).click();
  await expect(
    page.getByText('Your changes will be unsigned. You can give your name any time in Settings.'),
  ).toBeFocused();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No article open' })).toBeVisible();
  await expect(prompt).toHaveCount(0);

  await startStory(page, 'Budget vote delayed', ['The vote moves to next week.']);
  const footer = page.getByRole('contentinfo');
  await expect(footer).toContainText(
    'Unsigned: status changes and versions carry no name, and a verdict cannot be given, until you give yours.',
  );
  const status = page.getByRole('combobox', { name: 'Status' });
  await status.selectOption({ label: 'Editing' });
  await expectSaved(page);
  await page.getByRole('tab', { name: 'History' }).click();
  const changes = history(page).getByRole('list', { name: 'Status and assignment' });
  await expect(changes.getByRole('listitem')).toContainText('unsigned');

  await footer.getByRole('button', { name: 'Set your name' }).click();
  const dialog = page.getByRole('dialog', { name: 'Your name' });
  await expect(dialog.getByRole('textbox', { name: 'Your name' })).toBeFocused();
  await page.keyboard.type('Omar Khan');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(footer.getByText('Signing as Omar Khan')).toBeFocused();
  await expect(footer).not.toContainText('unsigned');

  await status.selectOption({ label: 'Fact check' });
  await expectSaved(page);
  await expect(changes.getByRole('listitem')).toHaveCount(2);
  await expect(changes.getByRole('listitem').first()).toContainText('Omar Khan');
});
