import { readStoredBody } from '../../shared/body/readStoredBody';
import type { CommentThread, Mention } from '../../shared/comments';
import { commentedWords, mentionedPeople, samePerson } from '../../shared/comments';
import type { Body } from '../../shared/domain';
import { StoredBodySchema } from '../../shared/domain';
import { ApiError } from '../../shared/errors';
import type { Db } from '../db/connection';
import * as articleQueries from '../db/queries/articles';
import * as comments from '../db/queries/comments';
import { allPeople } from '../db/queries/people';
import type { EditContext } from './articles';
import type { Library } from './LibraryHost';

const now = (context: EditContext) => (context.clock ?? (() => new Date()))().toISOString();

function threadNotFound(id: string): ApiError {
  return new ApiError(
    'not-found',
    `No comment with id ${id} is in this library. It may belong to a deleted story: reload the story to see its comments.`,
  );
}

function articleNotFound(id: string): ApiError {
  return new ApiError('not-found', `No article with id ${id} is in this library. It may have been deleted.`);
}

/** The person a comment, a reply, a resolve or a reopen is signed with: every entry says who made it. */
function authorOf(context: EditContext): string {
  const author = (context.userName ?? '').trim();
  if (author === '') {
    throw new ApiError('invalid-request', 'Set your name in Settings first: every comment says who wrote it.');
  }
  return author;
}

/** The body of an article as it was last saved; undefined when there is no such article. */
function savedBody(db: Db, articleId: string): Body | undefined {
  const json = articleQueries.storedBodyJson(db, articleId);
  return json === undefined ? undefined : readStoredBody(StoredBodySchema.parse(JSON.parse(json))).body;
}

/**
 * The people a comment can name: everyone on the desk whose key is live, everyone who has
 * commented in the library, and the person writing — each once, as first found.
 */
function knownPeople(db: Db, acting: string): string[] {
  const names = [
    ...allPeople(db)
      .filter((person) => person.revoked_at === null)
      .map((person) => person.name),
    ...comments.commentAuthors(db),
    acting,
  ];
  const known: string[] = [];
  for (const name of names.map((candidate) => candidate.trim())) {
    if (name !== '' && !known.some((person) => samePerson(person, name))) known.push(name);
  }
  return known;
}

export function getThread(lib: Library, id: string): CommentThread {
  const thread = comments.getThread(lib.db, id);
  if (thread === undefined) throw threadNotFound(id);
  return thread;
}

/**
 * The comment threads of a story in the order their words stand in its saved text; then those
 * started but not saved in the text yet, then those whose words were deleted, each by when it
 * was started.
 */
export function listThreads(lib: Library, articleId: string): CommentThread[] {
  const body = savedBody(lib.db, articleId);
  if (body === undefined) throw articleNotFound(articleId);
  const inText = [...commentedWords(body).keys()];
  const place = new Map(inText.map((id, index) => [id, index]));
  const rank = (thread: CommentThread) => place.get(thread.id) ?? inText.length + (thread.anchored ? 0 : 1);
  return comments.listThreads(lib.db, articleId).sort((a, b) => rank(a) - rank(b));
}

/**
 * A new thread on words of a story, with its first comment. The editor marks the words with
 * the thread's id (a comment node); when the text saved already holds them, the thread takes
 * its quote from there, and otherwise from what the person selected, until the next save.
 */
export function startThread(
  lib: Library,
  start: { articleId: string; threadId: string; quote: string; text: string },
  context: EditContext = {},
): CommentThread {
  const author = authorOf(context);
  lib.db
    .transaction(() => {
      const article = articleQueries.getSummary(lib.db, start.articleId);
      if (article === undefined) throw articleNotFound(start.articleId);
      if (article.trashedAt !== null) {
        throw new ApiError('conflict', 'This story is in the trash. Restore it before commenting on it.');
      }
      if (comments.getThread(lib.db, start.threadId) !== undefined) {
        throw new ApiError(
          'conflict',
          'A comment with this id was started already. Reload the story to see it, or select the words again to start another.',
        );
      }
      const at = now(context);
      const body = savedBody(lib.db, start.articleId);
      const words = body === undefined ? undefined : commentedWords(body).get(start.threadId);
      comments.insertThread(lib.db, {
        id: start.threadId,
        articleId: start.articleId,
        quote: words ?? start.quote,
        anchored: true,
        now: at,
      });
      comments.appendEntry(lib.db, start.threadId, {
        kind: 'comment',
        author,
        text: start.text,
        mentions: mentionedPeople(start.text, knownPeople(lib.db, author)),
        at,
      });
    })
    .immediate();
  return getThread(lib, start.threadId);
}

