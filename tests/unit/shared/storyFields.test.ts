import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { giveStoryFields, replaceFieldText, storyFieldsOf, storyFieldText } from '../../../shared/storyFields';

/** The changes `replaceFieldText` makes, as Yjs reports them. */
function deltaOf(from: string, to: string): unknown[] {
  const doc = new Y.Doc();
  const text = doc.getText('headline');
  text.insert(0, from);
  let delta: unknown[] = [];
  text.observe((event) => {
    delta = event.delta;
  });
  replaceFieldText(text, to);
  expect(text.toJSON()).toBe(to);
  return delta;
}

describe('a story’s headline and dek in its document', () => {
  it('changes a field at one place only, the way a keystroke, a paste or a cut does', () => {
    expect(deltaOf('Ferry delayed', 'Ferry delayed again')).toEqual([{ retain: 13 }, { insert: ' again' }]);
    expect(deltaOf('Night ferry', 'ferry')).toEqual([{ delete: 6 }]);
    expect(deltaOf('Ferry late', 'Ferry delayed')).toEqual([{ retain: 6 }, { delete: 4 }, { insert: 'delayed' }]);
    expect(deltaOf('', 'Ferry')).toEqual([{ insert: 'Ferry' }]);
  });

  it('never splits a character written as two UTF-16 units', () => {
    // 🚢 and 🚣 share their first unit: the change is the whole character.
    expect(deltaOf('Ferry 🚢', 'Ferry 🚣')).toEqual([{ retain: 6 }, { delete: 2 }, { insert: '🚣' }]);
    expect(deltaOf('🚢 ferry', '🚣 ferry')).toEqual([{ delete: 2 }, { insert: '🚣' }]);
  });

  it('merges two people typing in one headline at once, each word kept', () => {
    const server = new Y.Doc();
    giveStoryFields(server, { headline: 'Ferry', dek: '' });
    const copy = () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
      return doc;
    };
    const [ana, ben] = [copy(), copy()];
    replaceFieldText(storyFieldText(ana, 'headline'), 'Night ferry');
    replaceFieldText(storyFieldText(ben, 'headline'), 'Ferry cancelled');
    replaceFieldText(storyFieldText(ben, 'dek'), 'Storm.');
    Y.applyUpdate(ana, Y.encodeStateAsUpdate(ben));
    Y.applyUpdate(ben, Y.encodeStateAsUpdate(ana));
    expect(storyFieldsOf(ana)).toEqual({ headline: 'Night ferry cancelled', dek: 'Storm.' });
    expect(storyFieldsOf(ben)).toEqual(storyFieldsOf(ana));
  });

  it('gives a document its fields once: a second time changes nothing', () => {
    const doc = new Y.Doc();
    expect(storyFieldsOf(doc)).toBeNull();
    giveStoryFields(doc, { headline: 'Ferry', dek: 'Late.' });
    giveStoryFields(doc, { headline: 'Other', dek: '' });
    expect(storyFieldsOf(doc)).toEqual({ headline: 'Ferry', dek: 'Late.' });
  });
});
