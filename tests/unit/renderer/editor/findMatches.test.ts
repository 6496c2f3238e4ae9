import { describe, expect, it } from 'vitest';

import { findMatches, type FindOptions } from '../../../../renderer/editor/findMatches';

const ANY: FindOptions = { matchCase: false, wholeWords: false };
const CASE: FindOptions = { matchCase: true, wholeWords: false };
const WORDS: FindOptions = { matchCase: false, wholeWords: true };

/** The words each match covers, as a person would read them off the page. */
function found(text: string, query: string, options: FindOptions): string[] {
  return findMatches(text, query, options).map(({ start, end }) => text.slice(start, end));
}

function starts(text: string, query: string, options: FindOptions): number[] {
  return findMatches(text, query, options).map(({ start }) => start);
}

describe('finding words in a story', () => {
  it('ignores case unless asked to match it', () => {
    const text = 'The Police said police officers and POLICE cars';
    expect(found(text, 'police', ANY)).toEqual(['Police', 'police', 'POLICE']);
    expect(found(text, 'police', CASE)).toEqual(['police']);
    expect(found(text, 'Police', CASE)).toEqual(['Police']);
  });

  it('ignores case in every script, final sigma included', () => {
    expect(found('Москва и МОСКВА', 'москва', ANY)).toEqual(['Москва', 'МОСКВА']);
    expect(found('ΟΔΥΣΣΕΥΣ, Οδυσσευς', 'οδυσσευς', ANY)).toEqual(['ΟΔΥΣΣΕΥΣ', 'Οδυσσευς']);
    expect(found('Ἀθῆναι and Æsop and æsop', 'Æsop', CASE)).toEqual(['Æsop']);
  });

  it('finds words that run inside others unless whole words are asked for', () => {
    const text = 'The port reported imports at the port.';
    expect(found(text, 'port', ANY)).toHaveLength(4);
    expect(starts(text, 'port', WORDS)).toEqual([text.indexOf('port'), text.lastIndexOf('port')]);
  });

  it('counts letters of every script as word letters, so an accented or non-Latin word is never cut', () => {
    expect(found('café cafés Café', 'café', WORDS)).toEqual(['café', 'Café']);
    expect(found('naïve naïveté', 'naïve', WORDS)).toEqual(['naïve']);
    // Cyrillic, Greek, Arabic and Devanagari words, inside and outside longer ones.
    expect(found('Москва, Москвы и Москва.', 'Москва', WORDS)).toEqual(['Москва', 'Москва']);
    expect(found('λόγος λόγοςx λόγος', 'λόγος', WORDS)).toHaveLength(2);
    expect(starts('قال الوزير والوزير', 'الوزير', WORDS)).toEqual([4]);
    expect(found('भारत भारतीय', 'भारत', WORDS)).toEqual(['भारत']);
    // A decomposed accent (e + combining acute) belongs to its letter.
    expect(found('cafe\u0301 cafe', 'cafe', WORDS)).toEqual(['cafe']);
    // Digits are part of a word: 140 is not found in 1400.
    expect(starts('140 people, 1400 homes, 140.', '140', WORDS)).toEqual([0, 24]);
  });

  it('treats punctuation as the edge of a word, and an apostrophe inside a word as part of it', () => {
    expect(found('well-known, (well) well.', 'well', WORDS)).toEqual(['well', 'well', 'well']);
    expect(found('O’Brien and Brien', 'Brien', WORDS)).toEqual(['Brien']);
    expect(found("don't don", 'don', WORDS)).toEqual(['don']);
    expect(starts('the reporters’ notes; reporters', 'reporters', WORDS)).toEqual([4, 22]);
    expect(found('l’État et État', 'État', WORDS)).toEqual(['État']);
  });

  it('needs no word edge where the query itself begins or ends with punctuation', () => {
    expect(found('The U.S. and the U.S.A.', 'U.S.', WORDS)).toEqual(['U.S.', 'U.S.']);
    expect(found('the Times’s view', '’s', WORDS)).toEqual(['’s']);
    expect(found('the #1 story and #10', '#1', WORDS)).toEqual(['#1']);
  });

  it('takes a query as plain text, never as a pattern', () => {
    expect(found('Costs (est.) rose 3.5% [approx] a+b $5 back\\slash', '(est.)', ANY)).toEqual(['(est.)']);
    expect(found('3.5% vs 3x5%', '3.5%', ANY)).toEqual(['3.5%']);
    expect(found('[approx] a+b $5 back\\slash', 'a+b', ANY)).toEqual(['a+b']);
    expect(found('$5 back\\slash', '$5', ANY)).toEqual(['$5']);
    expect(found('back\\slash', '\\', ANY)).toEqual(['\\']);
    expect(found('a.c abc', 'a.c', ANY)).toEqual(['a.c']);
  });

  it('finds matches one after another without overlapping, as a replacement takes them', () => {
    expect(starts('aaaa', 'aa', ANY)).toEqual([0, 2]);
    expect(starts('banana', 'ana', ANY)).toEqual([1]);
    expect(starts('aaa aa', 'aa', WORDS)).toEqual([4]);
  });

  it('looks again for a whole word right after a place that was not one', () => {
    // "is" inside "this" is skipped; the next "is" stands alone.
    expect(starts('this is', 'is', WORDS)).toEqual([5]);
    expect(starts('isis is', 'is', WORDS)).toEqual([5]);
  });

  it('keeps characters outside the basic plane whole', () => {
    const text = 'Go 🚀 go 🚀🚀 𝒳 and 𝒳y';
    expect(found(text, '🚀', ANY)).toEqual(['🚀', '🚀', '🚀']);
    expect(found(text, '𝒳', WORDS)).toEqual(['𝒳']);
  });

  it('finds nothing for an empty query, nor across a line or a block', () => {
    expect(findMatches('anything', '', ANY)).toEqual([]);
    expect(findMatches('Islamic\nState', 'Islamic State', ANY)).toEqual([]);
    expect(findMatches('a\nb', 'a\nb', ANY)).toEqual([]);
  });
});
