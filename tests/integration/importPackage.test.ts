import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { getImportRecord } from '../../electron/db/queries/imports';
import { importFiles } from '../../electron/import/importFiles';
import { getArticle, listArticles } from '../../electron/services/articles';
import { createArticle } from '../../electron/services/articles';
import { bodyFromParagraphs } from '../../shared/text';
import { pngImage } from '../helpers/images';
import { dumpDatabase, openTempLibrary } from '../helpers/library';
import { schemas } from '../helpers/corpora';

const NINJS = path.join(schemas(), 'ninjs');

let library: ReturnType<typeof openTempLibrary>;
beforeEach(() => {
  library = openTempLibrary();
});
afterEach(() => library.close());

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const encode = (text: string) => new TextEncoder().encode(text);

const LEAD = pngImage(4, 3);
const QUAY = pngImage(6, 2, [200, 10, 10]);

/** A package as Copydesk writes one: ninjs with the lead image, an inline figure and a related story, its pictures, a manifest. */
function packageFiles(overrides: { ninjs?: object; manifest?: boolean } = {}): Record<string, Uint8Array> {
  const ninjs = {
    uri: 'urn:copydesk:article:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    type: 'text',
    standard: { name: 'ninjs', version: '2.2', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json' },
    versioncreated: '2026-11-28T10:15:00Z',
    contentcreated: '2026-11-28T08:00:00Z',
    language: 'en',
    slugline: 'pakistan-china-talks',
    headlines: [
      { role: 'main', value: 'Pakistan and China resume talks' },
      { role: 'subhead', value: 'Delegations meet in Beijing for the first time since March.' },
    ],
    by: 'Amna Riaz and Omar Khan',
    located: 'ISLAMABAD',
    infosources: [{ name: 'With reporting by Reuters' }],
    bodies: [
      {
        role: 'richtext',
        contenttype: 'text/html',
        value:
          '<p>Delegations met in Beijing on Monday.</p><figure data-asset-id="x"><img src="assets/02-quay.png" alt="The quay"><figcaption><span class="caption">Ships at the quay.</span> <span class="credit">AP</span></figcaption></figure><p>Talks resume on Tuesday.</p>',
      },
    ],
    associations: [
      {
        name: 'featureimage',
        uri: 'urn:copydesk:asset:lead',
        type: 'picture',
        descriptions: [{ role: 'caption', value: 'The delegations in Beijing.' }],
        copyrightholder: 'Dawn/Amna Riaz',
        renditions: [
          { name: 'original', href: 'https://example.org/packages/talks/assets/01-lead.png', contenttype: 'image/png' },
        ],
      },
      {
        name: 'related-1',
        uri: 'urn:copydesk:article:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
        type: 'text',
        headlines: [{ role: 'main', value: 'Trade corridor talks stall' }],
        descriptions: [{ role: 'teaser', value: 'The last round ended without a date.' }],
      },
    ],
    ...overrides.ninjs,
  };
  const files: Record<string, Uint8Array> = {
    'article.ninjs.json': encode(JSON.stringify(ninjs, null, 2)),
    'article.html': encode('<!doctype html><title>Pakistan and China resume talks</title><p>Delegations met.</p>'),
    'article.md': encode('---\ntitle: Pakistan and China resume talks\n---\nDelegations met.\n'),
    'assets/01-lead.png': LEAD,
    'assets/02-quay.png': QUAY,
  };
  if (overrides.manifest !== false) {
    const entries = Object.entries(files).map(([file, bytes]) => ({
      path: file,
      size: bytes.length,
      sha256: sha256(bytes),
    }));
    files['manifest.json'] = encode(JSON.stringify({ manifestVersion: 1, files: entries }));
  }
  return files;
}

function writeFolder(dir: string, files: Record<string, Uint8Array>): void {
  for (const [file, bytes] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), bytes);
  }
}

