/**
 * The pre-export checklist: what must be true before a story leaves Copydesk (blocking items)
 * and what an editor should look at once more (warnings). Pure: it reads the article, its
 * claims and comments and which linked articles exist, and changes nothing.
 */
import { z } from 'zod';

import type { AlsoSeePayload } from './alsoSee';
import { alsoSeeOf, storyAddressProblem, storyHeadlineProblem } from './alsoSee';
import type { Body, BodyImage } from './body/bodySchema';
import { readStoredBody, storedBodyChanges } from './body/readStoredBody';
import { walkBody } from './body/visitBody';
import { claimWordsChanged, markedClaims } from './claimMarks';
import type { CommentThread } from './comments';
import { isOpenThread } from './comments';
import { problemCheck } from './errors';
import type { Article } from './domain';
import { findHouseStyleIssues } from './houseStyle';
import { plural } from './plural';
import type { Claim } from './sources';
import { VERDICT_LABELS } from './sources';
import { formatStoryTime, isEmbargoed } from './storyTimes';
import { joinNames } from './text';

export const CHECK_LEVELS = ['blocking', 'warning'] as const;
export const CheckLevelSchema = z.enum(CHECK_LEVELS);
export type CheckLevel = z.infer<typeof CheckLevelSchema>;

/** One thing the checklist found. `id` is stable for the same problem, so an override can name it. */
export const ChecklistItemSchema = z.object({
  id: z.string(),
  level: CheckLevelSchema,
  /** What is wrong and what to do about it. */
  message: z.string(),
  /** Where to look: "Byline", "Body, image 2", "Fact check". */
  where: z.string(),
});
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

export const ChecklistSchema = z.object({
  items: z.array(ChecklistItemSchema),
  /** True when no blocking item is left. */
  ready: z.boolean(),
});
export type Checklist = z.infer<typeof ChecklistSchema>;

export const MAX_OVERRIDE_REASON = 500;
/** A reason is a sentence a colleague can read later, not a letter typed to get past the check. */
export const MIN_OVERRIDE_REASON_WORDS = 3;
export const MIN_OVERRIDE_REASON_CHARS = 15;

/** Words of two or more letters or digits: "n/a", "x" and "ok" are no reason. */
function reasonWords(reason: string): number {
  return (reason.match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*[\p{L}\p{M}\p{N}]/gu) ?? []).length;
}

/**
 * What is wrong with an override's reason, in words for the person writing it, or null when it
 * will do: a reason says why the story can go as it is, in at least a few words
 * (MIN_OVERRIDE_REASON_WORDS words and MIN_OVERRIDE_REASON_CHARS characters).
 */
export function overrideReasonProblem(reason: string): string | null {
  const trimmed = reason.trim();
  if (trimmed === '') return 'Write why the item is overridden: a blocking item is only overridden with a reason.';
  if (trimmed.length > MAX_OVERRIDE_REASON) return `A reason is at most ${MAX_OVERRIDE_REASON} characters.`;
  if (reasonWords(trimmed) < MIN_OVERRIDE_REASON_WORDS || trimmed.length < MIN_OVERRIDE_REASON_CHARS) {
    return `Give a real reason, in a few words (at least ${MIN_OVERRIDE_REASON_WORDS} words and ${MIN_OVERRIDE_REASON_CHARS} characters), such as "Wire copy: the agency carries no byline".`;
  }
  return null;
}

/** Overriding a blocking item: the item's id and the written reason, kept with the package and in the history. */
export const OverrideSchema = z.strictObject({
  itemId: z.string().min(1, { error: 'An override names the checklist item it overrides.' }).max(300),
  reason: z.string().trim().check(problemCheck(overrideReasonProblem)),
});
export type Override = z.infer<typeof OverrideSchema>;

/**
 * What the checklist reads. `linked` says, for each article an Also See block names, whether it
 * is live, trashed or gone; `now` is when it runs (an embargo is told while it is still ahead),
 * and `timeZone` the zone its times are told in (UTC when left out).
 */
