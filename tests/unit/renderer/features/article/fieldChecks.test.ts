import { describe, expect, it } from 'vitest';

import type { AssetId } from '../../../../../shared/domain';
import { bodyFromParagraphs } from '../../../../../shared/text';
import { checkField, checkPatch } from '../../../../../renderer/features/article/fieldChecks';

describe('checkField', () => {
  it('accepts what the contract accepts', () => {
    expect(checkField('datelineDate', '2026-12-06')).toBeNull();
    expect(checkField('datelineDate', '')).toBeNull();
    expect(checkField('headline', 'h'.repeat(500))).toBeNull();
    expect(checkField('lengthTarget', null)).toBeNull();
  });

  it('refuses what the contract refuses, naming the field in words', () => {
    expect(checkField('datelineDate', '252025-12-06')).toEqual({
      field: 'datelineDate',
      path: [],
      label: 'the dateline date',
      message: 'The year 252025 is not a year a story is dated in (1800 to 2100).',
    });
    expect(checkField('headline', 'h'.repeat(501))?.message).toBe('The headline is too long (at most 500 characters).');
    expect(checkField('lengthTarget', 0)?.message).toBe('The length target must be at least 1 word.');
    expect(checkField('slug', 'Night Ferry')?.label).toBe('the slug');
  });

  it('says where inside a field the problem is', () => {
    const image = { assetId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' as AssetId, caption: 'c'.repeat(1001), credit: '' };
    expect(checkField('leadImage', image)).toMatchObject({
      path: ['caption'],
      message: 'The caption is too long (at most 1000 characters).',
    });
  });
});

describe('checkPatch', () => {
  it('gives the first problem of each field a save would be refused for', () => {
    const problems = checkPatch({
      headline: 'Fine',
      datelineDate: '0001-01-01',
      tags: ['ok', ' ', ''],
    });
    expect([...problems.keys()]).toEqual(['datelineDate', 'tags']);
    expect(problems.get('tags')).toMatchObject({ path: [1], message: 'A tag cannot be empty.' });
    expect(checkPatch({ headline: 'Fine' }).size).toBe(0);
  });

  it('holds back a body too large to save, and only that', () => {
    const problems = checkPatch({ headline: 'Fine', body: bodyFromParagraphs(['x'.repeat(9 * 1024 * 1024)]) });
    expect([...problems.values()]).toEqual([
      {
        field: 'body',
        path: [],
        label: 'the text',
        message: 'The body is too large (at most 8 MB of editor data).',
      },
    ]);
    expect(checkPatch({ body: bodyFromParagraphs(['é'.repeat(3 * 1024 * 1024)]) }).size).toBe(0);
  });
});
