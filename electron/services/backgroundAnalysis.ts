import { pendingSeqs, seqOfArticle } from '../db/queries/relatedIndex';
import type { Analysis, ArticleText } from '../related/analyseArticle';
import type { Library } from './LibraryHost';
import { reweighArticles, storeAnalysis, textToAnalyse } from './related';
import { afterRequests } from '../base/requestsFirst';

/** An article's analysis, or null when the analyser could not make one. */
type Analysed = { seq: number; analysis: Analysis | null };

/** Articles taken from the queue at a time: their analyses run side by side in the worker threads. */
const BATCH = 8;
/** The longest one transaction of analyses written runs for, so a save waits for none longer. */
const WRITE_SLICE_MS = 4;
/** Articles whose weights are set again per transaction, once the queue is empty. */
const REWEIGH_BATCH = 20;

/**
 * The related-article analysis of the articles waiting for it (saved, imported, or changed by
 * an older Copydesk), worked through off the library's thread: the text is read here, analysed
 * by `analyse` (the name finder, in a worker thread), and the result written back in a
 * transaction of its own, only if the article's text is still the one analysed. A save never
 * waits for an analysis; asking for suggestions waits for the queue (see settled).
 */
export class BackgroundAnalysis {
  readonly #library: () => Library | null;
  readonly #analyse: (text: ArticleText) => Promise<Analysis>;
  #running: Promise<void> | null = null;
  #again = false;
  /** Articles whose analysis failed (a text the analyser cannot take): not tried again until restart. */
  readonly #failed = new Set<string>();
  #timer: NodeJS.Timeout | undefined;
  /** Articles just saved, analysed before the rest of the queue. */
  readonly #soon = new Set<string>();
  #waiting: (() => void)[] = [];

  constructor(library: () => Library | null, analyse: (text: ArticleText) => Promise<Analysis>) {
    this.#library = library;
    this.#analyse = analyse;
  }

  /** Works through the queue now, if it is not being worked through already. */
  nudge(): void {
    if (this.#running !== null) {
      this.#again = true;
      return;
    }
    this.#running = this.#drain()
      .catch(() => {
        // The library was closed or is busy: the queue is kept, and tried again at the next nudge.
      })
      .finally(() => {
        this.#running = null;
        this.#soon.clear();
        this.#wake();
        if (this.#again) {
          this.#again = false;
          this.nudge();
        }
      });
  }

  /** Analyses this article (just saved) before the rest of the queue. */
  analyseSoon(articleId: string): void {
    this.#soon.add(articleId);
    this.nudge();
  }

  /** Resolves once the articles given to analyseSoon so far are analysed (or cannot be). */
  caughtUp(): Promise<void> {
    if (this.#soon.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  /** Resolves once the whole queue has been worked through (now and for every nudge meanwhile). */
  async settled(): Promise<void> {
    while (this.#running !== null) await this.#running;
  }

  #wake(): void {
    if (this.#soon.size > 0) return;
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const resolve of waiting) resolve();
  }

  /** Looks at the queue every `everyMs` too (imports and other processes fill it without a nudge). */
  start(everyMs = 500): void {
    this.stop();
    this.#timer = setInterval(() => this.nudge(), everyMs);
    this.#timer.unref();
    this.nudge();
  }

  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #stillOn(lib: Library): boolean {
    return this.#library() === lib && lib.db.open;
  }

  async #drain(): Promise<void> {
    let analysed = 0;
    for (;;) {
      const lib = this.#library();
      if (lib === null || !lib.db.open) return;
      const key = (seq: number) => `${lib.path}\u0000${seq}`;
      const soon = [...this.#soon].flatMap((id) => {
        const seq = seqOfArticle(lib.db, id);
        return seq === undefined ? [] : [seq];
      });
      this.#soon.clear();
      const queued = pendingSeqs(lib.db, BATCH + this.#failed.size).filter((seq) => !soon.includes(seq));
      const seqs = [...soon, ...queued.filter((seq) => !this.#failed.has(key(seq))).slice(0, BATCH)];
      if (seqs.length === 0) break;
      const batch = seqs.flatMap((seq) => {
        const text = textToAnalyse(lib, seq);
        return text === null ? [] : [{ seq, text }];
      });
      const results = await Promise.all(
        batch.map(({ seq, text }) =>
          this.#analyse(text).then(
            (analysis): Analysed => ({ seq, analysis }),
            (): Analysed => ({ seq, analysis: null }),
          ),
        ),
      );
      // Written in short transactions, a few analyses each, the event loop run between them.
      for (let at = 0; at < results.length;) {
        // The library was switched or closed meanwhile: these analyses are of another file.
        if (!this.#stillOn(lib)) return;
        const started = performance.now();
        lib.db
          .transaction(() => {
            for (; at < results.length && performance.now() - started < WRITE_SLICE_MS; at += 1) {
              const { seq, analysis } = results[at] as Analysed;
              if (analysis === null) this.#failed.add(key(seq));
              else if (storeAnalysis(lib, seq, analysis)) analysed += 1;
            }
          })
          .immediate();
        await afterRequests();
      }
      this.#wake();
    }
    if (analysed === 0) return;
    // Rarity is only known once the articles are in: weights set early are set again, a few at a time.
    for (;;) {
      const lib = this.#library();
      if (lib === null || !lib.db.open) return;
      let batches = 0;
      if (reweighArticles(lib, REWEIGH_BATCH, () => batches++ > 0) === 0) return;
      await afterRequests();
    }
  }
}
