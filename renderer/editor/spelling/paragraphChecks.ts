import type { DictionaryId } from '../../../shared/spelling/spellingLanguage';
import type { Misspelling } from './speller';

/** How paragraphs reach a checker (the spelling worker; a stand-in in tests). */
export type SpellingTransport = {
  check: (dictionary: DictionaryId, paragraphs: string[]) => Promise<Misspelling[][]>;
  suggest: (dictionary: DictionaryId, word: string) => Promise<string[]>;
  learn: (words: string[]) => void;
};

/** Paragraphs remembered: far more than a long story has, few enough to stay small. */
const REMEMBERED = 20_000;

/**
 * The misspellings of paragraphs, remembered by their text: a paragraph is checked once, and
 * again only when its words change, so a one-word change re-checks one paragraph. A paragraph
 * asked for while its check is under way waits for that check rather than starting another.
 */
export class ParagraphChecks {
  private readonly checked = new Map<string, Misspelling[]>();
  private readonly pending = new Map<string, Promise<Misspelling[]>>();

  constructor(
    readonly transport: SpellingTransport,
    private readonly remembered = REMEMBERED,
  ) {}

  /** The misspellings of each paragraph, in order. */
  async check(dictionary: DictionaryId, paragraphs: readonly string[]): Promise<Misspelling[][]> {
    const keyOf = (text: string) => `${dictionary}\u0000${text}`;
    const fresh = [...new Set(paragraphs)].filter((text) => {
      const key = keyOf(text);
      return !this.checked.has(key) && !this.pending.has(key);
    });
    if (fresh.length > 0) {
      const batch = this.transport.check(dictionary, fresh);
      fresh.forEach((text, at) => {
        const key = keyOf(text);
        const one = batch.then((all) => all[at] ?? []);
        this.pending.set(key, one);
        void one
          .then(
            (found) => this.remember(key, found),
            () => undefined,
          )
          .finally(() => this.pending.delete(key));
      });
    }
    return Promise.all(paragraphs.map((text) => this.lookUp(keyOf(text))));
  }

  private lookUp(key: string): Promise<Misspelling[]> {
    const found = this.checked.get(key);
    if (found !== undefined) {
      // Most recently used last: the oldest are forgotten first.
      this.checked.delete(key);
      this.checked.set(key, found);
      return Promise.resolve(found);
    }
    return this.pending.get(key) ?? Promise.resolve([]);
  }

  private remember(key: string, found: Misspelling[]): void {
    this.checked.set(key, found);
    if (this.checked.size <= this.remembered) return;
    const oldest = this.checked.keys().next();
    if (oldest.done !== true) this.checked.delete(oldest.value);
  }
}
