import type { Migration } from './types';

/**
 * Three things an import now does. A PDF is imported as an article, so its import record may
 * say so: SQLite cannot change a CHECK constraint in place, so the table is rebuilt with its
 * rows and its immutability trigger. The lead image credit a file named without its picture
 * ("[Image via MOFA Pakistan]") is kept on the article, where the header and `copydesk show`
 * read it and a picture added later takes it: articles imported before, which kept it only
 * in their import record, get it there. And the rules that tell a name from another word
 * changed again (a place or an award is no person; a dateline's capitals fold into the
 * name's usual case), so every article is queued to be analysed again, as migration 9 did.
 */
export const migration011: Migration = {
  version: 11,
  name: 'pdf-imports',
  up(db) {
    db.exec(`
      CREATE TABLE article_imports_011 (
        article_id         TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        file_name          TEXT NOT NULL,
        format             TEXT NOT NULL
                           CHECK (format IN ('text', 'markdown', 'html', 'docx', 'pdf', 'ninjs', 'package')),
        source_url         TEXT NOT NULL DEFAULT '',
        site_name          TEXT NOT NULL DEFAULT '',
        published_at       TEXT NOT NULL DEFAULT '',
        lead_image_url     TEXT NOT NULL DEFAULT '',
        lead_image_credit  TEXT NOT NULL DEFAULT '',
        lead_image_caption TEXT NOT NULL DEFAULT '',
        imported_at        TEXT NOT NULL
      ) STRICT;
      INSERT INTO article_imports_011 SELECT * FROM article_imports;
      DROP TABLE article_imports;
      ALTER TABLE article_imports_011 RENAME TO article_imports;

      -- A record of where an article came from is history: it is never rewritten.
      CREATE TRIGGER article_imports_are_immutable BEFORE UPDATE ON article_imports
      BEGIN
        SELECT RAISE(ABORT, 'import records cannot be changed');
      END;

      UPDATE articles
         SET lead_image_credit = (SELECT substr(trim(i.lead_image_credit), 1, 300)
                                    FROM article_imports AS i WHERE i.article_id = articles.id)
       WHERE lead_image_id IS NULL AND lead_image_credit = ''
         AND EXISTS (SELECT 1 FROM article_imports AS i
                      WHERE i.article_id = articles.id AND trim(i.lead_image_credit) <> '');

      INSERT OR IGNORE INTO related_pending (seq) SELECT seq FROM articles;
    `);
  },
};