/**
 * A reply at the end of a thread. A reply to a resolved thread says there is more to say: the
 * thread is reopened first, by the person replying, so it is listed open again.
 */
export function reply(lib: Library, threadId: string, text: string, context: EditContext = {}): CommentThread {
  const author = authorOf(context);
  lib.db
    .transaction(() => {
      const at = now(context);
      if (getThread(lib, threadId).resolved) {
        comments.appendEntry(lib.db, threadId, { kind: 'reopened', author, text: '', mentions: [], at });
      }
      comments.appendEntry(lib.db, threadId, {
        kind: 'comment',
        author,
        text,
        mentions: mentionedPeople(text, knownPeople(lib.db, author)),
        at,
      });
    })
    .immediate();
  return getThread(lib, threadId);
}

/** Who last resolved a thread, for a sentence: " (by Rita Okafor)", or nothing. */
function resolvedBy(thread: CommentThread): string {
  const by = thread.entries.findLast((entry) => entry.kind === 'resolved')?.author ?? '';
  return by === '' ? '' : ` (by ${by})`;
}

/** Marks a thread resolved: an entry of its own, so the thread keeps who resolved it and when. */
export function resolveThread(lib: Library, threadId: string, context: EditContext = {}): CommentThread {
  const author = authorOf(context);
  lib.db
    .transaction(() => {
      const thread = getThread(lib, threadId);
      if (thread.resolved) {
        throw new ApiError(
          'conflict',
          `This comment is already resolved${resolvedBy(thread)}. Reply to it if there is more to say: a reply reopens it.`,
        );
      }
      comments.appendEntry(lib.db, threadId, { kind: 'resolved', author, text: '', mentions: [], at: now(context) });
    })
    .immediate();
  return getThread(lib, threadId);
}

/** Opens a resolved thread again, for a reply or another look. */
export function reopenThread(lib: Library, threadId: string, context: EditContext = {}): CommentThread {
  const author = authorOf(context);
  lib.db
    .transaction(() => {
      if (!getThread(lib, threadId).resolved) {
        throw new ApiError(
          'conflict',
          'This comment is open already: reply to it, or resolve it when it is dealt with.',
        );
      }
      comments.appendEntry(lib.db, threadId, { kind: 'reopened', author, text: '', mentions: [], at: now(context) });
    })
    .immediate();
  return getThread(lib, threadId);
}

/**
 * The open threads, in every story of the library not in the trash, in which someone else
 * named the person acting, newest mention first, each once, with its story's headline and slug.
 */
export function mentionsOf(lib: Library, context: EditContext = {}): Mention[] {
  const person = (context.userName ?? '').trim();
  if (person === '') return [];
  const found: Mention[] = [];
  const seen = new Set<string>();
  for (const mention of comments.openMentions(lib.db)) {
    if (seen.has(mention.threadId) || samePerson(mention.author, person)) continue;
    if (!mention.mentions.some((name) => samePerson(name, person))) continue;
    seen.add(mention.threadId);
    const thread = comments.getThread(lib.db, mention.threadId);
    const article = thread === undefined ? undefined : articleQueries.getSummary(lib.db, thread.articleId);
    if (thread === undefined || article === undefined) continue;
    found.push({ thread, headline: article.headline, slug: article.slug });
  }
  return found;
}

/** The people a comment can name with an @, by name, without the person acting. */
export function commentPeople(lib: Library, context: EditContext = {}): string[] {
  const acting = (context.userName ?? '').trim();
  return knownPeople(lib.db, acting)
    .filter((name) => acting === '' || !samePerson(name, acting))
    .sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }) || a.localeCompare(b));
}

/**
 * Brings a story's comment threads in step with the comment nodes in its saved body, inside
 * the save's transaction: a thread whose nodes are in the body is anchored, with the words they
 * cover now; a thread whose nodes are gone is an orphan that keeps its last words. A thread is
 * never dropped: undo, or a restored version, anchors it again.
 */
export function reconcileComments(db: Db, articleId: string, body: Body, at: string): void {
  const anchored = commentedWords(body);
  for (const thread of comments.threadAnchors(db, articleId)) {
    const words = anchored.get(thread.id);
    if (words !== undefined) {
      if (!thread.anchored || thread.quote !== words) {
        comments.setThreadAnchor(db, thread.id, { quote: words, anchored: true }, at);
      }
    } else if (thread.anchored) {
      comments.setThreadAnchor(db, thread.id, { quote: thread.quote, anchored: false }, at);
    }
  }
}
