/**
 * Real news text for the benchmarks: paragraphs of the BBC corpus (../shared/corpora/news/bbc),
 * category by category, file by file, until there are enough words.
 */
import fs from 'node:fs';
import path from 'node:path';

import { countWords } from '../shared/text';
import { bbcNews } from '../tests/helpers/corpora';

const BBC = bbcNews();

/** Paragraphs of real BBC text, enough for `words` words (each story's title line left out). */
export function realParagraphs(words: number): string[] {
  const paragraphs: string[] = [];
  let total = 0;
  for (const category of ['politics', 'business', 'tech', 'sport', 'entertainment']) {
    for (const file of fs.readdirSync(path.join(BBC, category)).sort()) {
      const text = fs.readFileSync(path.join(BBC, category, file), 'latin1');
      for (const paragraph of text.split(/\n\s*\n/).slice(1)) {
        const clean = paragraph.replace(/\s+/g, ' ').trim();
        if (clean === '') continue;
        paragraphs.push(clean);
        total += countWords(clean);
        if (total >= words) return paragraphs;
      }
    }
  }
  return paragraphs;
}
