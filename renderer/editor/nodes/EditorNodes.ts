import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { MarkNode } from '@lexical/mark';
import { HorizontalRuleNode } from '@lexical/react/LexicalHorizontalRuleNode';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { Klass, LexicalNode } from 'lexical';

import { AlsoSeeNode } from './AlsoSeeNode';
import { InlineImageNode } from './InlineImageNode';

/**
 * Every node an article body may contain. The editor, a headless editor reading a saved body
 * and the exporters must agree on this list, or a saved body cannot be read back.
 */
export const EDITOR_NODES: readonly Klass<LexicalNode>[] = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- @lexical/react's rule until @lexical/extension (HorizontalRuleExtension, same JSON type) is a dependency
  HorizontalRuleNode,
  InlineImageNode,
  AlsoSeeNode,
  // A claim's span: its ids are the claims (shared/claimMarks.ts reads them from saved bodies).
  MarkNode,
];

/** The editor's namespace: content copied from a Copydesk body pastes back with its nodes intact. */
export const BODY_NAMESPACE = 'copydesk-body';
