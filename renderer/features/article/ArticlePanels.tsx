import { useCallback, useState, type JSX } from 'react';

import type { ArticleId, RelatedItem } from '../../../shared/domain';
import { CommentsPanel } from '../comments/CommentsPanel';
import type { ArticleComments } from '../comments/useArticleComments';
import { FactCheckPanel } from '../factcheck/FactCheckPanel';
import { HistoryPanel } from '../history/HistoryPanel';
import { SidePanels } from '../panels/SidePanels';
import { RelatedPanel } from '../related/RelatedPanel';
import { RelatedSuggestions } from '../related/RelatedSuggestions';
import { SourcesPanel } from '../sources/SourcesPanel';
import { downloadHtml } from '../../components/download';
import { cleanCopy, markedUpCopy } from '../suggestions/markedUpCopy';
import type { Proofs } from '../suggestions/ProofButtons';
import { SuggestionsPanel } from '../suggestions/SuggestionsPanel';
import type { SuggestionSummary } from '../../editor/suggestions';
import type { LexicalEditor } from 'lexical';
import type { RefObject } from 'react';
import type { HeldField } from './ArticleSaver';
import { heldFor } from './FieldProblem';
import { panelsOfNewStory } from './newStory';
import type { ArticleClaims } from './useArticleClaims';
import type { ArticleHistory } from './useArticleHistory';
import type { ArticleRelated } from './useArticleRelated';

/** A tab brought to the front by something elsewhere (a claim just marked); `at` tells requests apart. */
export type PanelRequest = { id: string; at: number };

/** Which panel the article view last asked for, and a way to ask. */
export function usePanelRequest(): { request: PanelRequest | null; show: (id: string) => void } {
  const [request, setRequest] = useState<PanelRequest | null>(null);
  const show = useCallback((id: string) => setRequest({ id, at: Date.now() }), []);
  return { request, show };
}

type ArticlePanelsProps = {
  articleId: ArticleId;
  stored: boolean;
  request: PanelRequest | null;
  claims: ArticleClaims;
  related: {
    items: RelatedItem[];
    held: readonly HeldField[];
    onChange: (items: RelatedItem[]) => void;
    library: ArticleRelated;
  };
  history: ArticleHistory & { saves: number; statusSaves: number; flush: () => Promise<void> };
  suggestions: {
    list: readonly SuggestionSummary[];
    /** The claims whose words a suggested change waits in. */
    claims: ReadonlySet<string>;
    editorRef: RefObject<LexicalEditor | null>;
    story: { headline: string; byline: string };
  };
  comments: { state: ArticleComments; person: string };
  onError: (error: unknown) => void;
};

/** The side panels beside the story: Sources, Fact check, Suggestions, Comments, Related articles and History. */
export function ArticlePanels({
  articleId,
  stored,
  request,
  claims,
  related,
  history,
  suggestions,
  comments,
  onError,
}: ArticlePanelsProps): JSX.Element {
  const save = (make: (editor: LexicalEditor) => { html: string; fileName: string }) => () => {
    const editor = suggestions.editorRef.current;
    if (editor === null) return;
    const copy = make(editor);
    downloadHtml(copy.html, copy.fileName);
  };
  const proofs: Proofs = {
    markedUp: save((editor) => markedUpCopy(editor, suggestions.story, suggestions.list, comments.state.threads ?? [])),
    clean: save((editor) => cleanCopy(editor, suggestions.story)),
  };
  return (
    <SidePanels
      request={request}
      tabs={panelsOfNewStory(stored, [
        {
          id: 'sources',
          label: 'Sources',
          icon: 'source',
          render: () => (
            <SourcesPanel
              articleId={articleId}
              sources={claims.sources.sources}
              onChanged={claims.sources.set}
              onRead={(source) => claims.readSource(source.id)}
              onError={onError}
            />
          ),
        },
        {
          id: 'factcheck',
          label: 'Fact check',
          icon: 'check',
          render: () => (
            <FactCheckPanel
              articleId={articleId}
              claims={claims.claims.claims}
              suggestions={claims.suggestions}
              focusedId={claims.focusedClaim}
              actions={claims.factCheckActions}
              suggestedIn={suggestions.claims}
            />
          ),
        },
        {
          id: 'suggestions',
          label: 'Suggestions',
          icon: 'suggest',
          render: () => (
            <SuggestionsPanel suggestions={suggestions.list} editorRef={suggestions.editorRef} proofs={proofs} />
          ),
        },
        {
          id: 'comments',
          label: 'Comments',
          icon: 'comment',
          render: () => (
            <CommentsPanel articleId={articleId} comments={comments.state} person={comments.person} proofs={proofs} />
          ),
        },
        {
          id: 'related',
          label: 'Related articles',
          icon: 'link',
          render: () => (
            <div className="related-tab">
              <h3 className="panel__subtitle">From the library</h3>
              <RelatedSuggestions
                state={related.library.suggestions}
                pinned={related.items}
                onInsert={related.library.insertAlsoSee}
                onPin={related.library.pin}
              />
              <h3 className="panel__subtitle">Related list</h3>
              <RelatedPanel
                items={related.items}
                problem={heldFor(related.held, 'related')}
                onChange={related.onChange}
              />
            </div>
          ),
        },
        {
          id: 'history',
          label: 'History',
          icon: 'history',
          render: () => (
            <HistoryPanel
              articleId={articleId}
              saves={history.saves}
              statusSaves={history.statusSaves}
              readCurrent={history.readCurrent}
              flush={history.flush}
              onRestore={history.restore}
            />
          ),
        },
      ])}
    />
  );
}
