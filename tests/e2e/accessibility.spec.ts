import { readFile } from 'node:fs/promises';

import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';

import { body, callApi, dekField, expectSaved, headlineField, library, MOD, tool } from '../helpers/editorPage';
import { pngImage } from '../helpers/images';
import { SEED_ARTICLE } from '../helpers/seedPackage';
import { expect, test } from '../helpers/webServer';

/**
 * axe-core on every screen of the window, at a desktop size and at a 13-inch laptop's: WCAG 2.1
 * A and AA, and the rule that a control's name contains the words it shows (off in axe by
 * default: speech-input users call a control by what they see). Any finding fails the test.
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type Finding = { screen: string; rule: string; impact: string; help: string; target: string; summary: string };

/** One paragraph a finding, the screens it was seen on together: what, where, how to mend it. */
function readable(findings: readonly Finding[]): string {
  const grouped = new Map<string, { finding: Finding; screens: string[] }>();
  for (const finding of findings) {
    const key = `${finding.rule} ${finding.target}`;
    const entry = grouped.get(key) ?? { finding, screens: [] };
    entry.screens.push(finding.screen);
    grouped.set(key, entry);
  }
  return [...grouped.values()]
    .map(
      ({ finding, screens }) =>
        `${finding.rule} (${finding.impact}): ${finding.help}\n  at ${finding.target}\n  ${finding.summary.replace(/\n\s*/g, ' ')}\n  on: ${screens.join('; ')}`,
    )
    .join('\n');
}

class Audit {
  readonly findings: Finding[] = [];

  constructor(private readonly page: Page) {}

  async check(screen: string): Promise<void> {
    const viewport = this.page.viewportSize();
    const size = viewport === null ? 'its own size' : `${viewport.width}×${viewport.height}`;
    const results = await new AxeBuilder({ page: this.page })
      .options({
        runOnly: { type: 'tag', values: TAGS },
        rules: { 'label-content-name-mismatch': { enabled: true } },
      })
      .analyze();
    // The rule that names must contain the visible words ran (it is experimental in axe).
    expect(
      [...results.passes, ...results.violations, ...results.incomplete, ...results.inapplicable].some(
        (rule) => rule.id === 'label-content-name-mismatch',
      ),
    ).toBe(true);
    for (const violation of results.violations) {
      for (const node of violation.nodes) {
        const target = node.target.join(' ');
        const finding: Finding = {
          screen: `${screen} at ${size}`,
          rule: violation.id,
          impact: violation.impact ?? 'unknown',
          help: violation.help,
          target,
          summary: node.failureSummary ?? '',
        };
        this.findings.push(finding);
      }
    }
  }

  report(): void {
    expect(readable(this.findings), 'What axe found').toBe('');
  }
}

const panels = (page: Page) => page.getByRole('complementary', { name: 'Article panels' });

async function openTab(page: Page, name: string): Promise<Locator> {
  await panels(page).getByRole('tab', { name }).click();
  const region = panels(page).getByRole('region', { name });
  await expect(region).toBeVisible();
  return region;
}

/** Opens the dialog `name` with a click on `opener`, does `inside` while it is open, and closes it. */
async function withDialog(page: Page, opener: Locator, name: string, inside: () => Promise<void>): Promise<void> {
  await opener.click();
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  await inside();
  await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(dialog).toBeHidden();
}

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
];

async function addSample(page: Page): Promise<void> {
  await library(page).getByRole('button', { name: 'Add a sample article' }).click();
  await expect(headlineField(page)).not.toHaveValue('');
  await expect(body(page)).not.toHaveText('');
}

