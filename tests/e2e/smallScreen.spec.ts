import type { Locator, Page, TestInfo } from '@playwright/test';

import { body, expectSaved, headlineField, library, MOD, selectText } from '../helpers/editorPage';
import { expect, test } from '../helpers/webServer';

/** The window on a 13-inch laptop (1024×700) and on a desktop (1440×900). */
const LAPTOP = { width: 1024, height: 700 };
const DESKTOP = { width: 1440, height: 900 };
/** The least room the text may have: a column a desk editor can read and write in. */
const EDITOR_MIN_WIDTH = 560;
/** A side collapsed to its rail of icons is no wider than this. */
const RAIL_MAX_WIDTH = 64;

const editor = (page: Page) => page.getByRole('main', { name: 'Editor' });
const panels = (page: Page) => page.getByRole('complementary', { name: 'Article panels' });
const statusBar = (page: Page) => page.getByRole('contentinfo');
const TABS = ['Sources', 'Fact check', 'Related articles', 'History'];

type Box = { x: number; y: number; width: number; height: number };

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (found === null) throw new Error(`${locator.toString()} is not on the screen`);
  return found;
}

/** The library, the editor and the side panels side by side, each the full height above the status bar. */
async function expectSideBySide(page: Page): Promise<{ library: Box; editor: Box; panels: Box }> {
  const boxes = { library: await box(library(page)), editor: await box(editor(page)), panels: await box(panels(page)) };
  const bar = await box(statusBar(page));
  const viewport = page.viewportSize();
  expect(boxes.library.x).toBe(0);
  expect(boxes.editor.x).toBeCloseTo(boxes.library.x + boxes.library.width, 0);
  expect(boxes.panels.x).toBeCloseTo(boxes.editor.x + boxes.editor.width, 0);
  expect(boxes.panels.x + boxes.panels.width).toBeCloseTo(viewport?.width ?? 0, 0);
  for (const part of Object.values(boxes)) {
    expect(part.y).toBe(0);
    expect(part.height).toBeCloseTo(bar.y, 0);
  }
  expect(boxes.editor.width).toBeGreaterThanOrEqual(EDITOR_MIN_WIDTH);
  // Nothing pushes the window sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport?.width ?? 0);
  return boxes;
}

async function shootEveryPanel(page: Page, testInfo: TestInfo, size: string): Promise<void> {
  for (const name of TABS) {
    await panels(page).getByRole('tab', { name }).click();
    const region = panels(page).getByRole('region', { name });
    await expect(region).toBeVisible();
    // The panel's content stays inside the panel: nothing hangs over the text.
    const inside = await box(region);
    const frame = await box(panels(page));
    expect(inside.x).toBeGreaterThanOrEqual(frame.x);
    expect(inside.x + inside.width).toBeLessThanOrEqual(frame.x + frame.width + 0.5);
    await page.screenshot({ path: testInfo.outputPath(`${size}-${name}.png`) });
  }
}

/** The sample article open on a laptop's screen. */
async function openSampleOnLaptop(page: Page, url: string): Promise<void> {
  await page.setViewportSize(LAPTOP);
  await page.goto(url);
  await library(page).getByRole('button', { name: 'Add a sample article' }).click();
  await expect(headlineField(page)).not.toHaveValue('');
  await expect(body(page)).not.toHaveText('');
}

