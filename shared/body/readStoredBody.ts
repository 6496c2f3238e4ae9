/**
 * Reading a stored body. A body saved by this version is a `Body` as it stands. One that is not
 * (written by an earlier version, or through the API before bodies were checked) still opens:
 * each node this version does not know, or cannot read, gives way to its words, so nothing
 * anyone wrote is lost, and the reading says what it changed so the person can be told. The
 * stored body itself is not touched; it changes only when the story is edited and saved.
 */
import type { Body, BodyNode, BodyRoot, StoredBody } from './bodySchema';
import { joinNames } from '../text';
import { BODY_NODE_SCHEMAS, BODY_NODE_WORDS, isBody, isBodyNodeType } from './bodySchema';

/** A stored body as a `Body`, and what had to change to make it one (none for a body saved by this version). */
export type StoredBodyReading = {
  body: Body;
  /** What the body held that could not be kept as it was ("“table”", "a link Copydesk cannot read"), each once. */
  problems: string[];
};

type Context = 'root' | 'list' | 'other';

const INLINE = new Set<string>(['text', 'tab', 'linebreak', 'link', 'autolink', 'mark', 'comment', 'suggestion']);

function textNode(text: string): BodyNode {
  return { type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 };
}

function paragraph(children: BodyNode[]): BodyNode {
  return { type: 'paragraph', version: 1, direction: null, format: '', indent: 0, children };
}

function listItem(child: BodyNode): BodyNode {
  return { type: 'listitem', version: 1, direction: null, format: '', indent: 0, value: 1, children: [child] };
}

/**
 * The nodes put where `context` allows them: words at the top gathered into paragraphs, a
 * list's contents into items. `found` hears of it, unless the nodes stand in for one already
 * named (a table's cells, whose words are gathered as a matter of course).
 */
function fitted(nodes: readonly BodyNode[], context: Context, found: Set<string> | null): BodyNode[] {
  if (context === 'other') return [...nodes];
  const out: BodyNode[] = [];
  let line: BodyNode[] | null = null;
  for (const node of nodes) {
    if (context === 'list') {
      if (node.type !== 'listitem') found?.add('a list holding something other than list items');
      out.push(node.type === 'listitem' ? node : listItem(node));
    } else if (INLINE.has(node.type)) {
      if (line === null) {
        found?.add('words outside any paragraph');
        line = [];
        out.push(paragraph(line));
      }
      line.push(node);
    } else {
      line = null;
      out.push(node);
    }
  }
  return out;
}

function isObject(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function repairAll(nodes: readonly unknown[], context: Context, found: Set<string>, named = false): BodyNode[] {
  return fitted(
    nodes.flatMap((node) => repairOne(node, context, found)),
    context,
    named ? null : found,
  );
}

function repairOne(node: unknown, context: Context, found: Set<string>): BodyNode[] {
  if (!isObject(node) || typeof node.type !== 'string') {
    found.add('something that is not part of a story');
    return [];
  }
  const { type } = node;
  if (isBodyNodeType(type) && BODY_NODE_SCHEMAS[type].safeParse(node).success) {
    if (!Array.isArray(node.children)) return [node as BodyNode];
    const children = repairAll(node.children, type === 'list' ? 'list' : 'other', found);
    return [{ ...node, children } as BodyNode];
  }
  found.add(isBodyNodeType(type) ? `${BODY_NODE_WORDS[type]} Copydesk cannot read` : `“${type.slice(0, 40)}”`);
  // What the node held stays where it was: its children, or its words.
  if (Array.isArray(node.children)) return repairAll(node.children, context, found, true);
  return typeof node.text === 'string' && node.text !== '' ? [textNode(node.text)] : [];
}

/**
 * A stored body read as a `Body`: as it is when it is one; otherwise with every node this
 * version does not know or cannot read replaced by what it held (its children, or its words as
 * plain text), words left at the top gathered into paragraphs, and a list's stray contents put
 * in list items. `problems` names what was changed.
 */
export function readStoredBody(stored: StoredBody): StoredBodyReading {
  if (isBody(stored)) return { body: stored, problems: [] };
  const found = new Set<string>();
  const children = repairAll(stored.root.children, 'root', found) as BodyRoot['children'];
  const root: BodyRoot = { type: 'root', version: 1, direction: null, format: '', indent: 0, children };
  return { body: { root }, problems: [...found] };
}

/** What a reading changed, as a phrase for a sentence: "“table” and a link Copydesk cannot read". */
export function storedBodyChanges(problems: readonly string[]): string {
  return joinNames(problems);
}
