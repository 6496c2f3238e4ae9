import { EnvelopeSchema } from '../../shared/api';
import type { Article } from '../../shared/domain';
import { ApiError } from '../../shared/errors';
import type { SentStory, StoryBundle, StoryRow, StoryTable } from '../../shared/storyTransfer';
import { isSharedStoryTable, SentStorySchema, STORY_BUNDLE_FORMAT, STORY_TABLES } from '../../shared/storyTransfer';
import { schemaVersion } from '../db/migrations';
import * as storyRows from '../db/queries/storyRows';
import { findArticle, getArticle, uniqueSlug } from './articles';
import { saveVersion } from './revisions';
import type { Library } from './LibraryHost';

/** A story, whole, as it is sent to another library (a desk's). */
export function storyBundle(lib: Library, articleId: string): StoryBundle {
  const article = getArticle(lib, articleId);
  if (article.trashedAt !== null) {
    throw new ApiError('conflict', 'This story is in the trash. Restore it from the trash to send it.');
  }
  const tables = lib.db.transaction(() => storyRows.readStoryRows(lib.db, articleId))();
  return { format: STORY_BUNDLE_FORMAT, schemaVersion: schemaVersion(lib.db), articleId: article.id, tables };
}

const TABLE_WORDS: Record<StoryTable, string> = {
  authors: 'authors',
  assets: 'pictures',
  sources: 'sources',
  source_snapshots: 'source snapshots',
  articles: 'story',
  article_tags: 'tags',
  article_authors: 'bylines',
  article_sources: 'sources',
  claims: 'claims',
  claim_verdicts: 'verdicts',
  claim_evidence: 'evidence',
  comment_threads: 'comments',
  comment_entries: 'comments',
  revisions: 'versions',
  status_changes: 'status history',
  workflow_changes: 'assignments',
  editing_time: 'editing time',
  article_imports: 'import record',
};

const text = (row: StoryRow, column: string): string => {
  const value = row[column];
  return typeof value === 'string' ? value : '';
};

/**
 * Takes in a story sent from another library, whole, or not at all. Sources, snapshots,
 * pictures and authors already here are kept as they are here and the story points at them (a
 * picture by its bytes, an author by name); its slug moves on if another story has it; a story
 * with no owner is owned by whoever sent it. A story already here is refused: it is not sent twice.
 */
export function receiveStory(lib: Library, bundle: StoryBundle, context: { userName: string }): Article {
  const here = schemaVersion(lib.db);
  if (bundle.schemaVersion !== here) {
    throw new ApiError(
      'conflict',
      `This story comes from a library of version ${bundle.schemaVersion}, and this one is of version ${here}. Run the same version of Copydesk on both, then send it again.`,
    );
  }
  const [story] = bundle.tables.articles;
  if (story === undefined || story.id !== bundle.articleId) {
    throw new ApiError('invalid-request', 'The story sent does not hold the article it names. Nothing was stored.');
  }
  if (storyRows.hasRow(lib.db, 'articles', bundle.articleId)) {
    const headline = findArticle(lib, bundle.articleId)?.headline ?? '';
    throw new ApiError(
      'conflict',
      `“${headline || 'This story'}” is already here: it was sent before. Open it here, or make a copy of it to send as a new story.`,
    );
  }
  for (const table of STORY_TABLES) {
    const columns = storyRows.tableColumns(lib.db, table);
    for (const row of bundle.tables[table]) {
      const unknown = Object.keys(row).find((column) => !columns.has(column));
      if (unknown !== undefined) {
        throw new ApiError(
          'invalid-request',
          `The story’s ${TABLE_WORDS[table]} carry “${unknown}”, which this library does not keep. Nothing was stored.`,
        );
      }
    }
  }
  let table: StoryTable = 'authors';
  try {
    return lib.db.transaction(() => {
      // Ids in the story that stand for rows this library already has under another id.
      const sameAs = new Map<string, string>();
      const renamed = (id: string) => sameAs.get(id) ?? id;
      const withPictures = (json: string) => {
        let out = json;
        for (const [from, to] of sameAs) out = out.split(from).join(to);
        return out;
      };
      for (table of STORY_TABLES) {
        for (const row of bundle.tables[table]) {
          const id = text(row, 'id');
          if (isSharedStoryTable(table)) {
            if (storyRows.hasRow(lib.db, table, id)) continue;
            const existing =
              table === 'authors'
                ? storyRows.authorIdNamed(lib.db, text(row, 'name'))
                : table === 'assets'
                  ? storyRows.assetIdWithHash(lib.db, text(row, 'sha256'))
                  : undefined;
            if (existing !== undefined) {
              sameAs.set(id, existing);
              continue;
            }
            storyRows.insertStoryRow(lib.db, table, row);
            continue;
          }
          let written: StoryRow = row;
          if (table === 'articles') {
            const lead = row.lead_image_id;
            written = {
              ...row,
              body_json: withPictures(text(row, 'body_json')),
              lead_image_id: typeof lead === 'string' ? renamed(lead) : null,
              slug: uniqueSlug(lib, text(row, 'slug'), null),
              owner: text(row, 'owner') === '' ? context.userName : text(row, 'owner'),
            };
          } else if (table === 'revisions') {
            written = { ...row, body_json: withPictures(text(row, 'body_json')) };
          } else if (table === 'article_authors') {
            written = { ...row, author_id: renamed(text(row, 'author_id')) };
          }
          storyRows.insertStoryRow(lib.db, table, written);
        }
      }
      // History shows the story as it arrived, and who sent it.
      const sender = context.userName.trim();
      saveVersion(lib, bundle.articleId, sender === '' ? 'Sent here' : `Sent here by ${sender}`, new Date(), sender);
      return getArticle(lib, bundle.articleId);
    })();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    const why = error instanceof Error ? error.message : String(error);
    throw new ApiError(
      'invalid-request',
      `The story’s ${TABLE_WORDS[table]} are not as this library keeps them (${why}). Nothing was stored.`,
    );
  }
}

