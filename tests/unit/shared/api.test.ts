import { describe, expect, it } from 'vitest';

import type { Channel } from '../../../shared/api';
import { ArticlePatchSchema, CHANNELS, contract, isChannel } from '../../../shared/api';
import { MAX_BODY_JSON_BYTES } from '../../../shared/domain';
import { describeIssues } from '../../../shared/errors';
import { fieldWords } from '../../../shared/fieldWords';
import { bodyFromParagraphs } from '../../../shared/text';
import { ID as SAMPLE_ID, VALID } from '../../helpers/apiSamples';

const ID = SAMPLE_ID;

/** A value of a different JSON type from `value`. */
function wrongTypeFor(value: unknown): unknown {
  if (typeof value === 'string') return 42;
  if (typeof value === 'number') return '42';
  if (typeof value === 'boolean') return 'true';
  if (Array.isArray(value)) return 'not a list';
  return 'not an object';
}

function issuesOf(channel: Channel, args: unknown): string {
  const result = contract[channel].args.safeParse(args);
  return result.success ? '' : describeIssues(result.error.issues);
}

describe('the API contract', () => {
  it('names every channel once and recognises only those names', () => {
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length);
    expect(CHANNELS.every(isChannel)).toBe(true);
    expect(isChannel('articles:delete')).toBe(false);
    expect(isChannel('toString')).toBe(false);
    expect(isChannel('__proto__')).toBe(false);
    expect(isChannel(42)).toBe(false);
  });

  it.each(CHANNELS)('%s accepts a well-formed call', (channel) => {
    expect(contract[channel].args.safeParse(VALID[channel]).success).toBe(true);
  });

  it.each(CHANNELS)('%s refuses unknown keys', (channel) => {
    const result = contract[channel].args.safeParse({ ...VALID[channel], isAdmin: true });
    expect(result.success).toBe(false);
    expect(issuesOf(channel, { ...VALID[channel], isAdmin: true })).toMatch(/isAdmin/);
  });

  it.each(CHANNELS)('%s refuses a payload that is not an object', (channel) => {
    for (const payload of [null, [], 'articles', 7, true]) {
      expect(contract[channel].args.safeParse(payload).success, JSON.stringify(payload)).toBe(false);
    }
  });

  it.each(CHANNELS.filter((channel) => Object.keys(VALID[channel]).length > 0))(
    '%s refuses every field given a value of the wrong type',
    (channel) => {
      for (const [key, value] of Object.entries(VALID[channel])) {
        const args = { ...VALID[channel], [key]: wrongTypeFor(value) };
        expect(contract[channel].args.safeParse(args).success, `${channel}.${key}`).toBe(false);
        // The field is named in words a person knows, never by the contract's own name.
        const words = (fieldWords([key]) ?? key).replace(/^(?:the|your) /, '');
        expect(issuesOf(channel, args).toLowerCase(), `${channel}.${key}`).toContain(words);
        if (/[A-Z]/.test(key)) expect(issuesOf(channel, args), `${channel}.${key}`).not.toContain(key);
      }
    },
  );

  it('fills in the documented defaults for list and search', () => {
    expect(contract['articles:list'].args.parse({})).toEqual({
      offset: 0,
      limit: 50,
      trashed: false,
      sort: 'updated',
      filters: {},
    });
    expect(contract['articles:search'].args.parse({ query: 'ferry' })).toEqual({
      query: 'ferry',
      limit: 20,
      filters: {},
    });
  });

  it('refuses sorts and filters it does not know, saying what it takes', () => {
    expect(issuesOf('articles:list', { sort: 'wordCount' })).toBe(
      'The sort order: Sort by "updated", "created" or "headline".',
    );
    expect(issuesOf('articles:list', { direction: 'up' })).toBe('The order: The sort direction is "asc" or "desc".');
    expect(issuesOf('articles:list', { filters: { statuses: ['published'] } })).toBe(
      'Status 1 must be one of: draft, editing, fact-check, ready, exported.',
    );
    expect(issuesOf('articles:search', { query: 'x', filters: { authorId: 'Maria' } })).toBe('Not a valid author id.');
    expect(issuesOf('library:facets', { filters: { tag: '  ' } })).toBe('A tag cannot be empty.');
    expect(issuesOf('articles:list', { filters: { date: { from: '2026-03-01' } } })).toBe(
      'The start date of the date range is not a date and time.',
    );
    expect(
      issuesOf('articles:list', {
        filters: { date: { from: '2026-04-01T00:00:00.000Z', until: '2026-03-01T00:00:00.000Z' } },
      }),
    ).toBe('The date range ends before it starts. Choose an end date after the start date.');
  });

  it('refuses ids that are not UUIDs and versions that are not positive whole numbers', () => {
    expect(issuesOf('articles:get', { id: 'ferry' })).toBe('Not a valid article id.');
    expect(issuesOf('articles:get', {})).toBe('Not a valid article id.');
    for (const version of [0, -1, 1.5, Number.NaN]) {
      expect(contract['articles:save'].args.safeParse({ id: ID, version, patch: {} }).success, String(version)).toBe(
        false,
      );
    }
  });

  it('refuses out-of-range paging and over-long searches', () => {
    expect(contract['articles:list'].args.safeParse({ limit: 0 }).success).toBe(false);
    expect(contract['articles:list'].args.safeParse({ limit: 501 }).success).toBe(false);
    expect(contract['articles:list'].args.safeParse({ offset: -1 }).success).toBe(false);
    expect(contract['articles:search'].args.safeParse({ query: 'x'.repeat(1000) }).success).toBe(true);
    expect(issuesOf('articles:search', { query: 'x'.repeat(1001) })).toBe(
      'The search is too long (at most 1,000 characters).',
    );
  });
});

