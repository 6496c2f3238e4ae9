import { z } from 'zod';

import type { CommentEntry, CommentEntryKind, CommentThread } from '../../../shared/comments';
import { CommentEntryKindSchema, CommentThreadIdSchema } from '../../../shared/comments';
import { ArticleIdSchema } from '../../../shared/domain';
import type { Db } from '../connection';
import { prepared } from '../statements';

type ThreadRow = {
  id: string;
  article_id: string;
  quote: string;
  anchored: number;
  created_at: string;
  quoted_at: string;
};

type EntryRow = {
  thread_id: string;
  seq: number;
  kind: string;
  author: string;
  text: string;
  mentions: string;
  at: string;
};

const MentionsSchema = z.array(z.string());

function rowToEntry(row: EntryRow): CommentEntry {
  return {
    seq: row.seq,
    kind: CommentEntryKindSchema.parse(row.kind),
    author: row.author,
    text: row.text,
    mentions: MentionsSchema.parse(JSON.parse(row.mentions)),
    at: row.at,
  };
}

/** A thread is resolved when the last time it was resolved or reopened, it was resolved. */
function isResolved(entries: readonly CommentEntry[]): boolean {
  return entries.findLast((entry) => entry.kind !== 'comment')?.kind === 'resolved';
}

function rowToThread(row: ThreadRow, entries: readonly CommentEntry[]): CommentThread {
  return {
    id: CommentThreadIdSchema.parse(row.id),
    articleId: ArticleIdSchema.parse(row.article_id),
    quote: row.quote,
    anchored: row.anchored === 1,
    resolved: isResolved(entries),
    author: entries[0]?.author ?? '',
    createdAt: row.created_at,
    updatedAt: entries.at(-1)?.at ?? row.created_at,
    entries: [...entries],
  };
}

/** Entry rows gathered by their thread, each thread's in the order of the rows. */
function entriesByThread(rows: readonly EntryRow[]): Map<string, CommentEntry[]> {
  const found = new Map<string, CommentEntry[]>();
  for (const row of rows) found.set(row.thread_id, [...(found.get(row.thread_id) ?? []), rowToEntry(row)]);
  return found;
}

export function getThread(db: Db, id: string): CommentThread | undefined {
  const row = prepared(db, 'SELECT * FROM comment_threads WHERE id = ?').get(id) as ThreadRow | undefined;
  if (row === undefined) return undefined;
  const entries = prepared(db, 'SELECT * FROM comment_entries WHERE thread_id = ? ORDER BY seq').all(id) as EntryRow[];
  return rowToThread(row, entries.map(rowToEntry));
}

/** An article's threads, oldest first (the service orders them by where their words stand). */
export function listThreads(db: Db, articleId: string): CommentThread[] {
  const rows = prepared(db, 'SELECT * FROM comment_threads WHERE article_id = ? ORDER BY created_at, rowid').all(
    articleId,
  ) as ThreadRow[];
  if (rows.length === 0) return [];
  const entries = entriesByThread(
    prepared(
      db,
      `SELECT e.* FROM comment_entries AS e
         JOIN comment_threads AS t ON t.id = e.thread_id
         WHERE t.article_id = ?
         ORDER BY e.thread_id, e.seq`,
    ).all(articleId) as EntryRow[],
  );
  return rows.map((row) => rowToThread(row, entries.get(row.id) ?? []));
}

/** The threads of an article as the save reconciles them with its comment nodes: id, quote, anchored. */
export function threadAnchors(db: Db, articleId: string): { id: string; quote: string; anchored: boolean }[] {
  const rows = prepared(db, 'SELECT id, quote, anchored FROM comment_threads WHERE article_id = ?').all(
    articleId,
  ) as Pick<ThreadRow, 'id' | 'quote' | 'anchored'>[];
  return rows.map((row) => ({ id: row.id, quote: row.quote, anchored: row.anchored === 1 }));
}

export function insertThread(
  db: Db,
  thread: { id: string; articleId: string; quote: string; anchored: boolean; now: string },
): void {
  prepared(
    db,
    `INSERT INTO comment_threads (id, article_id, quote, anchored, created_at, quoted_at)
     VALUES (@id, @articleId, @quote, @anchored, @now, @now)`,
  ).run({ ...thread, anchored: thread.anchored ? 1 : 0 });
}

/** The words a thread is on as they stand in the text now, or that they are gone (the quote kept as it was). */
export function setThreadAnchor(db: Db, id: string, anchor: { quote: string; anchored: boolean }, now: string): void {
  prepared(db, 'UPDATE comment_threads SET quote = ?, anchored = ?, quoted_at = ? WHERE id = ?').run(
    anchor.quote,
    anchor.anchored ? 1 : 0,
    now,
    id,
  );
}

/** Adds an entry at the end of a thread; entries are never changed or taken out. */
export function appendEntry(
  db: Db,
  threadId: string,
  entry: { kind: CommentEntryKind; author: string; text: string; mentions: readonly string[]; at: string },
): void {
  prepared(
    db,
    `INSERT INTO comment_entries (thread_id, seq, kind, author, text, mentions, at)
     VALUES (@threadId, (SELECT coalesce(max(seq), 0) + 1 FROM comment_entries WHERE thread_id = @threadId),
             @kind, @author, @text, @mentions, @at)`,
  ).run({ threadId, ...entry, mentions: JSON.stringify(entry.mentions) });
}

/** Everyone who wrote, resolved or reopened a comment in the library, each name once as first written. */
export function commentAuthors(db: Db): string[] {
  return prepared(db, "SELECT DISTINCT author FROM comment_entries WHERE author <> '' ORDER BY author")
    .pluck()
    .all() as string[];
}

/**
 * The comments that name someone, in threads still open in stories not in the trash, newest
 * first: the thread they are in, who wrote them, whom they name and when.
 */
export function openMentions(db: Db): { threadId: string; author: string; mentions: string[]; at: string }[] {
  const rows = prepared(
    db,
    `SELECT e.thread_id, e.author, e.mentions, e.at
       FROM comment_entries AS e
       JOIN comment_threads AS t ON t.id = e.thread_id
       JOIN articles AS a ON a.id = t.article_id
       WHERE e.mentions <> '[]'
         AND a.trashed_at IS NULL
         AND coalesce((SELECT s.kind FROM comment_entries AS s
                        WHERE s.thread_id = e.thread_id AND s.kind <> 'comment'
                        ORDER BY s.seq DESC LIMIT 1), 'reopened') <> 'resolved'
       ORDER BY e.at DESC, e.thread_id, e.seq DESC`,
  ).all() as Pick<EntryRow, 'thread_id' | 'author' | 'mentions' | 'at'>[];
  return rows.map((row) => ({
    threadId: row.thread_id,
    author: row.author,
    mentions: MentionsSchema.parse(JSON.parse(row.mentions)),
    at: row.at,
  }));
}
