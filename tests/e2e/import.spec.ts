import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { library } from '../helpers/editorPage';
import { chooseFiles, dropFiles, importPanel } from '../helpers/importPage';
import { expect, test } from '../helpers/webServer';
import { bbcNews, seedArticle } from '../helpers/corpora';

/**
 * Importing from the window: the Import menu's file chooser, a drop onto the window, and a
 * whole folder with progress and Cancel. Every refusal is listed with its reason, duplicates
 * are skipped and named, and what was imported shows in the library.
 */

const SEED = seedArticle();
const BBC = bbcNews();
const SEED_HEADLINE = 'Facing TTP and Daesh Threats, Pakistan-Russia Deepen Counterterrorism Cooperation';

let scratch: string;

test.beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-import-e2e-'));
  fs.writeFileSync(path.join(scratch, 'empty.txt'), '');
  fs.writeFileSync(
    path.join(scratch, 'junk.html'),
    Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
  );
  fs.writeFileSync(path.join(scratch, 'huge.txt'), Buffer.alloc(100 * 1024 * 1024, 'a'));
  fs.writeFileSync(path.join(scratch, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
});

test.afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

test('imports chosen files, lists each refusal with its reason, and skips a dropped duplicate', async ({
  page,
  copydesk,
}) => {
  await page.goto(copydesk.url);
  await chooseFiles(page, 'Files…', [
    SEED,
    path.join(BBC, 'sport', '199.txt'),
    path.join(BBC, 'tech', '001.txt'),
    path.join(scratch, 'empty.txt'),
    path.join(scratch, 'junk.html'),
    path.join(scratch, 'huge.txt'),
    path.join(scratch, 'photo.png'),
  ]);

  const panel = importPanel(page);
  await expect(panel.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(panel.getByText('3 articles imported')).toBeVisible();
  await expect(panel.getByText('3 files not imported')).toBeVisible();
  await expect(panel.getByText('1 file left alone')).toBeVisible();
  const refused = panel.getByRole('group').filter({ hasText: 'Not imported' });
  await expect(refused).toContainText('empty.txt is empty: there is nothing to import.');
  await expect(refused).toContainText(
    'huge.txt is too large to import (100 MB; the limit for text files is 8.0 MB). Split it into smaller files.',
  );
  await expect(refused).toContainText('junk.html does not look like a text file (it contains binary data).');

  const list = library(page).getByRole('list', { name: 'Articles' });
  await expect(list.getByRole('link', { name: new RegExp(SEED_HEADLINE) })).toBeVisible();
  await expect(list.getByRole('link', { name: /Chelsea sack Mutu/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/import-files.png' });

  // The import's own list opens what it made: the Latin-1 file kept its pound sign.
  await panel.getByText('Imported', { exact: true }).click();
  await panel.getByRole('link', { name: 'Chelsea sack Mutu' }).click();
  await expect(page.getByRole('textbox', { name: 'Body' })).toContainText('a £15.8m signing from Parma');
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(panel).toHaveCount(0);

  // The same article dropped onto the window is recognised and not imported twice.
  await dropFiles(page, [{ name: 'seed-again.txt', bytes: fs.readFileSync(SEED), type: 'text/plain' }]);
  await expect(panel.getByText('0 articles imported')).toBeVisible();
  await expect(panel.getByText('1 already in the library, skipped')).toBeVisible();
  await panel.getByText('Already in the library', { exact: true }).click();
  await expect(panel.getByRole('link', { name: SEED_HEADLINE })).toBeVisible();
  await expect(library(page).getByRole('button', { name: /^Articles/ })).toContainText('3');
});

test('a folder import shows its progress and stops on Cancel, keeping what it imported', async ({ page, copydesk }) => {
  await page.goto(copydesk.url);
  await chooseFiles(page, 'A folder…', BBC);

  const panel = importPanel(page);
  const progress = panel.getByRole('progressbar', { name: 'Import progress' });
  await expect(progress).toBeVisible();
  await expect(panel.getByRole('status')).toHaveText(/^[1-9][\d,]* of 2,22\d files/);
  await page.screenshot({ path: 'test-results/import-progress.png' });
  await panel.getByRole('button', { name: 'Cancel import' }).click();

  await expect(panel.getByRole('heading', { name: 'Import stopped' })).toBeVisible();
  const counts = await panel.getByRole('listitem').first().textContent();
  const imported = Number(/^([\d,]+) article/.exec(counts ?? '')?.[1]?.replace(/,/g, ''));
  expect(imported).toBeGreaterThan(0);
  expect(imported).toBeLessThan(2000);
  await expect(panel.getByRole('status')).toHaveText(
    /^Stopped after [\d,]+ files of 2,22\d; what was imported stays\.$/,
  );
  await expect(library(page).getByRole('button', { name: /^Articles/ })).toContainText(
    new Intl.NumberFormat('en').format(imported),
  );
});

test('the seed’s “Recent” list becomes the article’s related list, which keeps its order and removals', async ({
  page,
  copydesk,
}) => {
  await page.goto(copydesk.url);
  await chooseFiles(page, 'Files…', [SEED]);
  await expect(importPanel(page).getByText('1 article imported')).toBeVisible();
  await importPanel(page).getByRole('button', { name: 'Close' }).click();
  await library(page)
    .getByRole('link', { name: new RegExp(SEED_HEADLINE) })
    .click();

  await page.getByRole('tab', { name: 'Related articles' }).click();
  const panel = page.getByRole('region', { name: 'Related articles' });
  const entries = panel.getByRole('list', { name: 'Related list' }).getByRole('listitem');
  const first = 'Anonymous Sources, Big Claims, Thin Ground';
  const second = 'Zabihullah Mujahid’s Bizarre Statement on TTP: A Lesson in Hypocrisy and Evasion';
  await expect(entries).toHaveCount(4);
  await expect(entries.first()).toContainText(first);
  await expect(entries.first()).toContainText('A recent Drop Site News report claims');
  await expect(entries.first()).toContainText('Not in this library');

  await panel.getByRole('button', { name: `Move “${first}” down` }).click();
  const last = (await entries.nth(3).locator('.related__headline').textContent()) ?? '';
  await panel.getByRole('button', { name: `Remove “${last}” from the related list` }).click();
  await expect(entries).toHaveCount(3);
  await expect(page.getByRole('contentinfo').getByRole('status')).toHaveText('Saved');
  await page.screenshot({ path: 'test-results/related-list.png' });

  await page.reload();
  await page.getByRole('tab', { name: 'Related articles' }).click();
  await expect(entries).toHaveCount(3);
  await expect(entries.nth(0)).toContainText(second);
  await expect(entries.nth(1)).toContainText(first);
  await expect(panel).not.toContainText(last);
});