test('on a 13-inch laptop the editor keeps its width and full height beside the panels; a desktop is as before', async ({
  page,
  copydesk,
}, testInfo) => {
  await openSampleOnLaptop(page, copydesk.url);

  const laptop = await expectSideBySide(page);
  // The panels' tabs all show their names.
  for (const name of TABS) await expect(panels(page).getByRole('tab', { name })).toBeVisible();
  await shootEveryPanel(page, testInfo, 'laptop');

  await page.setViewportSize(DESKTOP);
  const desktop = await expectSideBySide(page);
  // A desktop gives both sides more room than the laptop, and the text the rest.
  expect(desktop.library.width).toBeGreaterThan(laptop.library.width);
  expect(desktop.panels.width).toBeGreaterThan(laptop.panels.width);
  expect(desktop.editor.width).toBeGreaterThan(desktop.library.width + desktop.panels.width);
  // The formatting toolbar is one row there.
  const toolbar = await box(page.getByRole('toolbar', { name: 'Formatting' }));
  const bold = await box(page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Bold' }));
  expect(toolbar.height).toBeLessThan(bold.height * 1.5);
  await shootEveryPanel(page, testInfo, 'desktop');
});

test('the side panels and the library collapse to rails of icons, remembered, and stay within reach', async ({
  page,
  copydesk,
}, testInfo) => {
  await openSampleOnLaptop(page, copydesk.url);
  const before = await box(editor(page));

  // The side panels: a button folds them into a rail of the four panels' icons, named.
  await panels(page).getByRole('button', { name: 'Collapse panels' }).click();
  const rail = panels(page);
  await expect(rail.getByRole('button', { name: 'Expand panels' })).toBeFocused();
  for (const name of TABS) await expect(rail.getByRole('button', { name, exact: true })).toBeVisible();
  expect((await box(rail)).width).toBeLessThanOrEqual(RAIL_MAX_WIDTH);
  expect((await box(editor(page))).width).toBeGreaterThan(before.width);
  await page.screenshot({ path: testInfo.outputPath('panels-rail.png') });

  // A panel's icon opens the panels on it.
  await rail.getByRole('button', { name: 'History', exact: true }).click();
  await expect(panels(page).getByRole('tab', { name: 'History' })).toBeFocused();
  await expect(panels(page).getByRole('tab', { name: 'History' })).toHaveAttribute('aria-selected', 'true');

  // From the text, Ctrl+Shift+\ folds them and opens them again; the caret stays in the text.
  await body(page).click();
  await page.keyboard.press(`${MOD}+Shift+Backslash`);
  await expect(panels(page).getByRole('button', { name: 'Expand panels' })).toBeVisible();
  await expect(body(page)).toBeFocused();

  // Marking a claim while they are folded opens them on the claim.
  await selectText(page, '[aria-label="Body"]', 'approved a six-month trial');
  await page.keyboard.press(`${MOD}+Shift+M`);
  const factCheck = panels(page).getByRole('region', { name: 'Fact check' });
  await expect(factCheck.getByRole('listitem', { name: /^Claim:/ })).toHaveCount(1);
  await expectSaved(page);

  // The library folds too, by its button; focus goes to the button that unfolds it.
  await library(page).getByRole('button', { name: 'Collapse library' }).click();
  await expect(library(page).getByRole('button', { name: 'Expand library' })).toBeFocused();
  expect((await box(library(page))).width).toBeLessThanOrEqual(RAIL_MAX_WIDTH);
  await page.screenshot({ path: testInfo.outputPath('library-rail.png') });

  // Remembered after a reload: the library stays a rail, and so do the panels (the claim opened
  // them for the moment, not for good).
  await page.reload();
  await expect(headlineField(page)).not.toHaveValue('');
  await expect(library(page).getByRole('button', { name: 'Expand library' })).toBeVisible();
  await expect(panels(page).getByRole('button', { name: 'Expand panels' })).toBeVisible();
  await expectSaved(page);

  // Still within reach: the rail's search opens the library with the caret in the search box.
  await library(page).getByRole('button', { name: 'Search articles' }).click();
  const search = library(page).getByRole('searchbox', { name: 'Search articles' });
  await expect(search).toBeFocused();
  await page.keyboard.type('ferry');
  await expect(library(page).getByRole('list', { name: 'Search results' }).getByRole('link')).toHaveCount(1);

  // Ctrl+\ from the text folds the library and unfolds it, and leaves the caret in the text.
  await body(page).click();
  await page.keyboard.press(`${MOD}+Backslash`);
  await expect(library(page).getByRole('button', { name: 'Expand library' })).toBeVisible();
  await expect(body(page)).toBeFocused();
  await page.keyboard.press(`${MOD}+Backslash`);
  await expect(library(page).getByRole('button', { name: 'Collapse library' })).toBeVisible();
  // The search typed before folding is still there.
  await expect(search).toHaveValue('ferry');
  await expect(body(page)).toBeFocused();
});
