import type { ArticleId } from '../../../shared/domain';

/**
 * What the Fact check panel keeps in the browser's storage for one article: set-aside
 * suggestions, notes not yet saved. Storage can be full or disabled: reading then gives
 * nothing, and writing keeps nothing beyond the panel's own state.
 */
export function readStored(prefix: string, articleId: ArticleId): unknown {
  try {
    const raw = localStorage.getItem(prefix + articleId);
    return raw === null ? null : (JSON.parse(raw) as unknown);
  } catch {
    return null;
  }
}

export function writeStored(prefix: string, articleId: ArticleId, value: unknown): void {
  try {
    if (value === null) localStorage.removeItem(prefix + articleId);
    else localStorage.setItem(prefix + articleId, JSON.stringify(value));
  } catch {
    // See above: the panel's state still holds it for as long as the article is open.
  }
}

const NOTE_DRAFTS = 'copydesk.noteDrafts.';

/** Notes typed and not yet saved, by claim id: kept until saved, so a reload or a failed save loses none. */
export function readNoteDrafts(articleId: ArticleId): Map<string, string> {
  const stored = readStored(NOTE_DRAFTS, articleId);
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return new Map();
  return new Map(Object.entries(stored).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

export function writeNoteDrafts(articleId: ArticleId, drafts: ReadonlyMap<string, string>): void {
  writeStored(NOTE_DRAFTS, articleId, drafts.size === 0 ? null : Object.fromEntries(drafts));
}
