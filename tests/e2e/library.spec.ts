import type { Locator, Page } from '@playwright/test';

import { LibraryHost } from '../../electron/services/LibraryHost';
import type { ArticleStatus } from '../../shared/domain';
import { insertArticles, type BulkArticle } from '../helpers/bulkLibrary';
import { library } from '../helpers/editorPage';
import { expect, startCopydesk, test, type CopydeskServer } from '../helpers/webServer';

/**
 * A desk with 20,000 articles (the benchmark goes to 100,000): scrolled end to end, sorted,
 * filtered with counts, and searched within a filter.
 */
const COUNT = 20_000;
const STATUSES: readonly ArticleStatus[] = ['draft', 'editing', 'fact-check', 'ready', 'exported'];
const SECTIONS = ['Local', 'Politics', 'Sport', 'Business'];
const AUTHORS = ['Maria Okafor', 'Omar Khan', 'Amna Riaz'];
const START = Date.parse('2025-01-01T00:00:00.000Z');
const HOUR = 3_600_000;

const dispatch = (n: number) => `Dispatch ${String(n).padStart(5, '0')}`;

/** Article n: every few a lighthouse story; created and updated n hours after New Year 2025. */
function* articles(): Generator<BulkArticle> {
  for (let n = 0; n < COUNT; n += 1) {
    const at = new Date(START + n * HOUR).toISOString();
    yield {
      headline: dispatch(n),
      paragraphs: [
        n % 333 === 0 ? 'The lighthouse keeper reported the ferry late.' : 'The council met about the ferry timetable.',
      ],
      section: SECTIONS[n % SECTIONS.length] ?? '',
      status: STATUSES[n % STATUSES.length] ?? 'draft',
      tags: [`route-${n % 7}`],
      authors: [n % AUTHORS.length],
      createdAt: at,
      updatedAt: at,
    };
  }
}

function seed(libraryPath: string): void {
  const host = LibraryHost.open(libraryPath);
  try {
    insertArticles(host.current.db, AUTHORS, articles());
  } finally {
    host.close();
  }
}

const articleList = (page: Page) => library(page).getByRole('list', { name: 'Articles' });
const articlesTab = (page: Page) => library(page).getByRole('button', { name: /^Articles/ });
const filters = (page: Page) => library(page).getByRole('group', { name: 'Filters' });

