/**
 * Spelling benchmark: a 10,000-word story of real news text, checked with the British dictionary
 * Copydesk ships. Prints its figures; asserts nothing.
 *
 *   npm run bench -- spelling
 *
 * The checker alone (as the worker runs it, in this process): the dictionary's load, the first
 * check of the whole story, and the check after a one-word change (the paragraphs are
 * remembered by their text, so one paragraph is checked again). Then the window, in Chromium:
 * how long after the story's text is on screen its misspellings are underlined, how long after
 * a misspelled word is typed it is underlined (the checker waits for a pause in typing first),
 * and the longest the page's own thread was busy meanwhile: typing waits for no more than that.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ParagraphChecks } from '../renderer/editor/spelling/paragraphChecks';
import { SCAN_MEASURE, SPELLING_DELAY_MS } from '../renderer/editor/spelling/SpellingHighlights';
import { createSpeller } from '../renderer/editor/spelling/speller';
import { bodyFromParagraphs, countWords } from '../shared/text';
import { call, percentile, runBenchmark, withServerAndBrowser } from './browser';
import { realParagraphs } from './newsText';

const WORDS = 10_000;
const CHANGES = 20;
const ROOT = path.join(__dirname, '..');

const elapsed = (since: number): number => performance.now() - since;
const format = (value: number): string => `${value.toFixed(1)} ms`;

/** A paragraph with one word misspelled: its longest word with its second letter typed twice. */
function withOneWordChanged(paragraph: string): string {
  const longest = paragraph.split(/\s+/).reduce((best, word) => (word.length > best.length ? word : best), '');
  return paragraph.replace(longest, `${longest.slice(0, 2)}${longest.slice(1)}`);
}

async function checker(paragraphs: readonly string[]): Promise<void> {
  const file = (ext: string) =>
    fs.readFileSync(path.join(ROOT, 'node_modules', 'dictionary-en-gb', `index.${ext}`), 'utf8');
  const loadStart = performance.now();
  const speller = createSpeller({ aff: file('aff'), dic: file('dic') });
  const load = elapsed(loadStart);

  let checked = 0;
  const checks = new ParagraphChecks({
    check: (_dictionary, texts) => {
      checked += texts.length;
      return Promise.resolve(texts.map((text) => speller.misspellings(text)));
    },
    suggest: (_dictionary, word) => Promise.resolve(speller.suggest(word)),
    learn: (words) => speller.learn(words),
  });

  const firstStart = performance.now();
  const first = await checks.check('en-GB', paragraphs);
  const firstCheck = elapsed(firstStart);
  const misspelled = first.reduce((total, found) => total + found.length, 0);
  const firstParagraphs = checked;

  const story = [...paragraphs];
  const changes: number[] = [];
  checked = 0;
  for (let change = 0; change < CHANGES; change += 1) {
    const at = Math.floor(((change + 0.5) / CHANGES) * story.length);
    story[at] = withOneWordChanged(story[at] ?? '');
    const start = performance.now();
    await checks.check('en-GB', story);
    changes.push(elapsed(start));
  }

  const suggestStart = performance.now();
  const suggestions = speller.suggest('goverment');
  const suggest = elapsed(suggestStart);

  console.log(
    `The checker (British English), a ${WORDS.toLocaleString('en')}-word story in ${paragraphs.length} paragraphs:`,
  );
  console.log(`  dictionary loaded                   ${format(load)}`);
  console.log(
    `  first check                         ${format(firstCheck)}  (${firstParagraphs} paragraphs, ${misspelled} words underlined)`,
  );
  console.log(
    `  after a one-word change             ${format(percentile(changes, 50))} median, ${format(Math.max(...changes))} at most  (${checked / CHANGES} paragraph checked again per change)`,
  );
  console.log(`  suggestions for one word            ${format(suggest)}  (goverment: ${suggestions.join(', ')})`);
}

type Task = { start: number; duration: number };
type PageFigures = {
  textShown: number | null;
  firstUnderline: number | null;
  longTasks: Task[];
  /** The page's own spelling work: reading paragraphs, and underlining what the worker found. */
  spelling: Task[];
};

