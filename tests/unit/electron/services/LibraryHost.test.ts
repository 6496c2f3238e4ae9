import fs from 'node:fs';

import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { APPLICATION_ID, LATEST_SCHEMA_VERSION } from '../../../../electron/db/migrations';
import { createArticle, listArticles } from '../../../../electron/services/articles';
import { LibraryHost } from '../../../../electron/services/LibraryHost';
import { ApiError } from '../../../../shared/errors';
import { tempDir } from '../../../helpers/tempLibrary';

let tmp: ReturnType<typeof tempDir>;
let host: LibraryHost;
beforeEach(() => {
  tmp = tempDir();
  host = LibraryHost.open(tmp.file('current.sqlite3'));
  createArticle(host.current, { headline: 'Kept safe' });
});
afterEach(() => {
  host.close();
  tmp.cleanup();
});

function headlines(): string[] {
  return listArticles(host.current, { offset: 0, limit: 50, trashed: false }).items.map((a) => a.headline);
}

function refusal(file: string): ApiError {
  try {
    host.switchTo(file);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error(`switching to ${file} was not refused`);
}

describe('LibraryHost.switchTo', () => {
  it('keeps the current library open and working when the new file is not a library, and leaves that file alone', () => {
    const notes = tmp.file('notes.txt');
    fs.writeFileSync(notes, 'Interview notes, not a database.\n'.repeat(100));
    const before = fs.readFileSync(notes);

    expect(refusal(notes).code).toBe('library-unavailable');
    expect(host.current.path).toBe(tmp.file('current.sqlite3'));
    expect(host.current.db.open).toBe(true);
    createArticle(host.current, { headline: 'Written after the failed switch' });
    expect(headlines().sort()).toEqual(['Kept safe', 'Written after the failed switch']);
    expect(fs.readFileSync(notes).equals(before)).toBe(true);
  });

  it('keeps the current library when the new one was written by a newer Copydesk', () => {
    const future = tmp.file('future.sqlite3');
    const db = new Database(future);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.exec('CREATE TABLE t (x)');
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();

    expect(refusal(future).code).toBe('library-too-new');
    expect(headlines()).toEqual(['Kept safe']);
  });

  it('keeps the current library when given a folder', () => {
    expect(refusal(tmp.dir).message).toMatch(/is a folder/);
    expect(headlines()).toEqual(['Kept safe']);
  });

  it('switches to a good library and closes the previous one', () => {
    const previous = host.current;
    const next = host.switchTo(tmp.file('other.sqlite3'));
    expect(host.current).toBe(next);
    expect(previous.db.open).toBe(false);
    expect(headlines()).toEqual([]);

    host.switchTo(tmp.file('current.sqlite3'));
    expect(headlines()).toEqual(['Kept safe']);
  });

  it('can be closed twice', () => {
    host.close();
    expect(host.current.db.open).toBe(false);
    expect(() => host.close()).not.toThrow();
  });
});
