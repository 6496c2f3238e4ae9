import type { ArticleStatus } from '../../../shared/domain';
import { LengthTargetSchema, SlugSchema } from '../../../shared/domain';

/** Languages a desk commonly files in, by BCP 47 tag; any other tag an article has is kept and shown too. */
export const COMMON_LANGUAGES: readonly { code: string; name: string }[] = [
  { code: 'en', name: 'English' },
  // Spelling follows the variant: British and American dictionaries ship with Copydesk.
  { code: 'en-GB', name: 'English (UK)' },
  { code: 'en-US', name: 'English (US)' },
  { code: 'ar', name: 'Arabic' },
  { code: 'bn', name: 'Bengali' },
  { code: 'zh', name: 'Chinese' },
  { code: 'nl', name: 'Dutch' },
  { code: 'fr', name: 'French' },
  { code: 'de', name: 'German' },
  { code: 'hi', name: 'Hindi' },
  { code: 'id', name: 'Indonesian' },
  { code: 'it', name: 'Italian' },
  { code: 'ja', name: 'Japanese' },
  { code: 'ko', name: 'Korean' },
  { code: 'ps', name: 'Pashto' },
  { code: 'fa', name: 'Persian' },
  { code: 'pl', name: 'Polish' },
  { code: 'pt', name: 'Portuguese' },
  { code: 'ru', name: 'Russian' },
  { code: 'es', name: 'Spanish' },
  { code: 'sw', name: 'Swahili' },
  { code: 'tr', name: 'Turkish' },
  { code: 'uk', name: 'Ukrainian' },
  { code: 'ur', name: 'Urdu' },
];

/** The language choices for an article: the common ones, plus its own if it is not among them. */
export function languageOptions(current: string): { code: string; name: string }[] {
  if (current === '' || COMMON_LANGUAGES.some((language) => language.code === current)) return [...COMMON_LANGUAGES];
  return [...COMMON_LANGUAGES, { code: current, name: current }];
}

export type ParsedTarget = { ok: true; value: number | null } | { ok: false; message: string };

/** What the length-target box holds, as the value to save: empty means no target. */
export function parseLengthTarget(input: string): ParsedTarget {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: true, value: null };
  if (!/^\d+$/.test(trimmed)) return { ok: false, message: 'The length target is a whole number of words.' };
  const parsed = LengthTargetSchema.safeParse(Number(trimmed));
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'Not a length target.' };
  return { ok: true, value: parsed.data };
}

export type ParsedSlug = { ok: true; value: string } | { ok: false; message: string };

/** A slug typed by hand, checked as the server will check it. */
export function parseSlug(input: string): ParsedSlug {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, message: 'An article needs a slug.' };
  const parsed = SlugSchema.safeParse(trimmed);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'Not a slug.' };
  return { ok: true, value: parsed.data };
}

/** Whether the slug still follows the headline, in words a person reads. */
export function slugOrigin(slugLocked: boolean, status: ArticleStatus): string {
  if (slugLocked) return 'Set by hand';
  if (status === 'draft') return 'Follows the headline';
  return 'Kept since the story left draft';
}

export type LengthProgress = {
  /** "640 / 800 words" */
  label: string;
  /** How it stands against the target: "160 under", "45 over", "on target". */
  difference: string;
  verdict: 'under' | 'on' | 'over';
};

const numbers = new Intl.NumberFormat('en');

/**
 * Words written against the target. Within 5% (at least 10 words) either side counts as on
 * target: a desk rarely cuts to the exact word.
 */
export function lengthProgress(words: number, target: number): LengthProgress {
  const label = `${numbers.format(words)} / ${numbers.format(target)} words`;
  const slack = Math.max(10, Math.round(target * 0.05));
  const gap = words - target;
  if (Math.abs(gap) <= slack) return { label, difference: 'on target', verdict: 'on' };
  const verdict = gap < 0 ? 'under' : 'over';
  return { label, difference: `${numbers.format(Math.abs(gap))} ${verdict}`, verdict };
}

/** How a text stands against the length search results show: "64 of 60–70 characters", "12 over". */
export function lengthCount(
  length: number,
  target: { from: number; to: number } | number,
): { label: string; over: number } {
  const most = typeof target === 'number' ? target : target.to;
  const range =
    typeof target === 'number' ? numbers.format(target) : `${numbers.format(target.from)}–${numbers.format(target.to)}`;
  const over = Math.max(0, length - most);
  return {
    label: `${numbers.format(length)} of ${range} characters${over > 0 ? `: ${numbers.format(over)} over, search results cut it` : ''}`,
    over,
  };
}

/** Tags as typed into the tag box: split on commas, trimmed, without ones already present. */
export function addTags(existing: readonly string[], input: string): string[] {
  const next = [...existing];
  const seen = new Set(existing.map((tag) => tag.toLowerCase()));
  for (const raw of input.split(',')) {
    const tag = raw.trim().slice(0, 100);
    if (tag === '' || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    next.push(tag);
  }
  return next.slice(0, 50);
}

/** Moves the item at `from` by `offset` places, staying within the list. */
export function moveItem<T>(items: readonly T[], from: number, offset: number): T[] {
  const to = Math.min(items.length - 1, Math.max(0, from + offset));
  if (to === from || from < 0 || from >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** The headline, dek and captions are one line each: a line break typed or pasted into them becomes a space. */
export function oneLine(input: string): string {
  return input.replace(/\r?\n/g, ' ');
}
