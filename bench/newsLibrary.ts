/**
 * What the benchmarks that need a large library share: the BBC corpus read into stories, those
 * stories recombined into as many distinct articles as a size asks for, a library built once and
 * kept in the temporary folder, and the percentile of a set of timings.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { MIGRATIONS } from '../electron/db/migrations';
import { LibraryHost } from '../electron/services/LibraryHost';
import { bbcNews } from '../tests/helpers/corpora';

const BBC = bbcNews();
const CATEGORIES = ['business', 'entertainment', 'politics', 'sport', 'tech'];

export type Doc = { headline: string; paragraphs: string[]; section: string };

/**
 * The corpus's stories, category by category and file by file in name order: the first block of
 * a file is the headline, the others its paragraphs. `section` names a story's section from its
 * category folder name.
 */
export function readCorpus(encoding: BufferEncoding, section: (category: string) => string): Doc[] {
  const docs: Doc[] = [];
  for (const category of CATEGORIES) {
    const folder = path.join(BBC, category);
    for (const name of fs.readdirSync(folder).sort()) {
      const text = fs.readFileSync(path.join(folder, name), encoding);
      const [headline = '', ...rest] = text.split(/\n\s*\n/u).map((part) => part.replace(/\s+/gu, ' ').trim());
      docs.push({ headline, paragraphs: rest.filter((part) => part !== ''), section: section(category) });
    }
  }
  return docs;
}

/** Midnight UTC on 1 January 2023: the earliest creation date of a recombined article. */
export const RECOMBINED_START = Date.parse('2023-01-01T00:00:00.000Z');

/**
 * Article n: the headline and lead of story n (round the corpus), followed by 4 to 7 paragraphs
 * drawn from other stories of the same section, so every article is distinct and reads like news.
 * Draws from `random` lazily, one article at a time, so a caller drawing its own figures for each
 * article between two of them gets the same sequence every run.
 */
export function* recombinedStories(
  docs: readonly Doc[],
  count: number,
  random: () => number,
): Generator<Pick<Doc, 'headline' | 'paragraphs' | 'section'>> {
  const bySection = new Map<string, Doc[]>();
  for (const doc of docs) bySection.set(doc.section, [...(bySection.get(doc.section) ?? []), doc]);
  for (let n = 0; n < count; n += 1) {
    const doc = docs[n % docs.length] as Doc;
    const pool = bySection.get(doc.section) ?? [];
    const paragraphs = doc.paragraphs.slice(0, 1);
    const extra = 4 + Math.floor(random() * 4);
    for (let i = 0; i < extra; i += 1) {
      const other = pool[Math.floor(random() * pool.length)] as Doc;
      const paragraph = other.paragraphs[Math.floor(random() * other.paragraphs.length)];
      if (paragraph !== undefined) paragraphs.push(paragraph);
    }
    yield {
      headline: n < docs.length ? doc.headline : `${doc.headline} (${Math.floor(n / docs.length) + 1})`,
      paragraphs,
      section: doc.section,
    };
  }
}

/**
 * The file a library of `size` articles is kept in under `folder`, named after the migrations so
 * that a change to any of them (an index added, say) builds the library afresh.
 */
export function cachedLibraryFile(folder: string, size: number): string {
  fs.mkdirSync(folder, { recursive: true });
  const schema = createHash('sha256')
    .update(MIGRATIONS.map((migration) => migration.up.toString()).join('\n'))
    .digest('hex')
    .slice(0, 12);
  return path.join(folder, `library-${size}-${schema}.sqlite3`);
}

/**
 * Builds a library at `file` with `fill`, in a `.building` file renamed once it is complete, so an
 * interrupted build is never taken for a finished one.
 */
export function buildLibraryFile(file: string, fill: (host: LibraryHost) => void): void {
  const partial = `${file}.building`;
  for (const leftover of [partial, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(leftover, { force: true });
  const host = LibraryHost.open(partial);
  fill(host);
  host.close();
  fs.renameSync(partial, file);
}

/** The p-th percentile of timings sorted in ascending order (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** The median of `runs` timed runs of `run`, after one to warm up, in milliseconds. */
export function medianOf(run: () => void, runs = 9): number {
  run();
  const times = Array.from({ length: runs }, () => {
    const from = performance.now();
    run();
    return performance.now() - from;
  });
  return percentile(
    times.sort((a, b) => a - b),
    50,
  );
}
