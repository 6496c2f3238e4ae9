import type { Page } from '@playwright/test';

import { bodyFromParagraphs } from '../../shared/text';
import { body, callApi, caretIn, expectSaved, library, openNewStory, setUserName, tool } from '../helpers/editorPage';
import { expect, test } from '../helpers/webServer';

async function openPanel(page: Page, name: string): Promise<void> {
  // The panels' tab, or its icon on the rail when the panels are collapsed.
  await page
    .getByRole('tab', { name })
    .or(page.getByRole('button', { name, exact: true }))
    .click();
}

for (const size of [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'laptop', width: 1024, height: 700 },
] as const) {
  test(`on the ${size.name}, a story's owner assigns it for fact-check and asks others to suggest; the person assigned finds it under "Assigned to me" and suggests; History says who did what`, async ({
    page,
    copydesk,
  }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto(copydesk.url);
    await setUserName(page, 'Ed Editor');
    await callApi(page, 'articles:create', { headline: 'Harbour wall repaired', body: bodyFromParagraphs(['Done.']) });
    await openNewStory(page, copydesk.url, 'Ferry fares rise', 'Fares rise by 4% in May.');

    // The story is Ed's, who made it; he assigns it to Rita for fact-check.
    await page.getByRole('button', { name: 'Assign…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Owner and assignment' });
    await expect(dialog.getByRole('combobox', { name: 'Owner' })).toHaveValue('Ed Editor');
    // An owner's name left empty is refused at its field; the rest is kept.
    await dialog.getByRole('combobox', { name: 'Owner' }).fill('');
    await dialog.getByRole('combobox', { name: 'Assigned to' }).fill('Rita Reporter');
    await dialog.getByRole('combobox', { name: 'For' }).selectOption('Fact-check');
    await dialog.getByRole('checkbox', { name: /Everyone but the owner suggests/u }).check();
    await page.screenshot({ path: `test-results/workflow-dialog-${size.name}.png` });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('alert')).toContainText('The owner needs a name');
    await expect(page.getByRole('button', { name: 'For Rita Reporter to fact-check' })).toBeVisible();
    await dialog.getByRole('combobox', { name: 'Owner' }).fill('Ed Editor');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole('combobox', { name: 'Status' }).selectOption('Fact check');
    await expectSaved(page);

    // The library row says who has it next.
    await expect(library(page).getByRole('link', { name: /^Ferry fares rise/u })).toContainText(
      'For Rita Reporter to fact-check',
    );
    await openPanel(page, 'History');
    const changes = page.getByRole('list', { name: 'Status and assignment' });
    await expect(
      changes.getByRole('listitem').filter({ hasText: 'Assigned to Rita Reporter to fact-check' }),
    ).toContainText('Ed Editor');
    await expect(changes.getByRole('listitem').filter({ hasText: 'Fact check' })).toContainText('Ed Editor');

    // Rita, in the same window: "Assigned to me" shows the one story; it opens with Suggesting on.
    await setUserName(page, 'Rita Reporter');
    await page.goto(copydesk.url);
    await library(page).getByRole('button', { name: 'Filters' }).click();
    await library(page).getByRole('combobox', { name: 'Assigned to' }).selectOption({ label: 'Me (1)' });
    const articles = library(page).getByRole('list', { name: 'Articles' });
    await expect(articles.getByRole('listitem')).toHaveCount(1);
    await articles.getByRole('link', { name: /^Ferry fares rise/u }).click();
    await expect(body(page)).toHaveText('Fares rise by 4% in May.');
    await expect(tool(page, 'Suggesting')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByText('Ed Editor asks others to suggest')).toBeVisible();
    await body(page).click();
    await caretIn(page, 'by 4%');
    await page.keyboard.type(' to 5%', { delay: 10 });
    await expect(body(page).locator('ins')).toHaveText(' to 5%');
    await expect(body(page).locator('ins')).toHaveAttribute('data-author', 'Rita Reporter');
    await expectSaved(page);
    await page.screenshot({ path: `test-results/workflow-${size.name}.png` });
  });
}
