import type { ArticleId } from '../../shared/domain';
import { ArticleIdSchema } from '../../shared/domain';
import { contentHash } from '../db/contentHash';
import type { ImportRecord } from '../db/queries/imports';
import * as durability from '../db/durability';
import * as imports from '../db/queries/imports';
import type { Library } from './LibraryHost';

/** An article already in the library, live or in the trash, that an import would repeat. */
export type HeldText = { id: ArticleId; headline: string; trashed: boolean };

/**
 * The article, live or in the trash, whose text is this one: the same headline and body text
 * once case, white space and Unicode composition are set aside (see contentHash).
 */
export function articleWithText(lib: Library, headline: string, bodyText: string): HeldText | undefined {
  return articleWithHash(lib, textHash(headline, bodyText));
}

/** The key articleWithText looks a text up by, and under which an import stores its article. */
export function textHash(headline: string, bodyText: string): string {
  return contentHash(headline, bodyText);
}

/** The article, live or in the trash, whose text has this hash (see textHash). */
export function articleWithHash(lib: Library, hash: string): HeldText | undefined {
  const found = imports.findByContentHash(lib.db, hash);
  return found === undefined ? undefined : { ...found, id: ArticleIdSchema.parse(found.id) };
}

/**
 * Records where an imported article came from. The article was stored with the hash of the
 * text it was imported with (headline and body text as the file had them, see textHash), so
 * importing that file again finds it.
 */
export function recordImport(lib: Library, record: ImportRecord): void {
  imports.insertImportRecord(lib.db, record);
}

/** Headlines as "exactly that headline, ignoring case" compares them. */
function foldHeadline(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase().replace(/\s+/gu, ' ').trim();
}

/** The live article whose headline is exactly `headline`, ignoring case; the newest if several. */
export function findArticleByHeadline(lib: Library, headline: string): ArticleId | null {
  const wanted = foldHeadline(headline);
  const match = imports
    .articlesWithHeadlineWords(lib.db, headline)
    .find((candidate) => foldHeadline(candidate.headline) === wanted);
  return match === undefined ? null : ArticleIdSchema.parse(match.id);
}

/** Pages of the search index one merge step rewrites. */
const MERGE_STEP_PAGES = 16;

/**
 * One step of merging the search index's segments after a bulk import (a few milliseconds of
 * work), so searches stay fast; false once there is nothing left to merge.
 */
export function mergeSearchIndex(lib: Library): boolean {
  return imports.mergeSearchIndex(lib.db, MERGE_STEP_PAGES);
}

/**
 * How many merge steps merging the whole search index takes, twice over: saves made while it
 * merges add segments of their own, so the merge stops there rather than chase them.
 */
export function mergeSteps(lib: Library): number {
  return 2 * Math.ceil(imports.searchIndexPages(lib.db) / MERGE_STEP_PAGES) + 2;
}

/**
 * Runs `write` (which commits) without waiting for the disk at its commit; waitForDisk then
 * makes it as safe as any other commit. An import commits batch after batch this way.
 */
export function commitWithoutWaiting<T>(lib: Library, write: () => T): T {
  return durability.withoutWaitingForDisk(lib.db, write);
}

/** Waits until the disk holds every commit made so far. */
export function waitForDisk(lib: Library): void {
  durability.waitForDisk(lib.db);
}
