import type { Page } from '@playwright/test';

import { body, expectSaved, headlineField, MOD, setUserName, startStory } from '../helpers/editorPage';
import { expect, test } from '../helpers/webServer';

const history = (page: Page) => page.getByRole('region', { name: 'History' });

async function startArticle(page: Page, headline: string, text: string): Promise<void> {
  await startStory(page, headline, [text]);
  await page.getByRole('tab', { name: 'History' }).click();
}

test('a saved version can be compared with the current text and restored', async ({ page, copydesk }) => {
  await page.goto(copydesk.url);
  await startArticle(page, 'Council approves ferry trial', 'The council approved the trial on Monday.');

  // Save version asks for a name in place, not in a browser prompt.
  await history(page).getByRole('button', { name: 'Save version' }).click();
  const name = history(page).getByRole('textbox', { name: 'Version name' });
  await expect(name).toBeFocused();
  await name.fill('First draft');
  await name.press('Enter');
  const versions = history(page).getByRole('list', { name: 'Versions' });
  const firstDraft = versions.getByRole('button', { name: /^Saved version .* First draft/ });
  await expect(firstDraft).toBeVisible();
  await expect(firstDraft).toContainText('7 words');

  // Edit the headline and the body: a word goes, others come.
  await headlineField(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' for night crossings');
  await body(page).click();
  await page.keyboard.press(`${MOD}+End`);
  for (let i = 0; i < 'Monday.'.length; i += 1) await page.keyboard.press('Backspace');
  await page.keyboard.type('Tuesday. Residents cheered.');
  await expectSaved(page);

  await firstDraft.click();
  const comparison = page.getByRole('dialog', { name: 'Compare: First draft' });
  await expect(comparison.locator('del')).toHaveText(['Monday']);
  await expect(comparison.locator('ins')).toHaveText(['for night crossings', 'Tuesday', 'Residents cheered.']);
  await expect(comparison).toContainText('6 words added and 1 word removed since this version');
  // The colours are explained in words, for anyone who cannot tell them apart.
  await expect(comparison).toContainText('is in the current text only');
  await page.screenshot({ path: '/tmp/history-compare.png' });

  await comparison.getByRole('button', { name: 'Restore this version' }).click();
  await expect(headlineField(page)).toHaveValue('Council approves ferry trial');
  await expect(body(page)).toHaveText('The council approved the trial on Monday.');
  await expectSaved(page);

  // Nothing was lost: the text from before the restore is a version of its own.
  const beforeRestore = versions.getByRole('button', { name: /^Before restore / });
  await expect(beforeRestore).toHaveCount(1);
  await beforeRestore.click();
  const undoing = page.getByRole('dialog', { name: /^Compare: Before restoring/ });
  await expect(undoing.locator('del')).toHaveText(['for night crossings', 'Tuesday', 'Residents cheered.']);
  await expect(undoing.locator('ins')).toHaveText(['Monday']);
  await page.keyboard.press('Escape');
  await expect(undoing).toBeHidden();

  // The restored text is what the library holds, and editing goes on from it.
  await page.reload();
  await expect(body(page)).toHaveText('The council approved the trial on Monday.');
  await body(page).click();
  await page.keyboard.press(`${MOD}+End`);
  await page.keyboard.type(' Crossings start in May.');
  await expectSaved(page);
  await page.reload();
  await expect(body(page)).toHaveText('The council approved the trial on Monday. Crossings start in May.');
});

test('a status change is recorded with the name from Settings', async ({ page, copydesk }) => {
  await page.goto(copydesk.url);
  await setUserName(page, 'Amna Riaz');
  await startArticle(page, 'Budget vote delayed', 'The vote moves to next week.');

  const status = page.getByRole('combobox', { name: 'Status' });
  await expect(status).toHaveValue('draft');
  await expect(history(page)).toContainText('The status has not been changed, nor the story assigned, yet.');

  await status.selectOption({ label: 'Editing' });
  await expectSaved(page);
  const changes = history(page).getByRole('list', { name: 'Status and assignment' });
  await expect(changes.getByRole('listitem')).toHaveCount(1);
  await expect(changes.getByRole('listitem')).toContainText('Draft');
  await expect(changes.getByRole('listitem')).toContainText('Editing');
  await expect(changes.getByRole('listitem')).toContainText('Amna Riaz');
  // A status change keeps a version too.
  await expect(
    history(page)
      .getByRole('list', { name: 'Versions' })
      .getByRole('button', { name: /^Status change/ }),
  ).toHaveCount(1);

  await status.selectOption({ label: 'Fact check' });
  await expectSaved(page);
  await expect(changes.getByRole('listitem')).toHaveCount(2);
  await expect(changes.getByRole('listitem').first()).toContainText(/Editing\s*→?\s*to?\s*Fact check/);
  await expect(page.getByRole('contentinfo')).toContainText('Fact check');

  await page.reload();
  await expect(status).toHaveValue('fact-check');
  await expect(changes.getByRole('listitem')).toHaveCount(2);
  await expect(changes.getByRole('listitem').last()).toContainText('Amna Riaz');
  await page.screenshot({ path: '/tmp/history-status.png' });
});
