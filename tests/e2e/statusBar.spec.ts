import fs from 'node:fs';
import path from 'node:path';

import type { Locator, Page, Route } from '@playwright/test';

import { bbcNews } from '../helpers/corpora';
import { body, expectSaved, MOD, startStory } from '../helpers/editorPage';
import { dropFiles, importPanel } from '../helpers/importPage';
import { expect, test } from '../helpers/webServer';

const LAPTOP = { width: 1024, height: 700 };
const DESKTOP = { width: 1440, height: 900 };
const DISK_FULL =
  'The disk is full: this change could not be saved. Free some space on the disk holding the library, then try again; everything saved before is intact.';

const statusBar = (page: Page) => page.getByRole('contentinfo');

type Box = { x: number; y: number; width: number; height: number };

async function boxesOf(items: Locator): Promise<Box[]> {
  const boxes: Box[] = [];
  for (const item of await items.all()) {
    const found = await item.boundingBox();
    if (found !== null && found.width > 0) boxes.push(found);
  }
  return boxes;
}

/**
 * The status bar reads cleanly: its items side by side inside it, none over another, every
 * piece of text but a failure's reason on one line, that reason shown whole (wrapped, never
 * cut), and the import's panel above the bar.
 */
async function expectClearStatusBar(page: Page): Promise<void> {
  const bar = await statusBar(page).boundingBox();
  expect(bar).not.toBeNull();
  if (bar === null) return;
  const items = (await boxesOf(statusBar(page).locator(':scope > *'))).sort((a, b) => a.x - b.x);
  expect(items.length).toBeGreaterThanOrEqual(3);
  for (const [index, item] of items.entries()) {
    expect(item.x).toBeGreaterThanOrEqual(bar.x);
    expect(item.x + item.width).toBeLessThanOrEqual(bar.x + bar.width + 0.5);
    expect(item.y).toBeGreaterThanOrEqual(bar.y);
    expect(item.y + item.height).toBeLessThanOrEqual(bar.y + bar.height + 0.5);
    const next = items[index + 1];
    if (next !== undefined) expect(next.x).toBeGreaterThanOrEqual(item.x + item.width);
  }
  // Each piece of text on one line: its words' boxes all start at one height.
  const lines = await statusBar(page)
    .locator('.status-bar__counts > span, .status-bar__item > span:not(.save-state)')
    .evaluateAll((texts) =>
      texts.map((text) => {
        const tops = new Set<number>();
        const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
          // Words for screen readers only take no room on the screen.
          if (node.parentElement?.closest('.visually-hidden') != null) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const rect of range.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top));
        }
        return { text: text.textContent, lines: tops.size };
      }),
    );
  expect(lines.length).toBeGreaterThanOrEqual(3);
  for (const line of lines) expect(line).toEqual({ text: line.text, lines: 1 });
  // The failure's every word is on the screen, inside the bar: nothing is cut off or hidden.
  const failure = statusBar(page).getByRole('status').filter({ hasText: 'Not saved' });
  const shown = await failure.evaluate((element) => ({
    cut: element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1,
  }));
  expect(shown.cut).toBe(false);
  await expect(failure).toBeInViewport({ ratio: 1 });

  const panel = await importPanel(page).boundingBox();
  expect(panel).not.toBeNull();
  if (panel !== null) expect(panel.y + panel.height).toBeLessThanOrEqual(bar.y);
}

test('with a story open, an import under way and a save failing, the status bar reads cleanly, the failure’s whole reason with it, at 1024×700 and 1440×900', async ({
  page,
  copydesk,
}) => {
  await page.setViewportSize(LAPTOP);
  await page.goto(copydesk.url);
  await startStory(page, 'Council approves a six-month ferry trial after a long debate', [
    'The council approved a six-month trial on Monday. Crossings run at night from the old quay, officials said.',
  ]);
  await expectSaved(page);

  await page.route('**/api/articles%3Asave', (route: Route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ ok: false, error: { code: 'library-unavailable', message: DISK_FULL } }),
    }),
  );
  await body(page).press('End');
  await page.keyboard.type(' The trial starts in May.');
  await page.keyboard.press(`${MOD}+s`);
  const failure = statusBar(page).getByRole('status').filter({ hasText: 'Not saved' });
  await expect(failure).toHaveText(`Not saved: ${DISK_FULL}`);

  const folder = path.join(bbcNews(), 'business');
  const files = fs
    .readdirSync(folder)
    .sort()
    .slice(0, 60)
    .map((name) => ({ name, bytes: fs.readFileSync(path.join(folder, name)), type: 'text/plain' }));
  await dropFiles(page, files);
  await expect(importPanel(page)).toBeVisible();

  await expectClearStatusBar(page);
  await expect(statusBar(page).getByRole('button', { name: 'Retry' })).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: 'test-results/status-bar-1024.png' });

  await page.setViewportSize(DESKTOP);
  await expectClearStatusBar(page);
  await expect(statusBar(page).getByRole('button', { name: 'Retry' })).toBeInViewport({ ratio: 1 });
});
