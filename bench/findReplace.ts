/**
 * Find-and-replace benchmark: the find bar's search of the body (read the body's text, find
 * the matches, tie each to its text nodes) and a Replace all in one update, in a headless
 * editor holding 10,000 and 70,000 words of BBC news copy, each paragraph with a bold run and a
 * claim mark. A search runs when typing in the find field or in the body pauses; it is the
 * editor's share of the work (painting the highlights is the browser's). The median of several
 * runs after a warm-up. Prints its figures; asserts nothing.
 *
 *   npm run bench -- findReplace
 */
import { $createMarkNode } from '@lexical/mark';
import { $createParagraphNode, $createTextNode, $getRoot, type LexicalEditor } from 'lexical';

import { $findInBody, $replaceAllInBody } from '../renderer/editor/findInBody';
import type { FindOptions } from '../renderer/editor/findMatches';
import { newBodyEditor } from '../tests/helpers/bodyEditor';
import { medianOf } from './newsLibrary';
import { realParagraphs } from './newsText';

const RUNS = 9;
const ANY: FindOptions = { matchCase: false, wholeWords: false };
const WHOLE: FindOptions = { matchCase: false, wholeWords: true };

/** A story of `words` words: each paragraph a bold opening, a claim in the middle, plain text after. */
function storyOf(words: number): LexicalEditor {
  const editor = newBodyEditor();
  editor.update(
    () => {
      const root = $getRoot().clear();
      realParagraphs(words).forEach((paragraph, index) => {
        const cut = paragraph.split(' ');
        const third = Math.max(1, Math.floor(cut.length / 3));
        root.append(
          $createParagraphNode().append(
            $createTextNode(`${cut.slice(0, third).join(' ')} `).toggleFormat('bold'),
            $createMarkNode([`claim-${index}`]).append($createTextNode(cut.slice(third, 2 * third).join(' '))),
            $createTextNode(` ${cut.slice(2 * third).join(' ')}`),
          ),
        );
      });
    },
    { discrete: true },
  );
  return editor;
}

for (const words of [10_000, 70_000]) {
  const editor = storyOf(words);
  const searches: [string, FindOptions][] = [
    ['e', ANY],
    ['the', WHOLE],
    ['minister', ANY],
  ];
  const figures = searches.map(([query, options]) => {
    let found = 0;
    const time = medianOf(() => {
      found = editor.read(() => $findInBody(query, options)).length;
    }, RUNS);
    return `“${query}”${options.wholeWords ? ' (whole words)' : ''} ${found.toLocaleString('en')} matches ${time.toFixed(1)} ms`;
  });

  // Replace all on a fresh copy each run, committed (reconciled into no DOM: headless).
  const state = editor.getEditorState();
  let replaced = 0;
  const replaceAll = medianOf(() => {
    editor.setEditorState(state);
    editor.update(
      () => {
        replaced = $replaceAllInBody('the', WHOLE, 'THE');
      },
      { discrete: true },
    );
  }, RUNS);
  console.log(
    `${words.toLocaleString('en')} words: search ${figures.join('; ')}; replace all “the” (${replaced.toLocaleString('en')}) ${replaceAll.toFixed(1)} ms`,
  );
}
