import type { z } from 'zod';
import { describe, expect, it } from 'vitest';

import { ArticlePatchSchema, contract } from '../../../shared/api';
import { ApiError, ApiErrorPayloadSchema, describeIssues } from '../../../shared/errors';

function issues(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected the value to be refused');
  return result.error.issues;
}

describe('describeIssues', () => {
  it('gives the schema’s own message when it names its field already', () => {
    expect(describeIssues(issues(ArticlePatchSchema, { headline: 'h'.repeat(501) }))).toBe(
      'The headline is too long (at most 500 characters).',
    );
  });

  it('names the field in words, never by its path', () => {
    const text = describeIssues(issues(ArticlePatchSchema, { datelineDate: '252025-12-06' }));
    expect(text).toBe('The dateline date: The year 252025 is not a year a story is dated in (1800 to 2100).');
    expect(text).not.toMatch(/datelineDate|patch\./);
  });

  it('says which entry of a list, counted from one', () => {
    expect(describeIssues(issues(ArticlePatchSchema, { tags: ['ok', ' '] }))).toBe('Tag 2: A tag cannot be empty.');
    expect(
      describeIssues(issues(ArticlePatchSchema, { related: [{ articleId: null, headline: ' ', teaser: '' }] })),
    ).toBe('The headline of related article 1: A related article needs a headline.');
  });

  it('rewords zod’s own messages for a person', () => {
    const list = contract['articles:list'].args;
    expect(describeIssues(issues(list, { limit: 1000 }))).toBe('The number of results is too large (at most 500).');
    expect(describeIssues(issues(contract['libraries:open'].args, {}))).toBe('The library file is missing.');
    expect(describeIssues(issues(ArticlePatchSchema, { headline: 42 }))).toBe('The headline must be text.');
    expect(describeIssues(issues(ArticlePatchSchema, 'headline'))).toBe('This request must be a set of fields.');
    expect(describeIssues(issues(ArticlePatchSchema, { wordCount: 3 }))).toBe(
      'This request has something Copydesk does not take: “wordCount”.',
    );
  });

  it('lists at most three problems and counts the rest', () => {
    const text = describeIssues(
      issues(ArticlePatchSchema, { headline: 1, dek: 2, dateline: 3, section: 4, language: 5 }),
    );
    expect(text).toBe('The headline must be text. The dek must be text. The dateline place must be text. (and 2 more)');
  });
});

describe('ApiError', () => {
  it('carries a code and a message into a payload the contract accepts', () => {
    const error = new ApiError('conflict', 'Reload it.');
    expect(error).toBeInstanceOf(Error);
    expect(ApiErrorPayloadSchema.parse(error.toPayload())).toEqual({ code: 'conflict', message: 'Reload it.' });
  });
});
