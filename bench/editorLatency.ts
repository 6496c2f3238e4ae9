/**
 * Editor benchmark: the editor's own work per keystroke in a 10,000-word story of real news
 * text, in Chromium, against a bare Lexical editor holding the same text in the same run.
 * Prints its figures; asserts nothing.
 *
 *   npm run bench -- editorLatency
 *
 * A keystroke's work is measured inside the page: from the keydown (the browser's own editing
 * included) until the last of the editor's update listeners has run, which takes in Lexical's
 * update and reconciliation and the plugins' listeners (word count, claims marks, house style,
 * autosave scheduling, the toolbar); plus the timers those listeners set, when they run (the word
 * count's refresh, the house-style check, the saver's pause), counted against the keystroke that
 * set them. React's rendering of what the editor reports (the status bar, the toolbar) is not
 * the editor's work and is left out, as are saves: typing never pauses long enough for one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Browser, CDPSession, Page } from '@playwright/test';
import { build } from 'esbuild';

import { call, ms, percentile, runBenchmark, withServerAndBrowser } from './browser';
import { realParagraphs } from './newsText';
import { bodyWithClaims, bodyWithSuggestions, MARKED_EVERY } from './storyBodies';

const WORDS = 10_000;
const KEYSTROKES = 150;
/** A fast typist's rhythm: about 120 words a minute. */
const KEY_INTERVAL_MS = 90;
const TARGET_MS = 5;
/** Suggested changes in the suggesting benchmark's story, and in the one whose Suggestions list is opened. */
const SUGGESTIONS = 500;
const LISTED = 1000;
/** Opening the Suggestions list this often: the first open and the rest. */
const OPENS = 7;
/** A list drawn within this is drawn without a delay a person sees. */
const OPEN_TARGET_MS = 100;

type Sample = { sync: number; deferred: number };
type Samples = { samples: Sample[] };

/** A bare Lexical editor (rich text and history, nothing else) for the page, as one script. */
async function bareLexicalScript(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `
        import { createEditor } from 'lexical';
        import { registerRichText, HeadingNode, QuoteNode } from '@lexical/rich-text';
        import { registerHistory, createEmptyHistoryState } from '@lexical/history';
        import { MarkNode } from '@lexical/mark';
        window.__bareLexical = (root, json) => {
          const editor = createEditor({ namespace: 'bare', nodes: [HeadingNode, QuoteNode, MarkNode], onError: (error) => { throw error; } });
          editor.setRootElement(root);
          registerRichText(editor);
          registerHistory(editor, createEmptyHistoryState(), 300);
          editor.setEditorState(editor.parseEditorState(json));
        };`,
      resolveDir: path.join(__dirname, '..'),
      loader: 'js',
    },
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
  });
  const [file] = result.outputFiles;
  if (file === undefined) throw new Error('esbuild wrote no bundle for the bare editor.');
  return file.text;
}

/**
 * Starts measuring the editor whose root is `selector`: every keydown opens a sample, the last
 * update listener closes it, and timers set in between are timed when they run.
 */
async function instrument(page: Page, selector: string): Promise<void> {
  // tsx keeps function names with a helper the page does not have.
  await page.evaluate('window.__name = (target) => target');
  await page.evaluate((rootSelector) => {
    type Open = { start: number; sample: { sync: number; deferred: number } };
    type EditorLike = {
      registerUpdateListener(
        fn: (update: { dirtyElements: Map<string, boolean>; dirtyLeaves: Set<string> }) => void,
      ): () => void;
    };
    const root = document.querySelector<HTMLElement & { __lexicalEditor?: EditorLike }>(rootSelector);
    const editor = root?.__lexicalEditor;
    if (editor === undefined) throw new Error(`No Lexical editor at ${rootSelector}`);
    const state: { samples: { sync: number; deferred: number }[]; open: Open | null } = { samples: [], open: null };
    (window as unknown as { __work: typeof state }).__work = state;

    const timed = <Args extends unknown[]>(
      schedule: (callback: (...args: Args) => void, ...rest: never[]) => number,
    ): ((callback: (...args: Args) => void, ...rest: never[]) => number) =>
      function (callback, ...rest) {
        const open = state.open;
        if (open === null || typeof callback !== 'function') return schedule(callback, ...rest);
        return schedule(
          (...args: Args) => {
            const start = performance.now();
            try {
              callback(...args);
            } finally {
              open.sample.deferred += performance.now() - start;
            }
          },
          ...rest,
        );
      };
    const global = window as unknown as Record<string, unknown>;
    for (const name of ['setTimeout', 'requestIdleCallback']) {
      const original = global[name];
      if (typeof original === 'function') global[name] = timed(original.bind(window) as never);
    }

    document.addEventListener(
      'keydown',
      () => {
        const sample = { sync: Number.NaN, deferred: 0 };
        state.samples.push(sample);
        state.open = { start: performance.now(), sample };
      },
      true,
    );
    // Registered after the plugins' listeners, so it runs after all of them.
    editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      const open = state.open;
      if (open === null || (dirtyElements.size === 0 && dirtyLeaves.size === 0)) return;
      open.sample.sync = performance.now() - open.start;
      state.open = null;
    });
  }, selector);
}

