import { ApiError } from '../../shared/errors';
import { DESK_WORDS_MAX, deskWordProblem } from '../../shared/spelling/deskWords';
import * as deskWords from '../db/queries/deskWords';
import type { Library } from './LibraryHost';

/** The desk's words, A to Z: spelling accepts them in every story. */
export function listDeskWords(lib: Library): string[] {
  return deskWords.allDeskWords(lib.db);
}

/**
 * Keeps `word` (a word, or a name of a few words) as the desk's, signed with who added it; a
 * word the desk has already is kept once. Answers with every desk word.
 */
export function addDeskWord(lib: Library, word: string, addedBy: string, now: Date = new Date()): string[] {
  const problem = deskWordProblem(word);
  if (problem !== null) throw new ApiError('invalid-request', problem);
  lib.db.transaction(() => {
    if (deskWords.countDeskWords(lib.db) >= DESK_WORDS_MAX) {
      throw new ApiError(
        'invalid-request',
        `The desk keeps at most ${DESK_WORDS_MAX.toLocaleString('en')} words. Remove some it no longer needs first.`,
      );
    }
    deskWords.insertDeskWord(lib.db, { word, added_by: addedBy, added_at: now.toISOString() });
  })();
  return deskWords.allDeskWords(lib.db);
}

/** Stops keeping `word` as the desk's. Answers with the rest; a word the desk does not keep is refused. */
export function removeDeskWord(lib: Library, word: string): string[] {
  if (!deskWords.deleteDeskWord(lib.db, word)) {
    throw new ApiError('not-found', `“${word}” is not one of the desk’s words.`);
  }
  return deskWords.allDeskWords(lib.db);
}