for (const size of SIZES) {
  const at = `${size.width}×${size.height}`;

  test(`axe finds nothing in the library and the window's dialogs at ${at}`, async ({ page, copydesk }) => {
    // Five full axe runs.
    test.slow();
    await page.setViewportSize(size);
    const audit = new Audit(page);
    await page.goto(copydesk.url);
    await expect(library(page).getByRole('button', { name: 'Add a sample article' })).toBeVisible();
    await audit.check('the empty library');

    await addSample(page);
    await page.goto(copydesk.url);
    await expect(page.getByRole('heading', { name: 'No article open' })).toBeVisible();
    await expect(library(page).getByRole('list', { name: 'Articles' }).getByRole('link')).toHaveCount(1);
    await audit.check('the library with an article');

    for (const [button, dialog] of [
      ['Settings', 'Settings'],
      ['Libraries', 'Libraries'],
      ['Help', 'Keyboard shortcuts'],
    ] as const) {
      await withDialog(page, library(page).getByRole('button', { name: button }), dialog, () => audit.check(dialog));
    }

    audit.report();
  });

  test(`axe finds nothing in the editor, its panels, the reader and Export at ${at}`, async ({ page, copydesk }) => {
    // Nine full axe runs, each a few seconds on a busy machine.
    test.slow();
    await page.setViewportSize(size);
    const audit = new Audit(page);
    await page.goto(copydesk.url);
    await addSample(page);

    // A house-style note puts its count in the editor's bar.
    await body(page).click();
    await page.keyboard.press(`${MOD}+End`);
    await page.keyboard.type(' More TK.');
    await expect(page.getByRole('button', { name: /^Style 1: house style note/ })).toBeVisible();
    await expectSaved(page);
    await audit.check('the editor with the sample');

    const sources = await openTab(page, 'Sources');
    await sources.getByRole('button', { name: 'Paste text…' }).click();
    const paste = sources.getByRole('form', { name: 'Paste a source' });
    await paste.getByLabel('Title').fill('Council statement');
    await paste.getByLabel(/^Text/).fill('The harbour council approved a six-month trial of night ferry crossings.');
    await paste.getByRole('button', { name: 'Keep as source' }).click();
    await expect(sources.getByRole('list', { name: 'Cited sources' })).toContainText('Council statement');
    await audit.check('the Sources panel');

    await withDialog(page, sources.getByRole('button', { name: 'Read Council statement' }), 'Read a source', () =>
      audit.check('the reader'),
    );

    const factCheck = await openTab(page, 'Fact check');
    await factCheck
      .getByRole('button', { name: /^Mark as claim:/ })
      .first()
      .click();
    await expect(factCheck.getByRole('listitem', { name: /^Claim:/ })).toHaveCount(1);
    await audit.check('the Fact check panel');

    await openTab(page, 'Related articles');
    await audit.check('the Related articles panel');

    const history = await openTab(page, 'History');
    await expect(history.getByRole('list', { name: 'Versions' }).getByRole('listitem').first()).toBeVisible();
    await audit.check('the History panel');

    await withDialog(page, page.getByRole('button', { name: 'Export…' }), 'Export package', () =>
      audit.check('Export'),
    );

    // Both sides folded to their rails of icons.
    await panels(page).getByRole('button', { name: 'Collapse panels' }).click();
    await library(page).getByRole('button', { name: 'Collapse library' }).click();
    await expect(library(page).getByRole('button', { name: 'Expand library' })).toBeFocused();
    await audit.check('the library and the panels collapsed');

    audit.report();
  });
}

