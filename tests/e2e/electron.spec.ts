import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { _electron as electron, expect, test } from '@playwright/test';

import { electronBinary } from '../../scripts/electronBinary.cjs';

const binary = electronBinary();
const root = path.join(__dirname, '..', '..');

test.skip(
  binary === null,
  'No Electron binary is installed on this machine (none can be downloaded here); the same renderer and services are tested through browser mode.',
);

test('the desktop window has no Node, stays on its page, and saves an article to the library', async () => {
  execFileSync('npm', ['run', 'build:desktop'], { cwd: root, stdio: 'inherit' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-electron-'));
  const app = await electron.launch({
    executablePath: binary ?? undefined,
    args: [path.join(root, '.vite', 'build', 'main.js'), `--library=${path.join(dir, 'library.sqlite3')}`],
  });
  try {
    const page = await app.firstWindow();
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');

    // A page that tries to open a window gets none (navigation is refused in window.test.ts).
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    expect(app.windows()).toHaveLength(1);

    await page.getByRole('button', { name: 'New article' }).click();
    await page.getByLabel('Headline').fill('Desktop headline');
    await expect(page.getByText('Saved', { exact: true })).toBeVisible({ timeout: 10_000 });
    await page.reload();
    await expect(page.getByRole('region', { name: 'Library' }).getByText('Desktop headline')).toBeVisible();
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