/** How a desk is reached: `fetch`, unless a test stands in another. */
export type DeskFetch = (url: string, init: RequestInit) => Promise<Response>;

const SEND_TIMEOUT_MS = 120_000;

/** A send stopped by the person: what it leaves where. */
function stopped(): never {
  throw new ApiError(
    'conflict',
    'Sending stopped. The story is still here. If the desk had already taken it in, it is there too: send it again, and the desk says so.',
  );
}

/** The sends under way that name themselves, to be stopped (cancelSend). */
const sending = new Map<string, AbortController>();

/** Stops the send named `sendId`: true when one was under way. */
export function cancelSend(sendId: string): boolean {
  const controller = sending.get(sendId);
  controller?.abort();
  return controller !== undefined;
}

/**
 * Sends a story, whole, to a desk, as the person whose key it is. The desk decides, as for any
 * call: it refuses a key it does not know, and a story carrying verdicts from someone who may
 * not give them there.
 */
export async function sendStory(
  lib: Library,
  args: { articleId: string; desk: string; key: string; sendId?: string | undefined },
  send: DeskFetch = fetch,
): Promise<SentStory> {
  const bundle = storyBundle(lib, args.articleId);
  const desk = new URL(args.desk);
  const origin = desk.origin;
  const stop = new AbortController();
  if (args.sendId !== undefined) sending.set(args.sendId, stop);
  let response: Response;
  let envelope: unknown;
  try {
    response = await send(`${origin}/api/stories:receive`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${args.key}` },
      body: JSON.stringify(bundle),
      signal: AbortSignal.any([stop.signal, AbortSignal.timeout(SEND_TIMEOUT_MS)]),
    });
    try {
      envelope = await response.json();
    } catch {
      envelope = stop.signal.aborted ? stopped() : null;
    }
  } catch (error) {
    if (stop.signal.aborted) stopped();
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
    const why =
      error instanceof Error && error.name === 'TimeoutError' ? 'it did not answer in time' : cause || String(error);
    throw new ApiError(
      'library-unavailable',
      `The desk at ${origin} could not be reached (${why}). Check its address, and that it is running; the story is still here.`,
    );
  } finally {
    if (args.sendId !== undefined) sending.delete(args.sendId);
  }
  const parsed = EnvelopeSchema.safeParse(envelope);
  if (!parsed.success) {
    throw new ApiError(
      'library-unavailable',
      `${origin} answered, but not as a Copydesk desk does (HTTP ${response.status}). Check the address.`,
    );
  }
  if (!parsed.data.ok) {
    throw new ApiError(parsed.data.error.code, `The desk refused the story: ${parsed.data.error.message}`);
  }
  const arrived = parsed.data.value as { id?: unknown; headline?: unknown };
  const headline = typeof arrived.headline === 'string' ? arrived.headline : '';
  return SentStorySchema.parse({
    articleId: bundle.articleId,
    headline,
    address: `${origin}/#/article/${bundle.articleId}`,
    sources: bundle.tables.sources.length,
    claims: bundle.tables.claims.length,
    versions: bundle.tables.revisions.length,
  });
}
