import type { ArgsOf, ArticlePatch } from '../../../shared/api';
import type { Article, ArticleId, Body } from '../../../shared/domain';
import { ApiError, type ApiErrorCode } from '../../../shared/errors';
import { fieldWords } from '../../../shared/fieldWords';
import { checkField, checkPatch, type PatchKey } from './fieldChecks';

export type SaveState =
  | { kind: 'saved' }
  /** Changes are waiting for the typist to pause. */
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'failed'; code: ApiErrorCode; message: string };

/** Every field of the article except the body, which is read from the editor only when a save starts. */
export type FieldPatch = Omit<ArticlePatch, 'body'>;

/** Fields whose box holds text that is not a value until it can be read (a date, a slug, a number, a time). */
export type TextField = 'datelineDate' | 'slug' | 'lengthTarget' | 'embargoUntil' | 'publishAt';

/**
 * A field held back from saves: the contract refuses its value, or the text typed in it is not a
 * value yet. The rest of the story goes on saving without it.
 */
export type HeldField = {
  field: PatchKey;
  /** Where inside the field: [] for the field itself, ['caption'] for the lead image's caption. */
  path: readonly PropertyKey[];
  /** The field in words: "the dateline date". */
  label: string;
  /** Why it is held back, for the field and the status bar; null while it is still being typed. */
  message: string | null;
  /** What the box shows, when it is text that is not a value yet. */
  text: string | null;
};

/** Everything typed that the library does not have yet, enough to keep it and put it back. */
export type Unsaved = {
  id: ArticleId;
  /** The version these edits were made on; 0 while the story has never been stored. */
  version: number;
  /** Values waiting for a save, or sent by one that has not answered yet. */
  fields: FieldPatch;
  held: readonly HeldField[];
  /** The body as the editor has it, when it changed since the last save. */
  body: Body | null;
};

/** Where edits the library could not take are kept (the window's storage) until it can. */
export type Keeper = {
  /** Returns false when they could not be kept either. */
  keep: (unsaved: Unsaved) => boolean;
  /** Everything is saved: nothing needs keeping any more. */
  clear: () => void;
};

export type SaveCall = (args: ArgsOf<'articles:save'>) => Promise<Article>;
export type CreateCall = (args: ArgsOf<'articles:create'>) => Promise<Article>;

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
  /**
   * For a story started with "New article" and not stored yet: stores it with its first change,
   * under the id the window gave it. Without it the article is taken to be in the library.
   */
  create?: CreateCall;
  /** Asked after a refused slug change, to tell a taken slug from a newer version. */
  probe?: ProbeCall;
  /** How long typing must pause before a save starts. */
  idleMs?: number;
};

/** The fields of `patch` but those named. */
function without(patch: FieldPatch, keys: Iterable<PatchKey>): FieldPatch {
  const dropped = new Set<string>(keys);
  return Object.fromEntries(Object.entries(patch).filter(([key]) => !dropped.has(key)));
}

const SAVED: SaveState = { kind: 'saved' };
const PENDING: SaveState = { kind: 'pending' };
const SAVING: SaveState = { kind: 'saving' };

type Outcome = 'saved' | 'slug-refused' | 'stored-already' | 'failed';

/**
 * Autosave for one open article. Edits only record the new value of a field and restart an idle
 * timer; the body is serialised once, when a save actually starts. Saves never overlap: a change
 * made during a save is sent by the next one, with the version the previous one returned, so the
 * server's optimistic check ('conflict') only fires when someone else really changed the text.
 *
 * Every value is checked with the contract's schema before it is sent: a field the server would
 * refuse is held back (with the reason, for the field and the status bar) and the rest is saved.
 * What cannot be saved — held fields, or edits whose save failed — goes to the keeper, so that
 * nothing typed is lost with the window.
 */
