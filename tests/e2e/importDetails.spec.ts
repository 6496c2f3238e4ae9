import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import type { Locator, Page } from '@playwright/test';

import { runCopydesk } from '../helpers/cli';
import { body, expectSaved, library, tool } from '../helpers/editorPage';
import { jpegImage, pngImage } from '../helpers/images';
import { chooseFiles, dropFiles, importPanel } from '../helpers/importPage';
import { pdfDocument } from '../helpers/pdf';
import { expect, startCopydesk, test, type CopydeskServer } from '../helpers/webServer';
import { bbcNews, seedArticle, webPages } from '../helpers/corpora';

/**
 * What an import brings in, told apart the way a desk editor meets it: the seed's lead image
 * credit kept for its picture, a file with no text refused with the reason and a PDF made an
 * article with the PDF as its source, a saved page's pictures as pictures, a folder's sections,
 * search snippets and the Names filter on imported stories, and the results panel out of the
 * way of the story opened from it.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const SEED = seedArticle();
const BBC = bbcNews();
const PAGES = webPages();
const SEED_HEADLINE = 'Facing TTP and Daesh Threats, Pakistan-Russia Deepen Counterterrorism Cooperation';
const CREDIT = 'Image via MOFA Pakistan';

const execFileAsync = promisify(execFile);
const firstLine = (file: string) => fs.readFileSync(file, 'utf8').split('\n')[0]?.trim() ?? '';
const cliEnv = (libraryPath: string) => ({ COPYDESK_DATA_DIR: path.join(path.dirname(libraryPath), 'data') });

/** The id of the article the window shows, from its address. */
function openArticleId(page: Page): string {
  const id = /#\/article\/([\w-]+)/.exec(page.url())?.[1];
  if (id === undefined) throw new Error(`No article is open at ${page.url()}`);
  return id;
}

/**
 * `copydesk show` on the library the window uses, as a person would run it in a terminal
 * beside the window; it fails on an error or any exit code but 0.
 */
async function show(copydesk: CopydeskServer, id: string): Promise<string> {
  const { stdout, stderr } = await execFileAsync(
    process.execPath,
    [path.join(ROOT, 'bin', 'copydesk.cjs'), 'show', id, '--library', copydesk.libraryPath],
    { cwd: ROOT, env: { ...process.env, ...cliEnv(copydesk.libraryPath) } },
  );
  expect(stderr).toBe('');
  return stdout;
}

/** Opens an imported article from the import panel's own list. */
async function openFromPanel(page: Page, headline: string | RegExp): Promise<void> {
  const panel = importPanel(page);
  await panel.getByText('Imported', { exact: true }).click();
  await panel.getByRole('link', { name: headline }).click();
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue(headline);
}

/** Words cut into lines of a printed page, as a PDF sets them. */
function printedLines(paragraph: string, width = 90): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(/\s+/)) {
    if (line !== '' && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * A page saved "complete" from the corpus: every picture's address turned into a file of the
 * page's own folder ("whales_files/picture-3.jpg"), as a browser saves it, with a style sheet
 * beside them.
 */
function savePageComplete(folder: string, page: string, stem: string): void {
  const files = path.join(folder, `${stem}_files`);
  fs.mkdirSync(files, { recursive: true });
  let count = 0;
  const html = fs
    .readFileSync(path.join(PAGES, page, 'source.html'), 'utf8')
    .replace(/(<img\b[^>]*?\bsrc=")https?:\/\/[^"]+(")/g, (_, before: string, after: string) => {
      count += 1;
      const name = `picture-${count}.jpg`;
      fs.writeFileSync(path.join(files, name), jpegImage(320, 200));
      return `${before}${stem}_files/${name}${after}`;
    });
  fs.writeFileSync(path.join(folder, `${stem}.html`), html);
  fs.writeFileSync(path.join(files, 'site.css'), 'body { margin: 0 }\n');
}

let scratch: string;

test.beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-import-details-'));
});

test.afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