test('the library list is one Tab stop: the arrow keys, Home and End move in it, Enter opens', async ({
  page,
  copydesk,
}) => {
  await page.goto(copydesk.url);
  for (const headline of ['Ferry timetable changes', 'Harbour budget agreed', 'Night crossings begin']) {
    expect((await callApi(page, 'articles:create', { headline })).ok).toBe(true);
  }
  await page.reload();
  const list = library(page).getByRole('list', { name: 'Articles' });
  const row = (headline: string) => list.getByRole('link', { name: new RegExp(`^${headline}`) });
  await expect(list.getByRole('link')).toHaveCount(3);
  const inList = (name: string) =>
    page.evaluate((label) => document.activeElement?.closest(`[aria-label="${label}"]`) != null, name);
  /** Presses Tab until focus is in the list named (a few controls stand before it). */
  const tabInto = async (name: string) => {
    for (let presses = 0; presses < 12 && !(await inList(name)); presses += 1) await page.keyboard.press('Tab');
  };

  // Tab from the search box reaches the list once, on its first row; the next Tab leaves it.
  await library(page).getByRole('searchbox', { name: 'Search articles' }).click();
  await tabInto('Articles');
  await expect(row('Night crossings begin')).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await inList('Articles')).toBe(false);
  await page.keyboard.press('Shift+Tab');
  await expect(row('Night crossings begin')).toBeFocused();

  await page.keyboard.press('ArrowDown');
  await expect(row('Harbour budget agreed')).toBeFocused();
  await page.keyboard.press('End');
  await expect(row('Ferry timetable changes')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(row('Night crossings begin')).toBeFocused();
  await page.keyboard.press('ArrowDown');

  // Out and back in: the list keeps the row it had.
  await page.keyboard.press('Tab');
  expect(await inList('Articles')).toBe(false);
  await page.keyboard.press('Shift+Tab');
  await expect(row('Harbour budget agreed')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(headlineField(page)).toHaveValue('Harbour budget agreed');

  // A search's results are one Tab stop too, on the open article's row.
  const search = library(page).getByRole('searchbox', { name: 'Search articles' });
  await search.fill('ferry OR harbour');
  const results = library(page).getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('link')).toHaveCount(2);
  await tabInto('Search results');
  await expect(results.getByRole('link', { name: /^Harbour budget agreed/ })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(results.getByRole('link').first()).toBeFocused();
  await page.keyboard.press('End');
  await expect(results.getByRole('link').last()).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await inList('Search results')).toBe(false);
});

