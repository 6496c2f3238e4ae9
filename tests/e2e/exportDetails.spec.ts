import path from 'node:path';

import type { Page } from '@playwright/test';

import {
  body,
  callApi,
  expectSaved,
  library,
  MOD,
  openSettings,
  startStory,
  tool,
  watchForProblems,
} from '../helpers/editorPage';
import { exportThroughDialog, openExportDialog, packageFile } from '../helpers/exportPackage';
import { expect, test } from '../helpers/webServer';

const OUTSIDE = {
  url: 'https://www.example.org/news/ferries-2026',
  headline: 'Ferries across Europe cut night crossings',
};
const WIRE_REASON = 'Wire copy: the agency carries no byline.';

/** Saves a setting of the Settings dialog, opened from the library. */
async function saveSettings(page: Page, fill: (settings: ReturnType<Page['getByRole']>) => Promise<void>) {
  const settings = await openSettings(page);
  await fill(settings);
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings).toBeHidden();
}

test('Also See points at a story elsewhere by its address, and the exported page links library stories to their public address, never to an identifier', async ({
  page,
  copydesk,
}) => {
  const problems = await watchForProblems(page);
  await page.goto(copydesk.url);
  const linked = await callApi(page, 'articles:create', { headline: 'Ferry operator names new timetable' });
  expect(linked.ok).toBe(true);
  const linkedSlug = (linked.value as { slug: string }).slug;

  // The desk's public address, checked as it is typed.
  await saveSettings(page, async (settings) => {
    const pattern = settings.getByRole('textbox', { name: 'Public address of a story' });
    await pattern.fill('https://news.example.com/stories');
    await expect(settings.getByRole('alert')).toHaveText(/needs \{slug\} or \{id\}/);
    await pattern.fill('https://news.example.com/stories/{slug}');
    await expect(settings).toContainText('For example: https://news.example.com/stories/council-approves-night-ferry');
  });

  await startStory(page, 'Night ferry trial extended', ['The council extended the night ferry trial by six months.']);
  // A library story, found by its words.
  await tool(page, 'Also See').click();
  let dialog = page.getByRole('dialog', { name: 'Insert Also See' });
  await dialog.getByRole('searchbox', { name: 'Find an article' }).fill('ferry operator');
  await dialog.getByRole('button', { name: /Ferry operator names new timetable/ }).click();
  await expect(body(page).locator('.ed-also-see__link')).toHaveText(['Ferry operator names new timetable']);

  // A story elsewhere: its address pasted in the search box, then its headline.
  await tool(page, 'Also See').click();
  dialog = page.getByRole('dialog', { name: 'Insert Also See' });
  await dialog.getByRole('searchbox', { name: 'Find an article' }).fill(OUTSIDE.url);
  await expect(dialog.getByRole('status')).toHaveText(/That is a web address/);
  const address = dialog.getByRole('textbox', { name: 'Web address' });
  await expect(address).toHaveValue(OUTSIDE.url);
  await page.keyboard.press('Enter');
  const headline = dialog.getByRole('textbox', { name: 'Headline' });
  await expect(headline).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(headline).toHaveAccessibleDescription(/^Give the story’s headline/);
  // An address that is not one is refused at its field.
  await address.fill('www.example.org/news');
  await dialog.getByRole('button', { name: 'Link this story' }).click();
  await expect(address).toHaveAccessibleDescription(/is not a web address: it should start with https:\/\//);
  await address.fill(OUTSIDE.url);
  await headline.click();
  await page.keyboard.type(OUTSIDE.headline);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  const outside = body(page).locator(`a[href="${OUTSIDE.url}"]`);
  await expect(outside).toHaveText(OUTSIDE.headline);
  await expect(body(page).locator('.ed-also-see__site')).toHaveText('(example.org)');
  await expectSaved(page);
  await page.reload();
  await expect(body(page).locator(`a[href="${OUTSIDE.url}"]`)).toHaveText(OUTSIDE.headline);

  const packagePath = await exportThroughDialog(page, { Byline: WIRE_REASON });
  const html = packageFile(packagePath, 'article.html');
  const links = [...html.matchAll(/<aside class="also-see"[^>]*><p><strong>Also See:<\/strong> <a href="([^"]+)"/g)];
  expect(links.map((match) => match[1])).toEqual([`https://news.example.com/stories/${linkedSlug}`, OUTSIDE.url]);
  expect(html).not.toMatch(/href="urn:/);
  expect(packageFile(packagePath, 'article.md')).toContain(`**Also See:** [${OUTSIDE.headline}](${OUTSIDE.url})`);
  expect(problems()).toEqual([]);
});

test('an export dates the page by the dateline, asks for a real reason, makes and remembers its folder, and leaves the story Exported', async ({
  page,
  copydesk,
}) => {
  await page.goto(copydesk.url);
  await saveSettings(page, (settings) => settings.getByRole('textbox', { name: 'Your name' }).fill('Amna Riaz'));
  await startStory(page, 'Pakistan and China resume talks', ['Delegations met in Beijing on Monday.']);
  await page.getByRole('textbox', { name: 'Dateline place' }).fill('ISLAMABAD');
  await page.getByLabel('Dateline date').fill('2026-03-02');
  await expectSaved(page);

  const dialog = await openExportDialog(page);
  // A letter is no reason: the field says so, and the package cannot go.
  const reason = dialog.getByRole('textbox', { name: 'Reason to export anyway: Byline' });
  await reason.fill('x');
  await page.keyboard.press('Tab');
  await expect(reason).toHaveAccessibleDescription(/^Give a real reason, in a few words \(at least 3 words/);
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  const exportButton = dialog.getByRole('button', { name: 'Export package' });
  await expect(exportButton).toBeDisabled();
  await reason.fill(WIRE_REASON);
  await expect(reason).toHaveAttribute('aria-invalid', 'false');
  await expect(reason).toHaveAccessibleDescription('');

  // A folder that is not there yet is made, the dialog says so first.
  const politics = path.join(path.dirname(copydesk.libraryPath), 'Desk', 'Politics');
  const folder = dialog.getByRole('textbox', { name: 'Export folder' });
  await folder.fill(politics);
  await expect(dialog).toContainText(
    `This folder does not exist yet: Copydesk will make it when it exports, and the folder above it that is missing (from ${path.dirname(politics)}).`,
  );
  await dialog.getByRole('radio', { name: 'A folder' }).check();
  await exportButton.click();
  const done = page.getByRole('dialog', { name: 'Package exported' });
  const packagePath = (await done.getByRole('status', { name: 'Export result' }).locator('code').textContent()) ?? '';
  expect(path.dirname(packagePath)).toBe(politics);
  await done.getByRole('button', { name: 'Done' }).click();

  // The story has gone out: its status says so at once, here and in the library.
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('exported');
  await expect(
    library(page).getByRole('listitem').filter({ hasText: 'Pakistan and China resume talks' }),
  ).toContainText('Exported');
  await page.getByRole('tab', { name: 'History' }).click();
  const changes = page.getByRole('list', { name: 'Status and assignment' });
  await expect(changes.getByRole('listitem').first()).toHaveText(/^Draft.*to.*Exported/);
  await expect(changes.getByRole('listitem').first()).toContainText('Amna Riaz');

  // The page is dated as the dateline is, not on the day of the export.
  const html = packageFile(packagePath, 'article.html');
  expect(html).toContain('<p class="meta"><time datetime="2026-03-02">March 2, 2026</time></p>');
  expect(html).toContain('<span class="dateline">ISLAMABAD, March 2, 2026:</span>');
  expect(html).toContain('"datePublished": "2026-03-02"');

  // Editing goes on from the exported version, and the next export opens on the folder used last.
  await body(page).click();
  await body(page).press(`${MOD}+End`);
  await page.keyboard.type(' Talks resume next week.');
  await expectSaved(page);
  const again = await openExportDialog(page);
  await expect(again.getByRole('textbox', { name: 'Export folder' })).toHaveValue(politics);
  await expect(again).not.toContainText('does not exist yet');
});
