import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { isSupported, newestStableMajor } from '../../../scripts/electronSupport.cjs';

const root = path.join(__dirname, '..', '..', '..');
const readJson = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;

describe('the Electron version', () => {
  it('is pinned exactly, and the installed one is the pinned one', () => {
    const pinned = (readJson('package.json').devDependencies as Record<string, string>).electron;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(readJson('node_modules/electron/package.json').version).toBe(pinned);
  });

  it('counts the newest three majors as supported (npm run check:electron checks the pinned one today)', () => {
    const day = new Date(Date.UTC(2026, 11, 6));
    expect([42, 43, 44, 45, 46].map((major) => isSupported(major, day))).toEqual([false, true, true, true, true]);
  });

  it('follows Electron’s published schedule', () => {
    expect(newestStableMajor(new Date(Date.UTC(2026, 0, 13)))).toBe(40);
    expect(newestStableMajor(new Date(Date.UTC(2026, 2, 10)))).toBe(41);
    expect(newestStableMajor(new Date(Date.UTC(2026, 9, 20)))).toBe(45);
  });
});