function expectRecreated(id: string): void {
  const article = getArticle(library.lib, id);
  expect(article).toMatchObject({
    headline: 'Pakistan and China resume talks',
    dek: 'Delegations meet in Beijing for the first time since March.',
    byline: 'Amna Riaz and Omar Khan',
    dateline: 'ISLAMABAD',
    datelineDate: '2026-11-28',
    language: 'en',
    slug: 'pakistan-china-talks',
    syndicationCredit: 'With reporting by Reuters',
    leadImage: { caption: 'The delegations in Beijing.', credit: 'Dawn/Amna Riaz' },
    related: [{ headline: 'Trade corridor talks stall', teaser: 'The last round ended without a date.' }],
  });
  expect(article.leadImage?.asset).toMatchObject({ width: 4, height: 3, sha256: sha256(LEAD) });
  const blocks = article.body.root.children;
  expect(blocks.map((block) => block.type)).toEqual(['paragraph', 'inline-image', 'paragraph']);
  expect(blocks[1]).toMatchObject({
    altText: 'The quay',
    caption: 'Ships at the quay.',
    credit: 'AP',
    width: 6,
    height: 2,
  });
  expect(article.bodyText).toBe('Delegations met in Beijing on Monday.\n\nTalks resume on Tuesday.');
}

const assetCount = () => library.lib.db.prepare('SELECT count(*) FROM assets').pluck().get() as number;

