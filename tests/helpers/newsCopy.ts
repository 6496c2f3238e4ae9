import fs from 'node:fs';
import path from 'node:path';
import { bbcNews } from './corpora';

/** The BBC news corpus: 2,225 stories of 2004–2005, one plain-text file each (headline, then paragraphs). */
export const BBC = bbcNews();

/** The first `limit` words of the BBC corpus, paragraph by paragraph, as a long paste would bring them. */
export function bbcParagraphs(limit: number): { paragraphs: string[]; words: number } {
  const paragraphs: string[] = [];
  let words = 0;
  for (const name of fs.readdirSync(BBC, { recursive: true, encoding: 'utf8' }).sort()) {
    if (!name.endsWith('.txt') || words >= limit) continue;
    for (const paragraph of fs.readFileSync(path.join(BBC, name), 'utf8').split(/\n\s*\n/u)) {
      if (words >= limit) break;
      paragraphs.push(paragraph.trim());
      words += paragraph.split(/\s+/u).filter((word) => word !== '').length;
    }
  }
  return { paragraphs, words };
}
