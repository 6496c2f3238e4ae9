import type { ArgsOf, ArticlePatch } from '../../../shared/api';
import type { Article, ArticleId, Body } from '../../../shared/domain';
import { ApiError, type ApiErrorCode } from '../../../shared/errors';

export type SaveState =
  | { kind: 'saved' }
  /** Changes are waiting for the typist to pause. */
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'failed'; code: ApiErrorCode; message: string };

/** Every field of the article except the body, which is read from the editor only when a save starts. */
export type FieldPatch = Omit<ArticlePatch, 'body'>;

export type SaveCall = (args: ArgsOf<'articles:save'>) => Promise<Article>;

/** The stored article's version and whether it is in the trash: enough to tell why a save was refused. */
export type ProbeCall = (id: ArticleId) => Promise<Pick<Article, 'version' | 'trashedAt'>>;

export type SaverListeners = {
  /** Every successful save, including the last one made after the view has closed. */
  onSaved: (article: Article) => void;
  /** A save that failed after the view was closed, when nobody is looking at the status bar. */
  onUnseenFailure: (message: string) => void;
  /** The slug asked for is taken by another article; everything else was saved. */
  onSlugRefused?: (slug: string, message: string) => void;
};

export type SaverOptions = {
  save: SaveCall;
  /** Asked after a refused slug change, to tell a taken slug from a newer version. */
  probe?: ProbeCall;
  /** How long typing must pause before a save starts. */
  idleMs?: number;
};

const SAVED: SaveState = { kind: 'saved' };
const PENDING: SaveState = { kind: 'pending' };
const SAVING: SaveState = { kind: 'saving' };

type Outcome = 'saved' | 'slug-refused' | 'failed';

/**
 * Autosave for one open article. Edits only record the new value of a field and restart an idle
 * timer; the body is serialised once, when a save actually starts. Saves never overlap: a change
 * made during a save is sent by the next one, with the version the previous one returned, so the
 * server's optimistic check ('conflict') only fires when someone else really changed the text.
 */
export class ArticleSaver {
  readonly id: ArticleId;
  private version: number;
  /** Field values changed since the last save started, newest value per field. */
  private fields: FieldPatch = {};
  private bodyDirty = false;
  private readBody: (() => Body) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private saveAgain = false;
  private visible = true;
  private retired = false;
  private state: SaveState = SAVED;
  private readonly subscribers = new Set<() => void>();
  private readonly save: SaveCall;
  private readonly probe: ProbeCall | null;
  private idleMs: number;
  private handlers: SaverListeners | null = null;

  constructor(article: Pick<Article, 'id' | 'version'>, options: SaverOptions) {
    this.id = article.id;
    this.version = article.version;
    this.save = options.save;
    this.probe = options.probe ?? null;
    this.idleMs = options.idleMs ?? 1000;
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

  /** The version of the article this saver last saved or loaded. */
  get currentVersion(): number {
    return this.version;
  }

  /**
   * The stored article moved on to `version` through this view's own action (an export, which
   * sets its status to Exported): later saves are made on top of that version.
   */
  adopt(version: number): void {
    if (version > this.version) this.version = version;
  }

  /** A new pause length applies from the next edit on. */
  setIdleMs(ms: number): void {
    this.idleMs = ms;
  }

  /** The body is read from the editor only when a save starts. */
  attachBody(reader: () => Body): void {
    this.readBody = reader;
  }

  setHeadline(value: string): void {
    this.setFields({ headline: value });
  }

  setDek(value: string): void {
    this.setFields({ dek: value });
  }

  /** Records new values for some fields; they are sent with the next save. */
  setFields(patch: FieldPatch): void {
    if (this.retired) return;
    this.fields = { ...this.fields, ...patch };
    this.changed();
  }

  bodyChanged(): void {
    if (this.retired) return;
    this.bodyDirty = true;
    this.changed();
  }

  hasUnsavedChanges(): boolean {
    return this.isDirty() || this.inFlight !== null;
  }

  /** The view is showing this article again (also undoes `hide` under React's strict mode). */
  show(): void {
    this.visible = true;
  }

  /** The view has closed: later failures are reported through `onUnseenFailure`. */
  hide(): void {
    this.visible = false;
  }

  /**
   * The article was replaced on the server by this view's own action (a restored version):
   * nothing this saver still holds may be written over it.
   */
  retire(): void {
    this.retired = true;
    this.clearTimer();
    this.fields = {};
    this.bodyDirty = false;
  }

  /** Saves whatever is dirty now. Resolves when it and any follow-up save are done; never rejects. */
  flush(): Promise<void> {
    this.clearTimer();
    if (this.inFlight !== null) {
      this.saveAgain = true;
      return this.inFlight;
    }
    if (!this.isDirty() || this.blockedByConflict() || this.retired) return Promise.resolve();
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

  private isDirty(): boolean {
    return this.bodyDirty || Object.keys(this.fields).length > 0;
  }

  private blockedByConflict(): boolean {
    // On top of a newer version nothing can be saved until the newer text has been loaded.
    return this.state.kind === 'failed' && this.state.code === 'conflict';
  }

  private changed(): void {
    if (this.blockedByConflict()) return;
    if (this.inFlight === null && this.state.kind !== 'failed') this.setState(PENDING);
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.idleMs);
  }

  private async run(): Promise<void> {
    let again = true;
    while (again) {
      this.saveAgain = false;
      const outcome = await this.saveOnce();
      if (outcome === 'failed') return;
      // A refused slug leaves the other fields unsent: send them at once.
      again = outcome === 'slug-refused' ? this.isDirty() : this.wantsAnotherSave();
    }
    // Anything typed during the last save still has its idle timer running.
    this.setState(this.isDirty() ? PENDING : SAVED);
  }

  /** Someone asked for a save while the last one was in flight, and there is something to send. */
  private wantsAnotherSave(): boolean {
    return this.saveAgain && this.isDirty() && !this.retired;
  }

  private async saveOnce(): Promise<Outcome> {
    const sent = this.fields;
    const sentBody = this.bodyDirty;
    this.fields = {};
    this.bodyDirty = false;
    const patch: ArticlePatch = { ...sent };
    try {
      if (sentBody && this.readBody !== null) patch.body = this.readBody();
      this.setState(SAVING);
      const saved = await this.save({ id: this.id, version: this.version, patch });
      this.version = saved.version;
      this.handlers?.onSaved(saved);
      return 'saved';
    } catch (error) {
      // Values typed since this save started are newer than the ones it carried.
      this.fields = { ...sent, ...this.fields };
      this.bodyDirty ||= sentBody;
      if (sent.slug !== undefined && (await this.slugWasRefused(error))) {
        const message = error instanceof Error ? error.message : String(error);
        if (this.fields.slug === sent.slug) delete this.fields.slug;
        this.handlers?.onSlugRefused?.(sent.slug, message);
        return 'slug-refused';
      }
      const code: ApiErrorCode = error instanceof ApiError ? error.code : 'internal';
      const message = error instanceof Error ? error.message : String(error);
      this.setState({ kind: 'failed', code, message });
      if (!this.visible) this.handlers?.onUnseenFailure(message);
      return 'failed';
    }
  }

  /**
   * The server answers 'conflict' both for a newer version and for a slug another article uses.
   * If the stored article is still at our version and not in the trash, it was the slug.
   */
  private async slugWasRefused(error: unknown): Promise<boolean> {
    if (!(error instanceof ApiError) || error.code !== 'conflict' || this.probe === null) return false;
    try {
      const stored = await this.probe(this.id);
      return stored.version === this.version && stored.trashedAt === null;
    } catch {
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
