import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { createArticle, getArticle } from '../../../../electron/services/articles';
import {
  keepStoryUpdate,
  MAX_STORY_UPDATE_BYTES,
  openStoryDocument,
  projectStoryDocument,
} from '../../../../electron/services/storyDocuments';
import { bodyFromDocumentUpdates, editBodyDocument } from '../../../../shared/body/lexical/bodyDocument';
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
});
