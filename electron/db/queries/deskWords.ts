import type { Db } from '../connection';
import { prepared } from '../statements';

export type DeskWordRow = { word: string; added_by: string; added_at: string };

/** Every desk word, A to Z in any case. */
export function allDeskWords(db: Db): string[] {
  return prepared(db, 'SELECT word FROM desk_words ORDER BY word COLLATE NOCASE, word').pluck().all() as string[];
}

export function countDeskWords(db: Db): number {
  return prepared(db, 'SELECT count(*) FROM desk_words').pluck().get() as number;
}

/** Keeps a word; false when the desk has it already. */
export function insertDeskWord(db: Db, row: DeskWordRow): boolean {
  return (
    prepared(
      db,
      'INSERT INTO desk_words (word, added_by, added_at) VALUES (?, ?, ?) ON CONFLICT (word) DO NOTHING',
    ).run(row.word, row.added_by, row.added_at).changes > 0
  );
}

export function deleteDeskWord(db: Db, word: string): boolean {
  return prepared(db, 'DELETE FROM desk_words WHERE word = ?').run(word).changes > 0;
}
