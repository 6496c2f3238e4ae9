/**
 * The seed article, built in Copydesk with its sources, claims, verdicts and pictures, exported
 * through `export:run` as a folder and as a .zip: every file of the package validates against
 * the official definitions, the manifest matches the bytes, and importing the package back (the
 * folder, the .zip, or article.ninjs.json alone) recreates the article.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

import { dispatch } from '../../electron/api/dispatch';
import { createHandlers } from '../../electron/api/handlers';
import { importFiles } from '../../electron/import/importFiles';
import { createArticle, getArticle, saveArticle } from '../../electron/services/articles';
import { getImage } from '../../electron/services/assets';
import type { ArgsOf, Channel, ResultOf } from '../../shared/api';
import type { Article } from '../../shared/domain';
import { ManifestSchema } from '../../shared/exports';
import type { ImportReport } from '../../shared/imports';
import { bodyFromParagraphs } from '../../shared/text';
import { bodyWithBlocks } from '../helpers/lexicalNodes';
import { manualClock, openTempLibrary } from '../helpers/library';
import {
  cslProblems,
  schemaOrgProblems,
  validateAnnotationCollection,
  validateNewsml,
  validateNinjs,
} from '../helpers/packageValidators';
import type { SeedPackage } from '../helpers/seedPackage';
import { ALSO_SEE_HEADLINE, buildSeedArticle, FIRST_RELATED_HEADLINE } from '../helpers/seedPackage';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const decoder = new TextDecoder();

let library: ReturnType<typeof openTempLibrary>;
let seed: SeedPackage;
let article: Article;
let out: string;
let folderPackage: string;
let zipPackage: string;

async function call<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> {
  const envelope = await dispatch(createHandlers(library.context), channel, args);
  if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error.message}`);
  return envelope.value as ResultOf<C>;
}

beforeAll(async () => {
  library = openTempLibrary();
  const clock = manualClock(new Date().toISOString());
  seed = await buildSeedArticle(library.lib, clock);
  // The desk dates the dateline, so the package carries a dated one.
  const dated = saveArticle(library.lib, seed.article.id, seed.article.version, { datelineDate: '2025-06-10' });
  article = getArticle(library.lib, dated.id);
  out = path.join(library.dir, 'out');
  fs.mkdirSync(out);
  folderPackage = (await call('export:run', { articleId: article.id, folder: out, zip: false })).path;
  zipPackage = (await call('export:run', { articleId: article.id, folder: out, zip: true })).path;
}, 60_000);
afterAll(() => library.close());

/** A package's files by path, from a folder on disk. */
function readFolder(dir: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const full = path.join(dir, name);
    if (fs.statSync(full).isFile()) files.set(name.split(path.sep).join('/'), fs.readFileSync(full));
  }
  return files;
}

function readZip(file: string): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(fs.readFileSync(file))));
}

const text = (files: Map<string, Uint8Array>, name: string): string => {
  const bytes = files.get(name);
  if (bytes === undefined) throw new Error(`${name} is not in the package`);
  return decoder.decode(bytes);
};

