import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

const root = path.join(__dirname, '..', '..', '..');
const readJson = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;

/**
 * Electron ships a new major every eight weeks (40.0.0 on 2026-01-13) and supports the newest
 * three. The newest stable major on a given day, by that schedule.
 */
function newestStableMajor(on: Date): number {
  const weeks = (on.getTime() - Date.UTC(2026, 0, 13)) / (7 * 24 * 3600 * 1000);
  return 40 + Math.floor(weeks / 8);
}

describe('the Electron version', () => {
  it('is pinned exactly, and the installed one is the pinned one', () => {
    const pinned = (readJson('package.json').devDependencies as Record<string, string>).electron;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(readJson('node_modules/electron/package.json').version).toBe(pinned);
  });

  it('is one of the three majors Electron still supports with security fixes', () => {
    const version = readJson('node_modules/electron/package.json').version as string;
    const major = Number(version.split('.')[0]);
    // When this fails, upgrade Electron: the pinned major no longer receives security fixes.
    expect(major).toBeGreaterThanOrEqual(newestStableMajor(new Date()) - 2);
  });

  it('follows Electron’s published schedule', () => {
    expect(newestStableMajor(new Date(Date.UTC(2026, 0, 13)))).toBe(40);
    expect(newestStableMajor(new Date(Date.UTC(2026, 2, 10)))).toBe(41);
    expect(newestStableMajor(new Date(Date.UTC(2026, 9, 20)))).toBe(45);
  });
});
