import { describe, expect, it } from 'vitest';

import {
  addTags,
  languageOptions,
  lengthProgress,
  moveItem,
  oneLine,
  parseLengthTarget,
  parseSlug,
  slugOrigin,
} from '../../../../../renderer/features/article/articleFields';

describe('lengthProgress', () => {
  it('shows words against the target and how far off they are', () => {
    expect(lengthProgress(640, 800)).toEqual({ label: '640 / 800 words', difference: '160 under', verdict: 'under' });
    expect(lengthProgress(1080, 1000)).toEqual({
      label: '1,080 / 1,000 words',
      difference: '80 over',
      verdict: 'over',
    });
  });

  it('counts a few words either side as on target', () => {
    expect(lengthProgress(795, 800).verdict).toBe('on');
    expect(lengthProgress(840, 800).verdict).toBe('on');
    expect(lengthProgress(841, 800).verdict).toBe('over');
    expect(lengthProgress(95, 100)).toMatchObject({ difference: 'on target', verdict: 'on' });
    expect(lengthProgress(89, 100).verdict).toBe('under');
  });
});

describe('parseLengthTarget', () => {
  it('takes a whole number of words, or nothing for no target', () => {
    expect(parseLengthTarget(' 800 ')).toEqual({ ok: true, value: 800 });
    expect(parseLengthTarget('')).toEqual({ ok: true, value: null });
  });

  it('refuses anything else with a reason', () => {
    expect(parseLengthTarget('8.5')).toMatchObject({
      ok: false,
      message: 'The length target is a whole number of words.',
    });
    expect(parseLengthTarget('0')).toMatchObject({ ok: false, message: 'The length target must be at least 1 word.' });
    expect(parseLengthTarget('200000')).toMatchObject({
      ok: false,
      message: 'The length target is at most 100,000 words.',
    });
  });
});

describe('parseSlug', () => {
  it('accepts a slug as the server does', () => {
    expect(parseSlug(' night-ferry-2 ')).toEqual({ ok: true, value: 'night-ferry-2' });
  });

  it('refuses an empty, upper-case or badly hyphenated slug', () => {
    expect(parseSlug('')).toMatchObject({ ok: false });
    expect(parseSlug('Night-Ferry')).toMatchObject({ ok: false });
    expect(parseSlug('night--ferry')).toMatchObject({ ok: false });
    expect(parseSlug('night-')).toMatchObject({ ok: false });
  });
});

describe('slugOrigin', () => {
  it('says whether the slug still follows the headline', () => {
    expect(slugOrigin(false, 'draft')).toBe('Follows the headline');
    expect(slugOrigin(true, 'draft')).toBe('Set by hand');
    expect(slugOrigin(false, 'editing')).toBe('Kept since the story left draft');
  });
});

describe('addTags', () => {
  it('adds comma-separated tags once each, whatever their case', () => {
    expect(addTags(['Pakistan'], 'Russia, pakistan, , Counterterrorism')).toEqual([
      'Pakistan',
      'Russia',
      'Counterterrorism',
    ]);
  });
});

describe('moveItem', () => {
  it('moves an item within the list and stops at its ends', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, 5)).toEqual(['b', 'c', 'a']);
  });
});

describe('languageOptions', () => {
  it('offers the common languages, and keeps an article’s own tag when it is not among them', () => {
    expect(languageOptions('en').some((language) => language.code === 'ur')).toBe(true);
    expect(languageOptions('pt-BR').at(-1)).toEqual({ code: 'pt-BR', name: 'pt-BR' });
    expect(languageOptions('en').some((language) => language.code === 'pt-BR')).toBe(false);
  });
});

describe('oneLine', () => {
  it('turns each line break, Windows or Unix, into a space and keeps the rest', () => {
    expect(oneLine('Floods hit\nthe valley\r\nagain')).toBe('Floods hit the valley again');
    expect(oneLine('  No breaks here  ')).toBe('  No breaks here  ');
  });
});
