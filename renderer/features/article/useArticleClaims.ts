import type { LexicalEditor } from 'lexical';
import { useCallback, useMemo, useState, type RefObject } from 'react';

import { rankSuggestions, type ClaimSuggestion, type SuggestionList } from '../../../shared/claimSuggestions';
import type { ArticleId } from '../../../shared/domain';
import type { Claim, ClaimId, SourceId } from '../../../shared/sources';
import { api } from '../../api';
import {
  MARK_CLAIM_COMMAND,
  MARK_RANGE_COMMAND,
  SHOW_CLAIM_COMMAND,
  selectedBodyContext,
  selectedBodyText,
  type ClaimMarkState,
} from '../../editor/plugins/ClaimsPlugin';
import type { FactCheckActions } from '../factcheck/FactCheckPanel';
import { guessClaimKind } from '../factcheck/guessClaimKind';
import {
  useArticleSources,
  useClaimMarkStates,
  useClaims,
  type ClaimsState,
  type SourcesState,
} from '../factcheck/useClaims';

/** The reader, open on a source, or to find one for a claim's evidence. */
export type ReaderRequest = { sourceId: SourceId | null; claimId: ClaimId | null };

export type ArticleClaims = {
  claims: ClaimsState;
  sources: SourcesState;
  /** Each claim's verdict as its marks in the text show it. */
  verdicts: ReadonlyMap<string, ClaimMarkState>;
  suggestions: SuggestionList;
  /** The claim the Fact check panel shows open. */
  focusedClaim: ClaimId | null;
  /** What the Fact check panel does; one object for the panel's whole life, so typing does not redraw its cards. */
  factCheckActions: FactCheckActions;
  /** Marks the body's selected words as a new claim (Ctrl+Shift+M in the text, or the panel's button). */
  markSelection: () => void;
  /** A claim's mark clicked in the text. */
  claimClicked: (id: string) => void;
  reader: ReaderRequest | null;
  readSource: (sourceId: SourceId) => void;
  closeReader: () => void;
};

type ClaimsContext = {
  articleId: ArticleId;
  /** Whether the library has the story: a new story's claims and sources are asked for once it does. */
  stored: boolean;
  /** Bumped after every save, which may orphan or re-attach claims. */
  saves: number;
  blocks: readonly string[];
  editorRef: RefObject<LexicalEditor | null>;
  /** Saves what is typed, so a claim is tied to words the library has. */
  flush: () => Promise<void>;
  showFactCheck: () => void;
  report: (error: unknown) => void;
};

/**
 * The story's claims and sources, tied to the text: marking the selected words or a suggestion
 * as a claim, showing a claim's words, attaching an orphan again, and the reader for evidence.
 */
export function useArticleClaims({
  articleId,
  stored,
  saves,
  blocks,
  editorRef,
  flush,
  showFactCheck,
  report,
}: ClaimsContext): ArticleClaims {
  const claims = useClaims(stored ? articleId : null, saves, report);
  const sources = useArticleSources(stored ? articleId : null, report);
  const verdicts = useClaimMarkStates(claims.claims);
  const suggestions = useMemo(() => rankSuggestions(blocks), [blocks]);
  const [focusedClaim, setFocusedClaim] = useState<ClaimId | null>(null);
  const [reader, setReader] = useState<ReaderRequest | null>(null);

  const acceptSuggestion = useCallback(
    async (suggestion: ClaimSuggestion) => {
      const editor = editorRef.current;
      if (editor === null) return;
      try {
        const claim = await api.invoke('claims:create', { articleId, kind: suggestion.kind, text: suggestion.text });
        const marked = editor.dispatchCommand(MARK_RANGE_COMMAND, {
          claimId: claim.id,
          block: suggestion.paragraph,
          start: suggestion.start,
          end: suggestion.end,
        });
        claims.put(claim);
        setFocusedClaim(claim.id);
        if (!marked)
          report(new Error('The suggested words changed before they could be marked. Select them and mark them.'));
        await flush();
      } catch (error) {
        report(error);
      }
    },
    [articleId, claims, editorRef, flush, report],
  );

  /** Marks the body's selected text with a claim (a new one, or an orphan attached again), and saves. */
  const markClaim = useCallback(
    async (existing: Claim | null) => {
      const editor = editorRef.current;
      const text = editor === null ? '' : selectedBodyText(editor);
      if (editor === null || text.trim() === '') {
        report(new Error('Select the words of the claim in the text first.'));
        return;
      }
      try {
        const claim =
          existing ??
          (await api.invoke('claims:create', {
            articleId,
            kind: guessClaimKind(text, selectedBodyContext(editor)),
            text,
          }));
        editor.dispatchCommand(MARK_CLAIM_COMMAND, claim.id);
        claims.put(claim);
        setFocusedClaim(claim.id);
        showFactCheck();
        await flush();
      } catch (error) {
        report(error);
      }
    },
    [articleId, claims, editorRef, flush, report, showFactCheck],
  );

  const markSelection = useCallback(() => void markClaim(null), [markClaim]);

  const factCheckActions = useMemo<FactCheckActions>(
    () => ({
      onMark: markSelection,
      onAccept: (suggestion) => void acceptSuggestion(suggestion),
      onShow: (claim) => {
        setFocusedClaim(claim.id);
        editorRef.current?.focus();
        editorRef.current?.dispatchCommand(SHOW_CLAIM_COMMAND, claim.id);
      },
      onAttach: (claim) => void markClaim(claim),
      onAddEvidence: (claim) => {
        setFocusedClaim(claim.id);
        setReader({ sourceId: null, claimId: claim.id });
      },
      onChanged: claims.put,
      flush,
      onError: report,
    }),
    [markSelection, markClaim, acceptSuggestion, claims.put, editorRef, flush, report],
  );

  const claimClicked = useCallback(
    (id: string) => {
      setFocusedClaim(id as ClaimId);
      showFactCheck();
    },
    [showFactCheck],
  );

  const readSource = useCallback(
    (sourceId: SourceId) => setReader({ sourceId, claimId: focusedClaim }),
    [focusedClaim],
  );
  const closeReader = useCallback(() => setReader(null), []);

  return {
    claims,
    sources,
    verdicts,
    suggestions,
    focusedClaim,
    factCheckActions,
    markSelection,
    claimClicked,
    reader,
    readSource,
    closeReader,
  };
}
