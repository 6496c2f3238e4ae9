import type { Migration } from './types';

/**
 * The rules that tell a name from another word changed (a month is no person; a nationality
 * or an adjective alone is no organisation), and with them the analysis each article keeps
 * (its key now carries the rules' version). Every article is queued to be analysed again,
 * as imports are, in the background or by `copydesk related --reindex`: until then its old
 * names stay listed and its suggestions are worked out from its text when asked for.
 */
export const migration009: Migration = {
  version: 9,
  name: 'reanalyse-names',
  up(db) {
    db.exec('INSERT OR IGNORE INTO related_pending (seq) SELECT seq FROM articles');
  },
};
