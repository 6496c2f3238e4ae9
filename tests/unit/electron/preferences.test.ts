import fs from 'node:fs';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { openPreferences } from '../../../electron/preferences/confBackend';
import { PreferencesService } from '../../../electron/preferences/PreferencesService';
import { DEFAULT_HOUSE_STYLE } from '../../../shared/preferences';
import { tempDir } from '../../helpers/tempLibrary';

let tmp = tempDir();
afterEach(() => {
  tmp.cleanup();
  tmp = tempDir();
});

const file = () => path.join(tmp.dir, 'preferences.json');
const backups = () => fs.readdirSync(tmp.dir).filter((name) => name !== 'preferences.json');

describe('preferences', () => {
  it('start from the defaults, house style included', () => {
    const state = openPreferences(tmp.dir).get();
    expect(state.notice).toBeNull();
    expect(state.preferences.theme).toBe('system');
    expect(state.preferences.houseStyle).toEqual(DEFAULT_HOUSE_STYLE);
  });

  it('are kept in the file and read back by the next process', () => {
    openPreferences(tmp.dir).update({ userName: 'Amna Riaz', theme: 'dark', autosaveDelayMs: 2000 });
    const again = openPreferences(tmp.dir).get().preferences;
    expect(again).toMatchObject({ userName: 'Amna Riaz', theme: 'dark', autosaveDelayMs: 2000 });
    expect(JSON.parse(fs.readFileSync(file(), 'utf8'))).toMatchObject({ userName: 'Amna Riaz' });
  });

  it('remember that the first-run question for a name was put off, and a file from before it asks it', () => {
    fs.writeFileSync(file(), JSON.stringify({ theme: 'dark' }));
    expect(openPreferences(tmp.dir).get().preferences).toMatchObject({ userName: '', askedForName: false });
    openPreferences(tmp.dir).update({ askedForName: true });
    expect(openPreferences(tmp.dir).get()).toMatchObject({
      preferences: { userName: '', askedForName: true, theme: 'dark' },
      notice: null,
    });
  });

  it('set a malformed file aside, report it, and use the defaults', () => {
    fs.writeFileSync(file(), '{"userName": "Amna", "theme": ');
    const state = openPreferences(tmp.dir).get();
    expect(state.notice).toMatch(/could not be read.*kept as preferences\.json\.damaged-/);
    expect(state.preferences.userName).toBe('');
    const [backup] = backups();
    expect(backup).toBeDefined();
    expect(fs.readFileSync(path.join(tmp.dir, backup ?? ''), 'utf8')).toBe('{"userName": "Amna", "theme": ');
  });

  it('reset only the invalid values, keeping a copy of the file first', () => {
    fs.writeFileSync(file(), JSON.stringify({ userName: 'Amna', theme: 'purple', autosaveDelayMs: -5 }));
    const state = openPreferences(tmp.dir).get();
    expect(state.notice).toMatch(/reset to their defaults \(theme, autosaveDelayMs\)/);
    expect(state.preferences).toMatchObject({ userName: 'Amna', theme: 'system', autosaveDelayMs: 1000 });
    expect(backups()).toHaveLength(1);
  });

  it('turn quotes typographic and know no public address until one is set', () => {
    expect(openPreferences(tmp.dir).get().preferences).toMatchObject({ smartQuotes: true, publicAddressPattern: '' });
    fs.writeFileSync(file(), JSON.stringify({ publicAddressPattern: 'https://example.com/news', smartQuotes: false }));
    const state = openPreferences(tmp.dir).get();
    expect(state.notice).toMatch(/\(publicAddressPattern\)/);
    expect(state.preferences).toMatchObject({ smartQuotes: false, publicAddressPattern: '' });
  });

  it('remember the folder each library last exported into, the latest fifty', () => {
    const preferences = openPreferences(tmp.dir);
    preferences.rememberExportFolder('/desk/a.sqlite3', '/desk/Exports');
    preferences.rememberExportFolder('/desk/b.sqlite3', '/desk/B');
    preferences.rememberExportFolder('/desk/a.sqlite3', '/desk/Politics');
    const again = openPreferences(tmp.dir);
    expect(again.exportFolder('/desk/a.sqlite3')).toBe('/desk/Politics');
    expect(again.exportFolder('/desk/c.sqlite3')).toBeUndefined();
    expect(Object.keys(again.get().preferences.exportFolders)).toEqual(['/desk/b.sqlite3', '/desk/a.sqlite3']);
    for (let n = 0; n < 60; n += 1) again.rememberExportFolder(`/desk/${n}.sqlite3`, `/out/${n}`);
    const kept = Object.keys(again.get().preferences.exportFolders);
    expect(kept).toHaveLength(50);
    expect(kept.at(-1)).toBe('/desk/59.sqlite3');
  });

  it('read as the store keeps them by a command that only reads, which repairs and writes nothing', () => {
    openPreferences(tmp.dir).update({ userName: 'Amna Riaz', theme: 'dark' });
    expect(PreferencesService.readOnly(tmp.dir).get().preferences).toMatchObject({
      userName: 'Amna Riaz',
      theme: 'dark',
    });

    const written = JSON.stringify({ userName: 'Amna', theme: 'purple' });
    fs.writeFileSync(file(), written);
    const reader = PreferencesService.readOnly(tmp.dir);
    expect(reader.get()).toMatchObject({ preferences: { userName: 'Amna', theme: 'system' }, notice: null });
    expect(() => reader.update({ theme: 'dark' })).toThrow(/only read/);
    expect(fs.readFileSync(file(), 'utf8')).toBe(written);
    expect(backups()).toEqual([]);

    fs.rmSync(file());
    expect(PreferencesService.readOnly(tmp.dir).get().preferences.userName).toBe('');
  });
});
