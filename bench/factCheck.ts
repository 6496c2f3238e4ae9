/**
 * Fact-check benchmark: claim suggestions over 10,000 words of BBC news copy and over a long
 * paste of 40,000 — how many are found, how many are offered once a sentence takes in its
 * figures and dates, per 1,000 words, and how long finding and ranking them takes — and a
 * direct quotation checked against a 200 kB snapshot (found verbatim, changed, and absent).
 * The median of several runs after a warm-up. Prints its figures; asserts nothing.
 *
 *   npx tsx bench/factCheck.ts
 */

import { FIRST_SUGGESTIONS, pageSuggestions, rankSuggestions, suggestClaims } from '../shared/claimSuggestions';
import { checkQuote } from '../shared/quoteCheck';
import { bbcParagraphs } from '../tests/helpers/newsCopy';

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

const byKind = (items: readonly { kind: string }[]) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => `${count} ${kind}`).join(', ');
};

function suggestionFigures(limit: number): string[] {
  const { paragraphs, words } = bbcParagraphs(limit);
  const perThousand = (count: number) => ((count * 1000) / words).toFixed(1);
  const found = suggestClaims(paragraphs);
  const offered = rankSuggestions(paragraphs).suggestions;
  const page = pageSuggestions(offered, FIRST_SUGGESTIONS);
  return [
    `${words.toLocaleString('en')} words in ${paragraphs.length} paragraphs`,
    `  found (suggestClaims): ${found.length.toLocaleString('en')} = ${perThousand(found.length)} per 1,000 words (${byKind(found)}), median ${median(() => suggestClaims(paragraphs)).toFixed(1)} ms`,
    `  offered (rankSuggestions): ${offered.length.toLocaleString('en')} = ${perThousand(offered.length)} per 1,000 words (${byKind(offered)}), median ${median(() => rankSuggestions(paragraphs)).toFixed(1)} ms`,
    `  shown at first: ${page.best.length} best, then ${page.groups.map((group) => `${group.label} (${group.suggestions.length})`).join(', ')} closed`,
  ];
}

function main(): void {
  for (const limit of [10_000, 40_000]) console.log(suggestionFigures(limit).join('\n'));
  const { paragraphs } = bbcParagraphs(10_000);

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