test('the seed imported without its picture keeps its credit, in the window and in copydesk show, for the picture added', async ({
  page,
  copydesk,
}) => {
  await page.goto(copydesk.url);
  await chooseFiles(page, 'Files…', SEED);
  await expect(importPanel(page).getByText('1 article imported')).toBeVisible();
  await openFromPanel(page, SEED_HEADLINE);

  // Beside the control that adds the picture, the credit it will take.
  const choose = page.getByRole('button', { name: 'Choose lead image' });
  await expect(choose).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Lead image credit' })).toHaveValue(CREDIT);
  await expect(page.getByText('Kept for the picture you add, which takes it')).toBeVisible();
  await page.screenshot({ path: 'test-results/import-kept-credit.png' });

  // Asked in a terminal while the window is used.
  const id = openArticleId(page);
  const shown = show(copydesk, id);

  // The checklist says the credit is not exported while there is no picture.
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export package' });
  await expect(dialog.getByRole('list', { name: 'Warnings' })).toContainText(
    `The lead image credit "${CREDIT}" is kept, but the story has no picture, so the credit is not exported.`,
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await shown).toContain(`Lead image: none yet [${CREDIT}] (the credit goes to the picture added)`);

  // The picture added takes it.
  const chooser = page.waitForEvent('filechooser');
  await choose.click();
  await (
    await chooser
  ).setFiles({ name: 'moscow-talks.png', mimeType: 'image/png', buffer: pngImage(640, 360, [70, 110, 150]) });
  const leadImage = page.getByRole('figure', { name: 'Lead image' });
  await expect(leadImage.getByText('640 × 360 px')).toBeVisible();
  await expect(leadImage.getByRole('textbox', { name: 'Image credit' })).toHaveValue(CREDIT);
  await expect(page.getByRole('textbox', { name: 'Lead image credit' })).toHaveCount(0);
  await expectSaved(page);
  expect(await show(copydesk, id)).toContain(`Lead image: moscow-talks.png (640×360) [${CREDIT}]`);
});