test('F6 moves between the library, the editor and the side panel; the skip link leads into the editor', async ({
  page,
  copydesk,
}) => {
  await page.goto(copydesk.url);
  const skip = page.getByRole('link', { name: 'Skip to the editor' });
  const editor = page.getByRole('main', { name: 'Editor' });

  // The first Tab stop of the window, shown when it has focus.
  await expect(editor.getByRole('button', { name: 'New article' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  // On first run the editor asks first who is at the desk.
  await expect(editor.getByRole('textbox', { name: 'Your name' })).toBeFocused();
  await page.keyboard.type('Amna Riaz');
  await page.keyboard.press('Enter');
  await expect(editor.getByText('Thank you, Amna Riaz.')).toBeFocused();

  // Asked once: then, with no article open, the skip link leads to the editor's own first action.
  await page.reload();
  await expect(editor.getByRole('button', { name: 'New article' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(editor.getByRole('button', { name: 'New article' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(headlineField(page)).toBeFocused();
  await page.keyboard.type('Ferries run late into the night');
  await page.keyboard.press('Enter');
  await expect(dekField(page)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(body(page)).toBeFocused();
  await page.keyboard.type('The first crossing');
  await expectSaved(page);

  const openRow = library(page)
    .getByRole('list', { name: 'Articles' })
    .getByRole('link', { name: /^Ferries run late/ });
  const selectedTab = panels(page).getByRole('tab', { selected: true });

  // Forward: the side panel's tab, the library's open article, back to the text where the caret was.
  await page.keyboard.press('F6');
  await expect(selectedTab).toBeFocused();
  await page.keyboard.press('F6');
  await expect(openRow).toBeFocused();
  await page.keyboard.press('F6');
  await expect(body(page)).toBeFocused();
  await page.keyboard.type(' leaves at ten.');
  await expect(body(page)).toHaveText('The first crossing leaves at ten.');

  // Backward: the library, the side panel, the text again.
  await page.keyboard.press('Shift+F6');
  await expect(openRow).toBeFocused();
  await page.keyboard.press('Shift+F6');
  await expect(selectedTab).toBeFocused();
  // A control used in a part is where F6 comes back to.
  await page.keyboard.press('ArrowRight');
  const nextTab = panels(page).getByRole('tab', { selected: true });
  const nextName = await nextTab.textContent();
  await page.keyboard.press('Shift+F6');
  await expect(body(page)).toBeFocused();
  await page.keyboard.press('Shift+F6');
  await expect(openRow).toBeFocused();
  await page.keyboard.press('Shift+F6');
  await expect(panels(page).getByRole('tab', { name: nextName ?? '' })).toBeFocused();

  // With an article open, the skip link lands in its text.
  await expectSaved(page);
  await page.reload();
  await expect(body(page)).toHaveText('The first crossing leaves at ten.');
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(body(page)).toBeFocused();
});

/**
 * The names a story carries: words it writes with a capital and never in lower case ("Pakistan",
 * "ISLAMABAD", "Ellis"); a hint that repeats one is quoting the story.
 */
function namesIn(texts: readonly string[]): Set<string> {
  const words = texts
    .join(' ')
    .split(/[^\p{L}]+/u)
    .filter((word) => word !== '');
  const lower = new Set(words.filter((word) => word === word.toLowerCase()));
  return new Set(words.filter((word) => /^\p{Lu}/u.test(word) && !lower.has(word.toLowerCase())));
}

/** Every placeholder shown now, the text field's own (`placeholder`) or the editor's (`aria-placeholder`). */
async function placeholders(page: Page): Promise<string[]> {
  return page
    .locator('[placeholder]:visible, [aria-placeholder]:visible')
    .evaluateAll((fields) =>
      fields.map((field) => field.getAttribute('placeholder') ?? field.getAttribute('aria-placeholder') ?? ''),
    );
}

test('placeholders say what goes in a field, never the sample stories’ own words', async ({ page, copydesk }) => {
  await page.goto(copydesk.url);
  await addSample(page);
  const stories = [
    await readFile(SEED_ARTICLE, 'utf8'),
    await headlineField(page).inputValue(),
    await dekField(page).inputValue(),
    (await body(page).textContent()) ?? '',
    await page.getByRole('textbox', { name: 'Dateline place' }).inputValue(),
    (await page.getByRole('list', { name: 'Authors, in byline order' }).textContent()) ?? '',
  ];
  const names = namesIn(stories);
  // The seed story's dateline and picture credit are among them.
  expect([...names]).toEqual(expect.arrayContaining(['ISLAMABAD', 'MOFA', 'Pakistan']));

  // A new article, every field empty, its details open, with a lead image and a picture in the text.
  await library(page).getByRole('button', { name: 'New article' }).click();
  await expect(headlineField(page)).toBeFocused();
  await page.getByText('Details', { exact: true }).click();
  const leadChooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose lead image' }).click();
  await (await leadChooser).setFiles({ name: 'lead.png', mimeType: 'image/png', buffer: pngImage(64, 36) });
  await expect(page.getByRole('figure', { name: 'Lead image' }).getByText('64 × 36 px')).toBeVisible();
  await body(page).click();
  const inlineChooser = page.waitForEvent('filechooser');
  await tool(page, 'Insert image').click();
  await (await inlineChooser).setFiles({ name: 'inline.png', mimeType: 'image/png', buffer: pngImage(64, 36) });
  await expect(body(page).locator('figure img')).toBeVisible();
  const seen = await placeholders(page);

  for (const dialog of ['Settings', 'Libraries']) {
    await withDialog(page, library(page).getByRole('button', { name: dialog }), dialog, async () => {
      seen.push(...(await placeholders(page)));
    });
  }

  // The dateline, both credits, the syndication credit, the default byline and place are among them.
  expect(seen.length).toBeGreaterThanOrEqual(12);
  const quoting = seen
    .map((hint) => ({ hint, quoted: hint.split(/[^\p{L}]+/u).filter((word) => names.has(word)) }))
    .filter(({ quoted }) => quoted.length > 0)
    .map(({ hint, quoted }) => `“${hint}” quotes ${quoted.join(', ')}`);
  expect(quoting).toEqual([]);
});