export class ArticleSaver {
  readonly id: ArticleId;
  private version: number;
  private stored: boolean;
  /** Field values changed since the last save started, newest value per field. */
  private fields: FieldPatch = {};
  private bodyDirty = false;
  /** What the save in flight carries, until it answers. */
  private sending: { fields: FieldPatch; body: boolean } | null = null;
  private held = new Map<PatchKey, HeldField>();
  private heldList: readonly HeldField[] = [];
  /** Values a new story is stored with besides the edits (the default byline and dateline). */
  private creationDefaults: Promise<FieldPatch> = Promise.resolve({});
  private readBody: (() => Body) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private saveAgain = false;
  /** The window is closing: the saves sent now are its last (see flush). */
  private closing = false;
  private visible = true;
  private retired = false;
  private state: SaveState = SAVED;
  private readonly subscribers = new Set<() => void>();
  private readonly save: SaveCall;
  private readonly create: CreateCall | null;
  private readonly probe: ProbeCall | null;
  private idleMs: number;
  private handlers: SaverListeners | null = null;
  private keeper: Keeper | null = null;

  constructor(article: Pick<Article, 'id' | 'version'>, options: SaverOptions) {
    this.id = article.id;
    this.version = article.version;
    this.save = options.save;
    this.create = options.create ?? null;
    this.stored = this.create === null;
    this.probe = options.probe ?? null;
    this.idleMs = options.idleMs ?? 1000;
  }

  /** Who hears about saves; replaced whenever the view's callbacks change. */
  connect(handlers: SaverListeners): void {
    this.handlers = handlers;
  }

  /** Where unsaved edits are kept when they cannot be saved. */
  attachKeeper(keeper: Keeper | null): void {
    this.keeper = keeper;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.subscribers.add(listener);
    return () => {
      this.subscribers.delete(listener);
    };
  };

  readonly getState = (): SaveState => this.state;

  /** The fields held back, in the order they were first held; the same list while nothing changes. */
  readonly getHeld = (): readonly HeldField[] => this.heldList;

  /** Whether the story is in the library yet (a new one is stored with its first change). */
  readonly isStored = (): boolean => this.stored;

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

  /**
   * What a new story is stored with besides what was typed; not an edit in itself. The story is
   * not stored before they are known (the default byline may take a round trip to find).
   */
  setCreationDefaults(defaults: FieldPatch | Promise<FieldPatch>): void {
    // Without its defaults the story is still worth storing: what was typed matters most.
    this.creationDefaults = Promise.resolve(defaults).catch(() => ({}));
  }

  setHeadline(value: string): void {
    this.setFields({ headline: value });
  }

  setDek(value: string): void {
    this.setFields({ dek: value });
  }

  /**
   * Records new values for some fields; they are sent with the next save. A value the contract
   * refuses is held back instead, with the reason, until a value it accepts replaces it.
   */
  setFields(patch: FieldPatch): void {
    if (this.retired) return;
    const refused: PatchKey[] = [];
    const accepted: FieldPatch = {};
    for (const key of Object.keys(patch) as (keyof FieldPatch)[]) {
      const value = patch[key];
      const problem = checkField(key, value);
      if (problem === null) {
        Object.assign(accepted, { [key]: value });
        this.release(key);
      } else {
        refused.push(key);
        this.hold({ ...problem, text: null });
      }
    }
    this.fields = { ...without(this.fields, refused), ...accepted };
    this.heldChanged();
    this.changed();
  }

  /**
   * A field a live story takes from its document (the headline, the dek), typed here: true when
   * its value is one the contract accepts, to go into the document; otherwise it is held back,
   * with the reason, as a save would hold it. Nothing is sent with a save.
   */
  acceptsLiveField(field: 'headline' | 'dek', value: string): boolean {
    const problem = checkField(field, value);
    if (problem === null) this.release(field);
    else this.hold({ ...problem, text: null });
    this.heldChanged();
    return problem === null;
  }

  /**
   * Text typed in a field that is not a value (yet): never sent, kept with the rest of what is
   * unsaved. `message` says why it cannot be read; null while the person is still typing.
   */
  holdText(field: TextField, text: string, message: string | null): void {
    if (this.retired) return;
    this.fields = without(this.fields, [field]);
    this.hold({ field, path: [], label: fieldWords([field]) ?? field, message, text });
    this.heldChanged();
    this.changed();
  }

