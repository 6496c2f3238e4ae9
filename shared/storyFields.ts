import type * as Y from 'yjs';

/**
 * A story's headline and dek in its live document: each a Y.Text beside the body, so two people
 * typing in the headline at once merge character by character, as in the text. The 'story' map
 * says the document has them: one made before it had them is given them from the saved article.
 */

export const STORY_FIELDS = ['headline', 'dek'] as const;
export type StoryField = (typeof STORY_FIELDS)[number];
export type StoryFieldValues = Record<StoryField, string>;

const STORY_MAP = 'story';
const HAS_FIELDS = 'fields';

export function storyFieldText(doc: Y.Doc, field: StoryField): Y.Text {
  return doc.getText(field);
}

/** Whether `doc` carries the story's headline and dek (a document made before it did not). */
export function hasStoryFields(doc: Y.Doc): boolean {
  return doc.getMap(STORY_MAP).get(HAS_FIELDS) === true;
}

/** The headline and dek `doc` holds, or null when it does not hold them yet. */
export function storyFieldsOf(doc: Y.Doc): StoryFieldValues | null {
  if (!hasStoryFields(doc)) return null;
  return { headline: storyFieldText(doc, 'headline').toJSON(), dek: storyFieldText(doc, 'dek').toJSON() };
}

/** Gives `doc` the story's headline and dek, once: the server does this when it first opens the story. */
export function giveStoryFields(doc: Y.Doc, values: StoryFieldValues): void {
  if (hasStoryFields(doc)) return;
  doc.transact(() => {
    for (const field of STORY_FIELDS) replaceFieldText(storyFieldText(doc, field), values[field]);
    doc.getMap(STORY_MAP).set(HAS_FIELDS, true);
  });
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Makes `text` read `next` by the smallest change at one place (what a keystroke, a paste or a
 * cut does), so what others typed elsewhere in it at the same moment is kept. A character
 * written as two UTF-16 units is never split.
 */
export function replaceFieldText(text: Y.Text, next: string, origin?: unknown): void {
  const current = text.toJSON();
  if (current === next) return;
  let start = 0;
  const shortest = Math.min(current.length, next.length);
  while (start < shortest && current.charCodeAt(start) === next.charCodeAt(start)) start += 1;
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start -= 1;
  let end = 0;
  while (
    end < shortest - start &&
    current.charCodeAt(current.length - 1 - end) === next.charCodeAt(next.length - 1 - end)
  ) {
    end += 1;
  }
  if (end > 0 && isLowSurrogate(current.charCodeAt(current.length - end))) end -= 1;
  const apply = () => {
    const removed = current.length - start - end;
    if (removed > 0) text.delete(start, removed);
    const inserted = next.slice(start, next.length - end);
    if (inserted !== '') text.insert(start, inserted);
  };
  if (text.doc === null) apply();
  else text.doc.transact(apply, origin);
}
