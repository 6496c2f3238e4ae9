import type { DiffPart, FieldDiff } from '../../../shared/wordDiff';

/** Text the same in both versions, or one change: words removed, added, or one put in place of the other. */
export type DiffChunk = { kind: 'same'; text: string } | { kind: 'change'; index: number; parts: DiffPart[] };

const isBlank = (text: string) => text.trim() === '';

/**
 * A field's diff as changes a reader steps through, numbered from `firstIndex`. Words removed
 * and the words put in their place are one change, as are changed runs with only spaces
 * between them ("on Monday" → "on Tuesday next week"); a change shows what it removed, then
 * what it added.
 */
export function chunkChanges(diff: FieldDiff, firstIndex: number): { chunks: DiffChunk[]; count: number } {
  const chunks: DiffChunk[] = [];
  let index = firstIndex;
  let open: { kind: 'change'; index: number; parts: DiffPart[] } | null = null;
  diff.parts.forEach((part, at) => {
    if (part.kind !== 'same') {
      if (open === null) {
        open = { kind: 'change', index, parts: [] };
        index += 1;
        chunks.push(open);
      }
      open.parts.push(part);
      return;
    }
    const next = diff.parts[at + 1];
    if (open !== null && isBlank(part.text) && next !== undefined && next.kind !== 'same') {
      open.parts.push(part);
      return;
    }
    open = null;
    chunks.push({ kind: 'same', text: part.text });
  });
  return {
    chunks: chunks.map((chunk) =>
      chunk.kind === 'change' ? { ...chunk, parts: removedThenAdded(chunk.parts) } : chunk,
    ),
    count: index - firstIndex,
  };
}

/**
 * A change read as a whole: all it removed, then all it added ("old quay" → "eastern
 * terminal"), not word against word ("old" "eastern" "quay" "terminal").
 */
function removedThenAdded(parts: readonly DiffPart[]): DiffPart[] {
  // One side's words, with the spaces between them (not those between the other side's words).
  const side = (kind: 'deleted' | 'inserted') => {
    const first = parts.findIndex((part) => part.kind === kind);
    const last = parts.findLastIndex((part) => part.kind === kind);
    return parts
      .slice(first, last + 1)
      .filter((part) => part.kind === kind || part.kind === 'same')
      .map((part) => part.text)
      .join('');
  };
  const removed = side('deleted');
  const added = side('inserted');
  const whole: DiffPart[] = [];
  if (parts.some((part) => part.kind === 'deleted')) whole.push({ kind: 'deleted', text: removed });
  if (parts.some((part) => part.kind === 'inserted')) whole.push({ kind: 'inserted', text: added });
  return whole;
}

function quoted(text: string, max = 80): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return `“${flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`}”`;
}

/** A change in words, for a screen reader: "removed “Monday”, added “Tuesday”". */
export function describeChange(parts: readonly DiffPart[]): string {
  const removed = parts
    .filter((part) => part.kind === 'deleted')
    .map((part) => part.text)
    .join(' ');
  const added = parts
    .filter((part) => part.kind === 'inserted')
    .map((part) => part.text)
    .join(' ');
  const said: string[] = [];
  if (!isBlank(removed)) said.push(`removed ${quoted(removed)}`);
  if (!isBlank(added)) said.push(`added ${quoted(added)}`);
  return said.length === 0 ? 'spacing changed' : said.join(', ');
}
