import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { createArticle, getArticle } from '../../../../electron/services/articles';
import { getRevision, listRevisions, restoreRevision, saveVersion } from '../../../../electron/services/revisions';
import {
  keepStoryUpdate,
  MAX_STORY_UPDATE_BYTES,
  openStoryDocument,
  projectStoryDocument,
} from '../../../../electron/services/storyDocuments';
import * as documents from '../../../../electron/db/queries/storyDocuments';
import {
  bodyFromDocumentUpdates,
  bodyToDocumentUpdate,
  editBodyDocument,
} from '../../../../shared/body/lexical/bodyDocument';
import { hasStoryFields, replaceFieldText, storyFieldsOf, storyFieldText } from '../../../../shared/storyFields';
import { bodyToPlainText } from '../../../../shared/text';
import {
  $firstBlock,
  $firstWords,
  bodyWithBlocks,
  markNode,
  paragraphNode,
  textNode,
} from '../../../helpers/lexicalNodes';
import { libraryPerTest } from '../../../helpers/libraryPerTest';

const { library } = libraryPerTest();

/** An edit to the story's document as a person's editor would send it. */
function edit(state: Uint8Array, change: () => void): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const before = Y.encodeStateVector(doc);
  editBodyDocument(doc, change);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('a story’s live document in the library', () => {
  it('is made once from the saved body, and the article follows the edits kept, its version unmoved', () => {
    const lib = library.lib;
    const claimParagraph = paragraphNode(
      textNode('Officials said '),
      markNode(['c1'], textNode('140 died')),
      textNode('.'),
    );
    const article = createArticle(lib, { headline: 'Attack', body: bodyWithBlocks('First.', claimParagraph as never) });
    const first = openStoryDocument(lib, article.id);
    expect(openStoryDocument(lib, article.id)).toEqual(first);
    expect(bodyToPlainText(bodyFromDocumentUpdates([first]))).toBe(article.bodyText);

    const update = edit(first, () => {
      const words = $firstWords($firstBlock());
      words.setTextContent('First, revised.');
    });
    keepStoryUpdate(lib, article.id, update);
    expect(projectStoryDocument(lib, article.id)).toBe(true);
    const after = getArticle(lib, article.id);
    expect(after.bodyText.startsWith('First, revised.')).toBe(true);
    // The version is the one the other fields are saved against: it does not move.
    expect(after.version).toBe(article.version);
    expect(projectStoryDocument(lib, article.id)).toBe(false);
  });

  it('carries the headline and dek, merging two people’s edits to them; a draft’s slug follows', () => {
    const lib = library.lib;
    const article = createArticle(lib, { headline: 'Ferry', dek: 'The crossing.', body: bodyWithBlocks('Text.') });
    const first = openStoryDocument(lib, article.id);
    const person = () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, first);
      return doc;
    };
    const [ana, ben] = [person(), person()];
    expect(storyFieldsOf(ana)).toEqual({ headline: 'Ferry', dek: 'The crossing.' });
    const typed = (doc: Y.Doc, change: () => void) => {
      const before = Y.encodeStateVector(doc);
      change();
      return Y.encodeStateAsUpdate(doc, before);
    };
    const fromAna = typed(ana, () => replaceFieldText(storyFieldText(ana, 'headline'), 'Night ferry'));
    const fromBen = typed(ben, () => {
      replaceFieldText(storyFieldText(ben, 'headline'), 'Ferry delayed');
      replaceFieldText(storyFieldText(ben, 'dek'), 'The crossing waits for the storm.');
    });
    keepStoryUpdate(lib, article.id, fromAna);
    keepStoryUpdate(lib, article.id, fromBen);
    expect(projectStoryDocument(lib, article.id)).toBe(true);
    const after = getArticle(lib, article.id);
    expect(after).toMatchObject({
      headline: 'Night ferry delayed',
      dek: 'The crossing waits for the storm.',
      slug: 'night-ferry-delayed',
      version: article.version,
    });
    expect(after.bodyText).toBe('Text.');
    expect(projectStoryDocument(lib, article.id)).toBe(false);
  });

  it('gives a document made before it carried the headline and dek both, from the saved story', () => {
    const lib = library.lib;
    const article = createArticle(lib, { headline: 'Lighthouse', dek: 'Reopens.', body: bodyWithBlocks('Text.') });
    const bodyOnly = bodyToDocumentUpdate(bodyFromDocumentUpdates([openStoryDocument(lib, article.id)]));
    documents.replaceStoryDocumentUpdates(lib.db, article.id, bodyOnly, new Date().toISOString());
    const withoutFields = new Y.Doc();
    Y.applyUpdate(withoutFields, bodyOnly);
    expect(hasStoryFields(withoutFields)).toBe(false);

    const opened = new Y.Doc();
    Y.applyUpdate(opened, openStoryDocument(lib, article.id));
    expect(storyFieldsOf(opened)).toEqual({ headline: 'Lighthouse', dek: 'Reopens.' });
    expect(bodyToPlainText(bodyFromDocumentUpdates([Y.encodeStateAsUpdate(opened)]))).toBe('Text.');
    projectStoryDocument(lib, article.id);
    expect(getArticle(lib, article.id)).toMatchObject({ headline: 'Lighthouse', dek: 'Reopens.', bodyText: 'Text.' });
  });

  it('keeps versions of a live story in History, signed by whoever typed: after ten minutes of editing, and on leaving', () => {
    const lib = library.lib;
    const start = Date.parse('2026-12-07T09:00:00.000Z');
    const at = (minutes: number) => new Date(start + minutes * 60_000);
    const article = createArticle(lib, { headline: 'Ferry', body: bodyWithBlocks('Text.') }, { clock: () => at(0) });
    let state = openStoryDocument(lib, article.id, at(0));
    const type = (words: string, minutes: number, editedBy: string[], leaving = false) => {
      const update = edit(state, () => $firstWords($firstBlock()).setTextContent(words));
      keepStoryUpdate(lib, article.id, update, at(minutes));
      state = Y.mergeUpdates([state, update]);
      projectStoryDocument(lib, article.id, { editedBy, leaving }, at(minutes));
    };
    const kept = () => listRevisions(lib, article.id).map(({ label, createdBy }) => `${label} · ${createdBy}`);
    const before = kept();

    type('Text, edited.', 4, ['Ana Lima']);
    type('Text, edited again.', 8, ['Ben Okafor', 'Ana Lima']);
    expect(kept()).toEqual(before);
    type('Text, edited a third time.', 11, ['Ana Lima']);
    expect(kept()).toEqual(['After 10 minutes of editing · Ana Lima', ...before]);

    type('Text, as left.', 12, ['Ana Lima', 'Ben Okafor'], true);
    expect(kept()[0]).toBe('On leaving the story · Ana Lima and Ben Okafor');
    // Left again with nothing new: nothing more to keep.
    projectStoryDocument(lib, article.id, { editedBy: [], leaving: true }, at(13));
    expect(kept()).toHaveLength(before.length + 2);
  });

  it('refuses a damaged or oversized edit, and one to a story in the trash, keeping nothing', () => {
    const lib = library.lib;
    const article = createArticle(lib, { headline: 'Ferry', body: bodyWithBlocks('Text.') });
    const first = openStoryDocument(lib, article.id);
    expect(() => keepStoryUpdate(lib, article.id, new Uint8Array([1, 2, 3, 250, 250]))).toThrow(
      'An edit arrived damaged (it is not a Yjs update) and was not kept.',
    );
    expect(() => keepStoryUpdate(lib, article.id, new Uint8Array(MAX_STORY_UPDATE_BYTES + 1))).toThrow(
      'is more than one edit may be (8 MB)',
    );
    expect(() => keepStoryUpdate(lib, 'no-such-story', first)).toThrow('This story is not in the library any more');
    expect(openStoryDocument(lib, article.id)).toEqual(first);
  });

  it('puts a version back into a live story’s document as one more edit, merged with what someone types meanwhile', () => {
    const lib = library.lib;
    const article = createArticle(lib, {
      headline: 'Bridge vote',
      dek: 'The council decides.',
      body: bodyWithBlocks('The council voted on Tuesday.'),
    });
    const first = openStoryDocument(lib, article.id);
    const version = saveVersion(lib, article.id, 'First draft', new Date(), 'Rita Reporter');
    // Edited live since: the text and the headline.
    const revised = edit(first, () => $firstWords($firstBlock()).setTextContent('The council voted 7 to 2.'));
    keepStoryUpdate(lib, article.id, revised);
    const stateBefore = Y.mergeUpdates([first, revised]);
    const withFields = new Y.Doc();
    Y.applyUpdate(withFields, stateBefore);
    const headlineBefore = Y.encodeStateVector(withFields);
    replaceFieldText(storyFieldText(withFields, 'headline'), 'Bridge approved');
    keepStoryUpdate(lib, article.id, Y.encodeStateAsUpdate(withFields, headlineBefore));
    // Not yet brought up to date: the desk does that a moment after the typing stops.
    expect(getArticle(lib, article.id).headline).toBe('Bridge vote');

    const restored = restoreRevision(lib, article.id, version.id, getArticle(lib, article.id).version, {
      userName: 'Ed Editor',
    });
    expect(restored).toMatchObject({ headline: 'Bridge vote', dek: 'The council decides.' });
    expect(restored.bodyText).toBe('The council voted on Tuesday.');
    // The document holds it: everyone who opens the story sees the version.
    const now = openStoryDocument(lib, article.id);
    expect(bodyToPlainText(bodyFromDocumentUpdates([now]))).toBe('The council voted on Tuesday.');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, now);
    expect(storyFieldsOf(doc)).toEqual({ headline: 'Bridge vote', dek: 'The council decides.' });
    // What everyone had typed is kept in History first, signed.
    const before = listRevisions(lib, article.id)[0];
    expect(before).toMatchObject({ kind: 'restore', createdBy: 'Ed Editor' });
    expect(getRevision(lib, before?.id ?? '')).toMatchObject({
      headline: 'Bridge approved',
      bodyText: 'The council voted 7 to 2.',
    });
  });
});
