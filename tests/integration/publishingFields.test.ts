/**
 * A story's embargo, publication time, headlines for each place it appears and its pictures'
 * alt text, through the handler table as the window sends them: saved and read back, kept in
 * History and brought back by a restore, told by the checklist in the person's zone, written into
 * every file of an exported package, and read back when the package is imported elsewhere.
 */
import fs from 'node:fs';
import path from 'node:path';

import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { dispatch } from '../../electron/api/dispatch';
import { createHandlers } from '../../electron/api/handlers';
import { importFiles } from '../../electron/import/importFiles';
import { getArticle } from '../../electron/services/articles';
import type { ArgsOf, Channel, Envelope, ResultOf } from '../../shared/api';
import type { Article } from '../../shared/domain';
import { ManifestSchema } from '../../shared/exports';
import { bodyFromParagraphs } from '../../shared/text';
import { pngImage } from '../helpers/images';
import { openTempLibrary } from '../helpers/library';
import { validateNewsml, validateNinjs } from '../helpers/packageValidators';

let library: ReturnType<typeof openTempLibrary>;
beforeEach(() => {
  library = openTempLibrary();
});
afterEach(() => library.close());

function send<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<Envelope<ResultOf<C>>> {
  return dispatch(createHandlers(library.context), channel, args) as Promise<Envelope<ResultOf<C>>>;
}