async function scrollToEnd(list: Locator): Promise<void> {
  // Rows are measured as they render, so the full height settles after a few jumps.
  await expect(async () => {
    await list.evaluate((element) => {
      const scroller = element.parentElement;
      if (scroller !== null) scroller.scrollTop = scroller.scrollHeight;
    });
    await expect(list.getByRole('link', { name: new RegExp(`^${dispatch(0)}`) })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

test.use({ timezoneId: 'UTC' });

test.describe('a library of 20,000 articles', () => {
  let server: { server: CopydeskServer; stop: () => Promise<void> };
  test.beforeAll(async () => {
    test.setTimeout(240_000);
    server = await startCopydesk({ prepare: seed });
  });
  test.afterAll(async () => {
    await server.stop();
  });

  test('scrolls to the last article, moves by keyboard and sorts by headline', async ({ page }) => {
    await page.goto(server.server.url);
    const list = articleList(page);
    await expect(articlesTab(page)).toHaveText('Articles 20,000');
    // Newest first: the last article made is at the top.
    await expect(list.getByRole('listitem').first()).toContainText(dispatch(COUNT - 1));
    // Only the rows in view exist, however long the list.
    expect(await list.getByRole('listitem').count()).toBeLessThan(60);

    await scrollToEnd(list);
    await expect(list.getByRole('listitem').last()).toHaveAttribute('aria-posinset', String(COUNT));

    // Keyboard: Home goes back to the first article, arrows move one row, End to the last.
    await list.getByRole('link', { name: new RegExp(`^${dispatch(0)}`) }).focus();
    await page.keyboard.press('Home');
    await expect(list.getByRole('link', { name: new RegExp(`^${dispatch(COUNT - 1)}`) })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(list.getByRole('link', { name: new RegExp(`^${dispatch(COUNT - 2)}`) })).toBeFocused();
    await page.keyboard.press('End');
    await expect(list.getByRole('link', { name: new RegExp(`^${dispatch(0)}`) })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue(dispatch(0));

    await library(page).getByRole('combobox', { name: 'Sort articles by' }).selectOption('Headline');
    await expect(library(page).getByRole('button', { name: 'Sort order: A to Z' })).toBeVisible();
    await expect(list.getByRole('listitem').first()).toContainText(dispatch(0));
    await library(page).getByRole('button', { name: 'Sort order: A to Z' }).click();
    await expect(list.getByRole('listitem').first()).toContainText(dispatch(COUNT - 1));
    await page.screenshot({ path: '/tmp/library-list.png' });
  });

  test('filters by status, section, tag, author and date with counts, and searches within them', async ({ page }) => {
    await page.goto(server.server.url);
    await library(page).getByRole('button', { name: 'Filters' }).click();
    const panel = filters(page);
    const count = panel.getByRole('status');
    await expect(count).toHaveText('20,000 articles');
    await expect(panel.getByRole('button', { name: 'Ready 4,000' })).toBeVisible();

    await panel.getByRole('button', { name: /^Ready/ }).click();
    await expect(panel.getByRole('button', { name: /^Ready/ })).toHaveAttribute('aria-pressed', 'true');
    await expect(count).toHaveText('4,000 articles');
    await expect(articlesTab(page)).toHaveText('Articles 4,000');
    // Another status still shows how many it would add.
    await expect(panel.getByRole('button', { name: 'Draft 4,000' })).toBeVisible();
    // Among ready articles (n ≡ 3 mod 5) every section has a quarter.
    await expect(panel.getByRole('combobox', { name: 'Section' }).locator('option')).toContainText([
      'All sections',
      'Business (1,000)',
    ]);

    await panel.getByRole('combobox', { name: 'Section' }).selectOption('Local');
    await expect(count).toHaveText('1,000 articles');
    await expect(articleList(page).getByRole('listitem').first()).toContainText('Local');

    await panel.getByRole('combobox', { name: 'Tag' }).selectOption('route-1');
    await expect(count).toHaveText('143 articles');
    await panel.getByRole('combobox', { name: 'Author' }).selectOption({ label: 'Omar Khan (48)' });
    await expect(count).toHaveText('48 articles');
    await expect(articlesTab(page)).toHaveText('Articles 48');

    await panel.getByRole('button', { name: 'Clear filters' }).click();
    await expect(count).toHaveText('20,000 articles');

    // The first day of 2025 (in the person's time zone, UTC here): articles 0 to 23.
    await panel.getByRole('combobox', { name: 'Date to filter on' }).selectOption('Created');
    await panel.getByLabel('From', { exact: true }).fill('2025-01-01');
    await panel.getByLabel('To', { exact: true }).fill('2025-01-01');
    await expect(count).toHaveText('24 articles');
    await panel.getByLabel('From', { exact: true }).fill('2025-01-03');
    await expect(panel.getByRole('alert')).toHaveText(
      'The end date is before the start date. The dates are not applied.',
    );
    await expect(count).toHaveText('20,000 articles');
    await panel.getByRole('button', { name: 'Clear filters' }).click();

    // Search within a filter: lighthouse stories are every 333rd; 12 of them are ready.
    const search = library(page).getByRole('searchbox', { name: 'Search articles' });
    await search.fill('lighthouse');
    const results = library(page).getByRole('list', { name: 'Search results' });
    await expect(library(page).getByText('50 articles match “lighthouse”')).toBeVisible();
    await panel.getByRole('button', { name: /^Ready/ }).click();
    await expect(library(page).getByText('12 articles match “lighthouse” with these filters')).toBeVisible();
    await expect(results.getByRole('listitem')).toHaveCount(12);
    await expect(results.locator('mark').first()).toHaveText('lighthouse');
    await page.screenshot({ path: '/tmp/library-filters.png' });

    await search.fill('"lighthouse keeper" -ferry');
    await expect(library(page).getByText('No articles match “"lighthouse keeper" -ferry”.')).toBeVisible();
    await search.fill('"unbalanced OR -');
    await expect(library(page).getByRole('status').filter({ hasText: 'match' })).toBeVisible();
  });
});
