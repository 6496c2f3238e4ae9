/**
 * Save-check benchmark: every save is checked against the contract in the window before it is
 * sent (a refused field is held back, the rest saved). This times that check on bodies of
 * 1,000, 10,000 and 70,000 words of BBC news copy, next to the JSON encoding every save pays to
 * travel anyway. The median of several runs after a warm-up. Prints its figures; asserts nothing.
 *
 *   npm run bench -- saveChecks
 */
import fs from 'node:fs';
import path from 'node:path';

import type { ArticlePatch } from '../shared/api';
import { bodyFromParagraphs } from '../shared/text';
import { checkPatch } from '../renderer/features/article/fieldChecks';
import { medianOf } from './newsLibrary';
import { bbcNews } from '../tests/helpers/corpora';

const BBC = bbcNews();
const RUNS = 9;

function paragraphsOf(wanted: number): string[] {
  const paragraphs: string[] = [];
  let words = 0;
  while (words < wanted) {
    for (const name of fs.readdirSync(BBC, { recursive: true, encoding: 'utf8' }).sort()) {
      if (!name.endsWith('.txt') || words >= wanted) continue;
      for (const paragraph of fs.readFileSync(path.join(BBC, name), 'utf8').split(/\n\s*\n/u)) {
        if (words >= wanted) break;
        paragraphs.push(paragraph.trim());
        words += paragraph.split(/\s+/u).filter((word) => word !== '').length;
      }
    }
  }
  return paragraphs;
}

for (const words of [1_000, 10_000, 70_000]) {
  const patch: ArticlePatch = {
    headline: 'Harbour reopens after storm',
    datelineDate: '2026-12-06',
    body: bodyFromParagraphs(paragraphsOf(words)),
  };
  const bytes = JSON.stringify(patch).length;
  const check = medianOf(() => checkPatch(patch), RUNS);
  const encode = medianOf(() => JSON.stringify(patch), RUNS);
  console.log(
    `${words.toLocaleString('en')} words (${(bytes / 1024).toFixed(0)} kB): check before sending ${check.toFixed(1)} ms, JSON encoding ${encode.toFixed(1)} ms`,
  );
}
