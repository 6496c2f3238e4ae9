import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

import { buildPackageFiles } from '../../../../electron/export/buildPackage';
import { NEWSML_ROLES } from '../../../../electron/export/newsml';
import { parseNinjs } from '../../../../electron/import/ninjs';
import { createArticle } from '../../../../electron/services/articles';
import { addImage } from '../../../../electron/services/assets';
import { createAuthor } from '../../../../electron/services/authors';
import { bodyFromParagraphs } from '../../../../shared/text';
import { pngImage } from '../../../helpers/images';
import { bodyWithBlocks } from '../../../helpers/lexicalNodes';
import { openTempLibrary } from '../../../helpers/library';
import { schemaOrgProblems, validateNewsml, validateNinjs } from '../../../helpers/packageValidators';

let library: ReturnType<typeof openTempLibrary>;
beforeEach(() => {
  library = openTempLibrary();
});
afterEach(() => library.close());

const NOW = new Date('2026-06-05T10:00:00.000Z');
const EMBARGO = '2026-06-09T08:00:00.000Z';
const PUBLISH = '2026-06-09T09:30:00.000Z';
const LEAD_ALT = 'Two ferries moored side by side at a quay at dawn, gulls over the water';
const INLINE_ALT = 'A timetable board at the terminal, every night sailing marked in red';
const decoder = new TextDecoder();

type Json = Record<string, unknown>;

function packageOf(articleId: string): Map<string, string> {
  return new Map(buildPackageFiles(library.lib, articleId, NOW).map((file) => [file.path, decoder.decode(file.bytes)]));
}

/** A story with an embargo, a publication time, headlines for search and social, and pictures with alt text. */
function embargoedStory(options: { leadAlt?: string; inlineAlt?: string } = {}) {
  const author = createAuthor(library.lib, 'Amna Riaz', '');
  const lead = addImage(library.lib, 'ferries.png', pngImage(40, 30));
  const inline = addImage(library.lib, 'timetable.png', pngImage(30, 20));
  const body = bodyWithBlocks('The council approved night crossings on Monday.', {
    type: 'inline-image',
    version: 1,
    assetId: inline.id,
    altText: options.inlineAlt ?? INLINE_ALT,
    caption: 'The new timetable',
    credit: 'Port Authority',
    width: 30,
    height: 20,
  });
  return createArticle(library.lib, {
    headline: 'Night ferry trial approved',
    dek: 'Crossings run after midnight from June.',
    authorIds: [author.id],
    dateline: 'PORT ELLIS',
    body,
    leadImage: {
      assetId: lead.id,
      caption: 'The ferries at Port Ellis',
      credit: 'Amna Riaz/Dawn',
      altText: options.leadAlt ?? LEAD_ALT,
    },
    embargoUntil: EMBARGO,
    publishAt: PUBLISH,
    seoHeadline: 'Port Ellis approves night ferry trial: what changes for commuters from June',
    socialHeadline: 'Night ferries are coming to Port Ellis',
    seoDescription: 'The council approved a six-month trial of night ferry crossings, starting in June.',
  });
}

