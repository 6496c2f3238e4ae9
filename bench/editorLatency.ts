/**
 * Editor benchmark: keystroke-to-paint latency in Chromium and the cost of an autosave, in
 * articles of 1,000 and 10,000 words of real news text. Prints its figures; asserts nothing.
 *
 *   npm run bench
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Browser } from '@playwright/test';

import type { Body } from '../shared/domain';
import { bodyFromParagraphs } from '../shared/text';
import { call, ms, runBenchmark, typingLatency, withServerAndBrowser } from './browser';
import { realParagraphs } from './newsText';

const KEYSTROKES = 120;

/** The same keydown → next frame measurement on a bare contenteditable holding the same text. */
async function bareBaseline(browser: Browser, paragraphs: string[]): Promise<number[]> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.setContent('<div contenteditable="true" id="bare" style="width: 42rem"></div>');
  await page.evaluate((texts) => {
    const root = document.getElementById('bare');
    for (const text of texts) {
      const p = document.createElement('p');
      p.textContent = text;
      root?.append(p);
    }
  }, paragraphs);
  await page.click('#bare');
  await page.keyboard.press('Control+End');
  await page.evaluate(() => {
    const samples: number[] = [];
    (window as unknown as { __bare: number[] }).__bare = samples;
    document.addEventListener(
      'keydown',
      () => {
        const start = performance.now();
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => samples.push(performance.now() - start);
          channel.port2.postMessage(null);
        });
      },
      true,
    );
  });
  for (let i = 0; i < KEYSTROKES; i += 1) await page.keyboard.press(i % 7 === 6 ? 'Space' : 'KeyA');
  const samples = await page.evaluate(() => (window as unknown as { __bare: number[] }).__bare);
  await page.close();
  return samples;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-'));
  await withServerAndBrowser(dir, path.join(dir, 'library.sqlite3'), async (server, browser) => {
    console.log('Editor benchmark (Chromium, browser mode, real BBC text)');
    console.log(
      'words   keydown→committed p50   p95 | keydown→next frame p50   p95 | bare contenteditable p50   p95 |  autosave serialise p50   p95 | saves while typing',
    );
    const rows: string[] = [];
    for (const size of [1000, 10_000]) {
      const paragraphs = realParagraphs(size);
      const body: Body = bodyFromParagraphs(paragraphs);
      const article = (await call(server, 'articles:create', {
        headline: `Benchmark ${size}`,
        body,
      })) as {
        id: string;
        wordCount: number;
      };
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      let saves = 0;
      page.on('request', (request) => {
        if (request.url().includes('articles%3Asave')) saves += 1;
      });
      await page.goto(`${server.url}#/article/${article.id}`);
      await page.getByRole('textbox', { name: 'Body', exact: true }).waitFor();
      const latency = await typingLatency(page, KEYSTROKES, () => {
        saves = 0;
      });
      const savesWhileTyping = saves;
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
      const bare = await bareBaseline(browser, paragraphs);
      rows.push(
        `${String(article.wordCount).padEnd(6)}  ${ms(latency.commit, 50).padStart(22)} ${ms(latency.commit, 95)} | ${ms(latency.paint, 50).padStart(22)} ${ms(latency.paint, 95)} | ${ms(bare, 50).padStart(24)} ${ms(bare, 95)} | ${ms(serialise, 50).padStart(22)} ${ms(serialise, 95)} | ${savesWhileTyping}`,
      );
    }
    for (const row of rows) console.log(row);
    console.log(
      `(${KEYSTROKES} keystrokes per size, measured in the page; a frame waits for the 60 Hz tick, and the bare contenteditable shows what the browser alone costs on this machine)`,
    );
  });
}

runBenchmark(main);
