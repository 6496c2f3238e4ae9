import { describe, expect, it } from 'vitest';

import { ArticleIdSchema, BodySchema, HIGHLIGHT_END, HIGHLIGHT_START, TimestampSchema } from '../../../shared/domain';
import { emptyBody } from '../../../shared/text';

describe('BodySchema', () => {
  it('accepts a Lexical root and keeps the properties it does not know (formatting survives)', () => {
    const body = {
      root: {
        type: 'root',
        version: 1,
        format: '',
        children: [
          {
            type: 'heading',
            tag: 'h2',
            children: [{ type: 'text', text: 'Lede', format: 1, style: 'color: red' }],
          },
        ],
      },
    };
    expect(BodySchema.parse(body)).toEqual(body);
    expect(BodySchema.safeParse(emptyBody()).success).toBe(true);
  });

  it.each([
    ['a paragraph at the top', { root: { type: 'paragraph', children: [] } }],
    ['no root', { children: [] }],
    ['a root without children', { root: { type: 'root' } }],
    ['children that are not a list', { root: { type: 'root', children: 'text' } }],
    ['a child without a type', { root: { type: 'root', children: [{ text: 'x' }] } }],
    [
      'a nested child with an empty type',
      { root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: '' }] }] } },
    ],
    ['a string', '{"root":{}}'],
    ['null', null],
  ])('refuses %s', (_what, body) => {
    expect(BodySchema.safeParse(body).success).toBe(false);
  });
});

describe('identifiers and timestamps', () => {
  it('accepts UUIDs and refuses anything else as an article id', () => {
    expect(ArticleIdSchema.safeParse('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b').success).toBe(true);
    for (const id of [
      '',
      '42',
      '0190a1b2c3d47e5f8a9b0c1d2e3f4a5b',
      '../../etc/passwd',
      '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b ',
    ]) {
      expect(ArticleIdSchema.safeParse(id).success, id).toBe(false);
    }
  });

  it('accepts UTC ISO timestamps as produced by Date#toISOString', () => {
    expect(TimestampSchema.safeParse(new Date(0).toISOString()).success).toBe(true);
    expect(TimestampSchema.safeParse('28/11/2026').success).toBe(false);
  });

  it('uses highlight markers that are not printable text', () => {
    expect(HIGHLIGHT_START).not.toBe(HIGHLIGHT_END);
    expect(/\p{Cc}/u.test(HIGHLIGHT_START) && /\p{Cc}/u.test(HIGHLIGHT_END)).toBe(true);
  });
});