describe('the embargo, the publication time and the headlines in each format', () => {
  it('ninjs carries the embargo, the headlines by role, the SEO description and a note of when the story may run', () => {
    const article = embargoedStory();
    const ninjs = JSON.parse(packageOf(article.id).get('article.ninjs.json') ?? '') as Json;
    expect(validateNinjs(ninjs).errors).toEqual([]);
    expect(ninjs.embargoed).toBe(EMBARGO);
    expect(ninjs.headlines).toEqual([
      { role: 'main', contenttype: 'text/plain', value: 'Night ferry trial approved' },
      { role: 'subhead', contenttype: 'text/plain', value: 'Crossings run after midnight from June.' },
      {
        role: 'seo',
        contenttype: 'text/plain',
        value: 'Port Ellis approves night ferry trial: what changes for commuters from June',
      },
      { role: 'social', contenttype: 'text/plain', value: 'Night ferries are coming to Port Ellis' },
    ]);
    expect(ninjs.descriptions).toEqual([
      { role: 'summary', contenttype: 'text/plain', value: 'Crossings run after midnight from June.' },
      {
        role: 'seo',
        contenttype: 'text/plain',
        value: 'The council approved a six-month trial of night ferry crossings, starting in June.',
      },
    ]);
    expect(ninjs.ednote).toBe(
      'Embargoed until 2026-06-09 08:00 UTC. Scheduled for publication at 2026-06-09 09:30 UTC (2026-06-09T09:30:00.000Z).',
    );
  });

  it('NewsML-G2 carries the embargo in its item metadata, the other headlines and the SEO description, and validates', () => {
    const article = embargoedStory();
    const xml = packageOf(article.id).get('article.newsml.xml') ?? '';
    expect(validateNewsml(xml).errors).toEqual([]);
    const item = new JSDOM(xml, { contentType: 'text/xml' }).window.document;
    expect(item.querySelector('itemMeta > embargoed')?.textContent).toBe(EMBARGO);
    expect(item.querySelector('itemMeta > edNote')?.textContent).toContain(
      'Scheduled for publication at 2026-06-09 09:30 UTC',
    );
    const headlines = [...item.querySelectorAll('contentMeta > headline')].map((headline) => [
      headline.getAttribute('roleuri'),
      headline.textContent,
    ]);
    expect(headlines).toEqual([
      [null, 'Night ferry trial approved'],
      [NEWSML_ROLES.seoHeadline, 'Port Ellis approves night ferry trial: what changes for commuters from June'],
      [NEWSML_ROLES.socialHeadline, 'Night ferries are coming to Port Ellis'],
    ]);
    expect(item.querySelector(`contentMeta > description[roleuri="${NEWSML_ROLES.seoDescription}"]`)?.textContent).toBe(
      'The council approved a six-month trial of night ferry crossings, starting in June.',
    );
  });

  it('the page takes its title and description for search results, its Open Graph title from the social headline, and says so in JSON-LD', () => {
    const article = embargoedStory();
    const files = packageOf(article.id);
    const page = new JSDOM(files.get('article.html') ?? '').window.document;
    expect(page.title).toBe('Port Ellis approves night ferry trial: what changes for commuters from June');
    const meta = (selector: string) => page.querySelector(`meta[${selector}]`)?.getAttribute('content');
    expect(meta('name="description"')).toBe(
      'The council approved a six-month trial of night ferry crossings, starting in June.',
    );
    expect(meta('property="og:title"')).toBe('Night ferries are coming to Port Ellis');
    expect(meta('property="og:type"')).toBe('article');
    expect(meta('property="article:published_time"')).toBe(PUBLISH);
    expect(page.querySelector('h1')?.textContent).toBe('Night ferry trial approved');
    expect(page.querySelector('.embargo')?.textContent).toBe('Embargoed until 2026-06-09 08:00 UTC');

    const jsonLd = JSON.parse(page.querySelector('script[type="application/ld+json"]')?.textContent ?? '') as Json;
    expect(schemaOrgProblems(jsonLd)).toEqual([]);
    expect(jsonLd).toMatchObject({
      headline: 'Night ferry trial approved',
      alternativeHeadline: [
        'Port Ellis approves night ferry trial: what changes for commuters from June',
        'Night ferries are coming to Port Ellis',
      ],
      description: 'The council approved a six-month trial of night ferry crossings, starting in June.',
      abstract: 'Crossings run after midnight from June.',
      datePublished: PUBLISH,
      publication: { '@type': 'PublicationEvent', startDate: EMBARGO },
    });

    const front = parseYaml((files.get('article.md') ?? '').split('---\n')[1] ?? '') as Json;
    expect(front).toMatchObject({
      embargoed: EMBARGO,
      publish_at: PUBLISH,
      seo_title: 'Port Ellis approves night ferry trial: what changes for commuters from June',
      social_title: 'Night ferries are coming to Port Ellis',
      lead_image: { alt_text: LEAD_ALT },
    });
  });

  it('a story with none of them exports as before: no embargo, the headline as the page title, the dek as its description', () => {
    const article = createArticle(library.lib, {
      headline: 'Harbour reopens',
      dek: 'Ships return after the storm.',
      body: bodyFromParagraphs(['The harbour reopened.']),
    });
    const files = packageOf(article.id);
    const ninjs = JSON.parse(files.get('article.ninjs.json') ?? '') as Json;
    expect(validateNinjs(ninjs).errors).toEqual([]);
    expect(ninjs).not.toHaveProperty('embargoed');
    expect(ninjs).not.toHaveProperty('ednote');
    expect((ninjs.headlines as Json[]).map((headline) => headline.role)).toEqual(['main', 'subhead']);
    const xml = files.get('article.newsml.xml') ?? '';
    expect(validateNewsml(xml).errors).toEqual([]);
    expect(xml).not.toContain('<embargoed>');
    const page = new JSDOM(files.get('article.html') ?? '').window.document;
    expect(page.title).toBe('Harbour reopens');
    expect(page.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(
      'Ships return after the storm.',
    );
    expect(page.querySelector('.embargo')).toBeNull();
  });
});

describe('alt text in each format', () => {
  it('goes with each picture: an img alt in the page, an alttext description in ninjs, drol:altText in NewsML-G2', () => {
    const article = embargoedStory();
    const files = packageOf(article.id);

    const page = new JSDOM(files.get('article.html') ?? '').window.document;
    expect(page.querySelector('figure.lead-image img')?.getAttribute('alt')).toBe(LEAD_ALT);
    expect(page.querySelector('.article-body figure img')?.getAttribute('alt')).toBe(INLINE_ALT);
    const jsonLd = JSON.parse(page.querySelector('script[type="application/ld+json"]')?.textContent ?? '') as {
      image: Json[];
    };
    expect(jsonLd.image.map((image) => image.description)).toEqual([LEAD_ALT, INLINE_ALT]);

    const ninjs = JSON.parse(files.get('article.ninjs.json') ?? '') as { associations: Json[] };
    const altOf = (name: string) =>
      (ninjs.associations.find((association) => association.name === name)?.descriptions as Json[]).find(
        (description) => description.role === 'alttext',
      )?.value;
    expect(altOf('featureimage')).toBe(LEAD_ALT);
    expect(altOf('image1')).toBe(INLINE_ALT);

    const item = new JSDOM(files.get('article.newsml.xml') ?? '', { contentType: 'text/xml' }).window.document;
    expect([...item.querySelectorAll('itemMeta > link > description')].map((node) => node.textContent)).toEqual([
      LEAD_ALT,
      INLINE_ALT,
    ]);
    expect(validateNewsml(files.get('article.newsml.xml') ?? '').errors).toEqual([]);
    expect(files.get('article.md')).toContain(`![${INLINE_ALT}](assets/01-timetable.png)`);
  });

  it('a picture without alt text has none in ninjs or NewsML-G2; the page reads its caption instead', () => {
    const article = embargoedStory({ leadAlt: '', inlineAlt: '' });
    const files = packageOf(article.id);
    const page = new JSDOM(files.get('article.html') ?? '').window.document;
    expect(page.querySelector('figure.lead-image img')?.getAttribute('alt')).toBe('The ferries at Port Ellis');
    const ninjs = JSON.parse(files.get('article.ninjs.json') ?? '') as { associations: Json[] };
    const roles = ninjs.associations.flatMap((association) =>
      ((association.descriptions ?? []) as Json[]).map((description) => description.role),
    );
    expect(roles).not.toContain('alttext');
    expect(files.get('article.newsml.xml')).not.toContain('drol:altText');
  });
});

describe('a package read back', () => {
  it('brings back the embargo, the publication time, the headlines, the SEO description and the lead picture’s alt text', () => {
    const article = embargoedStory();
    const files = buildPackageFiles(library.lib, article.id, NOW);
    const entries = new Map(files.map((file) => [file.path, file.bytes]));
    const imported = parseNinjs(decoder.decode(entries.get('article.ninjs.json')), 'article.ninjs.json', entries);
    expect(imported.publishing).toEqual({
      embargoUntil: EMBARGO,
      publishAt: PUBLISH,
      seoHeadline: 'Port Ellis approves night ferry trial: what changes for commuters from June',
      socialHeadline: 'Night ferries are coming to Port Ellis',
      seoDescription: 'The council approved a six-month trial of night ferry crossings, starting in June.',
    });
    expect(imported.images.map((image) => [image.placeholder === null ? 'lead' : 'inline', image.altText])).toEqual([
      ['lead', LEAD_ALT],
      ['inline', INLINE_ALT],
    ]);
  });

  it('reads a picture whose page alt is its caption as one without alt text', () => {
    const article = embargoedStory({ leadAlt: '', inlineAlt: '' });
    const files = buildPackageFiles(library.lib, article.id, NOW);
    const entries = new Map(files.map((file) => [file.path, file.bytes]));
    const imported = parseNinjs(decoder.decode(entries.get('article.ninjs.json')), 'article.ninjs.json', entries);
    expect(imported.images.map((image) => image.altText)).toEqual(['', '']);
  });
});
