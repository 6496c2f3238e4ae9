import type { Migration } from './types';

/**
 * Indexes that keep the library list fast at 100,000 articles whatever its order and filters.
 *
 * An article row carries its whole body, so status, section and the dates (stored after the
 * body) sit on overflow pages: filtering or counting through the table would read the whole
 * library. Each index holds every column the list filters on, so sorting, filtering and
 * counting read only the index, and the table is touched for the rows shown. Each also holds
 * the id, which tags and bylines refer to, so filtering and counting by tag or author stays in
 * the index too.
 */
export const migration006: Migration = {
  version: 6,
  name: 'library-indexes',
  up(db) {
    db.exec(`
      -- Replaced by the wider index below; left in place, SQLite would still choose it at times
      -- and then read every row's id from the table.
      DROP INDEX articles_live_by_update;
      CREATE INDEX articles_live_by_update_filtered
        ON articles (updated_at DESC, seq DESC, status, section, created_at, id) WHERE trashed_at IS NULL;
      CREATE INDEX articles_live_by_creation
        ON articles (created_at DESC, seq DESC, status, section, updated_at, id) WHERE trashed_at IS NULL;
      CREATE INDEX articles_live_by_headline
        ON articles (headline COLLATE NOCASE, seq, status, section, updated_at, created_at, id) WHERE trashed_at IS NULL;
      CREATE INDEX articles_live_by_status
        ON articles (status, section, updated_at, created_at, id) WHERE trashed_at IS NULL;
      -- Filtered search checks each ranked hit here, by rowid, without reading the table.
      CREATE INDEX articles_live_by_seq
        ON articles (seq, status, section, updated_at, created_at, id) WHERE trashed_at IS NULL;
    `);
  },
};
