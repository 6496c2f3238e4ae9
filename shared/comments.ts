/**
 * Comments on a story's words: threads anchored in the text (a `comment` node names its threads,
 * shared/body/lexical/CommentNode.ts), each a list of entries — the first comment, replies, and
 * each time it was resolved or reopened — kept in the library, never edited or dropped.
 */
import { z } from 'zod';

import type { Body } from './body/bodySchema';
import { walkBody } from './body/visitBody';
import { anchoredWords } from './claimMarks';
import { ArticleIdSchema, TimestampSchema } from './domain';

export const CommentThreadIdSchema = z.uuid({ error: 'Not a valid comment thread id.' }).brand<'CommentThreadId'>();
export type CommentThreadId = z.infer<typeof CommentThreadIdSchema>;

/** What an entry of a thread is: a comment (the first, or a reply), or the thread resolved or reopened. */
export const COMMENT_ENTRY_KINDS = ['comment', 'resolved', 'reopened'] as const;
export const CommentEntryKindSchema = z.enum(COMMENT_ENTRY_KINDS);
export type CommentEntryKind = z.infer<typeof CommentEntryKindSchema>;

export const MAX_COMMENT_LENGTH = 5000;

/** What a person writes in a comment or a reply: not empty, not more than a long paragraph or two. */
export const CommentTextSchema = z
  .string()
  .trim()
  .min(1, { error: 'Write the comment first.' })
  .max(MAX_COMMENT_LENGTH, {
    error: `A comment is at most ${MAX_COMMENT_LENGTH.toLocaleString('en')} characters: say the rest in a reply.`,
  });

/** The words a thread is on, as the person selected them (kept in full for a thread whose words are later deleted). */
export const CommentQuoteSchema = z
  .string()
  .max(MAX_COMMENT_LENGTH, { error: 'Comment on a sentence or a paragraph, not a whole passage.' });

export const CommentEntrySchema = z.object({
  /** The entry's place in its thread, from 1. */
  seq: z.number().int().positive(),
  kind: CommentEntryKindSchema,
  author: z.string(),
  /** The comment's words; empty for a thread resolved or reopened. */
  text: z.string(),
  /** The people the comment names with an @ (desk people and those who commented in the library), as they are named. */
  mentions: z.array(z.string()),
  at: TimestampSchema,
});
export type CommentEntry = z.infer<typeof CommentEntrySchema>;

export const CommentThreadSchema = z.object({
  id: CommentThreadIdSchema,
  articleId: ArticleIdSchema,
  /** The words the thread is on: as they stand in the last saved text, or as they last stood when they were deleted. */
  quote: z.string(),
  /** False when its words were deleted from the text: the thread stays, an orphan, until it is resolved. */
  anchored: z.boolean(),
  resolved: z.boolean(),
  /** Who started it (the first entry's author), and when. */
  author: z.string(),
  createdAt: TimestampSchema,
  /** The time of its latest entry. */
  updatedAt: TimestampSchema,
  entries: z.array(CommentEntrySchema),
});
export type CommentThread = z.infer<typeof CommentThreadSchema>;

/** An open thread in which someone named this person, with the story it is in. */
export const MentionSchema = z.object({
  thread: CommentThreadSchema,
  headline: z.string(),
  slug: z.string(),
});
export type Mention = z.infer<typeof MentionSchema>;

/**
 * Every comment thread anchored in the body, with the words its comment nodes cover, in
 * document order (see anchoredWords).
 */
export function commentedWords(body: Body): Map<string, string> {
  return anchoredWords(body, 'comment');
}

/**
 * For each claim whose words someone commented on, the threads of those comments in the order
 * they are first met: a comment on words inside the claim, around it, or across its edge —
 * any words that are both the claim's and a comment's.
 */
export function commentsInClaims(body: Body): Map<string, string[]> {
  const found = new Map<string, string[]>();
  walkBody(body, (node, ancestors) => {
    if ((node.type !== 'text' && node.type !== 'tab') || node.text === '') return;
    const threads = ancestors.flatMap((parent) => (parent.type === 'comment' ? parent.ids : []));
    if (threads.length === 0) return;
    for (const claim of new Set(ancestors.flatMap((parent) => (parent.type === 'mark' ? parent.ids : [])))) {
      const known = found.get(claim) ?? [];
      found.set(claim, [...known, ...new Set(threads.filter((thread) => !known.includes(thread)))]);
    }
  });
  return found;
}

/** Whether a thread is still to be dealt with: not resolved. */
export function isOpenThread(thread: Pick<CommentThread, 'resolved'>): boolean {
  return !thread.resolved;
}

/** The person's name folded for comparing: case and surrounding space do not make two people. */
export function samePerson(a: string, b: string): boolean {
  return a.trim().localeCompare(b.trim(), undefined, { sensitivity: 'accent' }) === 0;
}

/**
 * The people of `known` a comment names with an @ ("@Rita Okafor, can you check this?"), each
 * once, as `known` spells them. The longest name wins where one begins another ("@Ed Park" is
 * Ed Park, not Ed), and a name must end where a word ends ("@Edward" is not Ed).
 */
export function mentionedPeople(text: string, known: readonly string[]): string[] {
  const names = [...new Set(known.map((name) => name.trim()).filter((name) => name !== ''))].sort(
    (a, b) => b.length - a.length,
  );
  const found: string[] = [];
  const lower = text.toLocaleLowerCase();
  for (let at = lower.indexOf('@'); at !== -1; at = lower.indexOf('@', at + 1)) {
    const rest = lower.slice(at + 1);
    const name = names.find((candidate) => {
      const folded = candidate.toLocaleLowerCase();
      return rest.startsWith(folded) && !/^[\p{L}\p{N}]/u.test(rest.slice(folded.length));
    });
    if (name !== undefined && !found.some((person) => samePerson(person, name))) found.push(name);
  }
  return found;
}
