import type { Article, ArticleStatus, Author, RelatedItem } from '../../../shared/domain';
import type { EditableValues, HeaderValues } from './ArticleHeader';
import type { FieldPatch } from './ArticleSaver';

/** The header's values as the fields of a save. */
export function toFieldPatch(patch: Partial<EditableValues>): FieldPatch {
  const { authors, leadImage, ...plain } = patch;
  const fields: FieldPatch = { ...plain };
  if (authors !== undefined) fields.authorIds = authors.map((author) => author.id);
  if (leadImage !== undefined) {
    fields.leadImage =
      leadImage === null
        ? null
        : {
            assetId: leadImage.asset.id,
            caption: leadImage.caption,
            credit: leadImage.credit,
            altText: leadImage.altText,
          };
  }
  return fields;
}

/** Changes made with one action rather than by typing are saved at once. */
export function isDiscrete(patch: Partial<EditableValues>, previous: HeaderValues): boolean {
  if (patch.authors !== undefined || patch.tags !== undefined || patch.language !== undefined) return true;
  if (patch.datelineDate !== undefined || patch.embargoUntil !== undefined || patch.publishAt !== undefined)
    return true;
  if (patch.leadImage !== undefined) return patch.leadImage?.asset.id !== previous.leadImage?.asset.id;
  return false;
}

/** The related list as a save sends it: the articles and the words shown for them. */
export function relatedPatch(items: readonly RelatedItem[]): FieldPatch {
  return { related: items.map(({ articleId, headline, teaser }) => ({ articleId, headline, teaser })) };
}

/** What the article's header shows: its fields, its related list, and the slug's problem. */
export type HeaderFields = {
  values: HeaderValues;
  related: RelatedItem[];
  /** Why the slug the person typed was refused (taken by another article), until they type another. */
  slugProblem: string | null;
  /** Bumped each time a status change is saved (History lists status changes). */
  statusSaves: number;
};

export type HeaderFieldsAction =
  | { type: 'edited'; patch: Partial<EditableValues> }
  | { type: 'status'; status: ArticleStatus }
  | { type: 'status-saved' }
  /** An export moved the story to Exported on the server. */
  | { type: 'exported'; status: ArticleStatus }
  | { type: 'related'; items: RelatedItem[] }
  | { type: 'slug-typed' }
  | { type: 'slug-refused'; message: string }
  | { type: 'saved'; article: Pick<Article, 'slug' | 'slugLocked'> }
  | { type: 'author-updated'; author: Author }
  /** The byline a new story starts with, unless the person already gave one. */
  | { type: 'default-authors'; authors: Author[] };

export function initialHeaderFields(values: HeaderValues, related: RelatedItem[]): HeaderFields {
  return { values, related, slugProblem: null, statusSaves: 0 };
}

export function headerFieldsReducer(state: HeaderFields, action: HeaderFieldsAction): HeaderFields {
  const { values } = state;
  switch (action.type) {
    case 'edited':
      return { ...state, values: { ...values, ...action.patch } };
    case 'status':
      return { ...state, values: { ...values, status: action.status } };
    case 'status-saved':
      return { ...state, statusSaves: state.statusSaves + 1 };
    case 'exported':
      return { ...state, values: { ...values, status: action.status }, statusSaves: state.statusSaves + 1 };
    case 'related':
      return { ...state, related: action.items };
    case 'slug-typed':
      return state.slugProblem === null ? state : { ...state, slugProblem: null };
    case 'slug-refused':
      return { ...state, slugProblem: action.message };
    case 'saved': {
      // The slug follows the headline on the server while the story is a draft.
      const { slug, slugLocked } = action.article;
      if (values.slug === slug && values.slugLocked === slugLocked) return state;
      return { ...state, values: { ...values, slug, slugLocked } };
    }
    case 'author-updated':
      return {
        ...state,
        values: {
          ...values,
          authors: values.authors.map((existing) => (existing.id === action.author.id ? action.author : existing)),
        },
      };
    case 'default-authors':
      return values.authors.length === 0 ? { ...state, values: { ...values, authors: action.authors } } : state;
  }
}
