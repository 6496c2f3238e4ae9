import { z } from 'zod';

import {
  ArticleStatusSchema,
  AuthorSchema,
  LeadImageSchema,
  RelatedItemSchema,
  StoredBodySchema,
  type Article,
  type ArticleId,
  type Author,
  type LeadImage,
  type RelatedItem,
} from '../../../shared/domain';
import type { FieldPatch, TextField, Unsaved } from './ArticleSaver';
import type { HeaderValues } from './ArticleHeader';

/** The article's fields as the window shows them: authors with their names, the lead image with its picture. */
export type ShownValues = HeaderValues & { related: RelatedItem[] };

const ShownValuesSchema = z
  .object({
    headline: z.string(),
    dek: z.string(),
    authors: z.array(AuthorSchema),
    dateline: z.string(),
    datelineDate: z.string(),
    // A picture kept before pictures had alt text has none.
    leadImage: LeadImageSchema.extend({ altText: z.string().default('') }).nullable(),
    leadImageCredit: z.string(),
    section: z.string(),
    tags: z.array(z.string()),
    syndicationCredit: z.string(),
    embargoUntil: z.string().nullable(),
    publishAt: z.string().nullable(),
    seoHeadline: z.string(),
    socialHeadline: z.string(),
    seoDescription: z.string(),
    language: z.string(),
    lengthTarget: z.number().nullable(),
    slug: z.string(),
    status: ArticleStatusSchema,
    related: z.array(RelatedItemSchema),
  })
  .partial();

const TEXT_FIELDS = [
  'datelineDate',
  'slug',
  'lengthTarget',
  'embargoUntil',
  'publishAt',
] as const satisfies readonly TextField[];

const KeptEditsSchema = z.object({
  articleId: z.string(),
  /** The version the edits were made on; 0 for a story never stored. */
  version: z.number().int().nonnegative(),
  /** When they were last kept. */
  at: z.iso.datetime(),
  values: ShownValuesSchema,
  /** Text typed in a box that is not a value (yet): a date Copydesk cannot read. */
  drafts: z.array(z.object({ field: z.enum(TEXT_FIELDS), text: z.string(), message: z.string().nullable() })),
  /** As the editor kept it; read as any stored body is (an earlier version may have kept it). */
  body: StoredBodySchema.nullable(),
});

/** Edits the library could not take, kept in the window's storage until they are saved or discarded. */
export type KeptEdits = z.infer<typeof KeptEditsSchema>;

const PREFIX = 'copydesk.unsaved.';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The kept edits of one story, or null (none, or unreadable). */
export function readKept(articleId: string): KeptEdits | null {
  try {
    const raw = storage()?.getItem(PREFIX + articleId) ?? null;
    if (raw === null) return null;
    const parsed = KeptEditsSchema.safeParse(JSON.parse(raw));
    return parsed.success && parsed.data.articleId === articleId ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Keeps the edits; false when the storage refused them (full, or turned off). */
export function writeKept(kept: KeptEdits): boolean {
  try {
    const place = storage();
    if (place === null) return false;
    place.setItem(PREFIX + kept.articleId, JSON.stringify(kept));
    return true;
  } catch {
    return false;
  }
}

export function forgetKept(articleId: string): void {
  try {
    storage()?.removeItem(PREFIX + articleId);
  } catch {
    // Nothing to forget where there is no storage.
  }
}

/** Stories started with "New article" whose first words never reached the library, newest first. */
export function keptNewStories(): ArticleId[] {
  const place = storage();
  if (place === null) return [];
  const found: KeptEdits[] = [];
  for (let index = 0; index < place.length; index += 1) {
    const key = place.key(index);
    if (key === null || !key.startsWith(PREFIX)) continue;
    const kept = readKept(key.slice(PREFIX.length));
    if (kept !== null && kept.version === 0) found.push(kept);
  }
  return found.sort((a, b) => b.at.localeCompare(a.at)).map((kept) => kept.articleId as ArticleId);
}

/** The name of the value a field of a save is shown as. */
function shownKey(field: keyof FieldPatch | 'body'): keyof ShownValues | null {
  if (field === 'body') return null;
  return field === 'authorIds' ? 'authors' : field;
}

/** What is unsaved, as the window shows it: the values on screen for every field not saved. */
export function keptFrom(unsaved: Unsaved, shown: ShownValues, now: Date): KeptEdits {
  const values: Record<string, unknown> = {};
  const drafts: KeptEdits['drafts'] = [];
  const fields = [
    ...(Object.keys(unsaved.fields) as (keyof FieldPatch)[]),
    ...unsaved.held.filter((held) => held.text === null).map((held) => held.field),
  ];
  for (const field of fields) {
    const key = shownKey(field);
    if (key !== null) values[key] = shown[key];
  }
  for (const held of unsaved.held) {
    const field = TEXT_FIELDS.find((name) => name === held.field);
    if (field !== undefined && held.text !== null) drafts.push({ field, text: held.text, message: held.message });
  }
  return {
    articleId: unsaved.id,
    version: unsaved.version,
    at: now.toISOString(),
    values,
    drafts,
    body: unsaved.body,
  };
}

/** `newer` over `older`: newer values, drafts and body win; what only `older` has stays. */
export function mergeKept(older: KeptEdits | null, newer: KeptEdits): KeptEdits {
  if (older === null) return newer;
  const fields = new Set(newer.drafts.map((draft) => draft.field));
  return {
    ...newer,
    values: { ...older.values, ...newer.values },
    drafts: [...older.drafts.filter((draft) => !fields.has(draft.field)), ...newer.drafts],
    body: newer.body ?? older.body,
  };
}

function sameAuthors(a: readonly Author[], b: readonly Author[]): boolean {
  return a.length === b.length && a.every((author, index) => author.id === b[index]?.id);
}

function sameImage(a: LeadImage | null, b: LeadImage | null): boolean {
  if (a === null || b === null) return a === b;
  return a.asset.id === b.asset.id && a.caption === b.caption && a.credit === b.credit && a.altText === b.altText;
}

function sameRelated(a: readonly RelatedItem[], b: readonly RelatedItem[]): boolean {
  return (
    a.length === b.length &&
    a.every((item, index) => {
      const other = b[index];
      return other?.articleId === item.articleId && other.headline === item.headline && other.teaser === item.teaser;
    })
  );
}

function sameValue(key: keyof ShownValues, kept: unknown, article: Article): boolean {
  switch (key) {
    case 'authors':
      return sameAuthors(kept as Author[], article.authors);
    case 'leadImage':
      return sameImage(kept as LeadImage | null, article.leadImage);
    case 'related':
      return sameRelated(kept as RelatedItem[], article.related);
    default:
      return JSON.stringify(kept) === JSON.stringify(article[key]);
  }
}

/**
 * What of the kept edits the stored article does not have already (a save that went through
 * as the window closed leaves a copy of what it saved); null when nothing is left.
 */
export function stillUnsaved(kept: KeptEdits, article: Article): KeptEdits | null {
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(kept.values)) {
    if (!sameValue(key as keyof ShownValues, value, article)) values[key] = value;
  }
  const body = kept.body !== null && JSON.stringify(kept.body) !== JSON.stringify(article.body) ? kept.body : null;
  if (Object.keys(values).length === 0 && kept.drafts.length === 0 && body === null) return null;
  return { ...kept, values, body };
}