/** The renderer's main-thread time by kind, in CPU time (thread ticks): a busy machine does not inflate it. */
type Metrics = { script: number; layout: number };
type Keystroke = Sample & Metrics;

async function readMetrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => (metrics.find((metric) => metric.name === name)?.value ?? 0) * 1000;
  return { script: value('ScriptDuration'), layout: value('LayoutDuration') + value('RecalcStyleDuration') };
}

/**
 * Types KEYSTROKES keys at the end of the text in KEY_INTERVAL_MS steps, reading the main
 * thread's time for each step; calls `typed`, then waits for the timers the keys set.
 */
async function typeAndCollect(page: Page, typed: () => void = () => undefined): Promise<Keystroke[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const steps: Metrics[] = [];
  let before = await readMetrics(cdp);
  for (let i = 0; i < KEYSTROKES; i += 1) {
    await page.keyboard.press(i % 6 === 5 ? 'Space' : 'KeyA');
    await page.waitForTimeout(KEY_INTERVAL_MS);
    const after = await readMetrics(cdp);
    steps.push({ script: after.script - before.script, layout: after.layout - before.layout });
    before = after;
  }
  typed();
  await page.waitForTimeout(1500);
  await cdp.detach();
  const { samples } = await page.evaluate(() => (window as unknown as { __work: Samples }).__work);
  return samples.flatMap((sample, index) => {
    const step = steps[index];
    return step !== undefined && Number.isFinite(sample.sync) ? [{ ...sample, ...step }] : [];
  });
}

function row(name: string, keystrokes: readonly Keystroke[]): string {
  const of = (pick: (keystroke: Keystroke) => number) => keystrokes.map(pick);
  const pair = (values: number[]) => `${ms(values, 50)} ${ms(values, 95)}`;
  return [
    name.padEnd(24),
    pair(of((k) => k.script)),
    pair(of((k) => k.layout)),
    pair(of((k) => k.sync)),
    pair(of((k) => k.deferred)),
    ms(
      of((k) => k.script),
      100,
    ),
  ].join(' | ');
}

/**
 * Types at the end of a story in Copydesk's editor, every plugin on (with Suggesting on when
 * `suggesting`), and collects each keystroke's work, the saves sent meanwhile, and what the
 * autosave's serialisation costs.
 */
async function typeInCopydesk(
  browser: Browser,
  url: string,
  id: string,
  suggesting = false,
): Promise<{ keystrokes: Keystroke[]; savesWhileTyping: number; serialise: number[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  let saves = 0;
  page.on('request', (request) => {
    if (request.url().includes('articles%3Asave')) saves += 1;
  });
  await page.goto(`${url}#/article/${id}`);
  const editorBody = page.getByRole('textbox', { name: 'Body', exact: true });
  await editorBody.click();
  await page.keyboard.press('Control+End');
  if (suggesting) await page.keyboard.press('Control+Shift+E');
  await page.waitForTimeout(1500);
  await instrument(page, '[contenteditable="true"][aria-label="Body"]');
  saves = 0;
  let savesWhileTyping = 0;
  const keystrokes = await typeAndCollect(page, () => {
    savesWhileTyping = saves;
  });
  const serialise = await page.evaluate(() => {
    type WithEditor = HTMLElement & { __lexicalEditor?: { getEditorState(): { toJSON(): unknown } } };
    const root = document.querySelector<WithEditor>('[contenteditable="true"][aria-label="Body"]');
    const editorInstance = root?.__lexicalEditor;
    if (editorInstance === undefined) return [];
    const times: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const start = performance.now();
      JSON.stringify(editorInstance.getEditorState().toJSON());
      times.push(performance.now() - start);
    }
    return times;
  });
  await page.close();

  return { keystrokes, savesWhileTyping, serialise };
}

/**
 * Opens the Suggestions panel on the story `id` OPENS times, from the Sources panel: from the
 * tab's click until the list's first item is on the page and a frame has been drawn with it.
 * Answers with the times and how many suggestions the list said it held.
 */
