/**
 * Export benchmark: a 2,000-word story with five images (a lead image and four in the body,
 * each a 400 kB JPEG) exported as a package folder and as a .zip, through the same service as
 * the app and the CLI (checklist, package files, safe write with fsync, history). Median and
 * p95 of several runs after a warm-up. Every run writes the full package (every format, the
 * five pictures in assets/, the manifest); the bench stops if one does not. Prints its figures;
 * asserts no time. Target: ≤ 200 ms.
 *
 *   npx tsx bench/export.ts
 */
import fs from 'node:fs';
import path from 'node:path';

import { APP_VERSION } from '../electron/api/handlers';
import { exportArticle } from '../electron/export/exportArticle';
import { textFile, type PackageFile } from '../electron/export/packageFile';
import { writePackage } from '../electron/export/writePackage';
import { createArticle, saveArticle } from '../electron/services/articles';
import { addEvidence, createClaim, setVerdict } from '../electron/services/claims';
import { addImage } from '../electron/services/assets';
import { createAuthor } from '../electron/services/authors';
import type { Library } from '../electron/services/LibraryHost';
import { addSource, getSnapshot } from '../electron/services/sources';
import type { Body } from '../shared/domain';
import { BodySchema } from '../shared/domain';
import { countWords } from '../shared/text';
import { jpegImage } from '../tests/helpers/images';
import { markClaim, PACKAGE_FORMATS, PACKAGE_REPORT } from '../tests/helpers/seedPackage';
import { withTempLibrary } from '../tests/helpers/tempLibrary';
import { bbcNews } from '../tests/helpers/corpora';

const BBC = bbcNews();
const RUNS = 25;

/** A valid JPEG of about `bytes`: comment segments of noise after the header, as a photo's size. */
function photo(seed: number, bytes: number): Buffer {
  const image = jpegImage(1600, 1067);
  const segments: Buffer[] = [];
  let left = bytes - image.length;
  let state = seed;
  while (left > 0) {
    const size = Math.min(65_000, left);
    const data = Buffer.alloc(size);
    for (let i = 0; i < size; i += 1) {
      state = (state * 1_103_515_245 + 12_345) >>> 0;
      data[i] = state >>> 24;
    }
    segments.push(Buffer.from([0xff, 0xfe, (size + 2) >> 8, (size + 2) & 0xff]), data);
    left -= size + 4;
  }
  return Buffer.concat([image.subarray(0, 2), ...segments, image.subarray(2)]);
}

function paragraphs(words: number): string[] {
  const out: string[] = [];
  let count = 0;
  for (const name of fs.readdirSync(BBC, { recursive: true, encoding: 'utf8' }).sort()) {
    if (!name.endsWith('.txt') || count >= words) continue;
    for (const paragraph of fs
      .readFileSync(path.join(BBC, name), 'utf8')
      .split(/\n\s*\n/u)
      .slice(1)) {
      const trimmed = paragraph.trim();
      if (trimmed === '') continue;
      const taken = trimmed
        .split(/\s+/u)
        .slice(0, words - count)
        .join(' ');
      out.push(taken);
      count += countWords(taken);
      if (count >= words) break;
    }
  }
  return out;
}

/** Every file of the package issue 7 describes, or the figure would time less than an export. */
const FULL_PACKAGE = [...PACKAGE_FORMATS, PACKAGE_REPORT, 'manifest.json'];

function checkFullPackage(paths: readonly string[]): void {
  const missing = FULL_PACKAGE.filter((name) => !paths.includes(name));
  const pictures = paths.filter((name) => name.startsWith('assets/')).length;
  if (missing.length > 0 || pictures !== 5) {
    throw new Error(`the export is not the full package: missing ${missing.join(', ')}; ${pictures} pictures`);
  }
}