/** Checks every file of a package against its definition, and the manifest against the bytes. */
function expectValidPackage(files: Map<string, Uint8Array>): void {
  const manifest = ManifestSchema.parse(JSON.parse(text(files, 'manifest.json')));
  expect(manifest.generator).toEqual({ name: 'Copydesk', version: '0.1.0' });
  expect(manifest.article).toMatchObject({ id: article.id, slug: article.slug, headline: article.headline });
  // Every file but the manifest itself is listed, with the size and hash of its bytes.
  expect(manifest.files.map((file) => file.path).sort()).toEqual(
    [...files.keys()].filter((name) => name !== 'manifest.json').sort(),
  );
  for (const entry of manifest.files) {
    const bytes = files.get(entry.path) ?? new Uint8Array();
    expect({ size: bytes.length, sha256: sha256(bytes) }, entry.path).toEqual({
      size: entry.size,
      sha256: entry.sha256,
    });
  }
  expect([...files.keys()].sort()).toEqual([
    'annotations.jsonld',
    'article.html',
    'article.md',
    'article.newsml.xml',
    'article.ninjs.json',
    'assets/01-crocus-city-hall.png',
    'assets/lead-mofa-pakistan-talks-in-moscow.jpg',
    'claims.jsonld',
    'factcheck-report.html',
    'manifest.json',
    'sources.csl.json',
  ]);

  const ninjs = JSON.parse(text(files, 'article.ninjs.json')) as {
    associations: { name: string; by?: string; renditions: { href: string; title: string }[] }[];
  };
  expect(validateNinjs(ninjs).errors).toEqual([]);
  expect(validateNewsml(text(files, 'article.newsml.xml')).errors).toEqual([]);
  expect(validateAnnotationCollection(JSON.parse(text(files, 'annotations.jsonld'))).errors).toEqual([]);
  expect(schemaOrgProblems(JSON.parse(text(files, 'claims.jsonld')))).toEqual([]);
  expect(cslProblems(JSON.parse(text(files, 'sources.csl.json')))).toEqual([]);
  const html = new JSDOM(text(files, 'article.html')).window.document;
  const jsonLd = html.querySelector('script[type="application/ld+json"]')?.textContent ?? '';
  expect(schemaOrgProblems(JSON.parse(jsonLd))).toEqual([]);
  const [, front = ''] = /^---\n([\s\S]*?)\n---\n/.exec(text(files, 'article.md')) ?? [];
  expect(parseYaml(front)).toMatchObject({
    title: article.headline,
    authors: [{ name: 'News Desk', bio: article.authors[0]?.bio }],
    date: '2025-06-10',
  });

  // Each picture is in assets/, named in the ninjs by the hash of its bytes, with its credit.
  const credits: Record<string, string> = {
    'assets/lead-mofa-pakistan-talks-in-moscow.jpg': 'MOFA Pakistan',
    'assets/01-crocus-city-hall.png': 'Reuters',
  };
  for (const [asset, credit] of Object.entries(credits)) {
    const association = ninjs.associations.find((candidate) => candidate.renditions[0]?.title === asset);
    const bytes = files.get(asset) ?? new Uint8Array();
    expect(association?.by, asset).toBe(credit);
    expect(association?.renditions[0]?.href).toBe(
      `ni:///sha-256;${Buffer.from(sha256(bytes), 'hex').toString('base64url')}`,
    );
  }
  const lead = getImage(library.lib, article.leadImage?.asset.id ?? '');
  expect(sha256(files.get('assets/lead-mofa-pakistan-talks-in-moscow.jpg') ?? new Uint8Array())).toBe(
    lead.asset.sha256,
  );
}

describe('the seed article exported through export:run', () => {
  it('as a folder: every file validates, the manifest matches the bytes, nothing else is left', () => {
    expect(path.basename(folderPackage)).toMatch(/^\d{4}-\d{2}-\d{2}-facing-ttp-and-daesh-threats/);
    expectValidPackage(readFolder(folderPackage));
    expect(fs.readdirSync(out).sort()).toEqual([path.basename(folderPackage), path.basename(zipPackage)].sort());
  });

  it('as a .zip: the same files, every one valid, unzipped with fflate', () => {
    expect(zipPackage).toBe(`${folderPackage}.zip`);
    expectValidPackage(readZip(zipPackage));
  });
});

/** A library that holds the articles the seed's Also See and related list point at, as an archive would. */
function receivingLibrary() {
  const target = openTempLibrary();
  const alsoSee = createArticle(target.lib, { headline: ALSO_SEE_HEADLINE, body: bodyFromParagraphs(['Earlier.']) });
  const related = createArticle(target.lib, {
    headline: FIRST_RELATED_HEADLINE,
    body: bodyFromParagraphs(['Analysis.']),
  });
  return { target, alsoSee, related };
}

