import { HorizontalRuleExtension } from '@lexical/extension';
import { HistoryExtension } from '@lexical/history';
import { LinkExtension } from '@lexical/link';
import { ListExtension } from '@lexical/list';
import { registerMarkdownShortcuts } from '@lexical/markdown';
import { RichTextExtension } from '@lexical/rich-text';
import { configExtension, defineExtension } from 'lexical';

import type { Body } from '../../shared/body/bodySchema';
import { BODY_TRANSFORMERS } from '../../shared/body/lexical/bodyTransformers';
import { isAllowedUrl } from './links';
import { BODY_NAMESPACE, EDITOR_NODES } from './nodes/EditorNodes';
import { LINK_ATTRIBUTES } from './plugins/LinkDialogPlugin';
import { editorTheme } from './theme';

/**
 * The article editor as Lexical builds it: the body's nodes (with the blocks it draws), rich
 * text, history, lists, rules, links, and the body's Markdown shortcuts (the rules the importer
 * reads Markdown with), starting from `body`, or from nothing for a story edited live. One per
 * mount (the editor is keyed by article).
 */
export function articleBodyExtension(body: Body | 'live', onError: (error: Error) => void) {
  // A story edited live starts empty: its text comes from its document, and undo is the
  // collaboration's own (each person's changes only), not the editor's history.
  const live = body === 'live';
  return defineExtension({
    name: '@copydesk/article-body',
    namespace: BODY_NAMESPACE,
    nodes: () => EDITOR_NODES,
    theme: editorTheme,
    $initialEditorState: live ? null : JSON.stringify(body),
    onError,
    register: (editor) => registerMarkdownShortcuts(editor, BODY_TRANSFORMERS),
    dependencies: [
      RichTextExtension,
      ...(live ? [] : [HistoryExtension]),
      ListExtension,
      HorizontalRuleExtension,
      configExtension(LinkExtension, { validateUrl: isAllowedUrl, attributes: LINK_ATTRIBUTES }),
    ],
  });
}