async function inTheWindow(paragraphs: readonly string[]): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-'));
  await withServerAndBrowser(dir, path.join(dir, 'library.sqlite3'), async (server, browser) => {
    const article = (await call(server, 'articles:create', {
      headline: 'Benchmark',
      language: 'en-GB',
      body: bodyFromParagraphs(paragraphs),
    })) as { id: string };
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.addInitScript(
      ({ firstWords, measureName }) => {
        const figures: PageFigures = { textShown: null, firstUnderline: null, longTasks: [], spelling: [] };
        (window as unknown as { __spelling: PageFigures }).__spelling = figures;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries())
            figures.longTasks.push({ start: entry.startTime, duration: entry.duration });
        }).observe({ type: 'longtask', buffered: true });
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            if (entry.name === measureName) figures.spelling.push({ start: entry.startTime, duration: entry.duration });
          }
        }).observe({ type: 'measure', buffered: true });
        // Anonymous functions only: a named one is compiled here with a helper the page does not have.
        const timer = setInterval(() => {
          if (
            figures.textShown === null &&
            document.querySelector('[aria-label="Body"]')?.textContent.startsWith(firstWords) === true
          ) {
            figures.textShown = performance.now();
          }
          const underlines = CSS.highlights.get('copydesk-spelling');
          if (underlines === undefined || underlines.size === 0) return;
          figures.firstUnderline = performance.now();
          clearInterval(timer);
        }, 2);
      },
      { firstWords: paragraphs[0]?.slice(0, 40) ?? '', measureName: SCAN_MEASURE },
    );
    await page.goto(`${server.url}#/article/${article.id}`);
    await page.waitForFunction(
      () => (window as unknown as { __spelling: PageFigures }).__spelling.firstUnderline !== null,
      null,
      {
        timeout: 60_000,
      },
    );
    const opened = await page.evaluate(() => (window as unknown as { __spelling: PageFigures }).__spelling);

    // A misspelled word typed at the end of the story, and the space after it.
    const body = page.getByRole('textbox', { name: 'Body', exact: true });
    await body.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' goverment');
    const typed = await page.evaluate(() => performance.now());
    await page.keyboard.press('Space');
    const underlinedAt = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const timer = setInterval(() => {
            const ranges = [...(CSS.highlights.get('copydesk-spelling') ?? [])];
            if (!ranges.some((range) => range instanceof Range && range.toString() === 'goverment')) return;
            clearInterval(timer);
            resolve(performance.now());
          }, 2);
        }),
    );
    const after = await page.evaluate(() => (window as unknown as { __spelling: PageFigures }).__spelling);

    const between = (tasks: readonly Task[], from: number, to: number) =>
      tasks.filter((task) => task.start >= from && task.start <= to).map((task) => task.duration);
    const longest = (from: number, to: number) => format(Math.max(0, ...between(after.longTasks, from, to)));
    const work = (from: number, to: number) => between(after.spelling, from, to).map(format).join(' + ');
    const shown = opened.textShown ?? 0;
    const first = opened.firstUnderline ?? 0;
    console.log(`The window (Chromium), the same story opened:`);
    console.log(`  text on screen                      ${format(shown)} after opening`);
    console.log(
      `  first underlines                    ${format(first - shown)} after the text  (the worker starts, loads the dictionary, checks every paragraph)`,
    );
    console.log(`    the page's own spelling work      ${work(0, first)}  (reading the paragraphs + underlining)`);
    console.log(
      `    longest task of the page          ${longest(shown, first)}  (0 = none over 50 ms; the editor's own start included)`,
    );
    console.log(
      `  a misspelled word typed at the end  underlined ${format(underlinedAt - typed)} after its space  (${SPELLING_DELAY_MS} ms of it the pause the checker waits for)`,
    );
    console.log(
      `    the page's own spelling work      ${work(typed, underlinedAt)}  (reading the paragraphs + underlining)`,
    );
    console.log(`    longest task of the page          ${longest(typed, underlinedAt)}  (0 = none over 50 ms)`);
  });
}

async function main(): Promise<void> {
  const paragraphs = realParagraphs(WORDS);
  console.log(`${countWords(paragraphs.join(' ')).toLocaleString('en')} words of BBC news text.`);
  await checker(paragraphs);
  await inTheWindow(paragraphs);
}

runBenchmark(main);
