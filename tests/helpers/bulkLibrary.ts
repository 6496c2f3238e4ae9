import { v7 as uuidv7 } from 'uuid';

import type { Db } from '../../electron/db/connection';
import type { ArticleStatus } from '../../shared/domain';
import { bodyFromParagraphs, bodyToPlainText, countWords } from '../../shared/text';

/** One article as a large test library holds it: authors by their index in the author list. */
export type BulkArticle = {
  headline: string;
  dek?: string;
  paragraphs: readonly string[];
  section: string;
  status: ArticleStatus;
  tags: readonly string[];
  authors: readonly number[];
  createdAt: string;
  updatedAt: string;
};

/**
 * Writes many articles straight into a library, in one transaction with prepared statements:
 * tens of thousands per second, where saving each through the service (revision, slug check,
 * status history) would take minutes. The full-text index is filled by the library's own
 * triggers and optimised at the end, as after an import. Returns the authors' ids.
 */
export function insertArticles(db: Db, authorNames: readonly string[], articles: Iterable<BulkArticle>): string[] {
  const now = new Date().toISOString();
  const authorIds = authorNames.map(() => uuidv7());
  const insertAuthor = db.prepare('INSERT INTO authors (id, name, bio, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  const insertArticle = db.prepare(
    `INSERT INTO articles (id, slug, headline, dek, byline, body_json, body_text, word_count, section, status,
                           created_at, updated_at)
     VALUES (@id, @slug, @headline, @dek, @byline, @bodyJson, @bodyText, @wordCount, @section, @status,
             @createdAt, @updatedAt)`,
  );
  const insertTag = db.prepare('INSERT OR IGNORE INTO article_tags (article_id, tag, position) VALUES (?, ?, ?)');
  const insertByline = db.prepare(
    'INSERT OR IGNORE INTO article_authors (article_id, author_id, position) VALUES (?, ?, ?)',
  );
  db.transaction(() => {
    authorNames.forEach((name, index) => insertAuthor.run(authorIds[index], name, '', now, now));
    let n = 0;
    for (const article of articles) {
      n += 1;
      const id = uuidv7();
      const body = bodyFromParagraphs(article.paragraphs);
      const bodyText = bodyToPlainText(body);
      insertArticle.run({
        id,
        slug: `article-${n}`,
        headline: article.headline,
        dek: article.dek ?? '',
        byline: article.authors.map((index) => authorNames[index]).join(' and '),
        bodyJson: JSON.stringify(body),
        bodyText,
        wordCount: countWords(bodyText),
        section: article.section,
        status: article.status,
        createdAt: article.createdAt,
        updatedAt: article.updatedAt,
      });
      article.tags.forEach((tag, position) => insertTag.run(id, tag, position));
      article.authors.forEach((index, position) => insertByline.run(id, authorIds[index], position));
    }
  })();
  db.exec("INSERT INTO articles_fts (articles_fts) VALUES ('optimize')");
  return authorIds;
}

/** A small, fast, seeded random number generator (mulberry32), so a built library is the same every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
