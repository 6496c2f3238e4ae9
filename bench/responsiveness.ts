/**
 * Whether the library keeps answering while a big import runs: browser mode (`copydesk serve`,
 * its own process) imports the 2,225 BBC files sent through imports:start, the way a folder
 * dropped on the window is sent, while another client saves an article and reads a page of the
 * library list every 25 ms. Prints p50/p95 of both, during the import and, as the baseline, on
 * the same library with no import running. Target: p95 ≤ 20 ms for both during the import.
 * Prints its figures; asserts nothing.
 *
 *   npm run bench -- responsiveness
 *   BENCH_PROF=/tmp/profiles npm run bench -- responsiveness   (the server's CPU profiles, there)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { bodyFromParagraphs } from '../shared/text';
import { percentile } from './newsLibrary';
import { bbcNews } from '../tests/helpers/corpora';

const ROOT = path.join(__dirname, '..');
const BBC = bbcNews();
const EVERY_MS = 25;
const BASELINE_MS = 5_000;

type Server = { origin: string; token: string; stop: () => void };

async function serve(dir: string): Promise<Server> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_PROF] : []),
      path.join(ROOT, 'bin', 'copydesk.cjs'),
      'serve',
      '--library',
      path.join(dir, 'library.sqlite3'),
      '--port',
      '0',
    ],
    {
      cwd: ROOT,
      env: { ...process.env, COPYDESK_DATA_DIR: path.join(dir, 'data') },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<URL>((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /running at (\S+)/.exec(out);
      if (match?.[1] !== undefined) resolve(new URL(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`copydesk serve stopped (${code})`)));
  });
  return { origin: url.origin, token: url.searchParams.get('token') ?? '', stop: () => child.kill('SIGTERM') };
}

async function call<T>(server: Server, channel: string, args: unknown): Promise<T> {
  const response = await fetch(`${server.origin}/api/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Copydesk-Token': server.token },
    body: JSON.stringify(args),
  });
  const envelope = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error?.message ?? 'failed'}`);
  return envelope.value as T;
}

function bbcFiles(): { name: string; dataBase64: string }[] {
  return fs
    .readdirSync(BBC, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((category) =>
      fs
        .readdirSync(path.join(BBC, category.name))
        .sort()
        .map((name) => ({
          name: `bbc/${category.name}/${name}`,
          dataBase64: fs.readFileSync(path.join(BBC, category.name, name)).toString('base64'),
        })),
    );
}

type Article = { id: string; version: number };
const paragraph = (text: string) => bodyFromParagraphs([text]);

/** Saves and list pages every EVERY_MS until `until` settles; the time each took. */
async function probe(server: Server, article: Article, until: Promise<unknown>) {
  const saves: number[] = [];
  const lists: number[] = [];
  const state = { done: false };
  void until.finally(() => (state.done = true));
  let n = 0;
  while (!state.done) {
    n += 1;
    let started = performance.now();
    const saved = await call<Article>(server, 'articles:save', {
      id: article.id,
      version: article.version,
      patch: { body: paragraph(`The harbour council met again on day ${n} and took a decision.`) },
    });
    saves.push(performance.now() - started);
    article.version = saved.version;
    started = performance.now();
    await call(server, 'articles:list', { offset: 0, limit: 100 });
    lists.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, EVERY_MS));
  }
  return { saves, lists };
}

function figures(name: string, times: readonly number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  return `${name} p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms (${times.length})`;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-responsive-'));
  const server = await serve(dir);
  try {
    const article = await call<Article>(server, 'articles:create', { headline: 'Harbour council decision' });
    const files = bbcFiles();

    const idle = await probe(server, article, new Promise((resolve) => setTimeout(resolve, BASELINE_MS)));
    console.log(`  no import running:       ${figures('save', idle.saves)}; ${figures('list page', idle.lists)}`);

    const started = performance.now();
    const { jobId } = await call<{ jobId: string }>(server, 'imports:start', { files });
    const finished = (async () => {
      for (;;) {
        const status = await call<{ state: string }>(server, 'imports:status', { jobId });
        if (status.state !== 'running') return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const busy = await probe(server, article, finished);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `  while ${files.length.toLocaleString('en')} files import: ${figures('save', busy.saves)}; ${figures('list page', busy.lists)}`,
    );
    console.log(
      `  the import took ${seconds.toFixed(1)} s (${(files.length / seconds).toFixed(0)} files a second); load ${os.loadavg()[0]?.toFixed(1)}`,
    );
  } finally {
    server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
