/**
 * Related-article suggestions at 100,000 articles of real news text (the BBC corpus's paragraphs
 * recombined into distinct articles, as the search benchmark builds them). Prints the time to
 * analyse the whole library (a reindex, as after an upgrade), p50/p95 of suggestions for saved
 * articles and for drafts, and what analysis adds to a save. Asserts nothing.
 *
 *   npm run bench -- related
 *   npx tsx bench/related.ts [100000]
 *
 * The built library is kept in the temporary folder (copydesk-bench-related/) and reused.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { analyseArticle } from '../electron/related/analyseArticle';
import { createArticle, getArticle, saveArticle, trashArticle } from '../electron/services/articles';
import { loadNameFinder } from '../electron/related/entities';
import { LibraryHost } from '../electron/services/LibraryHost';
import { reindexPending, suggestRelated } from '../electron/services/related';
import { bodyFromParagraphs } from '../shared/text';
import { insertArticles, seededRandom, type BulkArticle } from '../tests/helpers/bulkLibrary';
import {
  buildLibraryFile,
  cachedLibraryFile,
  percentile,
  readCorpus,
  RECOMBINED_START,
  recombinedStories,
  type Doc,
} from './newsLibrary';

const CACHE = path.join(os.tmpdir(), 'copydesk-bench-related');
const SIZE = Number(process.argv[2] ?? 100_000);
const RUNS = 5;
const LIMIT = 10;

/** The recombined stories as drafts of one reporter, each with a tag and a creation date drawn for it. */
function* recombined(docs: readonly Doc[], count: number): Generator<BulkArticle> {
  const random = seededRandom(20_260_302);
  for (const story of recombinedStories(docs, count, random)) {
    const created = RECOMBINED_START + Math.floor(random() * 3 * 365 * 86_400_000);
    yield {
      ...story,
      status: 'draft',
      tags: [`topic-${1 + Math.floor(random() ** 2.5 * 240)}`],
      authors: [0],
      createdAt: new Date(created).toISOString(),
      updatedAt: new Date(created).toISOString(),
    };
  }
}

function openLibrary(docs: readonly Doc[]): LibraryHost {
  const file = cachedLibraryFile(CACHE, SIZE);
  if (fs.existsSync(file)) {
    console.log(`  reusing ${file} (delete it to measure the build again)`);
    return LibraryHost.open(file);
  }
  buildLibraryFile(file, (host) => {
    let started = performance.now();
    insertArticles(host.current.db, ['Reporter'], recombined(docs, SIZE));
    console.log(
      `  wrote ${SIZE.toLocaleString('en')} articles in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    started = performance.now();
    const { indexed } = reindexPending(host.current, {
      batchSize: 500,
      onProgress: (done) => {
        if (done % 10_000 === 0) console.log(`    analysed ${done.toLocaleString('en')}…`);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `  analysed ${indexed.toLocaleString('en')} articles for related suggestions in ${seconds.toFixed(1)} s (${((seconds * 1000) / indexed).toFixed(2)} ms each; entities of repeated paragraphs come from the cache)`,
    );
  });
  console.log(`  library: ${(fs.statSync(file).size / (1024 * 1024)).toFixed(0)} MiB, kept at ${file}`);
  return LibraryHost.open(file);
}

function report(label: string, samples: number[]): void {
  const sorted = [...samples].sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(44)} p50 ${percentile(sorted, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(sorted, 95).toFixed(1).padStart(6)} ms   (${samples.length} runs)`,
  );
}

function main(): void {
  const docs = readCorpus('utf8', (category) => category);
  console.log(`Related articles at ${SIZE.toLocaleString('en')} articles`);
  const host = openLibrary(docs);
  const lib = host.current;
  try {
    const random = seededRandom(7);
    const ids = lib.db
      .prepare('SELECT id FROM articles WHERE seq IN (SELECT value FROM json_each(?))')
      .pluck()
      .all(JSON.stringify(Array.from({ length: 40 }, () => 1 + Math.floor(random() * SIZE)))) as string[];

    // Drafts: the opening of stories as a reporter would have typed them, and a short one.
    const drafts = Array.from({ length: 40 }, (_, n) => {
      const doc = docs[Math.floor(random() * docs.length)] as Doc;
      const paragraphs = n % 4 === 0 ? doc.paragraphs.slice(0, 1) : doc.paragraphs.slice(0, 2 + (n % 5));
      return { headline: doc.headline, dek: '', text: paragraphs.join('\n\n'), tags: [], section: '' };
    });

    const saved: number[] = [];
    const drafted: number[] = [];
    for (const id of ids) suggestRelated(lib, { articleId: id }, LIMIT);
    for (const draft of drafts) suggestRelated(lib, { draft }, LIMIT);
    for (let run = 0; run < RUNS; run += 1) {
      for (let i = 0; i < Math.max(ids.length, drafts.length); i += 1) {
        const id = ids[i];
        if (id !== undefined) {
          const started = performance.now();
          suggestRelated(lib, { articleId: id }, LIMIT);
          saved.push(performance.now() - started);
        }
        const draft = drafts[i];
        if (draft !== undefined) {
          const started = performance.now();
          suggestRelated(lib, { draft }, LIMIT);
          drafted.push(performance.now() - started);
        }
      }
    }
    console.log('\nSuggestions (10 related and the possible duplicates):');
    report('for a saved article', saved);
    report('for a draft (1 to 6 paragraphs)', drafted);

    // What analysis adds to a save: a new article (every paragraph new to compromise), and an
    // edit of one paragraph of a saved one. Measured on stories the cache has not seen.
    const fresh = docs.slice(0, 30).map((doc) => ({
      headline: `${doc.headline} — update`,
      paragraphs: doc.paragraphs.map((paragraph) => `${paragraph} It was confirmed on Tuesday.`),
    }));
    const analysis: number[] = [];
    // compromise builds its lexicon on first use: not part of any save but the first.
    analyseArticle({ headline: 'Warm-up', dek: '', text: 'Tony Blair met Gordon Brown in London.', tags: [] });
    for (const story of fresh.slice(0, 15)) {
      const started = performance.now();
      analyseArticle({ headline: story.headline, dek: '', text: story.paragraphs.join('\n\n'), tags: [] });
      analysis.push(performance.now() - started);
    }
    const creates: number[] = [];
    const edits: number[] = [];
    const createdIds: string[] = [];
    for (const story of fresh.slice(15)) {
      const started = performance.now();
      const article = createArticle(lib, { headline: story.headline, body: bodyFromParagraphs(story.paragraphs) });
      creates.push(performance.now() - started);
      createdIds.push(article.id);
    }
    for (const [n, id] of createdIds.entries()) {
      const article = getArticle(lib, id);
      const story = fresh[15 + n] as { paragraphs: string[] };
      const paragraphs = [...story.paragraphs];
      paragraphs[1] = `${paragraphs[1] ?? ''} A spokesman added that talks would resume next week.`;
      const started = performance.now();
      saveArticle(lib, id, article.version, { body: bodyFromParagraphs(paragraphs) });
      edits.push(performance.now() - started);
    }
    console.log('\nAnalysis at save time:');
    report('analysis alone, a new ~400-word story', analysis);
    report('create a new story (save, revision, analysis)', creates);
    report('save an edit of one paragraph', edits);
    // Out of the way of the next run's suggestions.
    for (const id of createdIds) trashArticle(lib, id);
  } finally {
    host.close();
  }
}

// The app loads the name finder as it starts; so does the benchmark, before timing anything.
loadNameFinder().then(main, (error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
