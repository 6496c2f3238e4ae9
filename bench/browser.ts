/**
 * What the browser benchmarks share: a Copydesk server in browser mode on a library, calls to
 * its API, and the in-page measurement of typing latency (keydown → Lexical update committed,
 * and keydown → the next frame produced).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

import fs from 'node:fs';

import type { Browser, Page } from '@playwright/test';
import { chromium } from '@playwright/test';

const ROOT = path.join(__dirname, '..');

export type Server = { url: string; origin: string; token: string; pid: number; stop: () => void };

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** `copydesk serve` (or `copydesk desk serve`) on `library`, resolved once it prints its address. */
export async function startServer(
  library: string,
  dataDir: string,
  command: readonly string[] = ['serve'],
): Promise<Server> {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'bin', 'copydesk.cjs'), ...command, '--library', library, '--port', '0'],
    { cwd: ROOT, env: { ...process.env, COPYDESK_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = /(?:Copydesk|The desk) is running at (\S+)/.exec(buffer);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`copydesk serve exited with ${String(code)}`)));
  });
  const address = new URL(url);
  return {
    url,
    origin: address.origin,
    token: address.searchParams.get('token') ?? '',
    pid: child.pid ?? 0,
    stop: () => child.kill('SIGTERM'),
  };
}

/** One API call through the server, as the renderer makes it. */
export async function call(server: Server, channel: string, args: unknown): Promise<unknown> {
  const response = await fetch(`${server.origin}/api/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Copydesk-Token': server.token },
    body: JSON.stringify(args),
  });
  const envelope = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!envelope.ok) throw new Error(envelope.error?.message ?? 'failed');
  return envelope.value;
}

export type Latency = { paint: number[]; commit: number[] };

/**
 * Presses `keystrokes` keys at the end of the body (letters, a space every seventh) and
 * returns, per key (`beforeTyping` runs just before the first), keydown → update committed and keydown → next frame, measured in the page.
 */
export async function typingLatency(page: Page, keystrokes: number, beforeTyping = (): void => {}): Promise<Latency> {
  const editor = page.getByRole('textbox', { name: 'Body', exact: true });
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.evaluate(() => {
    type WithEditor = HTMLElement & { __lexicalEditor?: { registerUpdateListener(fn: () => void): () => void } };
    const samples = { paint: [] as number[], commit: [] as number[] };
    (window as unknown as { __latency: typeof samples }).__latency = samples;
    let pending: number | null = null;
    document
      .querySelector<WithEditor>('[contenteditable="true"][aria-label="Body"]')
      ?.__lexicalEditor?.registerUpdateListener(() => {
        if (pending !== null) samples.commit.push(performance.now() - pending);
        pending = null;
      });
    document.addEventListener(
      'keydown',
      () => {
        const start = performance.now();
        pending = start;
        // After the next frame has been produced: rAF runs before paint, the message after it.
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => samples.paint.push(performance.now() - start);
          channel.port2.postMessage(null);
        });
      },
      true,
    );
  });
  await page.waitForTimeout(1500);
  beforeTyping();
  for (let i = 0; i < keystrokes; i += 1) await page.keyboard.press(i % 7 === 6 ? 'Space' : 'KeyA');
  return page.evaluate(() => (window as unknown as { __latency: Latency }).__latency);
}

export const ms = (values: readonly number[], p: number): string =>
  `${percentile(values, p).toFixed(1).padStart(5)} ms`;

/**
 * Runs `work` against `copydesk serve` on `library` with Chromium, then stops both and removes
 * `dir` (the benchmark's temporary folder, which holds the library) whatever happened.
 */
export async function withServerAndBrowser(
  dir: string,
  library: string,
  work: (server: Server, browser: Browser) => Promise<void>,
): Promise<void> {
  const server = await startServer(library, path.join(dir, 'data'));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  try {
    await work(server, browser);
  } finally {
    await browser.close();
    server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs a benchmark's main function, reporting a failure on stderr and in the exit code. */
export function runBenchmark(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
