import fs from 'node:fs';
import path from 'node:path';

import type { Page } from '@playwright/test';

import { createArticle } from '../../electron/services/articles';
import { LibraryHost } from '../../electron/services/LibraryHost';
import { bodyFromParagraphs } from '../../shared/text';
import { damageLibraryPages } from '../helpers/damage';
import { body, library, MOD, startStory } from '../helpers/editorPage';
import { expect, startCopydesk, test } from '../helpers/webServer';

const librariesDialog = (page: Page) => page.getByRole('dialog', { name: 'Libraries' });
const articles = (page: Page) => library(page).getByRole('list', { name: 'Articles' });

test('a second library is created, and the recent list switches to it and back', async ({ page, copydesk }) => {
  await page.goto(copydesk.url);
  await startStory(page, 'Harbour council meets', ['The council meets on Monday.']);
  await expect(library(page)).toContainText('library.sqlite3');

  // A path that is not a library is refused, and the library open now stays open.
  const notes = path.join(path.dirname(copydesk.libraryPath), 'notes.txt');
  fs.writeFileSync(notes, 'Interview notes, not a library.\n'.repeat(40));
  await library(page).getByRole('button', { name: 'Libraries' }).click();
  const dialog = librariesDialog(page);
  await dialog.getByRole('textbox', { name: 'Library file' }).fill(notes);
  await dialog.getByRole('button', { name: 'Open library' }).click();
  await expect(dialog.getByRole('alert')).toContainText('is not a Copydesk library');
  await dialog.getByRole('button', { name: 'Close' }).first().click();
  await expect(articles(page).getByRole('link', { name: /Harbour council meets/ })).toBeVisible();

  const archive = path.join(path.dirname(copydesk.libraryPath), 'archive.sqlite3');
  await library(page).getByRole('button', { name: 'Libraries' }).click();
  await dialog.getByRole('textbox', { name: 'Library file' }).fill(archive);
  await dialog.getByRole('button', { name: 'Create library' }).click();
  await expect(library(page)).toContainText('archive.sqlite3');
  await expect(library(page)).toContainText('This library has no articles yet.');
  await expect(page).toHaveTitle('Copydesk — archive.sqlite3');
  await startStory(page, 'Archive index begun', ['The first entry of the archive.']);

  // Back through the recent list, from the keyboard, straight after typing: the words just
  // typed are saved to this library before the other one opens.
  await page.keyboard.type(' Second entry.');
  await page.keyboard.press(`${MOD}+Shift+L`);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`Open now: ${archive}`);
  const recent = dialog.getByRole('list', { name: 'Recent libraries' });
  await expect(recent.getByRole('listitem')).toHaveCount(1);
  await page.screenshot({ path: '/tmp/libraries-dialog.png' });
  await recent.getByRole('button', { name: 'Open library.sqlite3' }).click();
  await expect(library(page)).toContainText('library.sqlite3');
  await expect(articles(page).getByRole('link', { name: /Harbour council meets/ })).toBeVisible();
  await expect(articles(page).getByRole('link', { name: /Archive index begun/ })).toHaveCount(0);

  await library(page).getByRole('button', { name: 'Libraries' }).click();
  await recent.getByRole('button', { name: 'Open archive.sqlite3' }).click();
  await articles(page)
    .getByRole('link', { name: /Archive index begun/ })
    .click();
  await expect(body(page)).toHaveText('The first entry of the archive. Second entry.');
});