test('a file with no readable text is refused with its reason, and a dropped PDF becomes an article with the PDF as its source', async ({
  page,
  copydesk,
}) => {
  const story = fs
    .readFileSync(path.join(BBC, 'business', '001.txt'), 'utf8')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
  const [headline = '', ...paragraphs] = story;
  const pdf = pdfDocument([paragraphs.slice(0, 3).map((paragraph) => printedLines(paragraph))], { title: headline });

  await page.goto(copydesk.url);
  await dropFiles(page, [
    // Four bytes, a box and a line break: once an article headed "▯".
    { name: 'four.txt', bytes: Buffer.from('▯\n', 'utf8'), type: 'text/plain' },
    { name: 'time-warner.pdf', bytes: pdf, type: 'application/pdf' },
  ]);

  const panel = importPanel(page);
  await expect(panel.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(panel.getByText('1 article imported')).toBeVisible();
  await expect(panel.getByText('1 file not imported')).toBeVisible();
  await expect(panel.getByRole('group').filter({ hasText: 'Not imported' })).toContainText(
    'four.txt holds no readable text: it has no letters or figures, only control characters or symbols.',
  );
  await expect(library(page).getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/import-pdf-refused.png' });

  await openFromPanel(page, headline);
  await expect(body(page)).toContainText('Quarterly profits at US media giant TimeWarner jumped 76%');

  // The PDF is the story's source, kept with a snapshot that reads as the PDF does.
  await page.getByRole('tab', { name: 'Sources' }).click();
  const sources = page.getByRole('region', { name: 'Sources' });
  const cited = sources.getByRole('list', { name: 'Cited sources' }).getByRole('listitem');
  await expect(cited).toHaveCount(1);
  await expect(cited).toContainText(headline);
  await expect(cited).toContainText('Document');
  await expect(cited).toContainText('1 snapshot');
  await cited.getByRole('button', { name: `Read ${headline}` }).click();
  const reader = page.getByRole('dialog', { name: 'Read a source' });
  await expect(reader.getByRole('document', { name: 'Snapshot text' })).toContainText(
    'benefited from sales of high-speed internet connections',
  );
  await reader.getByRole('button', { name: 'Done' }).click();
});

test('a saved page’s pictures come in as pictures with caption and credit, under a headline without the author’s name', async ({
  page,
  copydesk,
}) => {
  const folder = path.join(scratch, 'saved pages');
  savePageComplete(folder, 'guardian-1', 'whales');
  savePageComplete(folder, 'nytimes-1', 'sudan');

  await page.goto(copydesk.url);
  await chooseFiles(page, 'A folder…', folder);
  const panel = importPanel(page);
  // Two whole news pages with their pictures: reading them takes a while on a busy machine.
  await expect(panel.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByText('2 articles imported')).toBeVisible();
  // The page's style sheet is no picture: left alone, and why.
  await panel.getByText('Left alone', { exact: true }).click();
  await expect(panel.getByRole('listitem').filter({ hasText: 'whales_files' })).toContainText(
    'part of the saved page whales.html (its styles, scripts and the like): an article does not need it',
  );

  // The Guardian's photo essay: its headline without "| Eleanor Ainge Roy", its pictures
  // captioned from the one-item lists under them, and no list left in the text.
  const whales = "'What is the sea telling us?': Māori tribes fearful over whale strandings";
  await openFromPanel(page, whales);
  const farm = 'Hori Parata at his Pātaua farm, the place where he was born and grew up';
  const figure = body(page).getByRole('figure', { name: `Image: ${farm}` });
  await expect(figure.getByRole('img')).toHaveAttribute('src', /^blob:/);
  await expect(figure.getByRole('textbox', { name: 'Image caption' })).toHaveValue(farm);
  await expect(body(page).getByRole('figure')).toHaveCount(13);
  await expect(body(page).getByText(farm)).toHaveCount(0);
  await expect(body(page).getByRole('list')).toHaveCount(0);
  await figure.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/import-page-pictures.png' });

  // The New York Times marks its credit with a hidden "Credit": the credit is the name alone.
  await panel.getByRole('button', { name: 'Show import results' }).click();
  await openFromPanel(page, 'United States to Lift Sudan Sanctions');
  const lede = body(page).getByRole('figure', { name: /^Image: United Nations peacekeepers at a refugee camp/ });
  await expect(lede.getByRole('img')).toHaveAttribute('src', /^blob:/);
  await expect(lede.getByRole('textbox', { name: 'Image credit' })).toHaveValue(
    'Ashraf Shazly/Agence France-Presse — Getty Images',
  );
  await expect(body(page)).not.toContainText('Credit');
  await expect(body(page)).toContainText('After nearly 20 years of hostile relations');
});

test('a folder import files each story under the section its folder is named for', async ({ page, copydesk }) => {
  const desk = path.join(scratch, 'desk');
  const stories = {
    business: path.join(BBC, 'business', '002.txt'),
    sport: path.join(BBC, 'sport', '003.txt'),
    inbox: path.join(BBC, 'tech', '001.txt'),
  };
  for (const [folder, file] of Object.entries(stories)) {
    fs.mkdirSync(path.join(desk, folder), { recursive: true });
    fs.copyFileSync(file, path.join(desk, folder, path.basename(file)));
  }
  fs.writeFileSync(path.join(desk, 'sport', 'chart.png'), pngImage(40, 40));

  await page.goto(copydesk.url);
  await chooseFiles(page, 'A folder…', desk);
  const panel = importPanel(page);
  await expect(panel.getByText('3 articles imported')).toBeVisible();
  await panel.getByText('Left alone', { exact: true }).click();
  await expect(panel.getByRole('listitem').filter({ hasText: 'chart.png' })).toContainText(
    'a picture, not an article: add it to a story as its lead image (Choose lead image) or in the text (Insert image)',
  );
  await panel.getByRole('button', { name: 'Close' }).click();

  const list = library(page).getByRole('list', { name: 'Articles' });
  const row = (file: string) => list.getByRole('listitem').filter({ hasText: firstLine(file) });
  await expect(row(stories.business)).toContainText('Business');
  await expect(row(stories.sport)).toContainText('Sport');
  await expect(row(stories.inbox)).toBeVisible();
  await expect(row(stories.inbox)).not.toContainText(/Business|Sport|Inbox/);

  await row(stories.sport).getByRole('link').click();
  await expect(page.getByRole('textbox', { name: 'Section' })).toHaveValue('Sport');
  await library(page).getByRole('button', { name: 'Filters' }).click();
  const section = library(page).getByRole('combobox', { name: 'Section' });
  await section.selectOption({ label: 'Business (1)' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText(firstLine(stories.business));
  await page.screenshot({ path: 'test-results/import-sections.png' });
});

test.describe('on a library of imported stories', () => {
  const files = [
    SEED,
    path.join(BBC, 'business', '001.txt'),
    // "monitoring stations in London, Amsterdam and Sydney"
    path.join(BBC, 'tech', '101.txt'),
    // "asked the Sydney stock market to suspend trading"
    path.join(BBC, 'business', '435.txt'),
    // "Hundreds vie for best film Oscar"
    path.join(BBC, 'entertainment', '035.txt'),
    // "LONDON — After nearly 20 years of hostile relations…"
    path.join(PAGES, 'nytimes-1', 'source.html'),
  ];
  let running: Awaited<ReturnType<typeof startCopydesk>>;

  test.beforeAll(async () => {
    running = await startCopydesk({
      prepare: (libraryPath) => {
        const env = cliEnv(libraryPath);
        expect(runCopydesk(['import', ...files, '--library', libraryPath], env, 60_000).code).toBe(0);
        expect(runCopydesk(['related', '--reindex', '--library', libraryPath], env, 60_000).code).toBe(0);
      },
    });
  });

  test.afterAll(async () => {
    await running.stop();
  });

  /** The library's search hit for `headline`, once `words` are searched for. */
  async function searchHit(page: Page, words: string, headline: string): Promise<Locator> {
    await library(page).getByRole('searchbox', { name: 'Search articles' }).fill(words);
    const hit = library(page)
      .getByRole('list', { name: 'Search results' })
      .getByRole('listitem')
      .filter({ hasText: headline });
    await expect(hit).toHaveCount(1);
    return hit;
  }

  test('a search hit’s snippet never repeats its headline, and the Also See search says in one sentence that nothing matched', async ({
    page,
  }) => {
    await page.goto(running.server.url);

    // Words in the headline and the text: the snippet is the text where they are.
    const timeWarner = 'Ad sales boost Time Warner profit';
    const hit = await searchHit(page, 'Time Warner', timeWarner);
    await expect(hit.locator('mark').first()).toHaveText('Time');
    await expect(hit).toContainText('Time Warner said on Friday');
    await expect(hit).not.toHaveText(/Ad sales boost Time Warner profit.*Ad sales boost/);

    // A word only in the headline: the text's opening, not the headline again.
    const seed = await searchHit(page, 'deepen', SEED_HEADLINE);
    await expect(seed).toContainText('Senior officials from Pakistan and Russia');
    await expect(seed.locator('mark')).toHaveCount(0);
    await expect(seed).not.toHaveText(/Deepen Counterterrorism.*Deepen Counterterrorism/);
    await page.screenshot({ path: 'test-results/search-snippets.png' });

    // Inserting an "Also See" and finding nothing.
    await seed.getByRole('link').click();
    await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue(SEED_HEADLINE);
    await body(page).getByText('Both sides decided to hold').click();
    await tool(page, 'Also See').click();
    const dialog = page.getByRole('dialog', { name: 'Insert Also See' });
    await dialog.getByRole('searchbox', { name: 'Find an article' }).fill('zeppelin');
    await expect(dialog.getByRole('status')).toHaveText('No article matches “zeppelin”: try fewer or shorter words.');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('the Names filter lists places and awards as such, and a dateline’s capitals under the usual name', async ({
    page,
  }) => {
    await page.goto(running.server.url);
    await library(page).getByRole('button', { name: 'Filters' }).click();
    const names = library(page).getByRole('combobox', { name: 'Names: a person, place or organisation named' });
    // The menu shows each kind's names under its label; Playwright names no option group by it.
    const option = (label: string, name: RegExp) =>
      names.locator(`optgroup[label="${label}"]`).getByRole('option', { name, includeHidden: true });

    await expect(option('Places', /^Sydney \(1\)$/)).toHaveCount(1);
    await expect(option('Places', /^London \(2\)$/)).toHaveCount(1);
    await expect(option('People', /^(Sydney|Oscar) \(/)).toHaveCount(0);
    await expect(names.getByRole('option', { name: /^LONDON\b/, includeHidden: true })).toHaveCount(0);

    // London: the story that names it among other cities, and the one whose dateline is "LONDON".
    await names.selectOption({ label: 'London (2)' });
    const list = library(page).getByRole('list', { name: 'Articles' });
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await expect(list).toContainText(firstLine(path.join(BBC, 'tech', '101.txt')));
    await expect(list).toContainText('United States to Lift Sudan Sanctions');
    await page.screenshot({ path: 'test-results/names-filter.png' });
  });
});

test('the import results fold to one line beside a story opened from them, and come back when asked', async ({
  page,
  copydesk,
}) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  const empty = path.join(scratch, 'blank.txt');
  fs.writeFileSync(empty, ' \n\t\n');
  await page.goto(copydesk.url);
  await chooseFiles(page, 'Files…', [path.join(BBC, 'tech', '001.txt'), path.join(BBC, 'sport', '199.txt'), empty]);

  const panel = importPanel(page);
  await expect(panel.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await openFromPanel(page, 'Chelsea sack Mutu');

  // Folded: one line of how the import went, out of the text's way.
  await expect(panel.getByRole('heading', { name: 'Import finished' })).toHaveCount(0);
  await expect(panel.getByRole('status')).toHaveText('Import finished: 2 imported, 1 not imported');
  const show = panel.getByRole('button', { name: 'Show import results' });
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  const editor = await page.getByRole('main', { name: 'Editor' }).boundingBox();
  const folded = await panel.boundingBox();
  expect(editor).not.toBeNull();
  expect(folded).not.toBeNull();
  if (editor !== null && folded !== null) expect(folded.x + folded.width).toBeLessThanOrEqual(editor.x);
  await expect(body(page).getByText('a £15.8m signing from Parma')).toBeVisible();
  await page.screenshot({ path: 'test-results/import-folded.png' });

  // Back in full, with the reason the blank file was not imported; folded again by its button.
  await show.click();
  await expect(panel.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(panel.getByRole('group').filter({ hasText: 'Not imported' })).toContainText(
    'blank.txt holds no readable text: it is only spaces and line breaks.',
  );
  await panel.getByRole('button', { name: 'Hide import results' }).click();
  await expect(panel.getByRole('button', { name: 'Show import results' })).toBeVisible();
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(panel).toHaveCount(0);
});
