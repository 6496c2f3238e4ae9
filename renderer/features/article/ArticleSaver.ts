import type { ArgsOf, ArticlePatch } from '../../../shared/api';
import type { Article, ArticleId, Body } from '../../../shared/domain';
import { ApiError, type ApiErrorCode } from '../../../shared/errors';

export type SaveState =
  | { kind: 'saved' }
  /** Changes are waiting for the typist to pause. */
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'failed'; code: ApiErrorCode; message: string };

type Field = 'headline' | 'dek' | 'body';

export type SaveCall = (args: ArgsOf<'articles:save'>) => Promise<Article>;

export type SaverListeners = {
  /** Every successful save, including the last one made after the view has closed. */
  onSaved: (article: Article) => void;
  /** A save that failed after the view was closed, when nobody is looking at the status bar. */
  onUnseenFailure: (message: string) => void;
};

const SAVED: SaveState = { kind: 'saved' };
const PENDING: SaveState = { kind: 'pending' };
const SAVING: SaveState = { kind: 'saving' };

/**
 * Autosave for one open article. Edits only mark fields dirty and restart an idle timer; the
 * body is serialised once, when a save actually starts. Saves never overlap: a change made
 * during a save is sent by the next one, with the version the previous one returned, so the
 * server's optimistic check ('conflict') only fires when someone else really changed the text.
 */
export class ArticleSaver {
  readonly id: ArticleId;
  private version: number;
  private headline: string;
  private dek: string;
  private readBody: (() => Body) | null = null;
  private readonly dirty = new Set<Field>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private saveAgain = false;
  private visible = true;
  private state: SaveState = SAVED;
  private readonly subscribers = new Set<() => void>();
  private readonly save: SaveCall;
  private readonly idleMs: number;
  private handlers: SaverListeners | null = null;

  /** `idleMs`: how long typing must pause before a save starts. */
  constructor(article: Article, save: SaveCall, idleMs = 1000) {
    this.id = article.id;
    this.version = article.version;
    this.headline = article.headline;
    this.dek = article.dek;
    this.save = save;
    this.idleMs = idleMs;
  }

  /** Who hears about saves; replaced whenever the view's callbacks change. */
  connect(handlers: SaverListeners): void {
    this.handlers = handlers;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.subscribers.add(listener);
    return () => {
      this.subscribers.delete(listener);
    };
  };

  readonly getState = (): SaveState => this.state;

  /** The body is read from the editor only when a save starts. */
  attachBody(reader: () => Body): void {
    this.readBody = reader;
  }

  setHeadline(value: string): void {
    this.headline = value;
    this.change('headline');
  }

  setDek(value: string): void {
    this.dek = value;
    this.change('dek');
  }

  bodyChanged(): void {
    this.change('body');
  }

  hasUnsavedChanges(): boolean {
    return this.dirty.size > 0 || this.inFlight !== null;
  }

  /** The view is showing this article again (also undoes `hide` under React's strict mode). */
  show(): void {
    this.visible = true;
  }

  /** The view has closed: later failures are reported through `onUnseenFailure`. */
  hide(): void {
    this.visible = false;
  }

  /** Saves whatever is dirty now. Resolves when it and any follow-up save are done; never rejects. */
  flush(): Promise<void> {
    this.clearTimer();
    if (this.inFlight !== null) {
      this.saveAgain = true;
      return this.inFlight;
    }
    if (this.dirty.size === 0 || this.blockedByConflict()) return Promise.resolve();
    const run = this.run().finally(() => {
      this.inFlight = null;
    });
    this.inFlight = run;
    return run;
  }

  /** After a failure, tries again with what is on screen now. */
  retry(): Promise<void> {
    if (this.state.kind === 'failed' && this.state.code === 'conflict') return Promise.resolve();
    return this.flush();
  }

  private blockedByConflict(): boolean {
    // On top of a newer version nothing can be saved until the newer text has been loaded.
    return this.state.kind === 'failed' && this.state.code === 'conflict';
  }

  private change(field: Field): void {
    this.dirty.add(field);
    if (this.blockedByConflict()) return;
    if (this.inFlight === null && this.state.kind !== 'failed') this.setState(PENDING);
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.idleMs);
  }

  private async run(): Promise<void> {
    do {
      this.saveAgain = false;
      const saved = await this.saveOnce();
      if (!saved) return;
    } while (this.wantsAnotherSave());
    // Anything typed during the last save still has its idle timer running.
    this.setState(this.dirty.size > 0 ? PENDING : SAVED);
  }

  /** Someone asked for a save while the last one was in flight, and there is something to send. */
  private wantsAnotherSave(): boolean {
    return this.saveAgain && this.dirty.size > 0;
  }

  private async saveOnce(): Promise<boolean> {
    const fields = [...this.dirty];
    this.dirty.clear();
    const patch: ArticlePatch = {};
    if (fields.includes('headline')) patch.headline = this.headline;
    if (fields.includes('dek')) patch.dek = this.dek;
    try {
      if (fields.includes('body') && this.readBody !== null) patch.body = this.readBody();
      this.setState(SAVING);
      const saved = await this.save({ id: this.id, version: this.version, patch });
      this.version = saved.version;
      this.handlers?.onSaved(saved);
      return true;
    } catch (error) {
      for (const field of fields) this.dirty.add(field);
      const code: ApiErrorCode = error instanceof ApiError ? error.code : 'internal';
      const message = error instanceof Error ? error.message : String(error);
      this.setState({ kind: 'failed', code, message });
      if (!this.visible) this.handlers?.onUnseenFailure(message);
      return false;
    }
  }

  private clearTimer(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }

  private setState(next: SaveState): void {
    if (next === this.state) return;
    this.state = next;
    for (const subscriber of this.subscribers) subscriber();
  }
}