test('restoring a backup brings back the article as it was', async ({ page, copydesk }) => {
  await page.goto(copydesk.url);
  await startStory(page, 'Ferry timetable published', ['Crossings every hour.']);

  await library(page).getByRole('button', { name: 'Libraries' }).click();
  await librariesDialog(page).getByRole('button', { name: 'Restore from backup…' }).click();
  const restore = page.getByRole('dialog', { name: 'Restore from backup' });
  await restore.getByRole('button', { name: 'Back up now' }).click();
  const rows = restore.getByRole('table', { name: 'Backups' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Made by hand');
  await expect(rows.nth(1)).toContainText('1 article');
  await restore.getByRole('button', { name: 'Close' }).last().click();

  // After the backup, the article goes to the trash.
  await articles(page)
    .getByRole('link', { name: /Ferry timetable published/ })
    .click();
  await page.getByRole('button', { name: 'Move to trash' }).click();
  await expect(articles(page)).toHaveCount(0);

  await page.keyboard.press(`${MOD}+Shift+L`);
  await librariesDialog(page).getByRole('button', { name: 'Restore from backup…' }).click();
  await page.screenshot({ path: '/tmp/libraries-restore-list.png' });
  await restore.getByRole('button', { name: /^Restore: .*, Made by hand, 1 article$/ }).click();
  const confirm = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(confirm).toContainText('library.sqlite3.before-restore-');
  await page.screenshot({ path: '/tmp/libraries-restore-confirm.png' });
  await confirm.getByRole('button', { name: 'Restore', exact: true }).click();
  const done = page.getByRole('dialog', { name: 'Backup restored' });
  await expect(done).toContainText(/The file it replaced is kept as .*library\.sqlite3\.before-restore-\d{8}-\d{6}/);
  await done.getByRole('button', { name: 'Continue' }).click();

  await expect(articles(page).getByRole('link', { name: /Ferry timetable published/ })).toBeVisible();
  const kept = fs
    .readdirSync(path.dirname(copydesk.libraryPath))
    .filter((name) => name.startsWith('library.sqlite3.before-restore-'));
  expect(kept).toHaveLength(1);
});

test('browser mode starts on a damaged library and restores its latest backup from the offer', async ({ page }) => {
  const running = await startCopydesk({
    prepare: async (file) => {
      const host = LibraryHost.open(file);
      try {
        for (const headline of ['Night ferry trial approved', 'Lighthouse reopens', 'Port strike ends']) {
          createArticle(host.current, { headline, body: bodyFromParagraphs([`${headline}. `.repeat(80)]) });
        }
        await host.backups.backUp('daily', new Date('2026-03-02T09:00:00Z'));
        createArticle(host.current, { headline: 'Written after the backup' });
      } finally {
        host.close();
      }
      damageLibraryPages(file);
    },
  });
  try {
    const damaged = fs.readFileSync(running.server.libraryPath);
    await page.goto(running.server.url);
    const offer = page.getByRole('main', { name: 'Library unavailable' });
    await expect(offer.getByRole('heading', { name: 'This library is damaged' })).toBeVisible();
    await expect(offer).toContainText('has not been changed');
    await expect(offer.getByRole('button', { name: 'Open another library…' })).toBeVisible();
    await expect(offer.getByRole('button', { name: 'Create a new library…' })).toBeVisible();
    const restoreLatest = offer.getByRole('button', { name: /^Restore the latest good backup \(.*3 articles\)$/ });
    await expect(restoreLatest).toBeVisible();
    await page.screenshot({ path: '/tmp/libraries-damaged.png' });

    await restoreLatest.click();
    const restored = page.getByRole('main', { name: 'Library restored' });
    await expect(restored).toContainText(/The damaged file is kept as .*library\.sqlite3\.damaged-\d{8}-\d{6}/);
    await page.screenshot({ path: '/tmp/libraries-restored.png' });
    await restored.getByRole('button', { name: 'Open the library' }).click();

    await expect(articles(page).getByRole('listitem')).toHaveCount(3);
    await expect(articles(page).getByRole('link', { name: /Lighthouse reopens/ })).toBeVisible();
    const aside = fs
      .readdirSync(path.dirname(running.server.libraryPath))
      .find((name) => name.startsWith('library.sqlite3.damaged-'));
    expect(fs.readFileSync(path.join(path.dirname(running.server.libraryPath), aside ?? 'missing'))).toEqual(damaged);
  } finally {
    await running.stop();
  }
});
