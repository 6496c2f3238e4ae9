import type { DictionaryId } from '../../../shared/spelling/spellingLanguage';
import type { Misspelling } from './speller';

/** What the page asks the spelling worker. Every request but `learn` is answered with its id. */
export type SpellingRequest =
  | { id: number; kind: 'check'; dictionary: DictionaryId; paragraphs: string[] }
  | { id: number; kind: 'suggest'; dictionary: DictionaryId; word: string }
  /** Words to know and suggest from now on, in every dictionary (the desk's words). */
  | { kind: 'learn'; words: string[] };

/** The worker's answer to one request. */
export type SpellingReply =
  | { id: number; kind: 'checked'; misspellings: Misspelling[][] }
  | { id: number; kind: 'suggested'; suggestions: string[] }
  | { id: number; kind: 'failed'; message: string };