  /** The text held in a field is gone (Escape put the saved value back): nothing of it is kept. */
  releaseText(field: TextField): void {
    const held = this.held.get(field);
    if (held === undefined || held.text === null) return;
    this.release(field);
    this.heldChanged();
    if (!this.hasUnsavedChanges()) this.keeper?.clear();
  }

  bodyChanged(): void {
    if (this.retired) return;
    this.bodyDirty = true;
    this.changed();
  }

  /** Edits the library does not have yet: dirty, in flight, or held back. */
  hasUnsavedChanges(): boolean {
    return this.isDirty() || this.inFlight !== null || this.held.size > 0;
  }

  /** Everything typed that the library does not have, with the body as the editor has it now. */
  unsaved(): Unsaved {
    const fields = without({ ...this.sending?.fields, ...this.fields }, this.held.keys());
    const bodyUnsaved = this.bodyDirty || this.sending?.body === true || this.held.has('body');
    return {
      id: this.id,
      version: this.stored ? this.version : 0,
      fields,
      held: this.heldList,
      body: bodyUnsaved && this.readBody !== null ? this.readBody() : null,
    };
  }

  /**
   * Hands what is unsaved to the keeper now (the window is closing, another story opens): a save
   * may not finish in time. Returns false when there was something to keep and it could not be kept.
   */
  keepNow(): boolean {
    if (this.retired || this.keeper === null || !this.hasUnsavedChanges()) return true;
    return this.keeper.keep(this.unsaved());
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
    this.held.clear();
    this.heldChanged();
    this.keeper?.clear();
  }

  /**
   * Saves whatever is dirty now. Resolves when it and any follow-up save are done; never rejects.
   * `closing`: the window is closing or reloading, and these saves are its last, so the library
   * can tell them from the person typing again.
   */
  flush(options: { closing?: boolean } = {}): Promise<void> {
    if (options.closing === true) this.closing = true;
    this.clearTimer();
    if (this.inFlight !== null) {
      this.saveAgain = true;
      return this.inFlight;
    }
    if (this.retired) return Promise.resolve();
    if (!this.isDirty() || this.blockedByConflict()) {
      // Nothing can go to the library: what is held, or typed on top of a newer version, is kept.
      if (this.held.size > 0 || this.blockedByConflict()) this.keepNow();
      return Promise.resolve();
    }
    const run = this.run().finally(() => {
      this.inFlight = null;
    });
    this.inFlight = run;
    return run;
  }

  /** The window came back from the browser's page cache: its saves are ordinary ones again. */
  resume(): void {
    this.closing = false;
  }

  /** After a failure, tries again with what is on screen now. */
  retry(): Promise<void> {
    if (this.state.kind === 'failed' && this.state.code === 'conflict') return Promise.resolve();
    return this.flush();
  }

  private hold(held: HeldField): void {
    const previous = this.held.get(held.field);
    if (
      previous?.message === held.message &&
      previous.text === held.text &&
      previous.path.join('.') === held.path.join('.')
    )
      return;
    this.held.set(held.field, held);
  }

  private release(field: PatchKey): void {
    this.held.delete(field);
  }

  /** A new list for subscribers when what is held changed; the same one otherwise. */
  private heldChanged(): void {
    const next = [...this.held.values()];
    if (next.length === this.heldList.length && next.every((held, at) => held === this.heldList[at])) return;
    this.heldList = next;
    for (const subscriber of this.subscribers) subscriber();
  }

  private isDirty(): boolean {
    return this.bodyDirty || Object.keys(this.fields).length > 0;
  }

  private blockedByConflict(): boolean {
    // On top of a newer version nothing can be saved until the newer text has been loaded.
    return this.state.kind === 'failed' && this.state.code === 'conflict';
  }

