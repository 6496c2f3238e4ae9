/** Finding claims in a serialised Lexical body: the text each claim's marks cover. */
import type { Body } from './domain';

type JsonNode = { type?: unknown; text?: unknown; children?: unknown; ids?: unknown };

function isNode(value: unknown): value is JsonNode {
  return typeof value === 'object' && value !== null;
}

/**
 * Every claim id marked in the body (Lexical MarkNodes from @lexical/mark, whose `ids` hold
 * the claims a span belongs to), with the text its marks cover, in document order. A claim
 * whose span was split by formatting has several marks; their text is joined. Overlapping
 * claims each see the text they cover.
 */
export function markedClaims(body: Body): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (node: JsonNode, open: readonly string[]) => {
    let ids = open;
    if (node.type === 'mark' && Array.isArray(node.ids)) {
      ids = [...open, ...node.ids.filter((id): id is string => typeof id === 'string')];
      for (const id of ids) if (!found.has(id)) found.set(id, '');
    }
    if (typeof node.text === 'string' && ids.length > 0) {
      for (const id of new Set(ids)) found.set(id, (found.get(id) ?? '') + node.text);
    } else if (node.type === 'linebreak' && ids.length > 0) {
      for (const id of new Set(ids)) found.set(id, `${found.get(id) ?? ''}\n`);
    }
    if (Array.isArray(node.children)) for (const child of node.children) if (isNode(child)) visit(child, ids);
  };
  visit(body.root, []);
  return found;
}
