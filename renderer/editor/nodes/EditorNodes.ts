import type { Klass, LexicalNode } from 'lexical';

import { AlsoSeeNode } from '../../../shared/body/lexical/AlsoSeeNode';
import { BODY_NAMESPACE, BODY_NODES } from '../../../shared/body/lexical/bodyNodes';
import { InlineImageNode } from '../../../shared/body/lexical/InlineImageNode';
import { EditorAlsoSeeNode } from './EditorAlsoSeeNode';
import { EditorInlineImageNode } from './EditorInlineImageNode';

export { BODY_NAMESPACE };

/** The blocks the editor draws itself, each by a subclass of the same type as the body's node. */
const DRAWN: ReadonlyMap<Klass<LexicalNode>, Klass<LexicalNode>> = new Map<Klass<LexicalNode>, Klass<LexicalNode>>([
  [InlineImageNode, EditorInlineImageNode],
  [AlsoSeeNode, EditorAlsoSeeNode],
]);

/**
 * The nodes the editor registers: the body's (shared/body/lexical/bodyNodes), with the blocks
 * it draws in place of their headless classes. Same types, so the same JSON.
 */
export const EDITOR_NODES: readonly Klass<LexicalNode>[] = BODY_NODES.map((klass) => DRAWN.get(klass) ?? klass);
