import { describe, expect, it } from 'vitest';

import { publicAddressOf, publicAddressProblem } from '../../../shared/publicAddress';

const STORY = {
  id: '0192f0c4-7d1e-7000-8000-000000000000',
  slug: 'council-approves-night-ferry',
  section: 'Local News',
  datelineDate: '2026-03-02',
};

describe('the desk’s public address pattern', () => {
  it('accepts a web address with a story’s own part in it, or nothing at all', () => {
    expect(publicAddressProblem('')).toBeNull();
    expect(publicAddressProblem('https://www.example.com/{section}/{year}/{month}/{day}/{slug}')).toBeNull();
    expect(publicAddressProblem('https://example.com/a/{id}')).toBeNull();
  });

  it('says what is wrong with a pattern that cannot work', () => {
    expect(publicAddressProblem('https://www.example.com/news')).toMatch(/needs \{slug\} or \{id\}/);
    expect(publicAddressProblem('https://example.com/{headline}')).toMatch(
      /^\{headline\} is not a part of a story Copydesk knows: use \{slug\}, \{id\}/,
    );
    expect(publicAddressProblem('example.com/{slug}')).toMatch(/^The pattern is not a web address/);
    expect(publicAddressProblem('ftp://example.com/{slug}')).toMatch(/starts with https:\/\//);
  });

  it('gives a story’s address, or none when the story lacks a part the pattern needs', () => {
    expect(publicAddressOf('https://www.example.com/{section}/{year}/{month}/{day}/{slug}', STORY)).toBe(
      'https://www.example.com/local-news/2026/03/02/council-approves-night-ferry',
    );
    expect(publicAddressOf('https://example.com/s/{id}', STORY)).toBe(`https://example.com/s/${STORY.id}`);
    expect(publicAddressOf('https://example.com/{year}/{slug}', { ...STORY, datelineDate: '' })).toBeNull();
    expect(publicAddressOf('https://example.com/{section}/{slug}', { ...STORY, section: '' })).toBeNull();
    expect(publicAddressOf('', STORY)).toBeNull();
    expect(publicAddressOf('https://example.com/news', STORY)).toBeNull();
  });
});
