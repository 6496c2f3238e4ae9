import type { ArticleId } from '../../shared/domain';
import { ArticleIdSchema } from '../../shared/domain';
import { contentHash } from '../db/contentHash';
import type { ImportRecord } from '../db/queries/imports';
import * as imports from '../db/queries/imports';
import type { Library } from './LibraryHost';

/** An article already in the library, live or in the trash, that an import would repeat. */
export type HeldText = { id: ArticleId; headline: string; trashed: boolean };

/**
 * The article, live or in the trash, whose text is this one: the same headline and body text
 * once case, white space and Unicode composition are set aside (see contentHash).
 */
export function articleWithText(lib: Library, headline: string, bodyText: string): HeldText | undefined {
  const found = imports.findByContentHash(lib.db, contentHash(headline, bodyText));
  return found === undefined ? undefined : { ...found, id: ArticleIdSchema.parse(found.id) };
}

/**
 * Records where an imported article came from, and the text it was imported with (headline
 * and body text as the file had them): importing that file again finds the article by it.
 */
export function recordImport(
  lib: Library,
  record: ImportRecord,
  imported: { headline: string; bodyText: string },
): void {
  imports.setContentHash(lib.db, record.articleId, contentHash(imported.headline, imported.bodyText));
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

/** Merges the search index's segments after a bulk import, so searches stay fast. */
export function optimiseSearchIndex(lib: Library): void {
  imports.optimiseSearchIndex(lib.db);
}
