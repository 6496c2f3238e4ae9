/**
 * `npm run eval`: how good related-article suggestions are on real news text, the BBC corpus
 * (2,225 articles in five categories, ../shared/corpora/news/bbc).
 *
 * 1. The exact-duplicate groups listed in bbc-manifest.csv are collapsed to their first
 *    member; the rest (2,124 articles) are imported into a new library through Copydesk's
 *    importer, then analysed for related suggestions (as the running app does in the background
 *    after an import; articles saved in the editor are analysed as they are saved).
 * 2. Precision@5: for every article, the share of its five suggestions that are from its own
 *    category (a missing suggestion counts as wrong). Target ≥ 0.9.
 * 3. The duplicates left out in step 1 are then saved as new articles through the article
 *    service, and each must find its partner among its possible duplicates, never among the
 *    related articles. Target: all of them.
 * 4. For information: pairs flagged as possible duplicates in the collapsed corpus (stories the
 *    BBC re-filed under another headline, which the exact groups miss), with examples to judge,
 *    and lightly edited copies of one article in 21 found as duplicates.
 *
 * Prints figures and PASS or FAIL against each target; asserts nothing.
 *
 *   npm run eval
 */
import fs from 'node:fs';
import path from 'node:path';

import { importFiles } from '../electron/import/importFiles';
import { loadNameFinder } from '../electron/related/entities';
import { createArticle, getArticle } from '../electron/services/articles';
import { reindexPending, suggestRelated } from '../electron/services/related';
import { bodyFromParagraphs } from '../shared/text';
import { withTempLibrary } from '../tests/helpers/tempLibrary';
import { newsCorpora } from '../tests/helpers/corpora';

const NEWS = newsCorpora();
const PRECISION_TARGET = 0.9;
const K = 5;

type Entry = { id: string; category: string; file: string; group: string };

function readManifest(): Entry[] {
  const lines = fs.readFileSync(path.join(NEWS, 'bbc-manifest.csv'), 'utf8').trim().split(/\r?\n/u).slice(1);
  return lines.map((line) => {
    // The title may hold commas; every other column is plain.
    const fields = line.split(',');
    return {
      id: fields[0] ?? '',
      category: fields[1] ?? '',
      file: path.join(NEWS, fields[2] ?? ''),
      group: fields[fields.length - 1] ?? '',
    };
  });
}

function fmt(value: number): string {
  return value.toFixed(3);
}

