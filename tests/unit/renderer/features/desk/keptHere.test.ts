import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { mergesInto } from '../../../../../renderer/features/desk/keptHere';

/** A story's document as the desk makes it: its text written by the desk's own writer. */
function deskStory(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('headline').insert(0, text);
  return doc;
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

describe('edits kept in the browser while the desk could not have them', () => {
  it('merge into the story as the desk has it, however far others took it meanwhile', () => {
    const desk = deskStory('Ferry');
    const page = copyOf(desk);
    page.getText('headline').insert(5, ' delayed');
    const kept = { state: Y.encodeStateAsUpdate(page), ownClients: [page.clientID], keptAt: '' };
    // Someone else typed meanwhile; the desk has their words, not the page's.
    const other = copyOf(desk);
    other.getText('headline').insert(0, 'Night ');
    Y.applyUpdate(desk, Y.encodeStateAsUpdate(other));

    expect(mergesInto(kept, desk)).toBe(true);
    Y.applyUpdate(desk, kept.state);
    expect(desk.getText('headline').toJSON()).toBe('Night Ferry delayed');
  });

  it('are not merged into a story the desk made afresh since, which would write its text twice', () => {
    const page = copyOf(deskStory('Ferry'));
    page.getText('headline').insert(5, ' delayed');
    const kept = { state: Y.encodeStateAsUpdate(page), ownClients: [page.clientID], keptAt: '' };
    expect(mergesInto(kept, deskStory('Ferry'))).toBe(false);
  });
});