function importedId(report: ImportReport): string {
  expect(report.failed).toEqual([]);
  expect(report.duplicates).toEqual([]);
  const id = report.imported[0]?.id;
  if (id === undefined) throw new Error('nothing was imported');
  return id;
}

type BlockJson = { type: string; [key: string]: unknown };

/** What the recreated article must share with the seed whatever was imported. */
function expectSameStory(copy: Article, links: { alsoSee: string; related: string }): void {
  expect(copy).toMatchObject({
    headline: article.headline,
    dek: article.dek,
    byline: article.byline,
    dateline: article.dateline,
    datelineDate: '2025-06-10',
    section: 'World',
    tags: article.tags,
    language: article.language,
    slug: article.slug,
    syndicationCredit: article.syndicationCredit,
    bodyText: article.bodyText,
  });
  expect(copy.authors.map(({ name }) => name)).toEqual(article.authors.map(({ name }) => name));
  expect(copy.body.root.children.map((block) => block.type)).toEqual(
    article.body.root.children.map((block) => block.type),
  );
  const alsoSee: BlockJson | undefined = copy.body.root.children.find((block) => block.type === 'also-see');
  expect(alsoSee?.articleId).toBe(links.alsoSee);
  expect(copy.related.map(({ headline, teaser }) => ({ headline, teaser }))).toEqual(
    article.related.map(({ headline, teaser }) => ({ headline, teaser })),
  );
  expect(copy.related[0]?.articleId).toBe(links.related);
  expect(copy.related.slice(1).map((item) => item.articleId)).toEqual(article.related.slice(1).map(() => null));
}

/** The pictures, byte for byte, with their captions and credits. */
function expectSamePictures(copy: Article, target: ReturnType<typeof openTempLibrary>): void {
  expect(copy.leadImage).toMatchObject({ caption: article.leadImage?.caption, credit: article.leadImage?.credit });
  expect(copy.leadImage?.asset.sha256).toBe(article.leadImage?.asset.sha256);
  expect(sha256(getImage(target.lib, copy.leadImage?.asset.id ?? '').bytes)).toBe(article.leadImage?.asset.sha256);
  const pictures = (body: Article['body']) =>
    body.root.children.filter((block) => block.type === 'inline-image') as BlockJson[];
  const [original] = pictures(article.body);
  const [recreated] = pictures(copy.body);
  expect(recreated).toMatchObject({
    altText: original?.altText,
    caption: original?.caption,
    credit: original?.credit,
    width: original?.width,
    height: original?.height,
  });
  expect(getImage(target.lib, String(recreated?.assetId)).asset.sha256).toBe(
    getImage(library.lib, String(original?.assetId)).asset.sha256,
  );
}

