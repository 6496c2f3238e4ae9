/**
 * Fact-check benchmark: claim suggestions over 10,000 words of BBC news copy, and a direct
 * quotation checked against a 200 kB snapshot (found verbatim, changed, and absent). The
 * median of several runs after a warm-up. Prints its figures; asserts nothing.
 *
 *   npx tsx bench/factCheck.ts
 */
import fs from 'node:fs';
import path from 'node:path';

import { suggestClaims } from '../shared/claimSuggestions';
import { checkQuote } from '../shared/quoteCheck';

const BBC = path.join(__dirname, '..', '..', 'shared', 'corpora', 'news', 'bbc');
const RUNS = 15;

function median(run: () => void): number {
  run();
  const times: number[] = [];
  for (let index = 0; index < RUNS; index += 1) {
    const from = performance.now();
    run();
    times.push(performance.now() - from);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

function main(): void {
  const paragraphs: string[] = [];
  let words = 0;
  for (const name of fs.readdirSync(BBC, { recursive: true, encoding: 'utf8' }).sort()) {
    if (!name.endsWith('.txt') || words >= 10_000) continue;
    for (const paragraph of fs.readFileSync(path.join(BBC, name), 'utf8').split(/\n\s*\n/u)) {
      if (words >= 10_000) break;
      paragraphs.push(paragraph.trim());
      words += paragraph.split(/\s+/u).filter((word) => word !== '').length;
    }
  }
  const suggestions = suggestClaims(paragraphs);
  const byKind = new Map<string, number>();
  for (const suggestion of suggestions) byKind.set(suggestion.kind, (byKind.get(suggestion.kind) ?? 0) + 1);
  console.log(
    `suggestClaims: ${words.toLocaleString('en')} words in ${paragraphs.length} paragraphs → ${suggestions.length} suggestions (${[
      ...byKind,
    ]
      .map(([kind, count]) => `${count} ${kind}`)
      .join(', ')}), median ${median(() => suggestClaims(paragraphs)).toFixed(1)} ms`,
  );

  const quote =
    '“The two sides held an in-depth exchange of views on the global and regional terrorism landscape, with particular attention to the evolving threat posed by terrorism in Afghanistan and the region,”';
  const filler = paragraphs.join('\n\n');
  let snapshot = '';
  while (snapshot.length < 200_000) snapshot += `${filler}\n\n`;
  const half = Math.floor(snapshot.length / 2);
  const withQuote = `${snapshot.slice(0, half)}${quote.slice(1, -2)}.${snapshot.slice(half)}`;
  const kb = (withQuote.length / 1024).toFixed(0);
  for (const [label, text, q] of [
    ['matches', withQuote, quote],
    ['differs', withQuote, quote.replace('in-depth', 'frank')],
    ['absent', snapshot, quote],
  ] as const) {
    const result = checkQuote(q, text).result;
    console.log(
      `checkQuote (${label}): ${kb} kB snapshot → ${result}, median ${median(() => checkQuote(q, text)).toFixed(1)} ms`,
    );
  }
}

main();
