import { HistoryExtension } from '@lexical/history';
import { LinkExtension } from '@lexical/link';
import { ListExtension } from '@lexical/list';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { LexicalExtensionComposer } from '@lexical/react/LexicalExtensionComposer';
import { RichTextExtension } from '@lexical/rich-text';
import { configExtension, defineExtension, type LexicalEditor } from 'lexical';
import { useLayoutEffect, useState, type JSX, type ReactNode, type RefObject } from 'react';

import type { Body } from '../../shared/domain';
import type { ArticleSaver } from '../features/article/ArticleSaver';
import { isAllowedUrl } from './links';
import { EDITOR_NODES } from './nodes';
import { AutosavePlugin } from './plugins/AutosavePlugin';
import { LINK_ATTRIBUTES, LinkDialogPlugin } from './plugins/LinkDialogPlugin';
import { ToolbarPlugin } from './plugins/ToolbarPlugin';
import { WordCountPlugin, type BodyCounts } from './plugins/WordCountPlugin';
import { editorTheme } from './theme';

type EditorProps = {
  /** The saved body; read once when the editor mounts (the editor is keyed by article). */
  body: Body;
  saver: ArticleSaver;
  /** The article's header fields, shown above the body on the same page. */
  header: ReactNode;
  /** Controls shown at the end of the toolbar row (article actions). */
  actions: ReactNode;
  editorRef: RefObject<LexicalEditor | null>;
  onCounts: (counts: BodyCounts) => void;
  onError: (error: Error) => void;
};

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

export function Editor({ body, saver, header, actions, editorRef, onCounts, onError }: EditorProps): JSX.Element {
  const [errors] = useState(() => new ErrorRelay());
  useLayoutEffect(() => {
    errors.connect(onError);
  }, [errors, onError]);

  // The editor is built once per mount from this extension (the editor is keyed by article).
  const [extension] = useState(() =>
    defineExtension({
      name: '@copydesk/article-body',
      namespace: 'copydesk-body',
      nodes: () => EDITOR_NODES,
      theme: editorTheme,
      $initialEditorState: JSON.stringify(body),
      onError: errors.report,
      dependencies: [
        RichTextExtension,
        HistoryExtension,
        ListExtension,
        configExtension(LinkExtension, { validateUrl: isAllowedUrl, attributes: LINK_ATTRIBUTES }),
      ],
    }),
  );

  return (
    <LexicalExtensionComposer extension={extension} contentEditable={null}>
      <div className="editor-bar">
        <div className="editor-bar__row">
          <ToolbarPlugin />
          <div className="editor-bar__actions">{actions}</div>
        </div>
        <LinkDialogPlugin />
      </div>
      <div className="page">
        {header}
        <div className="body-editor">
          <ContentEditable
            className="body-editor__content"
            aria-label="Body"
            aria-multiline
            aria-placeholder="Write the story…"
            placeholder={<div className="body-editor__placeholder">Write the story…</div>}
          />
        </div>
      </div>
      <EditorRefPlugin editorRef={editorRef} />
      <AutosavePlugin saver={saver} />
      <WordCountPlugin onCounts={onCounts} />
    </LexicalExtensionComposer>
  );
}
