import fs from 'node:fs';
import path from 'node:path';

import type { Page } from '@playwright/test';

import { runCopydesk } from '../helpers/cli';
import { body, expectSaved, library, startStory } from '../helpers/editorPage';
import { expect, startCopydesk, test } from '../helpers/webServer';
import { BBC } from '../unit/electron/import/fixtures';

/**
 * The Related articles panel on a library of real BBC stories: a draft about Yukos finds the
 * desk's Yukos coverage with the reason in words; one suggestion goes into the text as "Also
 * See", another is pinned to the related list, and both are still there after a reload. An
 * imported story and its lightly edited copy are shown as possible duplicates, not as related.
 */

const STORIES = [
  'business/025.txt',
  'business/127.txt',
  'business/164.txt',
  'business/192.txt',
  'business/001.txt',
  'business/002.txt',
  'politics/001.txt',
  'politics/002.txt',
  'sport/001.txt',
  'sport/002.txt',
  'tech/001.txt',
  'tech/002.txt',
  'entertainment/001.txt',
  'entertainment/002.txt',
];

const panel = (page: Page) => page.getByRole('region', { name: 'Related articles' });

function headlineOf(file: string): string {
  return (fs.readFileSync(path.join(BBC, file), 'latin1').split('\n')[0] ?? '').trim();
}

test('a draft finds related stories with their reasons; one inserted as Also See and one pinned survive a reload; a copy is a duplicate; names filter the library', async ({
  page,
}) => {
  const running = await startCopydesk({
    prepare: (libraryPath) => {
      const dir = path.dirname(libraryPath);
      const files = STORIES.map((file) => path.join(BBC, file));
      // The same sports story, lightly edited: a copy desk's second import of a wire story.
      const original = fs.readFileSync(path.join(BBC, 'sport/001.txt'), 'latin1');
      const copy = path.join(dir, 'claxton-copy.txt');
      fs.writeFileSync(
        copy,
        original
          .replace('Claxton hunting first major medal', 'Claxton eyes her first major medal')
          .replace('next month', 'March'),
      );
      const env = { COPYDESK_DATA_DIR: path.join(dir, 'data') };
      const imported = runCopydesk(['import', ...files, copy, '--library', libraryPath], env, 60_000);
      expect(imported.code).toBe(0);
      expect(runCopydesk(['related', '--reindex', '--library', libraryPath], env, 60_000).code).toBe(0);
    },
  });
  try {
    await page.goto(running.server.url);
    await startStory(page, 'Yukos takes its fight to a US bankruptcy court', [
      'Russian oil firm Yukos asked a bankruptcy court in Houston to stop the auction of Yuganskneftegaz, its main production unit.',
      'Yukos says the sale to Rosneft and Gazprom was a state grab, and it is seeking $20bn in damages.',
    ]);
    await page.getByRole('tab', { name: 'Related articles' }).click();
    const suggested = panel(page).getByRole('list', { name: 'Suggested related articles' });
    await expect(suggested.getByRole('listitem').first()).toBeVisible();
    const yukos = [headlineOf('business/025.txt'), headlineOf('business/164.txt'), headlineOf('business/192.txt')];
    const first = suggested.getByRole('listitem').first();
    await expect(first).toContainText(/Yukos/);
    await expect(first).toContainText(/Shares .*key terms: .*yukos/i);
    await expect(suggested).not.toContainText(headlineOf('sport/001.txt'));
    await expect(suggested).not.toContainText('Yukos takes its fight');
    await page.screenshot({ path: 'test-results/related-suggestions.png' });

    // The first suggestion as "Also See" at the end of the text, the second pinned.
    const firstHeadline = (await first.getByRole('link').textContent()) ?? '';
    expect(yukos.concat(headlineOf('business/127.txt'))).toContain(firstHeadline);
    // The list is asked for again as the draft settles and may reorder: the button is found by
    // its headline, wherever it now stands.
    await suggested.getByRole('button', { name: `Insert “Also See: ${firstHeadline}” at the cursor` }).click();
    await expect(body(page).locator('.ed-also-see')).toHaveText(`Also See: ${firstHeadline}`);
    // The inserted block changes the draft, so the list may be asked for again and reorder:
    // the second suggestion is found by its headline from here on, not by its place.
    const another = suggested.getByRole('listitem').filter({ hasNotText: firstHeadline }).first();
    const secondHeadline = (await another.getByRole('link').textContent()) ?? '';
    const pin = suggested.getByRole('button', { name: `Pin “${secondHeadline}” to the related list` });
    await pin.click();
    await expect(pin).toHaveText('Pinned');
    const pinned = panel(page).getByRole('list', { name: 'Related list' });
    await expect(pinned.getByRole('listitem')).toHaveCount(1);
    await expect(pinned).toContainText(secondHeadline);
    await expectSaved(page);

    await page.reload();
    await expect(body(page).locator('.ed-also-see')).toHaveText(`Also See: ${firstHeadline}`);
    await page.getByRole('tab', { name: 'Related articles' }).click();
    await expect(panel(page).getByRole('list', { name: 'Related list' })).toContainText(secondHeadline);

    // The imported story and its edited copy: each the other's possible duplicate, never related.
    await library(page)
      .getByRole('link', { name: /^Claxton hunting first major medal/ })
      .click();
    await page.getByRole('tab', { name: 'Related articles' }).click();
    const duplicates = panel(page).getByRole('region', { name: 'Possible duplicates' });
    await expect(duplicates).toContainText('Claxton eyes her first major medal');
    await expect(duplicates).toContainText(/\d+% the same text/);
    // Listed once: under the duplicates, not among the related.
    await expect(panel(page).getByText('Claxton eyes her first major medal')).toHaveCount(1);
    await page.screenshot({ path: 'test-results/related-duplicates.png' });

    // The names found in the stories filter the library: the two Claxton stories name her.
    await library(page).getByRole('button', { name: 'Filters' }).click();
    await library(page)
      .getByRole('combobox', { name: 'Names: a person, place or organisation named' })
      .selectOption({ label: 'Sarah Claxton (2)' });
    const articles = library(page).getByRole('list', { name: 'Articles' });
    await expect(articles.getByRole('listitem')).toHaveCount(2);
    await expect(articles).toContainText('Claxton hunting first major medal');
    await expect(articles).toContainText('Claxton eyes her first major medal');
  } finally {
    await running.stop();
  }
});
