import { describe, expect, it } from 'vitest';
import { $createTextNode } from 'lexical';
import * as Y from 'yjs';

import { bodyFromMarkdown } from '../../../../electron/import/lexicalBody';
import type { Body } from '../../../../shared/body/bodySchema';
import {
  bodyFromDocumentUpdates,
  bodyToDocumentUpdate,
  editBodyDocument,
} from '../../../../shared/body/lexical/bodyDocument';
import { bodyToPlainText } from '../../../../shared/text';
import { $firstBlock, $firstWords, markNode, paragraphNode, textNode } from '../../../helpers/lexicalNodes';

/** A story with headings, lists, a quote, a rule, links, formatting, a claim's mark and both blocks. */
function richStory(): Body {
  const base = bodyFromMarkdown(
    [
      '## What happened',
      'The ministry was **deeply** concerned, [the statement](https://example.org/statement) said.',
      '- Condemned\n- Mourned',
      '1. first\n2. second',
      '> We stand with the victims.',
      '---',
    ].join('\n\n'),
  );
  const claim = paragraphNode(
    textNode('Officials said '),
    markNode(['c1'], textNode('140 people died')),
    textNode('.'),
  );
  const blocks = [
    {
      type: 'inline-image',
      version: 1,
      assetId: 'a1',
      altText: 'The quay',
      caption: 'Ships',
      credit: 'AP',
      width: 4,
      height: 3,
    },
    { type: 'also-see', version: 1, articleId: '', url: 'https://example.org/ferries', headline: 'Ferries cut' },
  ];
  return { root: { ...base.root, children: [...base.root.children, claim, ...blocks] } } as Body;
}

describe('a story’s body as a Yjs document', () => {
  it('comes back from its document exactly as it went in, every node kept', () => {
    const story = richStory();
    const update = bodyToDocumentUpdate(story);
    const back = bodyFromDocumentUpdates([update]);
    expect(back).toEqual(bodyFromDocumentUpdates([bodyToDocumentUpdate(back)]));
    expect(bodyToPlainText(back)).toBe(bodyToPlainText(story));
    expect(JSON.stringify(back)).toContain('"ids":["c1"]');
    expect(JSON.stringify(back)).toContain('"type":"inline-image"');
    expect(JSON.stringify(back)).toContain('"url":"https://example.org/ferries"');
  });

  it('merges two people’s edits made at once on copies of one document, neither lost', () => {
    const start = bodyToDocumentUpdate(richStory());
    const [ana, ben] = [new Y.Doc(), new Y.Doc()];
    Y.applyUpdate(ana, start);
    Y.applyUpdate(ben, start);
    // Each adds to the heading at once, knowing nothing of the other.
    const heading = () => $firstBlock();
    editBodyDocument(ana, () => $firstWords(heading()).spliceText(0, 0, 'Update: '));
    editBodyDocument(ben, () => heading().append($createTextNode(' (revised)')));
    const merged = bodyFromDocumentUpdates([Y.encodeStateAsUpdate(ana), Y.encodeStateAsUpdate(ben)]);
    expect(bodyToPlainText(merged).split('\n')[0]).toBe('Update: What happened (revised)');
    // The other way round, the same.
    expect(bodyFromDocumentUpdates([Y.encodeStateAsUpdate(ben), Y.encodeStateAsUpdate(ana)])).toEqual(merged);
  });
});
