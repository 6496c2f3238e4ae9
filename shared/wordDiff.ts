/** Word-level differences between two texts: revisions of an article, a quotation against its source. */
import { diffWordsWithSpace } from 'diff';

import { countWords } from './text';
import { plural } from './plural';

/** A run of text that is the same in both versions, only in the kept version, or only in the current one. */
export type DiffPart = { kind: 'same' | 'inserted' | 'deleted'; text: string };

export type FieldDiff = {
  parts: DiffPart[];
  /** Words only in the current text. */
  inserted: number;
  /** Words only in the kept version. */
  deleted: number;
};

/** A diff that took longer than this is abandoned: the texts are too far apart to read word by word. */
const DIFF_TIMEOUT_MS = 1500;

/**
 * The word-level difference from a kept version (`before`) to the current text (`after`), or
 * null when the texts are too far apart to compare in reasonable time. With `ignoreCase`,
 * words that differ only in capitalisation count as the same (the `after` spelling is kept).
 */
export function wordDiff(before: string, after: string, options: { ignoreCase?: boolean } = {}): FieldDiff | null {
  if (before === after) {
    return { parts: before === '' ? [] : [{ kind: 'same', text: before }], inserted: 0, deleted: 0 };
  }
  const changes = diffWordsWithSpace(before, after, {
    timeout: DIFF_TIMEOUT_MS,
    ignoreCase: options.ignoreCase ?? false,
  });
  if (changes === undefined) return null;
  const parts: DiffPart[] = [];
  let inserted = 0;
  let deleted = 0;
  for (const change of changes) {
    const kind = change.added ? 'inserted' : change.removed ? 'deleted' : 'same';
    if (kind === 'inserted') inserted += countWords(change.value);
    if (kind === 'deleted') deleted += countWords(change.value);
    const last = parts[parts.length - 1];
    if (last?.kind === kind) last.text += change.value;
    else parts.push({ kind, text: change.value });
  }
  return { parts, inserted, deleted };
}

export type ComparedText = { headline: string; dek: string; bodyText: string };

export type ArticleDiff = {
  headline: FieldDiff | null;
  dek: FieldDiff | null;
  body: FieldDiff | null;
  inserted: number;
  deleted: number;
};

/** The headline, dek and body of a kept version compared with the current ones. */
export function articleDiff(kept: ComparedText, current: ComparedText): ArticleDiff {
  const headline = wordDiff(kept.headline, current.headline);
  const dek = wordDiff(kept.dek, current.dek);
  const body = wordDiff(kept.bodyText, current.bodyText);
  const fields = [headline, dek, body];
  return {
    headline,
    dek,
    body,
    inserted: fields.reduce((sum, field) => sum + (field?.inserted ?? 0), 0),
    deleted: fields.reduce((sum, field) => sum + (field?.deleted ?? 0), 0),
  };
}

/** "3 words added, 1 removed", "No differences". */
export function describeDiff(diff: Pick<ArticleDiff, 'inserted' | 'deleted'>): string {
  const words = (count: number) => plural(count, 'word');
  if (diff.inserted === 0 && diff.deleted === 0) return 'No word changes';
  if (diff.deleted === 0) return `${words(diff.inserted)} added since this version`;
  if (diff.inserted === 0) return `${words(diff.deleted)} removed since this version`;
  return `${words(diff.inserted)} added and ${words(diff.deleted)} removed since this version`;
}
