import { v7 as uuidv7 } from 'uuid';

import type { Snapshot, Source, SourceFields } from '../../shared/sources';
import { ApiError } from '../../shared/errors';
import * as articleQueries from '../db/queries/articles';
import { buildFtsQuery } from '../db/queries/ftsQuery';
import * as sources from '../db/queries/sources';
import type { Capture } from '../sources/captureSnapshot';
import { captureFile, capturePaste } from '../sources/captureSnapshot';
import type { Clock } from './articles';
import type { Library } from './LibraryHost';

const systemClock: Clock = () => new Date();

function sourceNotFound(id: string): ApiError {
  return new ApiError('not-found', `No source with id ${id} is in this library.`);
}

export function getSource(lib: Library, id: string): Source {
  const source = sources.getSource(lib.db, id);
  if (source === undefined) throw sourceNotFound(id);
  return source;
}

function requireArticle(lib: Library, articleId: string): void {
  const article = articleQueries.getSummary(lib.db, articleId);
  if (article === undefined) {
    throw new ApiError('not-found', `No article with id ${articleId} is in this library. It may have been deleted.`);
  }
}

export function createSource(lib: Library, fields: SourceFields, clock: Clock = systemClock): Source {
  const id = uuidv7();
  lib.db.transaction(() => sources.insertSource(lib.db, id, fields, clock().toISOString())).immediate();
  return getSource(lib, id);
}

export function updateSource(lib: Library, id: string, fields: SourceFields, clock: Clock = systemClock): Source {
  const changed = lib.db.transaction(() => sources.updateSource(lib.db, id, fields, clock().toISOString())).immediate();
  if (!changed) throw sourceNotFound(id);
  return getSource(lib, id);
}

/** Sources whose fields or snapshot text match `query` (best first), or the newest when it is empty. */
export function findSources(lib: Library, query: string, limit: number): { sources: Source[]; hint: string | null } {
  if (query.trim() === '') return { sources: sources.listSources(lib.db, { match: null, limit }), hint: null };
  const fts = buildFtsQuery(query);
  if (fts.match === null) return { sources: [], hint: fts.hint };
  const found = sources.listSources(lib.db, { match: fts.match, limit });
  return { sources: found, hint: found.length === 0 ? 'No source matches. Try fewer or shorter words.' : null };
}

export function getSnapshot(lib: Library, id: string): Snapshot {
  const snapshot = sources.getSnapshot(lib.db, id);
  if (snapshot === undefined) throw new ApiError('not-found', `No snapshot with id ${id} is in this library.`);
  return snapshot;
}

/** A title as a file or a paste gives it, with control characters (a NUL, an escape) taken out. */
function titleText(text: string): string {
  return text.replace(/\p{Cc}+/gu, ' ').trim();
}

/** What a new source takes from its first capture, where the person gave nothing. */
function fieldsFrom(capture: Capture, given: Partial<SourceFields>, today: string): SourceFields {
  const pick = (value: string | undefined, fallback: string) =>
    value === undefined || value === '' ? fallback : value;
  return {
    kind: given.kind ?? capture.about.kind,
    title: pick(given.title, titleText(capture.about.title) || titleText(capture.fileName) || 'Untitled source'),
    publisher: pick(given.publisher, capture.about.publisher),
    author: pick(given.author, capture.about.author),
    url: pick(given.url, capture.about.url),
    publishedDate: pick(given.publishedDate, capture.about.publishedDate),
    accessedDate: pick(given.accessedDate, today),
    reliability: given.reliability ?? 'F',
    notes: given.notes ?? '',
  };
}

function storeCapture(lib: Library, sourceId: string, capture: Capture, now: string): void {
  if (sources.findSnapshotByHash(lib.db, sourceId, capture.sha256) !== undefined) return;
  sources.insertSnapshot(lib.db, {
    id: uuidv7(),
    sourceId,
    format: capture.format,
    fileName: capture.fileName,
    sha256: capture.sha256,
    byteSize: capture.byteSize,
    text: capture.text,
    html: capture.html,
    capturedAt: now,
  });
}

export type CaptureInput =
  { kind: 'file'; name: string; bytes: Uint8Array } | { kind: 'paste'; text: string; label: string };

async function capture(input: CaptureInput): Promise<Capture> {
  return input.kind === 'file' ? captureFile(input.name, input.bytes) : capturePaste(input.text, input.label);
}

/**
 * A new source from a file or pasted text: its snapshot is taken first, so a file that cannot
 * be read leaves the library as it was. Fields the person gave win over what the file says.
 * With `articleId`, the source is cited by that article at once.
 */
export async function addSource(
  lib: Library,
  input: CaptureInput,
  given: Partial<SourceFields> = {},
  articleId: string | null = null,
  clock: Clock = systemClock,
): Promise<Source> {
  const captured = await capture(input);
  const now = clock().toISOString();
  const id = lib.db
    .transaction(() => {
      if (articleId !== null) requireArticle(lib, articleId);
      return keepCapture(lib, captured, given, articleId, now);
    })
    .immediate();
  return getSource(lib, id);
}

/**
 * Stores a capture already taken as a new source, cited by `articleId` when given, inside the
 * caller's transaction; returns the source's id. An import that read a file (a PDF) keeps it so.
 */
export function keepCapture(
  lib: Library,
  captured: Capture,
  given: Partial<SourceFields>,
  articleId: string | null,
  now: string,
): string {
  const id = uuidv7();
  sources.insertSource(lib.db, id, fieldsFrom(captured, given, now.slice(0, 10)), now);
  storeCapture(lib, id, captured, now);
  if (articleId !== null) sources.attachSource(lib.db, articleId, id, now);
  return id;
}

/**
 * A new snapshot of an existing source (the page changed, a fuller copy arrived). Earlier
 * snapshots stay as they were, with the evidence that points into them. The same bytes
 * captured twice are kept once.
 */
export async function recaptureSource(
  lib: Library,
  sourceId: string,
  input: CaptureInput,
  clock: Clock = systemClock,
): Promise<Source> {
  getSource(lib, sourceId);
  const captured = await capture(input);
  lib.db.transaction(() => storeCapture(lib, sourceId, captured, clock().toISOString())).immediate();
  return getSource(lib, sourceId);
}

export function articleSources(lib: Library, articleId: string): Source[] {
  requireArticle(lib, articleId);
  return sources.articleSources(lib.db, articleId);
}

export function attachSource(lib: Library, articleId: string, sourceId: string, clock: Clock = systemClock): Source[] {
  lib.db
    .transaction(() => {
      requireArticle(lib, articleId);
      getSource(lib, sourceId);
      sources.attachSource(lib.db, articleId, sourceId, clock().toISOString());
    })
    .immediate();
  return sources.articleSources(lib.db, articleId);
}

/** Stops an article citing a source; refused while a claim of the article still points into it. */
export function detachSource(lib: Library, articleId: string, sourceId: string): Source[] {
  lib.db
    .transaction(() => {
      requireArticle(lib, articleId);
      if (sources.sourceUsedByClaims(lib.db, articleId, sourceId)) {
        throw new ApiError(
          'conflict',
          'A claim of this article points to a passage of this source. Remove that evidence first; then the source can go.',
        );
      }
      sources.detachSource(lib.db, articleId, sourceId);
    })
    .immediate();
  return sources.articleSources(lib.db, articleId);
}
