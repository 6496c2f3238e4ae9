/**
 * Paste benchmark: real news text of 10,000 and 70,000 words pasted into an empty story in
 * Chromium (browser mode), as plain text (paragraphs between blank lines, as from a text file or
 * an e-mail) and as HTML with its plain text (as copied from a web page). Measured inside the
 * page: paste → editor update committed, → next frame, → save sent (the autosave's pause, then
 * the body's serialisation and the call's validation), → save answered (the server's validation,
 * analysis and write), → "Saved" shown. Prints its figures; asserts nothing.
 *
 *   npm run bench -- paste
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Browser, Page } from '@playwright/test';

import { escapeHtml } from '../shared/escapeHtml';
import { call, runBenchmark, withServerAndBrowser, type Server } from './browser';
import { realParagraphs } from './newsText';

type Marks = { committed: number; painted: number; sent: number; answered: number; saved: number };

type Clipboard = { text: string; html: string | null };

/** Dispatches the paste on the body as the browser does on Ctrl+V and times it until "Saved" shows. */
async function timePaste(page: Page, clipboard: Clipboard): Promise<Marks> {
  return page.evaluate(async ({ text, html }) => {
    type EditorLike = { registerUpdateListener(listener: () => void): () => void };
    const body = document.querySelector<HTMLElement & { __lexicalEditor?: EditorLike }>(
      '[contenteditable="true"][aria-label="Body"]',
    );
    const status = document.querySelector('[role="contentinfo"] [role="status"], footer [role="status"]');
    const editor = body?.__lexicalEditor;
    if (body === null || editor === undefined || status === null) throw new Error('The editor is not on the page');
    const marks: Partial<Marks> = {};
    let start = 0;
    const originalFetch = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const address = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (!address.includes('articles%3Asave') || marks.sent !== undefined) return originalFetch(input, init);
      marks.sent = performance.now() - start;
      return originalFetch(input, init).then((response) => {
        marks.answered = performance.now() - start;
        return response;
      });
    };
    const saved = new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        if (marks.answered !== undefined && status.textContent === 'Saved') {
          marks.saved = performance.now() - start;
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(status, { childList: true, characterData: true, subtree: true });
    });
    const stop = editor.registerUpdateListener(() => {
      marks.committed ??= performance.now() - start;
    });
    const transfer = new DataTransfer();
    transfer.setData('text/plain', text);
    if (html !== null) transfer.setData('text/html', html);
    start = performance.now();
    body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        marks.painted = performance.now() - start;
      };
      channel.port2.postMessage(null);
    });
    await saved;
    stop();
    return marks as Marks;
  }, clipboard);
}

const RUNS = 3;

const seconds = (value: number): string => `${(value / 1000).toFixed(2).padStart(6)} s`;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Pastes `clipboard` into a new, empty story in a page of its own; its timings and the words saved. */
async function pasteOnce(server: Server, browser: Browser, clipboard: Clipboard): Promise<Marks & { words: number }> {
  const article = (await call(server, 'articles:create', { headline: 'Paste benchmark' })) as { id: string };
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    await page.goto(`${server.url}#/article/${article.id}`);
    await page.getByRole('textbox', { name: 'Body', exact: true }).click();
    const marks = await timePaste(page, clipboard);
    const stored = (await call(server, 'articles:get', { id: article.id })) as { wordCount: number };
    return { ...marks, words: stored.wordCount };
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-'));
  await withServerAndBrowser(dir, path.join(dir, 'library.sqlite3'), async (server, browser) => {
    console.log('Paste benchmark (Chromium, browser mode, real BBC text pasted into an empty story)');
    // The first paste warms the server's analysis and the page's code; it is not counted.
    await pasteOnce(server, browser, { text: realParagraphs(2000).join('\n\n'), html: null });
    console.log(
      `words   clipboard         characters |  committed    painted  save sent  answered  "Saved" | saved words   (median of ${RUNS})`,
    );
    for (const size of [10_000, 70_000]) {
      const paragraphs = realParagraphs(size);
      const text = paragraphs.join('\n\n');
      const kinds: [string, Clipboard][] = [
        ['plain text', { text, html: null }],
        ['HTML + text', { text, html: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n') }],
      ];
      for (const [kind, clipboard] of kinds) {
        const runs: (Marks & { words: number })[] = [];
        for (let run = 0; run < RUNS; run += 1) runs.push(await pasteOnce(server, browser, clipboard));
        const at = (key: keyof Marks) => seconds(median(runs.map((marks) => marks[key])));
        const characters = Math.max(clipboard.text.length, clipboard.html?.length ?? 0);
        console.log(
          `${String(size).padEnd(6)}  ${kind.padEnd(12)} ${characters.toLocaleString('en').padStart(15)} | ${at('committed')} ${at('painted')} ${at('sent')} ${at('answered')} ${at('saved')} | ${(runs[0]?.words ?? 0).toLocaleString('en')}`,
        );
      }
    }
    console.log(
      '(times from the paste, measured in the page; "save sent" includes any autosave pause before the save)',
    );
  });
}

runBenchmark(main);