  private changed(): void {
    if (this.inFlight === null && this.state.kind !== 'failed' && this.isDirty()) this.setState(PENDING);
    this.clearTimer();
    // A new story is stored at its first change, so that everything else can work on it at once.
    const now = !this.stored && this.inFlight === null && this.isDirty() && !this.blockedByConflict();
    this.timer = setTimeout(
      () => {
        this.timer = null;
        void this.flush();
      },
      now ? 0 : this.idleMs,
    );
  }

  private async run(): Promise<void> {
    let again = true;
    while (again) {
      this.saveAgain = false;
      const outcome = await this.saveOnce();
      if (outcome === 'failed') {
        this.keepNow();
        return;
      }
      // A refused slug leaves the other fields unsent: send them at once; so does a story
      // found already stored, now to be saved over.
      again = outcome === 'saved' ? this.wantsAnotherSave() : this.isDirty();
    }
    // Anything typed during the last save still has its idle timer running.
    this.setState(this.isDirty() ? PENDING : SAVED);
    if (this.held.size > 0) this.keepNow();
    else if (!this.isDirty()) this.keeper?.clear();
  }

  /** Someone asked for a save while the last one was in flight, and there is something to send. */
  private wantsAnotherSave(): boolean {
    return this.saveAgain && this.isDirty() && !this.retired;
  }

  /** What the next save sends: the dirty fields the contract accepts, the others held back. */
  private nextPatch(): { fields: FieldPatch; body: Body | null; sentBody: boolean } {
    const fields = this.fields;
    const sentBody = this.bodyDirty && this.readBody !== null;
    const body = sentBody && this.readBody !== null ? this.readBody() : null;
    const patch: ArticlePatch = body === null ? { ...fields } : { ...fields, body };
    const problems = checkPatch(patch);
    if (problems.size === 0) return { fields, body, sentBody };
    const sendable = without(fields, problems.keys());
    for (const problem of problems.values()) this.hold({ ...problem, text: null });
    this.heldChanged();
    const bodyRefused = problems.has('body');
    return { fields: sendable, body: bodyRefused ? null : body, sentBody: sentBody && !bodyRefused };
  }

  private async saveOnce(): Promise<Outcome> {
    const { fields: sent, body, sentBody } = this.nextPatch();
    this.fields = {};
    this.bodyDirty = false;
    this.sending = { fields: sent, body: sentBody };
    const patch: ArticlePatch = body === null ? { ...sent } : { ...sent, body };
    try {
      this.setState(SAVING);
      const saved = this.stored
        ? await this.save({ id: this.id, version: this.version, patch, ...(this.closing ? { closing: true } : {}) })
        : await this.createStory(patch);
      this.version = saved.version;
      this.stored = true;
      this.sending = null;
      if (sentBody && this.held.get('body') !== undefined) this.release('body');
      this.heldChanged();
      this.handlers?.onSaved(saved);
      return 'saved';
    } catch (error) {
      this.sending = null;
      // Values typed since this save started are newer than the ones it carried; a field held
      // back since (text typed in it that is not a value yet) is not sent with its old value.
      this.fields = without({ ...sent, ...this.fields }, this.held.keys());
      this.bodyDirty ||= sentBody;
      if (!this.stored && (await this.storedAlready(error))) return 'stored-already';
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

  private async createStory(patch: ArticlePatch): Promise<Article> {
    if (this.create === null) throw new Error('This story has no way to be stored.');
    const defaults = await this.creationDefaults;
    return this.create({ ...defaults, ...patch, id: this.id });
  }

  /**
   * A new story's first save refused as a conflict: an earlier one may have stored it and lost
   * its answer (the window closed). If the library has it, later saves go over that version.
   */
  private async storedAlready(error: unknown): Promise<boolean> {
    if (!(error instanceof ApiError) || error.code !== 'conflict' || this.probe === null) return false;
    try {
      const stored = await this.probe(this.id);
      if (stored.trashedAt !== null) return false;
      this.version = stored.version;
      this.stored = true;
      for (const subscriber of this.subscribers) subscriber();
      return true;
    } catch {
      return false;
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
