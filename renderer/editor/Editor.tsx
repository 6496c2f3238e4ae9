import './editor.css';

import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext';
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { LexicalExtensionComposer } from '@lexical/react/LexicalExtensionComposer';
import type { Provider } from '@lexical/yjs';
import type { LexicalEditor } from 'lexical';
import { useLayoutEffect, useMemo, useRef, useState, type JSX, type ReactNode, type RefObject } from 'react';

import type { StoredBody } from '../../shared/body/bodySchema';
import { readStoredBody } from '../../shared/body/readStoredBody';
import type { Article } from '../../shared/domain';
import type { HouseStyleRule } from '../../shared/preferences';
import type { Doc } from 'yjs';
import { articleBodyExtension } from './editorExtension';
import { EditorHostContext, type EditorHost } from './EditorHost';
import { AlsoSeePlugin } from './plugins/AlsoSeePlugin';
import { AutosavePlugin, type BodySaver } from './plugins/AutosavePlugin';
import { BlocksPlugin } from './plugins/BlocksPlugin';
import { ClaimsPlugin, type ClaimMarkState } from './plugins/ClaimsPlugin';
import { CommentsPlugin, type CommentMarkState } from './plugins/CommentsPlugin';
import { EditorMessagesPlugin } from './plugins/EditorMessagesPlugin';
import { FindReplacePlugin } from './plugins/FindReplacePlugin';
import { HouseStyleHint, HouseStyleSummary, useHouseStyleIssues } from './plugins/HouseStylePlugin';
import { ImagesPlugin } from './plugins/ImagesPlugin';
import { LinkDialogPlugin } from './plugins/LinkDialogPlugin';
import { LinkRulesPlugin } from './plugins/LinkRulesPlugin';
import { LiveArrivalPlugin } from './plugins/LiveArrivalPlugin';
import { LiveCaretPlugin } from './plugins/LiveCaretPlugin';
import { PastePlugin } from './plugins/PastePlugin';
import { SpellingPlugin } from './plugins/SpellingPlugin';
import { StoredBodyNotice } from './plugins/StoredBodyNotice';
import { MoveBlocksPlugin } from './plugins/MoveBlocksPlugin';
import { SuggestingContext, SuggestionBar, SuggestionsPlugin, type SuggestingMode } from './plugins/SuggestionsPlugin';
import { ToolbarPlugin } from './plugins/ToolbarPlugin';
import { TypographicQuotesPlugin } from './plugins/TypographicQuotesPlugin';
import { WordCountPlugin, type BodyCounts } from './plugins/WordCountPlugin';
import type { SuggestionSummary } from './suggestions';

/**
 * A story edited live by several people (on a desk): how the editor reaches the story's Yjs
 * document (providerFactory, as Lexical's CollaborationPlugin takes it), and who is typing.
 * The body is then the document's, kept by the desk: it is not saved with the other fields.
 */
export type LiveEditing = {
  providerFactory: (id: string, docMap: Map<string, Doc>) => Provider;
  username: string;
  cursorColor: string;
  /**
   * Whether the story's document has arrived from the desk (its first sync), for React's
   * useSyncExternalStore: until it has, the body waits, read-only, as the headline and dek do.
   */
  arrived: { subscribe: (listener: () => void) => () => void; snapshot: () => boolean };
};

type EditorProps = {
  /**
   * The saved body; read once when the editor mounts (the editor is keyed by article). A body
   * stored by an earlier version that this one cannot edit as it is opens with its words kept,
   * and the editor says what changed (readStoredBody).
   */
  body: StoredBody;
  saver: BodySaver;
  /** The library's articles and pictures, as the editor reaches them (provided by the feature that mounts it). */
  host: EditorHost;
  /** The article's header fields, shown above the body on the same page. */
  header: ReactNode;
  /** Controls shown at the end of the toolbar row (article actions). */
  actions: ReactNode;
  editorRef: RefObject<LexicalEditor | null>;
  onCounts: (counts: BodyCounts) => void;
  onError: (error: Error) => void;
  /** The desk's house-style terms (preferences.houseStyle). */
  houseStyle: readonly HouseStyleRule[];
  /**
   * Opens an article the editor created (a large paste imported as a new article). When left
   * out, the editor changes the address to the new article's (#/article/<id>).
   */
  onOpenArticle?: ((article: Article) => void) | undefined;
  /** Straight quotes typed in the body become typographic ones (a setting, for stories in English). */
  typographicQuotes?: boolean;
  /** The article's claims' verdicts by id, shown on their marks; and what a click on a mark does. */
  claimVerdicts?: ReadonlyMap<string, ClaimMarkState>;
  onClaimClicked?: (id: string) => void;
  /** Ctrl+Shift+M in the text: the host marks the selected words as a claim (MARK_SELECTION_REQUESTED_COMMAND). */
  onMarkClaim?: () => void;
  /** Edit the story live, with others, instead of from `body`. */
  live?: LiveEditing | undefined;
  /** The story's language (a BCP 47 tag): its spelling is checked with that language's dictionary. */
  language?: string;
  /** The name suggestions made here are signed with (the person's, from Settings or the desk). */
  person?: string;
  /** Told the suggestions in the text whenever they change. */
  onSuggestions?: ((list: SuggestionSummary[]) => void) | undefined;
  /** Told what was just accepted or rejected, as a version in History is named. */
  onSuggestionsSettled?: ((label: string) => void) | undefined;
  /** The story's comment threads as their words show (open or resolved), the one open in the panel, and what clicks and the Comment button do. */
  /** Suggesting is on when the story opens (its owner asks everyone else to suggest). */
  suggestingAtFirst?: boolean;
  comments?: {
    marks: ReadonlyMap<string, CommentMarkState>;
    focused: string | null;
    onThreadClicked: (id: string) => void;
    onRequested: () => void;
  };
};