function stats(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms`;
}

async function bench(lib: Library, dir: string): Promise<void> {
  const author = createAuthor(lib, 'Amna Riaz', 'Covers diplomacy for the desk.');
  const images = [0, 1, 2, 3, 4].map((i) => addImage(lib, `photo-${i + 1}.jpg`, photo(i + 1, 400_000)));
  const text = paragraphs(2000);
  const children: Body['root']['children'] = [];
  text.forEach((paragraph, index) => {
    children.push({ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: paragraph }] });
    const image = images[1 + Math.floor(index / Math.ceil(text.length / 4))];
    if (index % Math.ceil(text.length / 4) === 2 && image !== undefined) {
      children.push({
        type: 'inline-image',
        version: 1,
        assetId: image.id,
        altText: 'Delegates',
        caption: 'Delegates arrive.',
        credit: 'AP',
        width: image.width,
        height: image.height,
      });
    }
  });
  const lead = images[0];
  const article = createArticle(lib, {
    headline: 'Pakistan and China resume talks',
    authorIds: [author.id],
    dateline: 'ISLAMABAD',
    body: { root: { type: 'root', children } },
    leadImage: lead === undefined ? null : { assetId: lead.id, caption: 'The delegations.', credit: 'Dawn' },
  });
  // Ten claims marked in the text, each tied to the wire copy and verified: the package's
  // ClaimReview, annotations and sources files have something to hold.
  const checker = { userName: 'Bench' };
  const wire = await addSource(
    lib,
    { kind: 'paste', text: text.join('\n\n'), label: 'Wire' },
    { kind: 'wire-copy', title: 'Talks resume', publisher: 'Reuters', reliability: 'B' },
    article.id,
  );
  const snapshot = getSnapshot(lib, wire.snapshots[0]?.id ?? '');
  let body: Body = BodySchema.parse(article.body);
  let claims = 0;
  for (let index = 0; index < text.length && claims < 10; index += 4) {
    const phrase = (text[index] ?? '').split(' ').slice(0, 6).join(' ');
    const start = snapshot.text.indexOf(phrase);
    if (phrase.length < 20 || start < 0) continue;
    const claim = createClaim(lib, article.id, 'other', phrase, checker);
    body = markClaim(body, phrase, claim.id);
    addEvidence(lib, claim.id, { snapshotId: snapshot.id, start, end: start + phrase.length, note: '' }, checker);
    setVerdict(lib, claim.id, 'verified', 'In the wire copy.', checker);
    claims += 1;
  }
  saveArticle(lib, article.id, article.version, { body });
  console.log(
    `story: ${claims} claims with evidence, ${article.wordCount.toLocaleString('en')} words, ${children.filter((c) => c.type === 'inline-image').length + 1} images of ${(images[0]?.byteLength ?? 0).toLocaleString('en')} bytes`,
  );
  for (const zip of [false, true]) {
    const times: number[] = [];
    let last = { files: 0, bytes: 0 };
    for (let run = 0; run <= RUNS; run += 1) {
      const folder = path.join(dir, `out-${zip ? 'zip' : 'folder'}-${run}`);
      fs.mkdirSync(folder);
      const from = performance.now();
      const result = exportArticle(
        lib,
        { articleId: article.id, folder, zip, overrides: [] },
        { appVersion: APP_VERSION, userName: 'Bench' },
      );
      const elapsed = performance.now() - from;
      if (run > 0) times.push(elapsed);
      last = result;
      if (run === RUNS) checkFullPackage(result.manifest.files.map((file) => file.path));
      fs.rmSync(folder, { recursive: true, force: true });
    }
    console.log(
      `export as ${zip ? '.zip  ' : 'folder'}: ${last.files} files, ${last.bytes.toLocaleString('en')} bytes → ${stats(times)} (target ≤ 200 ms)`,
    );
  }

  // The writer alone with a package of the size the full set of formats makes: each text file
  // of the package holding the story, and the five pictures, so the figure holds whichever
  // formats are built.
  const html = `<!doctype html><article>${text.map((p) => `<p>${p}</p>`).join('\n')}</article>`;
  const files: PackageFile[] = [
    ...[...PACKAGE_FORMATS, PACKAGE_REPORT].map((name) => textFile(name, html)),
    ...images.map((image, i) => ({ path: `assets/0${i + 1}-photo.jpg`, bytes: photo(i + 1, image.byteLength) })),
  ];
  for (const zip of [false, true]) {
    const times: number[] = [];
    let bytes = 0;
    for (let run = 0; run <= RUNS; run += 1) {
      const folder = path.join(dir, `write-${zip ? 'zip' : 'folder'}-${run}`);
      fs.mkdirSync(folder);
      const from = performance.now();
      const written = writePackage({
        folder,
        name: 'bench',
        files,
        zip,
        now: new Date(),
        manifest: (list) => ({ files: list }),
      });
      if (run > 0) times.push(performance.now() - from);
      bytes = written.bytes;
      fs.rmSync(folder, { recursive: true, force: true });
    }
    console.log(
      `write ${files.length + 1} files as ${zip ? '.zip  ' : 'folder'} (${bytes.toLocaleString('en')} bytes): ${stats(times)}`,
    );
  }
}

withTempLibrary('copydesk-bench-export-', bench).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
