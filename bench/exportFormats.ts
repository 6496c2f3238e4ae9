/**
 * Export formats benchmark: building every file of a package (article HTML and Markdown, ninjs,
 * NewsML-G2, ClaimReview, Web Annotations, CSL-JSON, images, fact-check report) for a
 * 2,000-word article with five images, ten claims with evidence and a related list — the
 * part of an export before anything is written to disk. The median and 95th percentile of
 * several runs after a warm-up. Prints its figures; asserts nothing.
 *
 *   npx tsx bench/exportFormats.ts
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { buildPackageFiles } from '../electron/export/buildPackage';
import { createArticle, saveArticle } from '../electron/services/articles';
import { addImage } from '../electron/services/assets';
import { addEvidence, createClaim, setVerdict } from '../electron/services/claims';
import { LibraryHost } from '../electron/services/LibraryHost';
import { addSource } from '../electron/services/sources';
import type { Body } from '../shared/domain';
import { bodyFromParagraphs } from '../shared/text';
import { jpegImage } from '../tests/helpers/images';
import { markClaim } from '../tests/helpers/seedPackage';

const RUNS = 30;
const SENTENCE =
  'Officials from both delegations said the working group had agreed to share information on cross-border threats, ';

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-export-'));
  const host = LibraryHost.open(path.join(dir, 'library.sqlite3'));
  try {
    const lib = host.current;
    // 40 paragraphs of 50 words: a 2,000-word story.
    const paragraphs = Array.from({ length: 40 }, (_, index) =>
      `${SENTENCE.repeat(3)}paragraph ${index + 1} of the story ends here with claim ${index} and more words.`
        .split(' ')
        .slice(0, 50)
        .join(' '),
    );
    const article = createArticle(lib, {
      headline: 'Benchmark story',
      dateline: 'ISLAMABAD',
      syndicationCredit: 'Sourced from Arab News',
      body: bodyFromParagraphs(paragraphs),
    });
    // Five photographs of about 200 kB each (random bytes after a valid JPEG header keep them from compressing).
    const images = Array.from({ length: 5 }, (_, index) =>
      addImage(lib, `photo-${index + 1}.jpg`, Buffer.concat([jpegImage(1200 + index, 800), randomBytes(200_000)])),
    );
    const source = await addSource(
      lib,
      { kind: 'paste', text: paragraphs.join('\n\n'), label: 'Statement' },
      { title: 'Statement', kind: 'official-statement' },
      article.id,
    );
    const children: unknown[] = [...bodyFromParagraphs(paragraphs).root.children];
    images.slice(1).forEach((image, index) => {
      children.splice((index + 1) * 8, 0, {
        type: 'inline-image',
        version: 1,
        assetId: image.id,
        altText: '',
        caption: `Photo ${index + 2}`,
        credit: 'Staff',
        width: image.width,
        height: image.height,
      });
    });
    const checker = { userName: 'Bench' };
    const claims = Array.from({ length: 10 }, (_, index) =>
      createClaim(lib, article.id, 'figure', `paragraph ${index * 4 + 1}`, checker),
    );
    const [lead] = images;
    if (lead === undefined) throw new Error('no lead image');
    let body = { root: { ...article.body.root, children } } as Body;
    for (const claim of claims) body = markClaim(body, claim.text, claim.id);
    saveArticle(lib, article.id, article.version, {
      body,
      leadImage: { assetId: lead.id, caption: 'Lead', credit: 'Staff' },
      related: Array.from({ length: 5 }, (_, index) => ({
        articleId: null,
        headline: `Related ${index}`,
        teaser: 'Teaser.',
      })),
    });
    const snapshot = source.snapshots[0];
    for (const claim of claims) {
      if (snapshot !== undefined)
        addEvidence(lib, claim.id, { snapshotId: snapshot.id, start: 0, end: 40, note: '' }, checker);
      setVerdict(lib, claim.id, 'verified', 'ok', checker);
    }

    const now = new Date();
    const first = buildPackageFiles(lib, article.id, now);
    const bytes = first.reduce((total, file) => total + file.bytes.length, 0);
    const times: number[] = [];
    for (let index = 0; index < RUNS; index += 1) {
      const from = performance.now();
      buildPackageFiles(lib, article.id, now);
      times.push(performance.now() - from);
    }
    times.sort((a, b) => a - b);
    console.log(
      `buildPackageFiles: 2,000 words, 5 images, 10 claims → ${first.length} files, ${(bytes / 1024).toFixed(0)} kB; median ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms (${RUNS} runs)`,
    );
  } finally {
    host.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