describe('ArticlePatchSchema', () => {
  it('accepts a headline of 500 characters and refuses 501, naming the headline', () => {
    expect(ArticlePatchSchema.safeParse({ headline: 'h'.repeat(500) }).success).toBe(true);
    const result = ArticlePatchSchema.safeParse({ headline: 'h'.repeat(501) });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['headline']);
    expect(result.error?.issues[0]?.message).toBe('The headline is too long (at most 500 characters).');
  });

  it('refuses over-long dek, dateline, section and syndication credit with their own names', () => {
    const limits: [string, string, number][] = [
      ['dek', 'dek', 2000],
      ['dateline', 'dateline', 200],
      ['section', 'section', 100],
      ['syndicationCredit', 'syndication credit', 300],
    ];
    for (const [field, name, max] of limits) {
      expect(ArticlePatchSchema.safeParse({ [field]: 'x'.repeat(max) }).success, field).toBe(true);
      const result = ArticlePatchSchema.safeParse({ [field]: 'x'.repeat(max + 1) });
      expect(result.error?.issues[0]?.message).toBe(`The ${name} is too long (at most ${max} characters).`);
    }
  });

  it('refuses over-long lead image captions and credits, naming them', () => {
    const image = (caption: string, credit: string) => ({ leadImage: { assetId: ID, caption, credit } });
    expect(ArticlePatchSchema.safeParse(image('c'.repeat(1000), 'c'.repeat(300))).success).toBe(true);
    expect(describeIssues(ArticlePatchSchema.safeParse(image('c'.repeat(1001), '')).error?.issues ?? [])).toBe(
      'The caption of the lead image: The caption is too long (at most 1000 characters).',
    );
    expect(describeIssues(ArticlePatchSchema.safeParse(image('', 'c'.repeat(301))).error?.issues ?? [])).toBe(
      'The credit of the lead image: The credit is too long (at most 300 characters).',
    );
  });

  it('refuses the fields the server derives itself, the byline among them', () => {
    for (const field of [
      'byline',
      'authors',
      'slugLocked',
      'bodyText',
      'wordCount',
      'version',
      'id',
      'createdAt',
      'trashedAt',
    ]) {
      expect(ArticlePatchSchema.safeParse({ headline: 'x', [field]: 'forged' }).success, field).toBe(false);
    }
  });

  it('accepts a hand-set slug of lower-case words joined by hyphens, in any script, and nothing else', () => {
    for (const slug of ['night-ferry', 'ferry-2026', 'کشتی-رات', 'cafe']) {
      expect(ArticlePatchSchema.safeParse({ slug }).success, slug).toBe(true);
    }
    for (const slug of [
      '',
      'Night-ferry',
      'night ferry',
      'night--ferry',
      '-ferry',
      'ferry-',
      'ferry/2',
      'x'.repeat(121),
    ]) {
      expect(ArticlePatchSchema.safeParse({ slug }).success, slug).toBe(false);
    }
    expect(describeIssues(ArticlePatchSchema.safeParse({ slug: 'Night Ferry' }).error?.issues ?? [])).toBe(
      'A slug is lower-case letters and digits separated by single hyphens.',
    );
  });

  it('accepts language tags such as en, ur and pt-BR, and refuses names and malformed tags', () => {
    for (const language of ['en', 'ur', 'pt-BR', 'zh-Hant-TW', 'fil']) {
      expect(ArticlePatchSchema.safeParse({ language }).success, language).toBe(true);
    }
    for (const language of ['', 'e', 'english', 'en_US', 'en-', 'pt-BR-', '12']) {
      expect(ArticlePatchSchema.safeParse({ language }).success, language).toBe(false);
    }
  });

  it('takes a length target in whole words from 1 to 100,000, or null to clear it', () => {
    expect(ArticlePatchSchema.parse({ lengthTarget: null }).lengthTarget).toBeNull();
    expect(ArticlePatchSchema.parse({ lengthTarget: 100_000 }).lengthTarget).toBe(100_000);
    expect(describeIssues(ArticlePatchSchema.safeParse({ lengthTarget: 0 }).error?.issues ?? [])).toBe(
      'The length target must be at least 1 word.',
    );
    expect(ArticlePatchSchema.safeParse({ lengthTarget: 100_001 }).success).toBe(false);
    expect(ArticlePatchSchema.safeParse({ lengthTarget: 250.5 }).success).toBe(false);
  });

  it('takes a dateline date as YYYY-MM-DD or empty, and refuses impossible dates', () => {
    expect(ArticlePatchSchema.safeParse({ datelineDate: '' }).success).toBe(true);
    expect(ArticlePatchSchema.safeParse({ datelineDate: '2024-02-29' }).success).toBe(true);
    for (const datelineDate of ['2026-02-30', '2026-13-01', '02/03/2026', '2026-03-02T09:00:00Z']) {
      expect(ArticlePatchSchema.safeParse({ datelineDate }).success, datelineDate).toBe(false);
    }
  });

  it('refuses author ids that are not ids, and more than 20 authors', () => {
    expect(ArticlePatchSchema.safeParse({ authorIds: ['Maria Okafor'] }).success).toBe(false);
    const ids = (n: number) =>
      Array.from({ length: n }, (_, i) => `0190a1b2-c3d4-7e5f-8a9b-${String(i).padStart(12, '0')}`);
    expect(ArticlePatchSchema.safeParse({ authorIds: ids(20) }).success).toBe(true);
    expect(ArticlePatchSchema.safeParse({ authorIds: ids(21) }).success).toBe(false);
  });

  it('trims tags and refuses empty ones, unknown statuses and more than 50 tags', () => {
    expect(ArticlePatchSchema.parse({ tags: ['  transport ', 'council'] }).tags).toEqual(['transport', 'council']);
    expect(ArticlePatchSchema.safeParse({ tags: ['   '] }).error?.issues[0]?.message).toBe('A tag cannot be empty.');
    expect(ArticlePatchSchema.safeParse({ tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }).success).toBe(false);
    expect(ArticlePatchSchema.safeParse({ status: 'published' }).success).toBe(false);
    expect(ArticlePatchSchema.safeParse({ status: 'fact-check' }).success).toBe(true);
  });

  it('refuses a body that is not a Lexical root', () => {
    const result = ArticlePatchSchema.safeParse({ body: { root: { type: 'paragraph', children: [] } } });
    expect(result.success).toBe(false);
    expect(describeIssues(result.error?.issues ?? [])).toBe(
      'The text is not an editor document: its top node is “paragraph”, where a root belongs.',
    );
  });

  it('refuses a body larger than the body limit, and says so', () => {
    const paragraph = 'A runaway paste. '.repeat(1000);
    const count = Math.ceil(MAX_BODY_JSON_BYTES / paragraph.length) + 1;
    const body = bodyFromParagraphs(Array.from({ length: count }, () => paragraph));
    const result = ArticlePatchSchema.safeParse({ body });
    expect(result.success).toBe(false);
    expect(describeIssues(result.error?.issues ?? [])).toBe(
      'The text: The body is too large (at most 8 MB of editor data).',
    );
    expect(ArticlePatchSchema.safeParse({ body: bodyFromParagraphs([paragraph]) }).success).toBe(true);
  });
});

