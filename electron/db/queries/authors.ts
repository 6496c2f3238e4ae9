import type { Author } from '../../../shared/domain';
import { AuthorIdSchema } from '../../../shared/domain';
import type { Db } from '../connection';
import { prepared } from '../statements';

export type AuthorRow = { id: string; name: string; bio: string; created_at: string; updated_at: string };

export function rowToAuthor(row: AuthorRow): Author {
  return { id: AuthorIdSchema.parse(row.id), name: row.name, bio: row.bio };
}

export function insertAuthor(db: Db, author: { id: string; name: string; bio: string }, now: string): void {
  prepared(db, 'INSERT INTO authors (id, name, bio, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(
    author.id,
    author.name,
    author.bio,
    now,
    now,
  );
}

export function updateAuthor(db: Db, author: { id: string; name: string; bio: string }, now: string): boolean {
  return (
    prepared(db, 'UPDATE authors SET name = ?, bio = ?, updated_at = ? WHERE id = ?').run(
      author.name,
      author.bio,
      now,
      author.id,
    ).changes > 0
  );
}

export function getAuthor(db: Db, id: string): AuthorRow | undefined {
  return prepared(db, 'SELECT * FROM authors WHERE id = ?').get(id) as AuthorRow | undefined;
}

/** Every author with the number of articles they sign, most used first. */
export function allAuthors(db: Db): (AuthorRow & { article_count: number })[] {
  return prepared(
    db,
    `SELECT a.*, (SELECT count(*) FROM article_authors aa WHERE aa.author_id = a.id) AS article_count
       FROM authors a ORDER BY article_count DESC, a.name COLLATE NOCASE`,
  ).all() as (AuthorRow & { article_count: number })[];
}

export function articleAuthors(db: Db, articleId: string): AuthorRow[] {
  return prepared(
    db,
    `SELECT a.* FROM article_authors aa JOIN authors a ON a.id = aa.author_id
       WHERE aa.article_id = ? ORDER BY aa.position`,
  ).all(articleId) as AuthorRow[];
}

export function setArticleAuthors(db: Db, articleId: string, authorIds: readonly string[]): void {
  prepared(db, 'DELETE FROM article_authors WHERE article_id = ?').run(articleId);
  const insert = prepared(
    db,
    'INSERT OR IGNORE INTO article_authors (article_id, author_id, position) VALUES (?, ?, ?)',
  );
  authorIds.forEach((authorId, position) => insert.run(articleId, authorId, position));
}

export function missingAuthorIds(db: Db, ids: readonly string[]): string[] {
  const exists = prepared(db, 'SELECT 1 FROM authors WHERE id = ?').pluck();
  return ids.filter((id) => exists.get(id) === undefined);
}

export function articlesOfAuthor(db: Db, authorId: string): string[] {
  return prepared(db, 'SELECT article_id FROM article_authors WHERE author_id = ?').pluck().all(authorId) as string[];
}

/** Keeps the byline stored for listing and search in step with the authors' names. */
export function setStoredByline(db: Db, articleId: string, byline: string): void {
  prepared(db, 'UPDATE articles SET byline = ? WHERE id = ?').run(byline, articleId);
}
