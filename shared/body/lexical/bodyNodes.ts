import { HorizontalRuleNode } from '@lexical/extension';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { MarkNode } from '@lexical/mark';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { Klass, LexicalNode } from 'lexical';

import { AlsoSeeNode } from './AlsoSeeNode';
import { CommentNode } from './CommentNode';
import { InlineImageNode } from './InlineImageNode';
import { SuggestionNode } from './SuggestionNode';

/**
 * Every node class a story's body is made of, beyond Lexical's own (root, paragraph, text,
 * tab, line break): the list the editor and the importer's headless editor both register, so
 * that whatever one writes the other reads. Their types are exactly the node types of
 * shared/body/bodySchema.ts. The editor registers, in place of the two blocks it draws
 * (images, Also See), a subclass of each of the same type (renderer/editor/nodes/EditorNodes).
 */
export const BODY_NODES: readonly Klass<LexicalNode>[] = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  HorizontalRuleNode,
  InlineImageNode,
  AlsoSeeNode,
  // A claim's span: its ids are the claims (shared/claimMarks.ts reads them from saved bodies).
  MarkNode,
  // Words commented on: its ids are the comment threads, kept in the library.
  CommentNode,
  // Words suggested for adding or taking out, until accepted or rejected.
  SuggestionNode,
];

/** The editor's namespace: content copied from a Copydesk body pastes back with its nodes intact. */
export const BODY_NAMESPACE = 'copydesk-body';