const NO_VERDICTS: ReadonlyMap<string, ClaimMarkState> = new Map();
const NO_COMMENTS = {
  marks: new Map<string, CommentMarkState>(),
  focused: null,
  onThreadClicked: () => undefined,
  onRequested: () => undefined,
};
const ignore = (): void => undefined;

/** Lexical takes its error handler once, when the editor is built: this reaches the current one. */
class ErrorRelay {
  private target: ((error: Error) => void) | null = null;

  connect(target: (error: Error) => void): void {
    this.target = target;
  }

  readonly report = (error: Error): void => {
    if (this.target === null) throw error;
    this.target(error);
  };
}

export function Editor({
  body,
  saver,
  host,
  header,
  actions,
  editorRef,
  onCounts,
  onError,
  houseStyle,
  onOpenArticle,
  typographicQuotes = false,
  claimVerdicts = NO_VERDICTS,
  onClaimClicked = ignore,
  onMarkClaim = ignore,
  live,
  language = 'en',
  person = '',
  onSuggestions,
  onSuggestionsSettled,
  comments = NO_COMMENTS,
  suggestingAtFirst = false,
}: EditorProps): JSX.Element {
  const [errors] = useState(() => new ErrorRelay());
  const [suggesting, setSuggesting] = useState(suggestingAtFirst);
  const suggestingMode = useMemo<SuggestingMode>(
    () => ({ suggesting, setSuggesting, author: person }),
    [suggesting, person],
  );
  useLayoutEffect(() => {
    errors.connect(onError);
  }, [errors, onError]);

  // The editor is built once per mount from this extension (the editor is keyed by article).
  const [reading] = useState(() => readStoredBody(body));
  const [extension] = useState(() => articleBodyExtension(live === undefined ? reading.body : 'live', errors.report));

  const composer = (
    <LexicalExtensionComposer extension={extension} contentEditable={null}>
      <EditorLayout
        header={header}
        actions={actions}
        articleId={saver.id}
        houseStyle={houseStyle}
        onOpenArticle={onOpenArticle}
        language={language}
      />
      <EditorRefPlugin editorRef={editorRef} />
      {live === undefined ? (
        <AutosavePlugin saver={saver} />
      ) : (
        <CollaborationPlugin
          id={saver.id}
          providerFactory={live.providerFactory}
          shouldBootstrap={false}
          username={live.username}
          cursorColor={live.cursorColor}
        />
      )}
      {live !== undefined && <LiveCaretPlugin id={saver.id} />}
      {live !== undefined && <LiveArrivalPlugin arrived={live.arrived} />}
      <SuggestionsPlugin onSuggestions={onSuggestions} onSettled={onSuggestionsSettled} />
      <MoveBlocksPlugin />
      <WordCountPlugin onCounts={onCounts} />
      <BlocksPlugin />
      <LinkRulesPlugin />
      <TypographicQuotesPlugin enabled={typographicQuotes} />
      <ClaimsPlugin verdicts={claimVerdicts} onClaimClicked={onClaimClicked} onMarkRequested={onMarkClaim} />
      <CommentsPlugin
        threads={comments.marks}
        focused={comments.focused}
        onThreadClicked={comments.onThreadClicked}
        onCommentRequested={comments.onRequested}
      />
      <StoredBodyNotice problems={live === undefined ? reading.problems : []} />
    </LexicalExtensionComposer>
  );
  // The plugins and blocks inside reach the host through context.
  return (
    <EditorHostContext.Provider value={host}>
      <SuggestingContext.Provider value={suggestingMode}>
        {live === undefined ? composer : <LexicalCollaboration>{composer}</LexicalCollaboration>}
      </SuggestingContext.Provider>
    </EditorHostContext.Provider>
  );
}

function EditorLayout({
  header,
  actions,
  articleId,
  houseStyle,
  onOpenArticle,
  language,
}: {
  header: ReactNode;
  actions: ReactNode;
  articleId: string;
  houseStyle: readonly HouseStyleRule[];
  onOpenArticle: ((article: Article) => void) | undefined;
  language: string;
}): JSX.Element {
  const issues = useHouseStyleIssues(houseStyle);
  const bodyFrame = useRef<HTMLDivElement>(null);

  return (
    <>
      <div className="editor-bar">
        <div className="editor-bar__row">
          <ToolbarPlugin />
          <div className="editor-bar__actions">
            <HouseStyleSummary issues={issues} />
            {actions}
          </div>
        </div>
        <SuggestionBar />
        <LinkDialogPlugin />
        <FindReplacePlugin />
        <AlsoSeePlugin excludeArticleId={articleId} />
        <EditorMessagesPlugin />
      </div>
      <div className="page">
        {header}
        <div ref={bodyFrame} className="body-editor">
          <ContentEditable
            className="body-editor__content"
            aria-label="Body"
            aria-multiline
            aria-placeholder="Write the story…"
            // Spelling is Copydesk's own (SpellingPlugin): the browser's would underline twice.
            spellCheck={false}
            // Read-only and empty: a live story waiting for its document (LiveArrivalPlugin).
            placeholder={(editable) => (
              <div className="body-editor__placeholder">
                {editable ? 'Write the story…' : 'The story is on its way from the desk…'}
              </div>
            )}
          />
          <HouseStyleHint issues={issues} container={bodyFrame} />
        </div>
      </div>
      <ImagesPlugin />
      <PastePlugin onOpenArticle={onOpenArticle} />
      <SpellingPlugin language={language} storyId={articleId} />
    </>
  );
}
