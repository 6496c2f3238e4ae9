import { createHash } from 'node:crypto';

import type { Migration } from './types';

function normalise(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/**
 * What importing archives needs: a content hash on every article, so a story already in the
 * library is recognised when its file is imported again, and a record of where each imported
 * article came from, which also keeps what the article has no field for yet: a lead image's
 * credit or address when the file carried no picture, the source page's address, site and
 * publication time.
 *
 * The hash is the SHA-256 of the normalised headline and body text, the same function as
 * electron/import/contentHash.ts (repeated here: a migration must not change when that code does).
 */
export const migration003: Migration = {
  version: 3,
  name: 'import-provenance',
  up(db) {
    db.exec(`
      ALTER TABLE articles ADD COLUMN content_hash TEXT CHECK (content_hash IS NULL OR length(content_hash) = 64);
      CREATE INDEX articles_by_content_hash ON articles (content_hash) WHERE content_hash IS NOT NULL;

      CREATE TABLE article_imports (
        article_id         TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        file_name          TEXT NOT NULL,
        format             TEXT NOT NULL CHECK (format IN ('text', 'markdown', 'html', 'docx')),
        source_url         TEXT NOT NULL DEFAULT '',
        site_name          TEXT NOT NULL DEFAULT '',
        published_at       TEXT NOT NULL DEFAULT '',
        lead_image_url     TEXT NOT NULL DEFAULT '',
        lead_image_credit  TEXT NOT NULL DEFAULT '',
        lead_image_caption TEXT NOT NULL DEFAULT '',
        imported_at        TEXT NOT NULL
      ) STRICT;

      -- A record of where an article came from is history: it is never rewritten.
      CREATE TRIGGER article_imports_are_immutable BEFORE UPDATE ON article_imports
      BEGIN
        SELECT RAISE(ABORT, 'import records cannot be changed');
      END;
    `);
    const update = db.prepare('UPDATE articles SET content_hash = ? WHERE seq = ?');
    // In pages: a statement cannot write while another is still reading, and a large library's
    // text does not belong in memory all at once.
    const page = db.prepare('SELECT seq, headline, body_text FROM articles WHERE seq > ? ORDER BY seq LIMIT 500');
    for (let after = 0; ;) {
      const rows = page.all(after) as { seq: number; headline: string; body_text: string }[];
      if (rows.length === 0) break;
      for (const row of rows) {
        const hash = createHash('sha256')
          .update(normalise(row.headline))
          .update('\n')
          .update(normalise(row.body_text))
          .digest('hex');
        update.run(hash, row.seq);
        after = row.seq;
      }
    }
  },
};