export type ChecklistInput = {
  article: Pick<
    Article,
    'headline' | 'dek' | 'byline' | 'body' | 'bodyText' | 'wordCount' | 'lengthTarget' | 'dateline' | 'leadImage'
  > &
    Partial<Pick<Article, 'leadImageCredit' | 'embargoUntil' | 'publishAt'>>;
  claims: readonly (Pick<Claim, 'text' | 'state' | 'verdict' | 'verdictText'> & { id: string })[];
  /** The story's comment threads, kept in the library (none when left out). */
  comments?: readonly Pick<CommentThread, 'resolved'>[];
  linked: (articleId: string) => 'live' | 'trashed' | 'missing';
  now?: Date;
  timeZone?: string;
};

const HOUR_MS = 3_600_000;

/** "in 3 days", "in 5 hours", "in 20 minutes": how long until a time ahead. */
function timeUntil(iso: string, now: Date): string {
  const ahead = new Date(iso).getTime() - now.getTime();
  if (ahead >= 48 * HOUR_MS) return `in ${plural(Math.floor(ahead / (24 * HOUR_MS)), 'day')}`;
  if (ahead >= 2 * HOUR_MS) return `in ${plural(Math.floor(ahead / HOUR_MS), 'hour')}`;
  return `in ${plural(Math.max(1, Math.ceil(ahead / 60_000)), 'minute')}`;
}

/** The suggested changes in a body not yet accepted or rejected: how many, and who made them. */
export function pendingSuggestions(body: Body): { count: number; authors: string[] } {
  const ids = new Set<string>();
  const authors = new Set<string>();
  walkBody(body, (node) => {
    if (node.type !== 'suggestion') return;
    ids.add(node.id);
    authors.add(node.author.trim() === '' ? 'someone unnamed' : node.author);
  });
  return { count: ids.size, authors: [...authors] };
}

/** Inline images and Also See blocks of a body, in document order. */
function bodyBlocks(body: Body): { images: BodyImage[]; alsoSee: AlsoSeePayload[] } {
  const images: BodyImage[] = [];
  const alsoSee: AlsoSeePayload[] = [];
  walkBody(body, (node) => {
    if (node.type === 'inline-image') images.push(node);
    if (node.type === 'also-see') alsoSee.push(alsoSeeOf(node));
  });
  return { images, alsoSee };
}

const text = (value: string | undefined): string => (value ?? '').trim();