describe('export requests', () => {
  const run = { articleId: ID, folder: '/home/desk/Exports' };

  it('default to a folder package with no overrides, and trim the reasons', () => {
    expect(
      contract['export:run'].args.parse({
        ...run,
        overrides: [{ itemId: 'byline', reason: '  Wire copy, no byline. ' }],
      }),
    ).toEqual({ ...run, zip: false, overrides: [{ itemId: 'byline', reason: 'Wire copy, no byline.' }] });
  });

  it('refuse an override without a real written reason, or one over 500 characters, saying why', () => {
    expect(issuesOf('export:run', { ...run, overrides: [{ itemId: 'byline', reason: ' ' }] })).toMatch(
      /^The reason of override 1: Write why the item is overridden/,
    );
    expect(issuesOf('export:run', { ...run, overrides: [{ itemId: 'byline', reason: 'x' }] })).toMatch(
      /^The reason of override 1: Give a real reason, in a few words \(at least 3 words and 15 characters\)/,
    );
    expect(issuesOf('export:run', { ...run, overrides: [{ itemId: 'byline', reason: 'x'.repeat(501) }] })).toBe(
      'The reason of override 1: A reason is at most 500 characters.',
    );
    expect(issuesOf('export:run', { articleId: ID, folder: '  ' })).toBe('Choose a folder to export into.');
  });
});
