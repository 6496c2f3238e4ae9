import { createHeadlessEditor } from '@lexical/headless';
import type { Binding, Provider } from '@lexical/yjs';
import { createYjsBinding, syncLexicalUpdateToYjs, syncYjsChangesToLexical } from '@lexical/yjs';
import { SKIP_COLLAB_TAG } from 'lexical';
import * as Y from 'yjs';

import type { Body } from '../bodySchema';
import { BodySchema } from '../bodySchema';
import { BODY_NAMESPACE, BODY_NODES } from './bodyNodes';

/**
 * A story's body as a Yjs document, the form a desk edits it in, and back: through Lexical's own
 * Yjs binding (the one the editor's collaboration uses), on a headless editor with the body's
 * nodes. The document's shared root is the binding's: Lexical's 'root' XmlText.
 */

/** The binding's id for the body: the one the editor's collaboration uses for the story's document. */
export const BODY_DOCUMENT_ID = 'body';

/** What the binding asks of a provider, on a server with no cursors: nothing. */
const NO_PROVIDER = {
  awareness: {
    getLocalState: () => null,
    getStates: () => new Map(),
    on: () => undefined,
    off: () => undefined,
    setLocalState: () => undefined,
    setLocalStateField: () => undefined,
  },
  connect: () => undefined,
  disconnect: () => undefined,
  on: () => undefined,
  off: () => undefined,
} as unknown as Provider;

function boundEditor(doc: Y.Doc): { editor: ReturnType<typeof createHeadlessEditor>; binding: Binding } {
  const editor = createHeadlessEditor({
    namespace: BODY_NAMESPACE,
    nodes: [...BODY_NODES],
    onError: (error) => {
      throw error;
    },
  });
  const binding = createYjsBinding({ editor, id: BODY_DOCUMENT_ID, doc, docMap: new Map([[BODY_DOCUMENT_ID, doc]]) });
  return { editor, binding };
}

/**
 * A headless editor holding what `doc` holds, bound to a copy of it: changes made in the
 * editor go into the copy, and `changes()` is what they add to `doc`, as a Yjs update.
 */
function editorOver(doc: Y.Doc) {
  const copy = new Y.Doc();
  const { editor, binding } = boundEditor(copy);
  binding.root.getSharedType().observeDeep((events, transaction) => {
    if (transaction.origin !== binding)
      syncYjsChangesToLexical(binding, NO_PROVIDER, events as Y.YEvent<Y.XmlText>[], false, () => undefined);
  });
  editor.registerUpdateListener(
    ({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
      if (!tags.has(SKIP_COLLAB_TAG)) {
        syncLexicalUpdateToYjs(
          binding,
          NO_PROVIDER,
          prevEditorState,
          editorState,
          dirtyElements,
          dirtyLeaves,
          normalizedNodes,
          tags,
        );
      }
    },
  );
  const before = Y.encodeStateVector(doc);
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  // The binding's changes are applied in an update of their own: this one makes them the state.
  editor.update(() => undefined, { discrete: true });
  return { editor, changes: () => Y.encodeStateAsUpdate(copy, before) };
}

/**
 * Makes an edit to the body `doc` holds, as an editor bound to it would: `edit` runs in a
 * Lexical update ($-functions work), and what it changed is applied to `doc` as one update.
 */
export function editBodyDocument(doc: Y.Doc, edit: () => void): void {
  const { editor, changes } = editorOver(doc);
  editor.update(edit, { discrete: true });
  Y.applyUpdate(doc, changes());
}

/** The Yjs update that makes an empty document hold `body`: a story's document, first made from its saved body. */
export function bodyToDocumentUpdate(body: Body): Uint8Array {
  const { editor, changes } = editorOver(new Y.Doc());
  editor.setEditorState(editor.parseEditorState(JSON.stringify(body)));
  return changes();
}

/** The body a story's document holds. */
export function bodyOfDocument(doc: Y.Doc): Body {
  return BodySchema.parse(editorOver(doc).editor.getEditorState().toJSON());
}

/** The body a story's document holds, given as its Yjs updates (one merged, or several). */
export function bodyFromDocumentUpdates(updates: readonly Uint8Array[]): Body {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  return bodyOfDocument(doc);
}
