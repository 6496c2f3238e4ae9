import { v7 as uuidv7 } from 'uuid';

import type { Author } from '../../shared/domain';
import { ApiError } from '../../shared/errors';
import { joinNames } from '../../shared/text';
import * as authors from '../db/queries/authors';
import type { Library } from './LibraryHost';

/** Lower case without accents, so "elodie" finds "Élodie". */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/**
 * Authors whose name contains `query`, ignoring case and accents, most used first. A desk has
 * hundreds of authors, not millions: matching in code keeps accents and scripts right.
 */
export function findAuthors(lib: Library, query: string, limit: number): (Author & { articleCount: number })[] {
  const wanted = fold(query.trim());
  return authors
    .allAuthors(lib.db)
    .filter((row) => fold(row.name).includes(wanted))
    .slice(0, limit)
    .map((row) => ({ ...authors.rowToAuthor(row), articleCount: row.article_count }));
}

export function createAuthor(lib: Library, name: string, bio: string, now: Date = new Date()): Author {
  const id = uuidv7();
  authors.insertAuthor(lib.db, { id, name: name.trim(), bio: bio.trim() }, now.toISOString());
  const row = authors.getAuthor(lib.db, id);
  if (row === undefined) throw new ApiError('internal', 'The new author was not stored.');
  return authors.rowToAuthor(row);
}

/**
 * The author of this name: the one with exactly this name, else the most used one whose name
 * differs only in case ("AMNA RIAZ" is Amna Riaz), else a new author with `bio`. Every author
 * found or made from a name alone (imports, a new story's default byline, the sample) comes
 * from here, so they all match alike.
 */
export function authorNamed(lib: Library, name: string, bio = ''): Author {
  const wanted = name.trim();
  const folded = wanted.toLocaleLowerCase();
  const all = authors.allAuthors(lib.db);
  const existing =
    all.find((row) => row.name === wanted) ?? all.find((row) => row.name.trim().toLocaleLowerCase() === folded);
  return existing === undefined ? createAuthor(lib, wanted, bio) : authors.rowToAuthor(existing);
}

/**
 * Changes an author's name or bio. Every article they sign shows the new name in its byline:
 * the bio and name are shared, not copied into each article.
 */
export function updateAuthor(lib: Library, id: string, name: string, bio: string, now: Date = new Date()): Author {
  lib.db
    .transaction(() => {
      if (!authors.updateAuthor(lib.db, { id, name: name.trim(), bio: bio.trim() }, now.toISOString())) {
        throw new ApiError('not-found', 'That author is not in this library any more.');
      }
      for (const articleId of authors.articlesOfAuthor(lib.db, id)) {
        authors.setStoredByline(
          lib.db,
          articleId,
          joinNames(authors.articleAuthors(lib.db, articleId).map((a) => a.name)),
        );
      }
    })
    .immediate();
  const row = authors.getAuthor(lib.db, id);
  if (row === undefined) throw new ApiError('not-found', 'That author is not in this library any more.');
  return authors.rowToAuthor(row);
}