describe('importing the package back', () => {
  it('recreates the article from the package folder: fields, authors with bios, body, pictures, links', async () => {
    const { target, alsoSee, related } = receivingLibrary();
    try {
      const report = await importFiles(target.lib, [folderPackage]);
      expect(report.imported[0]?.format).toBe('package');
      const copy = getArticle(target.lib, importedId(report));
      expectSameStory(copy, { alsoSee: alsoSee.id, related: related.id });
      expect(copy.authors.map(({ name, bio }) => ({ name, bio }))).toEqual(
        article.authors.map(({ name, bio }) => ({ name, bio })),
      );
      expect(article.authors[0]?.bio).not.toBe('');
      expectSamePictures(copy, target);
    } finally {
      target.close();
    }
  });

  it('recreates the same article from the .zip', async () => {
    const { target, alsoSee, related } = receivingLibrary();
    try {
      const copy = getArticle(target.lib, importedId(await importFiles(target.lib, [zipPackage])));
      expectSameStory(copy, { alsoSee: alsoSee.id, related: related.id });
      expect(copy.authors[0]?.bio).toBe(article.authors[0]?.bio);
      expectSamePictures(copy, target);
    } finally {
      target.close();
    }
  });

  it('recreates the story from article.ninjs.json alone, saying which pictures did not come with it', async () => {
    const { target, alsoSee, related } = receivingLibrary();
    try {
      const alone = path.join(target.dir, 'story.json');
      fs.copyFileSync(path.join(folderPackage, 'article.ninjs.json'), alone);
      const report = await importFiles(target.lib, [alone]);
      const copy = getArticle(target.lib, importedId(report));
      expect(report.imported[0]?.format).toBe('ninjs');
      expect(copy.bodyText).toBe(article.bodyText);
      expect(copy.leadImage).toBeNull();
      expect(copy.body.root.children.some((block) => block.type === 'inline-image')).toBe(false);
      expect(copy.body.root.children.find((block) => block.type === 'also-see')).toMatchObject({
        articleId: alsoSee.id,
      });
      expect(copy.related[0]?.articleId).toBe(related.id);
      expect(copy).toMatchObject({ headline: article.headline, datelineDate: '2025-06-10', section: 'World' });
      expect(report.imported[0]?.notes.join(' ')).toMatch(
        /pictures? .*assets\/lead-mofa-pakistan-talks-in-moscow\.jpg.*assets\/01-crocus-city-hall\.png/,
      );
    } finally {
      target.close();
    }
  });

  it('into the library it came from, finds the story already there and saves nothing twice', async () => {
    const report = await importFiles(library.lib, [zipPackage]);
    expect(report.imported).toEqual([]);
    expect(report.duplicates.map((duplicate) => duplicate.existingId)).toEqual([article.id]);
  });

  it('links Also See and related stories to the articles the package names by id, not a namesake', async () => {
    // A newer story of the same headline: a match by headline alone would pick it.
    const namesake = createArticle(library.lib, { headline: ALSO_SEE_HEADLINE, body: bodyFromParagraphs(['Newer.']) });
    const files = readFolder(folderPackage);
    files.delete('manifest.json');
    const ninjs = JSON.parse(text(files, 'article.ninjs.json')) as { headlines: { value: string }[] };
    const headline = `${ninjs.headlines[0]?.value ?? ''} (corrected)`;
    if (ninjs.headlines[0] !== undefined) ninjs.headlines[0].value = headline;
    files.set('article.ninjs.json', new TextEncoder().encode(JSON.stringify(ninjs)));
    const report = await importFiles(
      library.lib,
      [...files].map(([name, bytes]) => ({ name: `corrected/${name}`, bytes })),
    );
    const copy = getArticle(library.lib, importedId(report));
    expect(copy.headline).toBe(headline);
    expect(copy.body.root.children.find((block) => block.type === 'also-see')).toMatchObject({
      articleId: seed.alsoSee.id,
    });
    expect(namesake.id).not.toBe(seed.alsoSee.id);
    expect(copy.related[0]?.articleId).toBe(article.related[0]?.articleId);
  });

  it('brings back an Also See that points outside the library, with its address and headline', async () => {
    const outside = {
      url: 'https://www.example.org/news/ferries-2026',
      headline: 'Ferries across Europe cut night crossings',
    };
    const story = createArticle(library.lib, {
      headline: 'Night ferry timetable changes',
      body: bodyWithBlocks('The night ferry runs twice a week.', {
        type: 'also-see',
        version: 1,
        articleId: '',
        ...outside,
      }),
    });
    const exported = await call('export:run', {
      articleId: story.id,
      folder: out,
      overrides: [{ itemId: 'byline', reason: 'Desk copy, no byline needed.' }],
    });
    const { target } = receivingLibrary();
    try {
      const copy = getArticle(target.lib, importedId(await importFiles(target.lib, [exported.path])));
      expect(copy.body.root.children.find((block) => block.type === 'also-see')).toMatchObject({
        articleId: '',
        ...outside,
      });
      expect(copy.bodyText).toBe(story.bodyText);
    } finally {
      target.close();
    }
  });
});