function excerpt(value: string, max = 60): string {
  const flat = value.replace(/\s+/gu, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** A claim's words in quotation marks, unless they are a quotation already ("“We will…,”"). */
function quoted(value: string, max = 60): string {
  const words = excerpt(value, max);
  return /^["“‘«„]/u.test(words) ? words : `"${words}"`;
}

/** Runs the checklist: blocking items first, then warnings, each in the order a reader meets them. */
export function runChecklist({
  article,
  claims,
  comments = [],
  linked,
  now = new Date(),
  timeZone = 'UTC',
}: ChecklistInput): Checklist {
  const blocking: ChecklistItem[] = [];
  const warnings: ChecklistItem[] = [];
  const block = (id: string, where: string, message: string) =>
    blocking.push({ id, level: 'blocking', where, message });
  const warn = (id: string, where: string, message: string) => warnings.push({ id, level: 'warning', where, message });

  if (article.headline.trim() === '') block('headline', 'Headline', 'The story has no headline. Write one.');
  if (article.byline.trim() === '') {
    block('byline', 'Byline', 'The story has no byline. Add its author (or the desk) in the byline field.');
  }
  if (article.bodyText.trim() === '') block('body', 'Body', 'The story has no text. Write the body before exporting.');

  // The embargo comes first among the warnings: it is the one thing that must not be missed.
  const embargo = article.embargoUntil ?? null;
  if (embargo !== null && isEmbargoed(embargo, now)) {
    warn(
      'embargo',
      'Embargo',
      `The story is embargoed until ${formatStoryTime(embargo, timeZone, 'en-GB')} (${timeUntil(embargo, now)}). The package says so to everyone it goes to; it must not be published before then.`,
    );
    const publishAt = article.publishAt ?? null;
    if (publishAt !== null && new Date(publishAt).getTime() < new Date(embargo).getTime()) {
      warn(
        'embargo:publish-time',
        'Publication time',
        `The story is set to be published at ${formatStoryTime(publishAt, timeZone, 'en-GB')}, before its embargo ends. Move the publication time or the embargo.`,
      );
    }
  }
  if (article.leadImage !== null && article.leadImage.credit.trim() === '') {
    block(
      'credit:lead',
      'Lead image',
      'The lead image has no credit. Add who took it or owns it (e.g. "Photo: Amna Riaz/Dawn").',
    );
  }
  const creditOnly = article.leadImage === null ? (article.leadImageCredit ?? '').trim() : '';
  if (creditOnly !== '') {
    // A credit is not a picture: no format of the package has a place for one without it.
    warn(
      'credit:no-picture',
      'Lead image',
      `The lead image credit ${quoted(creditOnly, 60)} is kept, but the story has no picture, so the credit is not exported. Add the picture (it takes the credit), or clear the credit.`,
    );
  }
  if (article.leadImage !== null && text(article.leadImage.altText) === '') {
    warn(
      'alt:lead',
      'Lead image',
      'The lead image has no alt text. Write what it shows for readers who cannot see it, under the caption.',
    );
  }
  const reading = readStoredBody(article.body);
  const suggested = pendingSuggestions(reading.body);
  if (suggested.count > 0) {
    block(
      'suggestions',
      'Body, suggestions',
      `The text has ${plural(suggested.count, 'suggested change')} by ${joinNames(suggested.authors)} not yet accepted or rejected. Accept or reject ${suggested.count === 1 ? 'it' : 'them'} in the Suggestions panel: nothing only suggested is exported.`,
    );
  }
  const { images, alsoSee } = bodyBlocks(reading.body);
  images.forEach((image, index) => {
    if (text(image.altText) !== '') return;
    const caption = text(image.caption);
    warn(
      `alt:image-${index + 1}`,
      `Body, image ${index + 1}`,
      `Image ${index + 1} in the body${caption === '' ? '' : ` (${quoted(caption, 40)})`} has no alt text. Write what it shows for readers who cannot see it, under the picture.`,
    );
  });
  images.forEach((image, index) => {
    if (text(image.credit) !== '') return;
    const caption = text(image.caption) || text(image.altText);
    block(
      `credit:image-${index + 1}`,
      `Body, image ${index + 1}`,
      `Image ${index + 1} in the body${caption === '' ? '' : ` (${quoted(caption, 40)})`} has no credit. Add it below the picture.`,
    );
  });

  const marked = markedClaims(reading.body);
  const inText = claims.filter(
    (claim) => claim.state !== 'dismissed' && (marked.has(claim.id) || claim.state === 'attached'),
  );
  const changedClaims: { id: string; verdict: Claim['verdict']; was: string; now: string }[] = [];
  for (const claim of inText) {
    const now = marked.get(claim.id) ?? claim.text;
    const was = claim.verdictText;
    const changed = claim.verdict !== 'unchecked' && was !== null && claimWordsChanged(was, now);
    if (claim.verdict === 'false' || claim.verdict === 'unsupported') {
      block(
        `claim:${claim.id}`,
        'Fact check',
        `The claim ${quoted(now)} is marked ${VERDICT_LABELS[claim.verdict].toLowerCase()} and is still in the text. ${
          changed
            ? `Its words changed since the verdict (it was ${quoted(was)}): if they are corrected, give it a new verdict in the Fact check panel.`
            : 'Correct or remove it.'
        }`,
      );
    } else if (changed) {
      changedClaims.push({ id: claim.id, verdict: claim.verdict, was, now });
    }
  }
  // A verified claim whose words changed would leave looking checked: it blocks until re-checked.
  for (const claim of changedClaims.filter((item) => item.verdict === 'verified')) {
    block(
      `claim-changed:${claim.id}`,
      'Fact check',
      `The claim ${quoted(claim.now)} changed after it was verified (it was ${quoted(claim.was)}). Confirm the verdict for the new words or give a new one in the Fact check panel.`,
    );
  }

  const seen = new Set<string>();
  alsoSee.forEach(({ articleId, url, headline }, index) => {
    if (articleId === '') {
      // A story outside the library: its address and headline are all the reader gets.
      const problem = storyAddressProblem(url) ?? storyHeadlineProblem(headline);
      if (problem !== null)
        block(`also-see-outside:${index + 1}`, `Body, Also See ${index + 1}`, `Also See ${index + 1}: ${problem}`);
      return;
    }
    if (seen.has(articleId)) return;
    seen.add(articleId);
    const state = linked(articleId);
    if (state === 'live') return;
    block(
      `also-see:${articleId}`,
      `Body, Also See ${index + 1}`,
      state === 'trashed'
        ? `Also See ${index + 1} points at an article that is in the trash. Restore that article or remove the block.`
        : `Also See ${index + 1} points at an article that is no longer in the library. Remove the block or link another article.`,
    );
  });

  for (const claim of changedClaims.filter((item) => item.verdict !== 'verified')) {
    warn(
      `claim-changed:${claim.id}`,
      'Fact check',
      `The claim ${quoted(claim.now)} changed after its verdict (${VERDICT_LABELS[claim.verdict].toLowerCase()}, given to ${quoted(claim.was)}). Look at it again in the Fact check panel.`,
    );
  }

  const unchecked = inText.filter((claim) => claim.verdict === 'unchecked').length;
  if (unchecked > 0) {
    warn(
      'claims:unchecked',
      'Fact check',
      `${plural(unchecked, 'claim is', 'claims are')} not checked yet. Give each a verdict in the Fact check panel.`,
    );
  }

  const openComments = comments.filter(isOpenThread).length;
  if (openComments > 0) {
    const them = openComments === 1 ? 'it' : 'them';
    warn(
      'comments',
      'Body, comments',
      `${plural(openComments, 'comment is', 'comments are')} still open. Resolve ${them} in the Comments panel, or export with ${them} open: comments are not exported.`,
    );
  }

  const tkPlaces = [
    ['Headline', article.headline],
    ['Dek', article.dek],
    ['Body', article.bodyText],
  ] as const;
  const tkCounts = tkPlaces
    .map(([where, value]) => ({ where, count: findHouseStyleIssues(value, []).filter((i) => i.kind === 'tk').length }))
    .filter((place) => place.count > 0);
  if (tkCounts.length > 0) {
    const total = tkCounts.reduce((sum, place) => sum + place.count, 0);
    warn(
      'tk',
      tkCounts.map((place) => place.where).join(', '),
      `${plural(total, 'TK marker')} left in the ${tkCounts.map((place) => place.where.toLowerCase()).join(' and ')}. Fill in what is missing.`,
    );
  }

  if (reading.problems.length > 0) {
    warn(
      'body-stored-form',
      'Body',
      `Part of the text was stored in a form this version of Copydesk does not edit (${storedBodyChanges(reading.problems)}): its words are exported as plain text. Open the story and check that it reads as it should.`,
    );
  }

  const target = article.lengthTarget;
  if (target !== null && Math.abs(article.wordCount - target) > target * 0.1) {
    const over = article.wordCount > target;
    warn(
      'length',
      'Length',
      `The story is ${plural(article.wordCount, 'word')}, ${over ? 'over' : 'under'} its target of ${target.toLocaleString('en')} by more than 10%. ${over ? 'Trim it' : 'Add to it'} or change the target.`,
    );
  }

  if (article.dateline.trim() === '') {
    warn('dateline', 'Dateline', 'The story has no dateline. Add the place it was reported from.');
  }

  return { items: [...blocking, ...warnings], ready: blocking.length === 0 };
}

/**
 * The blocking items of `checklist` that `overrides` do not cover. Overrides of items no longer
 * on the list (fixed since the check) and of warnings are left out of the result.
 */
export function unresolvedItems(checklist: Checklist, overrides: readonly Override[]): ChecklistItem[] {
  const overridden = new Set(overrides.filter((o) => o.reason.trim() !== '').map((o) => o.itemId));
  return checklist.items.filter((item) => item.level === 'blocking' && !overridden.has(item.id));
}

/** The overrides that apply: one per blocking item still on the list, with that item's message. */
export function appliedOverrides(
  checklist: Checklist,
  overrides: readonly Override[],
): { itemId: string; message: string; reason: string }[] {
  const byId = new Map(overrides.map((o) => [o.itemId, o.reason.trim()]));
  return checklist.items
    .filter((item) => item.level === 'blocking' && (byId.get(item.id) ?? '') !== '')
    .map((item) => ({ itemId: item.id, message: item.message, reason: byId.get(item.id) ?? '' }));
}