async function main(): Promise<void> {
  await loadNameFinder();
  const entries = readManifest();
  const kept: Entry[] = [];
  const partners: Array<{ entry: Entry; first: Entry }> = [];
  const firstOfGroup = new Map<string, Entry>();
  for (const entry of entries) {
    const first = entry.group === '' ? undefined : firstOfGroup.get(entry.group);
    if (first === undefined) {
      kept.push(entry);
      if (entry.group !== '') firstOfGroup.set(entry.group, entry);
    } else {
      partners.push({ entry, first });
    }
  }
  console.log(
    `BBC corpus: ${entries.length} articles, ${firstOfGroup.size} exact-duplicate groups; ${kept.length} kept, ${partners.length} set aside`,
  );

  await withTempLibrary('copydesk-eval-', async (lib) => {
    let started = performance.now();
    const report = await importFiles(
      lib,
      kept.map((entry) => entry.file),
    );
    const importSeconds = (performance.now() - started) / 1000;
    console.log(
      `imported ${report.imported.length} articles in ${importSeconds.toFixed(1)} s; ${report.duplicates.length} skipped as duplicates, ${report.failed.length} failed`,
    );
    // What the running app does in the background after an import, all at once.
    started = performance.now();
    const { indexed } = reindexPending(lib);
    const analysisSeconds = (performance.now() - started) / 1000;
    console.log(
      `analysed ${indexed} articles for related suggestions in ${analysisSeconds.toFixed(1)} s (${((analysisSeconds * 1000) / indexed).toFixed(1)} ms each)`,
    );
    const categoryOf = new Map<string, string>();
    const idOfEntry = new Map<string, string>();
    const byFile = new Map(kept.map((entry) => [entry.file, entry]));
    for (const item of report.imported) {
      const entry = byFile.get(item.file);
      if (entry === undefined) continue;
      categoryOf.set(item.id, entry.category);
      idOfEntry.set(entry.id, item.id);
    }

    // Precision@5 of same-category neighbours.
    started = performance.now();
    let hits = 0;
    let asked = 0;
    const flagged = new Map<string, string>();
    const perCategory = new Map<string, { hits: number; asked: number }>();
    for (const [id, category] of categoryOf) {
      const { related, duplicates } = suggestRelated(lib, { articleId: id }, K);
      const headline = (articleId: string) => report.imported.find((item) => item.id === articleId)?.headline ?? '';
      for (const item of duplicates) {
        const pair = [id, item.articleId].sort().join(' ');
        if (!flagged.has(pair))
          flagged.set(pair, `${item.similarity.toFixed(2)}  "${headline(id)}" / "${item.headline}"`);
      }
      const same = related.filter((item) => categoryOf.get(item.articleId) === category).length;
      hits += same;
      asked += K;
      const tally = perCategory.get(category) ?? { hits: 0, asked: 0 };
      tally.hits += same;
      tally.asked += K;
      perCategory.set(category, tally);
    }
    const precision = hits / asked;
    const suggestMs = (performance.now() - started) / categoryOf.size;
    console.log(`\nprecision@${K} of same-category neighbours: ${fmt(precision)} over ${categoryOf.size} articles`);
    for (const [category, tally] of [...perCategory].sort()) {
      console.log(`  ${category.padEnd(14)} ${fmt(tally.hits / tally.asked)}`);
    }
    console.log(`  (${suggestMs.toFixed(1)} ms per suggestion at this size)`);
    console.log(`${precision >= PRECISION_TARGET ? 'PASS' : 'FAIL'} precision@${K} ≥ ${PRECISION_TARGET}`);
    // The manifest lists exact duplicates only: stories re-filed under a new headline remain.
    console.log(
      `\npossible duplicates among the collapsed corpus (near-duplicates the manifest's exact groups do not list): ${flagged.size} pairs; some of them:`,
    );
    for (const line of [...flagged.values()].slice(0, 6)) console.log(`  ${line}`);

    // Each set-aside duplicate must find its partner as a possible duplicate, not as related.
    let found = 0;
    let amongRelated = 0;
    const similarities: number[] = [];
    const missed: string[] = [];
    for (const { entry, first } of partners) {
      const text = fs.readFileSync(entry.file, 'utf8');
      const [headline = '', ...paragraphs] = text.split(/\n\s*\n/u).map((part) => part.replace(/\s+/gu, ' ').trim());
      const article = createArticle(lib, {
        headline,
        body: bodyFromParagraphs(paragraphs.filter((part) => part !== '')),
      });
      const partnerId = idOfEntry.get(first.id);
      const result = suggestRelated(lib, { articleId: article.id }, 10);
      const duplicate = result.duplicates.find((item) => item.articleId === partnerId);
      if (duplicate !== undefined) {
        found += 1;
        similarities.push(duplicate.similarity);
      } else {
        missed.push(`${entry.id} ↔ ${first.id}`);
      }
      if (result.related.some((item) => item.articleId === partnerId)) amongRelated += 1;
    }
    console.log(
      `\nexact-duplicate pairs: partner found as a possible duplicate for ${found} of ${partners.length}` +
        (similarities.length > 0
          ? ` (similarity ${fmt(Math.min(...similarities))} to ${fmt(Math.max(...similarities))})`
          : ''),
    );
    if (missed.length > 0) console.log(`  missed: ${missed.join(', ')}`);
    console.log(`  partner listed among related articles instead: ${amongRelated}`);
    console.log(
      `${found === partners.length && amongRelated === 0 ? 'PASS' : 'FAIL'} every exact duplicate's partner found as a duplicate`,
    );

    // Lightly edited copies (a wire story re-filed): one word changed, a credit line added.
    let editedFound = 0;
    const editedSimilarities: number[] = [];
    const sample = [...idOfEntry.values()].filter((_, n) => n % 21 === 0);
    for (const id of sample) {
      const original = getArticle(lib, id);
      const paragraphs = original.bodyText.split(/\n+/u).filter((part) => part.trim() !== '');
      const first = (paragraphs[0] ?? '').replace(/\b(said|says|has|is)\b/u, (word) => word.toUpperCase());
      const copy = createArticle(lib, {
        headline: `${original.headline} (updated)`,
        body: bodyFromParagraphs([first, ...paragraphs.slice(1), 'Additional reporting by Reuters.']),
      });
      const duplicate = suggestRelated(lib, { articleId: copy.id }, 10).duplicates.find(
        (item) => item.articleId === id,
      );
      if (duplicate !== undefined) {
        editedFound += 1;
        editedSimilarities.push(duplicate.similarity);
      }
    }
    console.log(
      `\nlightly edited copies: original found as a possible duplicate for ${editedFound} of ${sample.length}` +
        (editedSimilarities.length > 0
          ? ` (similarity ${fmt(Math.min(...editedSimilarities))} to ${fmt(Math.max(...editedSimilarities))})`
          : ''),
    );
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
