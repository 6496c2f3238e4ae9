/**
 * The one way through a body: a walk in document order, and a fold that builds a value for each
 * node from its children's. Every reader of a body (its plain text, its claims, the checklist,
 * the exporters, the importer) goes through these, so a node type added to the body is a node
 * type every fold must handle, or the code does not compile.
 */
import type { Body, BodyElement, BodyNode, BodyNodeOf, BodyNodeType, BodyRoot } from './bodySchema';

/** A node that holds others: the root or an element. */
export type BodyParent = BodyRoot | BodyElement;

/** Called for each node in document order with the nodes it sits in, outermost (the root) first. */
export type BodyWalker = (node: BodyNode, ancestors: readonly BodyParent[]) => void;

/** Walks every node of `body` below its root, in document order. */
export function walkBody(body: Body, walker: BodyWalker): void {
  const ancestors: BodyParent[] = [body.root];
  const visit = (node: BodyNode): void => {
    walker(node, ancestors);
    if (!('children' in node)) return;
    ancestors.push(node);
    for (const child of node.children) visit(child);
    ancestors.pop();
  };
  for (const child of body.root.children) visit(child);
}

/**
 * How each kind of node, and the root, becomes a value of type R, given the values its
 * children became (none for a node without children). Every type must be handled.
 */
export type BodyFold<R> = { readonly [T in BodyNodeType]: (node: BodyNodeOf<T>, children: readonly R[]) => R } & {
  readonly root: (node: BodyRoot, children: readonly R[]) => R;
};

const NO_CHILDREN: readonly never[] = [];

/** The value `fold` gives `node`, its children folded first. */
export function foldNode<R>(node: BodyNode, fold: BodyFold<R>): R {
  const children = 'children' in node ? node.children.map((child: BodyNode) => foldNode(child, fold)) : NO_CHILDREN;
  // The handler is the one for this node's own type: TypeScript cannot tie the two together.
  const handler = fold[node.type] as (node: BodyNode, children: readonly R[]) => R;
  return handler(node, children);
}

/** The value `fold` gives a whole body. */
export function foldBody<R>(body: Body, fold: BodyFold<R>): R {
  return fold.root(
    body.root,
    body.root.children.map((child) => foldNode(child, fold)),
  );
}
