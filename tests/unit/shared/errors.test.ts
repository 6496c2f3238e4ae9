import type { z } from 'zod';
import { describe, expect, it } from 'vitest';

import { ArticlePatchSchema } from '../../../shared/api';
import { ApiError, ApiErrorPayloadSchema, describeIssues } from '../../../shared/errors';

function issues(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected the value to be refused');
  return result.error.issues;
}

describe('describeIssues', () => {
  it('names the offending field and gives the schema’s own message', () => {
    expect(describeIssues(issues(ArticlePatchSchema, { headline: 'h'.repeat(501) }))).toBe(
      'headline: The headline is too long (at most 500 characters).',
    );
  });

  it('joins nested paths with dots, including list positions', () => {
    expect(describeIssues(issues(ArticlePatchSchema, { tags: ['ok', ' '] }))).toBe('tags.1: A tag cannot be empty.');
  });

  it('says "request" when the whole payload is wrong', () => {
    expect(describeIssues(issues(ArticlePatchSchema, 'headline'))).toMatch(/^request: /);
  });

  it('lists at most three problems and counts the rest', () => {
    const text = describeIssues(
      issues(ArticlePatchSchema, { headline: 1, dek: 2, dateline: 3, section: 4, language: 5 }),
    );
    expect(text.split('; ')).toHaveLength(3);
    expect(text).toMatch(/^headline: .+; dek: .+; dateline: .+ \(and 2 more\)$/);
  });
});

describe('ApiError', () => {
  it('carries a code and a message into a payload the contract accepts', () => {
    const error = new ApiError('conflict', 'Reload it.');
    expect(error).toBeInstanceOf(Error);
    expect(ApiErrorPayloadSchema.parse(error.toPayload())).toEqual({ code: 'conflict', message: 'Reload it.' });
  });
});
