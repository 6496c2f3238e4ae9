import { describe, expect, it } from 'vitest';

import type { ArgsOf, Channel } from '../../../shared/api';
import { ArticlePatchSchema, CHANNELS, contract, isChannel } from '../../../shared/api';
import { MAX_BODY_JSON_BYTES } from '../../../shared/domain';
import { describeIssues } from '../../../shared/errors';
import { bodyFromParagraphs } from '../../../shared/text';

const ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

/** One well-formed call of every channel. */
const VALID: { [C in Channel]: ArgsOf<C> } = {
  'library:info': {},
  'library:addSample': {},
  'articles:list': { offset: 10, limit: 25, trashed: true },
  'articles:get': { id: ID },
  'articles:create': {
    headline: 'Night ferry trial approved',
    dek: 'A six-month trial begins in spring.',
    byline: 'Desk',
    dateline: 'PORT ELLIS',
    body: bodyFromParagraphs(['The council approved the trial.']),
    section: 'Local',
    tags: ['transport'],
    status: 'editing',
  },
  'articles:save': { id: ID, version: 3, patch: { headline: 'Night ferry trial extended' } },
  'articles:trash': { id: ID },
  'articles:restore': { id: ID },
  'articles:search': { query: '"night ferry" -bus', limit: 5 },
};

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
        expect(issuesOf(channel, args)).toMatch(new RegExp(`^${key}\\b`));
      }
    },
  );

  it('fills in the documented defaults for list and search', () => {
    expect(contract['articles:list'].args.parse({})).toEqual({ offset: 0, limit: 50, trashed: false });
    expect(contract['articles:search'].args.parse({ query: 'ferry' })).toEqual({ query: 'ferry', limit: 20 });
  });

  it('refuses ids that are not UUIDs and versions that are not positive whole numbers', () => {
    expect(issuesOf('articles:get', { id: 'ferry' })).toBe('id: Not a valid article id.');
    expect(issuesOf('articles:get', {})).toMatch(/^id: /);
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
      'query: The search is too long (at most 1,000 characters).',
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

  it('refuses over-long dek, byline, dateline and section with their own names', () => {
    const limits = { dek: 2000, byline: 500, dateline: 200, section: 100 };
    for (const [field, max] of Object.entries(limits)) {
      expect(ArticlePatchSchema.safeParse({ [field]: 'x'.repeat(max) }).success, field).toBe(true);
      const result = ArticlePatchSchema.safeParse({ [field]: 'x'.repeat(max + 1) });
      expect(result.error?.issues[0]?.message).toBe(`The ${field} is too long (at most ${max} characters).`);
    }
  });

  it('refuses the fields the server derives itself', () => {
    for (const field of ['slug', 'bodyText', 'wordCount', 'version', 'id', 'createdAt', 'trashedAt']) {
      expect(ArticlePatchSchema.safeParse({ headline: 'x', [field]: 'forged' }).success, field).toBe(false);
    }
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
    expect(describeIssues(result.error?.issues ?? [])).toMatch(/^body\.root\.type: /);
  });

  it('refuses a body larger than the body limit, and says so', () => {
    const paragraph = 'A runaway paste. '.repeat(1000);
    const count = Math.ceil(MAX_BODY_JSON_BYTES / paragraph.length) + 1;
    const body = bodyFromParagraphs(Array.from({ length: count }, () => paragraph));
    const result = ArticlePatchSchema.safeParse({ body });
    expect(result.success).toBe(false);
    expect(describeIssues(result.error?.issues ?? [])).toMatch(/^body: The body is too large/);
    expect(ArticlePatchSchema.safeParse({ body: bodyFromParagraphs([paragraph]) }).success).toBe(true);
  });
});