async function openSuggestionsList(
  browser: Browser,
  url: string,
  id: string,
): Promise<{ times: number[]; count: number }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // tsx keeps function names with a helper the page does not have.
  await page.addInitScript({ content: 'window.__name = (target) => target;' });
  await page.goto(`${url}#/article/${id}`);
  await page.getByRole('textbox', { name: 'Body', exact: true }).waitFor();
  const times: number[] = [];
  let count = 0;
  for (let round = 0; round < OPENS; round += 1) {
    await page.getByRole('tab', { name: 'Sources' }).click();
    await page.getByRole('list', { name: 'Suggested changes' }).waitFor({ state: 'detached' });
    const tab = await page.getByRole('tab', { name: 'Suggestions' }).elementHandle();
    const opened = await page.evaluate(async (tab) => {
      const from = performance.now();
      (tab as HTMLElement | null)?.click();
      await new Promise<void>((resolve) => {
        const drawn = () =>
          document.querySelector('[aria-label="Suggested changes"] > li') !== null
            ? requestAnimationFrame(() => resolve())
            : requestAnimationFrame(drawn);
        drawn();
      });
      const size = document.querySelector('[aria-label="Suggested changes"] > li')?.getAttribute('aria-setsize');
      return { time: performance.now() - from, count: Number(size) };
    }, tab);
    times.push(opened.time);
    count = opened.count;
  }
  await page.close();
  return { times, count };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-'));
  const paragraphs = realParagraphs(WORDS);
  const body = bodyWithClaims(paragraphs);
  const bare = await bareLexicalScript();
  await withServerAndBrowser(dir, path.join(dir, 'library.sqlite3'), async (server, browser) => {
    const article = (await call(server, 'articles:create', { headline: 'Benchmark', body })) as {
      id: string;
      wordCount: number;
    };

    // Copydesk's editor, every plugin on.
    const { keystrokes: copydesk, savesWhileTyping, serialise } = await typeInCopydesk(browser, server.url, article.id);
    // The same, with Suggesting on in a story holding SUGGESTIONS suggested changes.
    const suggested = (await call(server, 'articles:create', {
      headline: 'Benchmark, suggested',
      body: bodyWithSuggestions(paragraphs, SUGGESTIONS),
    })) as { id: string };
    const { keystrokes: suggesting } = await typeInCopydesk(browser, server.url, suggested.id, true);
    // The Suggestions list opened on a story holding LISTED of them.
    const listed = (await call(server, 'articles:create', {
      headline: 'Benchmark, many suggestions',
      body: bodyWithSuggestions(paragraphs, LISTED),
    })) as { id: string };
    const opens = await openSuggestionsList(browser, server.url, listed.id);

    // A bare Lexical editor with the same text, in the same browser and the same page width.
    const barePage = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await barePage.setContent(
      '<div contenteditable="true" id="bare" style="width: 42rem; font: 18px/1.6 Georgia, serif"></div>',
    );
    await barePage.addScriptTag({ content: bare });
    await barePage.evaluate((json) => {
      const root = document.getElementById('bare');
      (window as unknown as { __bareLexical: (root: HTMLElement | null, json: string) => void }).__bareLexical(
        root,
        json,
      );
    }, JSON.stringify(body));
    await barePage.click('#bare');
    await barePage.keyboard.press('Control+End');
    await barePage.waitForTimeout(1500);
    await instrument(barePage, '#bare');
    const baseline = await typeAndCollect(barePage);
    await barePage.close();

    console.log(
      `Editor's own work per keystroke: a ${article.wordCount.toLocaleString('en')}-word story of real BBC text, one paragraph in ${MARKED_EVERY} with a claim's mark (Chromium)`,
    );
    console.log(
      `${''.padEnd(24)} | JavaScript p50    p95 | layout, style p50 p95 | keydown→listeners p50 p95 | timers it set p50 p95 | JS max`,
    );
    console.log(row('Copydesk, every plugin', copydesk));
    console.log(row(`suggesting, ${SUGGESTIONS} waiting`, suggesting));
    console.log(row('bare Lexical, same text', baseline));
    const p95 = percentile(
      copydesk.map((keystroke) => keystroke.script),
      95,
    );
    console.log(
      `target: the editor's JavaScript per keystroke p95 ≤ ${TARGET_MS} ms — ${p95 <= TARGET_MS ? 'met' : 'NOT met'} (${p95.toFixed(1)} ms, bare Lexical ${percentile(
        baseline.map((keystroke) => keystroke.script),
        95,
      ).toFixed(1)} ms)`,
    );
    const suggestingP95 = percentile(
      suggesting.map((keystroke) => keystroke.script),
      95,
    );
    console.log(
      `target: the same in suggesting mode with ${SUGGESTIONS} suggestions in the text ≤ ${TARGET_MS} ms — ${suggestingP95 <= TARGET_MS ? 'met' : 'NOT met'} (${suggestingP95.toFixed(1)} ms)`,
    );
    const openP95 = percentile(opens.times, 95);
    console.log(
      `Suggestions list, ${opens.count.toLocaleString('en')} suggestions: tab clicked → the list drawn, p50 ${ms(opens.times, 50)}, p95 ${ms(opens.times, 95)} (${OPENS} opens); target ≤ ${OPEN_TARGET_MS} ms — ${openP95 <= OPEN_TARGET_MS ? 'met' : 'NOT met'}`,
    );
    console.log(
      `saves sent while typing: ${savesWhileTyping}; the autosave's serialisation p50 ${ms(serialise, 50)}, p95 ${ms(serialise, 95)}`,
    );
    console.log(
      `(${copydesk.length} keystrokes at the end of the story, one every ${KEY_INTERVAL_MS} ms. JavaScript and layout are the page's main-thread CPU time in each step, everything the page ran included (Lexical, the plugins and their timers, React); keydown→listeners is the wall-clock time from the keydown to the editor's last update listener, and "timers it set" the time the plugins' deferred work took, counted against the keystroke that set it)`,
    );
  });
}

runBenchmark(main);