async function call<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> {
  const envelope = await send(channel, args);
  if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error.message}`);
  return envelope.value;
}

/** An embargo a week from now, on the minute, as the window sends one (UTC). */
const inAWeek = () => new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 7 * 24 * 3_600_000).toISOString();

/** A save of every publishing field: the embargo and the publication time at `time`, and the lead picture's alt text. */
function everyField(story: Article, time: string): ArgsOf<'articles:save'>['patch'] {
  return {
    embargoUntil: time,
    publishAt: time,
    seoHeadline: 'Port Ellis approves night ferry trial',
    socialHeadline: 'Night ferries are coming',
    seoDescription: 'A six-month trial of night crossings.',
    leadImage: {
      assetId: story.leadImage?.asset.id ?? '',
      caption: 'The ferries at Port Ellis',
      credit: 'Amna Riaz/Dawn',
      altText: 'Two ferries moored side by side at dawn',
    },
  };
}

async function storyWithPicture(): Promise<Article> {
  const author = await call('authors:create', { name: 'Amna Riaz', bio: '' });
  const picture = await call('assets:addImage', {
    name: 'ferries.png',
    dataBase64: pngImage(40, 30).toString('base64'),
  });
  return call('articles:create', {
    headline: 'Night ferry trial approved',
    dek: 'Crossings run after midnight from June.',
    authorIds: [author.id],
    dateline: 'PORT ELLIS',
    body: bodyFromParagraphs(['The council approved night crossings on Monday.']),
    leadImage: { assetId: picture.id, caption: 'The ferries at Port Ellis', credit: 'Amna Riaz/Dawn' },
  });
}

describe('the publishing fields through the handler table', () => {
  it('are saved and read back, the times in UTC whatever offset they were sent at being refused', async () => {
    const story = await storyWithPicture();
    expect(story.leadImage?.altText).toBe('');
    const embargo = inAWeek();
    const saved = await call('articles:save', {
      id: story.id,
      version: story.version,
      patch: everyField(story, embargo),
    });
    const again = await call('articles:get', { id: story.id });
    for (const article of [saved, again]) {
      expect(article).toMatchObject({
        embargoUntil: embargo,
        publishAt: embargo,
        seoHeadline: 'Port Ellis approves night ferry trial',
        socialHeadline: 'Night ferries are coming',
        seoDescription: 'A six-month trial of night crossings.',
        leadImage: { altText: 'Two ferries moored side by side at dawn' },
      });
    }
    const listed = await call('articles:list', {});
    expect(listed.items.find((item) => item.id === story.id)).toMatchObject({
      embargoUntil: embargo,
      publishAt: embargo,
    });

    // A caption edited without the alt text keeps it; a picture replaced starts without it.
    const caption = await call('articles:save', {
      id: story.id,
      version: again.version,
      patch: {
        leadImage: { assetId: story.leadImage?.asset.id ?? '', caption: 'The quay at dawn', credit: 'Amna Riaz/Dawn' },
      },
    });
    expect(caption.leadImage?.altText).toBe('Two ferries moored side by side at dawn');

    const refused = await send('articles:save', {
      id: story.id,
      version: caption.version,
      patch: { embargoUntil: '2026-06-09T09:00:00+01:00' },
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('A time must be a UTC date and time');
  });

  it('are kept with a version and brought back by restoring it', async () => {
    const story = await storyWithPicture();
    const embargo = inAWeek();
    const embargoed = await call('articles:save', {
      id: story.id,
      version: story.version,
      patch: { embargoUntil: embargo, seoHeadline: 'Night ferries approved' },
    });
    const kept = await call('revisions:create', { articleId: story.id, label: 'Embargoed copy' });
    const lifted = await call('articles:save', {
      id: story.id,
      version: embargoed.version,
      patch: { embargoUntil: null, seoHeadline: '' },
    });
    expect(lifted).toMatchObject({ embargoUntil: null, seoHeadline: '' });
    const restored = await call('revisions:restore', {
      articleId: story.id,
      revisionId: kept.id,
      version: lifted.version,
    });
    expect(restored).toMatchObject({ embargoUntil: embargo, seoHeadline: 'Night ferries approved' });
  });

  it('the checklist warns of the embargo in the person’s zone and of the picture without alt text; the package carries both', async () => {
    const story = await storyWithPicture();
    const embargo = '2099-06-09T08:00:00.000Z';
    await call('articles:save', { id: story.id, version: story.version, patch: { embargoUntil: embargo } });

    const checked = await call('export:check', { articleId: story.id, timeZone: 'Asia/Karachi' });
    expect(checked.ready).toBe(true);
    expect(checked.items.map((item) => [item.id, item.level])).toEqual([
      ['embargo', 'warning'],
      ['alt:lead', 'warning'],
    ]);
    expect(checked.items[0]?.message).toContain('embargoed until Tue, 9 Jun 2099, 13:00 GMT+5');
    const unknownZone = await send('export:check', { articleId: story.id, timeZone: 'Atlantis/Capital' });
    expect(unknownZone.ok).toBe(false);

    const out = path.join(library.dir, 'out');
    fs.mkdirSync(out);
    const result = await call('export:run', { articleId: story.id, folder: out, zip: false, overrides: [] });
    const manifest = ManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(result.path, 'manifest.json'), 'utf8')));
    expect(manifest.checklist.warnings.map((warning) => warning.id)).toEqual(['embargo', 'alt:lead']);
    const ninjs = JSON.parse(fs.readFileSync(path.join(result.path, 'article.ninjs.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(validateNinjs(ninjs).errors).toEqual([]);
    expect(ninjs.embargoed).toBe(embargo);
    const xml = fs.readFileSync(path.join(result.path, 'article.newsml.xml'), 'utf8');
    expect(validateNewsml(xml).errors).toEqual([]);
    expect(xml).toContain(`<embargoed>${embargo}</embargoed>`);
  });

  it('round-trip through an exported package into another library', async () => {
    const story = await storyWithPicture();
    const embargo = inAWeek();
    const saved = await call('articles:save', {
      id: story.id,
      version: story.version,
      patch: everyField(story, embargo),
    });
    const out = path.join(library.dir, 'out');
    fs.mkdirSync(out);
    const result = await call('export:run', { articleId: saved.id, folder: out, zip: false, overrides: [] });
    const page = new JSDOM(fs.readFileSync(path.join(result.path, 'article.html'), 'utf8')).window.document;
    expect(page.querySelector('figure.lead-image img')?.getAttribute('alt')).toBe(
      'Two ferries moored side by side at dawn',
    );

    const elsewhere = openTempLibrary();
    try {
      const report = await importFiles(elsewhere.lib, [result.path]);
      expect(report.failed).toEqual([]);
      const copy = getArticle(elsewhere.lib, report.imported[0]?.id ?? '');
      expect(copy).toMatchObject({
        headline: 'Night ferry trial approved',
        embargoUntil: embargo,
        publishAt: embargo,
        seoHeadline: 'Port Ellis approves night ferry trial',
        socialHeadline: 'Night ferries are coming',
        seoDescription: 'A six-month trial of night crossings.',
        leadImage: { caption: 'The ferries at Port Ellis', altText: 'Two ferries moored side by side at dawn' },
      });
    } finally {
      elsewhere.close();
    }
  });
});
