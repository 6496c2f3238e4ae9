import type { LexicalEditor } from 'lexical';
import { $getRoot, $getSelection } from 'lexical';
import { useCallback, useMemo, type RefObject } from 'react';

import type { ArticleId, RelatedItem } from '../../../shared/domain';
import type { RelatedDraft, RelatedSuggestion } from '../../../shared/related';
import { INSERT_ALSO_SEE_COMMAND } from '../../editor/plugins/AlsoSeePlugin';
import { useRelatedSuggestions, type RelatedSuggestionsState } from '../related/useRelatedSuggestions';
import type { HeaderValues } from './ArticleHeader';
import { accepted } from './fieldChecks';

export type ArticleRelated = {
  suggestions: RelatedSuggestionsState;
  /** Puts an Also See block for the article in the text, where the caret was. */
  insertAlsoSee: (item: RelatedSuggestion) => void;
  /** Adds the article to the story's related list. */
  pin: (item: RelatedSuggestion) => void;
};

/** The library's related articles for the draft as it stands (asked for when typing pauses), and what taking one does. */
export function useArticleRelated(
  articleId: ArticleId,
  values: HeaderValues,
  blocks: readonly string[],
  related: RelatedItem[],
  changeRelated: (items: RelatedItem[]) => void,
  editorRef: RefObject<LexicalEditor | null>,
  report: (error: unknown) => void,
): ArticleRelated {
  const draft = useMemo<RelatedDraft>(
    () => ({
      // A value held back as too long is left out of the comparison too: the library would refuse it.
      headline: accepted('headline', values.headline),
      dek: accepted('dek', values.dek),
      text: blocks.join('\n\n'),
      tags: values.tags,
      section: accepted('section', values.section),
      excludeId: articleId,
    }),
    [values.headline, values.dek, values.tags, values.section, blocks, articleId],
  );
  const suggestions = useRelatedSuggestions(draft, report);

  const insertAlsoSee = useCallback(
    (item: RelatedSuggestion) => {
      const editor = editorRef.current;
      if (editor === null) return;
      editor.update(() => {
        // Where the caret was when the person left the text; at the end when it never was there.
        if ($getSelection() === null) $getRoot().selectEnd();
        editor.dispatchCommand(INSERT_ALSO_SEE_COMMAND, item.articleId);
      });
    },
    [editorRef],
  );

  const pin = useCallback(
    (item: RelatedSuggestion) => {
      if (related.some((entry) => entry.articleId === item.articleId)) return;
      changeRelated([
        ...related,
        { articleId: item.articleId, headline: item.headline, teaser: item.teaser, trashed: false },
      ]);
    },
    [related, changeRelated],
  );

  return { suggestions, insertAlsoSee, pin };
}