describe('importing ninjs and export packages', () => {
  it('reads an IPTC ninjs 2.2 example as an article', async () => {
    const file = path.join(NINJS, 'doc-examples', '2.2', '005_complex_text_article.json');
    const report = await importFiles(library.lib, [file]);
    expect(report.failed).toEqual([]);
    const article = getArticle(library.lib, report.imported[0]?.id ?? '');
    expect(article).toMatchObject({
      headline: 'Captain of wrecked cruise ship on trial in Italy',
      byline: "Paulo Santalucia and Frances d'Emilio",
      dateline: 'Grossetto, Italy',
      language: 'en',
    });
    expect(article.bodyText.split('\n\n')).toHaveLength(4);
    expect(article.bodyText).toContain('The sole defendant, Francesco Schettino');
    expect(getImportRecord(library.lib.db, article.id)).toMatchObject({
      fileName: file,
      format: 'ninjs',
    });
  });

  it('refuses a file that is not valid ninjs 2.2, saying where, and saves nothing', async () => {
    const before = dumpDatabase(library.lib.db);
    const bad = path.join(NINJS, 'test_suite', '2.2', 'should_fail', '001_bad_digital_source.json');
    const report = await importFiles(library.lib, [bad, { name: 'notes.json', bytes: encode('{"headline": ') }]);
    expect(report.imported).toEqual([]);
    expect(report.failed.map((problem) => problem.reason)).toEqual([
      expect.stringMatching(
        /^.*001_bad_digital_source\.json is not a valid IPTC ninjs 2\.2 document: \/digitalsourcetype /,
      ) as unknown,
      'notes.json is not JSON: it cannot be read as a ninjs article.',
    ]);
    expect(dumpDatabase(library.lib.db)).toEqual(before);
  });

  it('recreates a package folder as one article with its fields, pictures and related list', async () => {
    const related = createArticle(library.lib, {
      headline: 'Trade corridor talks stall',
      body: bodyFromParagraphs(['x']),
    });
    const incoming = path.join(library.dir, 'incoming');
    const dir = path.join(incoming, '2026-11-28-pakistan-china-talks');
    writeFolder(dir, packageFiles());
    const report = await importFiles(library.lib, [incoming]);
    expect(report.failed).toEqual([]);
    expect(report.imported.map((item) => [item.file, item.format])).toEqual([[dir, 'package']]);
    const id = report.imported[0]?.id ?? '';
    expectRecreated(id);
    expect(getArticle(library.lib, id).related[0]?.articleId).toBe(related.id);
    // Where it came from is kept, as for every import.
    expect(getImportRecord(library.lib.db, id)).toMatchObject({ fileName: dir, format: 'package' });
  });

  it('recreates a package sent as a .zip, or as a dropped folder’s files', async () => {
    const zip = zipSync(packageFiles());
    const first = await importFiles(library.lib, [{ name: 'talks.zip', bytes: zip }]);
    expect(first.failed).toEqual([]);
    expectRecreated(first.imported[0]?.id ?? '');

    library.lib.db.prepare('DELETE FROM articles').run();
    const dropped = Object.entries(packageFiles()).map(([file, bytes]) => ({ name: `talks/${file}`, bytes }));
    const second = await importFiles(library.lib, dropped);
    expect(second.failed).toEqual([]);
    expect(second.imported.map((item) => item.file)).toEqual(['talks']);
    expectRecreated(second.imported[0]?.id ?? '');
  });

  it('refuses a malformed package with a clear message and saves nothing, not even its pictures', async () => {
    const before = dumpDatabase(library.lib.db);
    const tampered = packageFiles();
    tampered['assets/01-lead.png'] = pngImage(4, 3, [0, 0, 255]);
    const withoutPicture = packageFiles({ manifest: false });
    delete withoutPicture['assets/02-quay.png'];
    delete withoutPicture['assets/01-lead.png'];
    const extra = packageFiles();
    extra['assets/03-extra.png'] = pngImage(2, 2);
    const short = packageFiles();
    delete short['article.html'];
    const notAnImage = packageFiles({ manifest: false });
    notAnImage['assets/02-quay.png'] = encode('not a picture');
    const report = await importFiles(library.lib, [
      { name: 'empty.zip', bytes: zipSync({ 'readme.txt': encode('hello') }) },
      { name: 'cut.zip', bytes: zipSync(packageFiles()).subarray(0, 200) },
      { name: 'tampered.zip', bytes: zipSync(tampered) },
      { name: 'missing.zip', bytes: zipSync(withoutPicture) },
      { name: 'extra.zip', bytes: zipSync(extra) },
      { name: 'short.zip', bytes: zipSync(short) },
      { name: 'list.zip', bytes: zipSync({ ...packageFiles(), 'manifest.json': encode('{"files": "all"}') }) },
      { name: 'broken.zip', bytes: zipSync(notAnImage) },
    ]);
    expect(report.imported).toEqual([]);
    expect(report.failed.map((problem) => problem.reason)).toEqual([
      'empty.zip is not a Copydesk package: it has no article.ninjs.json. Import the package’s folder or .zip as exported.'.replace(
        '’',
        "'",
      ),
      'cut.zip is not a complete .zip file: it may have been cut short while copying.',
      'tampered.zip is damaged: assets/01-lead.png does not match the SHA-256 its manifest records.',
      'missing.zip is incomplete: it names assets/02-quay.png, which is not in the package.',
      'extra.zip is damaged: it holds assets/03-extra.png, which its manifest does not list.',
      'short.zip is incomplete: its manifest lists article.html, which is not in the package.',
      "list.zip is damaged: its manifest.json does not list the package's files.",
      '02-quay.png is not an image Copydesk can use. Use a JPEG, PNG, GIF or WebP file.',
    ]);
    expect(assetCount()).toBe(0);
    expect(
      listArticles(library.lib, { offset: 0, limit: 10, trashed: false, sort: 'updated', filters: {} }).total,
    ).toBe(0);
    expect(dumpDatabase(library.lib.db)).toEqual(before);
  });

  it('finds the lead image by its package path or by the SHA-256 its ni URI names, and refuses a picture that is not it', async () => {
    const ni = (bytes: Uint8Array) => `ni:///sha-256;${Buffer.from(sha256(bytes), 'hex').toString('base64url')}`;
    const feature = (title: string, bytes: Uint8Array) => ({
      name: 'featureimage',
      uri: 'urn:uuid:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a00',
      type: 'picture',
      by: 'Dawn/Amna Riaz',
      descriptions: [{ role: 'caption', value: 'The delegations in Beijing.' }],
      renditions: [{ name: 'original', href: ni(bytes), title, contenttype: 'image/png' }],
    });
    const withFeature = (title: string, bytes: Uint8Array) =>
      packageFiles({ ninjs: { associations: [feature(title, bytes)] } });

    const byPath = await importFiles(library.lib, [
      { name: 'by-path.zip', bytes: zipSync(withFeature('assets/01-lead.png', LEAD)) },
    ]);
    expect(byPath.failed).toEqual([]);
    const first = getArticle(library.lib, byPath.imported[0]?.id ?? '');
    expect(first.leadImage).toMatchObject({ caption: 'The delegations in Beijing.', credit: 'Dawn/Amna Riaz' });
    expect(first.leadImage?.asset.sha256).toBe(sha256(LEAD));

    library.lib.db.prepare('DELETE FROM articles').run();
    // Renamed on the way: the hash still finds it among the package's pictures.
    const byHash = await importFiles(library.lib, [
      { name: 'by-hash.zip', bytes: zipSync(withFeature('assets/renamed.png', LEAD)) },
    ]);
    expect(byHash.failed).toEqual([]);
    expect(getArticle(library.lib, byHash.imported[0]?.id ?? '').leadImage?.asset.sha256).toBe(sha256(LEAD));

    library.lib.db.prepare('DELETE FROM articles').run();
    const before = dumpDatabase(library.lib.db);
    const swapped = await importFiles(library.lib, [
      { name: 'swapped.zip', bytes: zipSync(withFeature('assets/01-lead.png', QUAY)) },
    ]);
    expect(swapped.failed.map((problem) => problem.reason)).toEqual([
      'swapped.zip is damaged: assets/01-lead.png is not the picture its ninjs names (its SHA-256 differs).',
    ]);
    expect(dumpDatabase(library.lib.db)).toEqual(before);
  });

  it('refuses a package whose ninjs breaks the schema, naming the field, and one that is not JSON', async () => {
    const before = dumpDatabase(library.lib.db);
    const badLanguage = packageFiles({ ninjs: { language: 42 } });
    const notJson = packageFiles();
    notJson['article.ninjs.json'] = encode('{"uri": "urn:uuid:x", ');
    notJson['manifest.json'] = encode(
      JSON.stringify({
        manifestVersion: 1,
        files: [{ path: 'article.ninjs.json', size: 0, sha256: sha256(notJson['article.ninjs.json']) }],
      }),
    );
    const report = await importFiles(library.lib, [
      { name: 'language.zip', bytes: zipSync(badLanguage) },
      { name: 'truncated.zip', bytes: zipSync(notJson) },
    ]);
    expect(report.failed.map((problem) => problem.reason)).toEqual([
      'language.zip is not a valid IPTC ninjs 2.2 document: /language must be string.',
      'truncated.zip is not JSON: it cannot be read as a ninjs article.',
    ]);
    expect(dumpDatabase(library.lib.db)).toEqual(before);
  });

  it('refuses a .zip whose entries would land outside the package, or that unpacks to more than it may hold', async () => {
    const before = dumpDatabase(library.lib.db);
    const withEntry = (entry: string) => zipSync({ ...packageFiles(), [entry]: encode('x') });
    /** The archive with the first central-directory entry named `entry` declaring `size` unpacked bytes. */
    const declaring = (archive: Uint8Array, entry: string, size: number) => {
      const copy = new Uint8Array(archive);
      const view = new DataView(copy.buffer);
      for (let at = 0; at + 46 < copy.length; at += 1) {
        if (view.getUint32(at, true) !== 0x02014b50) continue;
        const nameLength = view.getUint16(at + 28, true);
        if (new TextDecoder().decode(copy.subarray(at + 46, at + 46 + nameLength)) !== entry) continue;
        view.setUint32(at + 24, size, true);
        return copy;
      }
      throw new Error(`${entry} is not in the archive`);
    };
    // Ten megabytes of zeros deflate to a few kilobytes; declared as 1,000 bytes, they are a bomb.
    const zeros = zipSync({ ...packageFiles(), 'assets/zeros.bin': new Uint8Array(10 * 1024 * 1024) });
    const report = await importFiles(library.lib, [
      { name: 'slip.zip', bytes: withEntry('../../x') },
      { name: 'absolute.zip', bytes: withEntry('/etc/x') },
      { name: 'huge.zip', bytes: declaring(zipSync(packageFiles()), 'article.html', 300 * 1024 * 1024) },
      { name: 'bomb.zip', bytes: declaring(zeros, 'assets/zeros.bin', 1000) },
    ]);
    expect(report.imported).toEqual([]);
    expect(report.failed.map((problem) => problem.reason)).toEqual([
      'slip.zip is not a safe package: it holds a file named "../../x", which would land outside the package. Nothing of it was imported.',
      'absolute.zip is not a safe package: it holds a file named "/etc/x", which would land outside the package. Nothing of it was imported.',
      'huge.zip is too large to import: its files would unpack to more than the 200 MB a package may hold.',
      'bomb.zip could not be unpacked: assets/zeros.bin is damaged, or holds more than the 1,000 bytes it declares.',
    ]);
    expect(assetCount()).toBe(0);
    expect(dumpDatabase(library.lib.db)).toEqual(before);
  });
});
