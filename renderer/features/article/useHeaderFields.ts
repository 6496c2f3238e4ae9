import { useCallback, useLayoutEffect, useReducer, useRef } from 'react';

import type { Article, ArticleStatus, Author, RelatedItem } from '../../../shared/domain';
import { headerValuesOf, type EditableValues, type HeaderValues } from './ArticleHeader';
import type { ArticleSaver } from './ArticleSaver';
import {
  headerFieldsReducer,
  initialHeaderFields,
  isDiscrete,
  relatedPatch,
  toFieldPatch,
  type HeaderFields,
} from './headerFields';

/** Where a live story's headline and dek go as they are typed: its document on the desk. */
export type LiveFieldWriter = { write: (field: 'headline' | 'dek', value: string) => void };

export type HeaderFieldActions = {
  /** A field edited: shown at once, saved after the typing pause, or at once for a one-action change. */
  change: (patch: Partial<EditableValues>) => void;
  changeSlug: (slug: string) => void;
  changeStatus: (status: ArticleStatus) => void;
  changeRelated: (items: RelatedItem[]) => void;
  authorUpdated: (author: Author) => void;
  defaultAuthors: (authors: Author[]) => void;
  /** An export moved the story to `status` on the server. */
  exported: (status: ArticleStatus) => void;
  /** The headline and dek of a story edited live, as everyone's typing leaves them: shown, not saved. */
  showLive: (values: Pick<EditableValues, 'headline' | 'dek'>) => void;
};

export type HeaderFieldsState = HeaderFields &
  HeaderFieldActions & {
    /** The values as they are now, for callbacks that outlive a render. */
    current: () => HeaderValues & { related: RelatedItem[] };
  };

/**
 * The article's header fields and related list as the person edits them, each change handed to
 * the saver; and what a save brings back (the slug, which follows the headline of a draft, or
 * why the slug typed was refused). `onSaved` hears of every save.
 */
export function useHeaderFields(
  article: Article,
  saver: ArticleSaver,
  onSaved: (saved: Article) => void,
  report: (error: unknown) => void,
  live?: LiveFieldWriter,
): HeaderFieldsState {
  const [state, dispatch] = useReducer(headerFieldsReducer, article, (opened) =>
    initialHeaderFields(headerValuesOf(opened), opened.related),
  );
  const stateRef = useRef(state);
  useLayoutEffect(() => {
    stateRef.current = state;
  });

  useLayoutEffect(() => {
    saver.connect({
      onSaved: (saved) => {
        onSaved(saved);
        dispatch({ type: 'saved', article: saved });
      },
      onUnseenFailure: (message) => {
        const headline = stateRef.current.values.headline.trim() || 'Untitled';
        report(new Error(`Changes to “${headline}” were not saved: ${message}`));
      },
      onSlugRefused: (_slug, message) => dispatch({ type: 'slug-refused', message }),
    });
  }, [saver, onSaved, report]);

  const change = useCallback(
    (patch: Partial<EditableValues>) => {
      const discrete = isDiscrete(patch, stateRef.current.values);
      dispatch({ type: 'edited', patch });
      let saved = patch;
      if (live !== undefined) {
        // A live story's headline and dek go into its document, merged with others' typing.
        const { headline, dek, ...rest } = patch;
        if (headline !== undefined && saver.acceptsLiveField('headline', headline)) live.write('headline', headline);
        if (dek !== undefined && saver.acceptsLiveField('dek', dek)) live.write('dek', dek);
        saved = rest;
      }
      if (Object.keys(saved).length > 0) saver.setFields(toFieldPatch(saved));
      if (discrete) void saver.flush();
    },
    [saver, live],
  );

  const showLive = useCallback((values: Pick<EditableValues, 'headline' | 'dek'>) => {
    const shown = stateRef.current.values;
    if (values.headline !== shown.headline || values.dek !== shown.dek) dispatch({ type: 'edited', patch: values });
  }, []);

  const changeSlug = useCallback(
    (slug: string) => {
      dispatch({ type: 'slug-typed' });
      saver.setFields({ slug });
      void saver.flush();
    },
    [saver],
  );

  const changeStatus = useCallback(
    (status: ArticleStatus) => {
      dispatch({ type: 'status', status });
      saver.setFields({ status });
      void saver.flush().then(() => dispatch({ type: 'status-saved' }));
    },
    [saver],
  );

  const changeRelated = useCallback(
    (items: RelatedItem[]) => {
      dispatch({ type: 'related', items });
      saver.setFields(relatedPatch(items));
      void saver.flush();
    },
    [saver],
  );

  const authorUpdated = useCallback((author: Author) => dispatch({ type: 'author-updated', author }), []);
  const defaultAuthors = useCallback((authors: Author[]) => dispatch({ type: 'default-authors', authors }), []);
  const exported = useCallback((status: ArticleStatus) => dispatch({ type: 'exported', status }), []);
  const current = useCallback(() => ({ ...stateRef.current.values, related: stateRef.current.related }), []);

  return {
    ...state,
    change,
    changeSlug,
    changeStatus,
    changeRelated,
    authorUpdated,
    defaultAuthors,
    exported,
    showLive,
    current,
  };
}
