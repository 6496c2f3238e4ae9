import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  cleanEntityName,
  ENTITY_WORD_LIMIT,
  extractEntities,
  loadNameFinder,
  usualCase,
} from '../../../../electron/related/entities';
import { entityKey } from '../../../../shared/entities';
import { bbcNews, seedArticleText } from '../../../helpers/corpora';
import { expectedText } from '../import/fixtures';

// Cases below are read when the file loads, before any hook runs.
await loadNameFinder();

const BBC = bbcNews();
const read = (file: string) => fs.readFileSync(file, 'utf8');
const names = (text: string, kind: string) =>
  extractEntities(text)
    .filter((entity) => entity.kind === kind)
    .map((entity) => entity.name);

describe('extractEntities on the seed article', () => {
  const entities = extractEntities(seedArticleText());
  const find = (name: string) => entities.find((entity) => entity.name === name);

  it('finds the places it is about, most mentioned first, without possessives or punctuation', () => {
    const places = entities.filter((entity) => entity.kind === 'place').map((entity) => entity.name);
    expect(places.slice(0, 3)).toEqual(['Pakistan', 'Russia', 'Afghanistan']);
    expect(places).toContain('Islamabad');
    expect(places).toContain('Moscow');
    expect(places.some((name) => /[’',.\]]$|-$/u.test(name))).toBe(false);
    expect(find('Pakistan')?.mentions).toBeGreaterThan(10);
  });

  it('finds the people it names, without titles, trailing commas or possessives', () => {
    expect(find('Sergey Vershinin')?.kind).toBe('person');
    expect(find('Imran Khan')?.kind).toBe('person');
    expect(find('Amir Khan')?.kind).toBe('person');
    expect(entities.some((entity) => entity.name.startsWith('Minister'))).toBe(false);
  });

  it('splits "UK–Pakistan" into its two places and counts "U.S." as the United States', () => {
    expect(find('United Kingdom')?.kind).toBe('place');
    expect(find('UK–Pakistan')).toBeUndefined();
    expect(find('Pakistan-Russia')).toBeUndefined();
    expect(extractEntities('Officials in the U.S. said the talks went well.').map((entity) => entity.name)).toEqual([
      'United States',
    ]);
  });
});

describe('extractEntities on BBC stories', () => {
  it('finds the politicians of a politics story and joins a surname used alone to the full name', () => {
    const text = read(path.join(BBC, 'politics', '011.txt'));
    const people = names(text, 'person');
    expect(people).toContain('Michael Howard');
    expect(people).toContain('Liam Fox');
    expect(people).not.toContain('Howard');
  });

  it('finds the organisations of a business story', () => {
    const organisations = names(read(path.join(BBC, 'business', '007.txt')), 'organisation');
    expect(organisations).toContain('Labor Department');
    expect(organisations).toContain('BMO Financial Group');
  });

  it('keeps the names of a story told in other words as the same entities', () => {
    const a = extractEntities('Tony Blair met Gordon Brown in London on Monday.');
    const b = extractEntities(
      "Prime Minister Tony Blair's talks with Chancellor Gordon Brown in London went well, Mr Blair said.",
    );
    const keys = (list: typeof a) => list.map((entity) => entityKey(entity.kind, entity.name).key).sort();
    expect(keys(b)).toEqual(keys(a));
  });
});

describe('one word that is no name of its kind', () => {
  it('is not a person when it is a month or a nationality, nor an organisation when it is a nationality or an adjective', () => {
    const found = extractEntities(
      'January was cold. Russian oil giant Yukos has filed for bankruptcy, and the Russian government said that Yukos must pay. The British Airways strike ended. Mr Brown and Mr Young agreed.',
    ).map((entity) => `${entity.kind}:${entity.name}`);
    expect(found).not.toContain('person:January');
    expect(found).not.toContain('organisation:Russian');
    // Names of more than one word, and surnames that are adjectives too, stay.
    expect(found).toEqual(expect.arrayContaining(['organisation:British Airways', 'person:Brown', 'person:Young']));
  });
});

describe('a one-word name the text shows is no person', () => {
  const kinds = (file: string, name: string) =>
    extractEntities(read(path.join(BBC, file)))
      .filter((entity) => entity.name === name)
      .map((entity) => entity.kind);

  it('is not a person when it is an award: "the best film Oscar", "an Oscar nomination", "Oscar-winning"', () => {
    for (const file of [
      'entertainment/035.txt',
      'entertainment/028.txt',
      'entertainment/039.txt',
      'entertainment/086.txt',
    ]) {
      expect(kinds(file, 'Oscar'), file).not.toContain('person');
    }
  });

  it('is a place when the text puts it among places or in one, and not a person when it is a market', () => {
    // "monitoring stations in London, Amsterdam and Sydney failed"
    expect(kinds('tech/101.txt', 'Sydney')).toEqual(['place']);
    // "Both firms asked the Sydney stock market to suspend trading"
    expect(kinds('business/435.txt', 'Sydney')).not.toContain('person');
    // Named a person and a place in one story: one place.
    expect(kinds('business/069.txt', 'Sydney')).toEqual(['place']);
  });

  it('is a club when the text writes "Chelsea manager" or "Chelsea defender"', () => {
    expect(kinds('sport/104.txt', 'Chelsea')).toEqual(['organisation']);
  });

  it('stays a person where the text uses it as one: a singer, a legend, a first name with its surname', () => {
    expect(kinds('entertainment/162.txt', 'Madonna')).toEqual(['person']);
    // "Rock 'n' roll legend Elvis", though "the new Elvis campaign" is his record company's.
    expect(kinds('entertainment/112.txt', 'Elvis')).toEqual(['person']);
    // "starring Sydney Poitier"
    expect(kinds('entertainment/044.txt', 'Sydney')).toEqual(['person']);
    // "Mr Blair and Mr Brown", "the rift between Blair and Brown camps"
    expect(kinds('politics/263.txt', 'Blair')).toEqual(['person']);
  });
});

describe('a name in capitals', () => {
  it('folds a dateline into the name’s usual case, one entry with the same name written normally', () => {
    // The New York Times page opens "LONDON — After nearly 20 years…".
    const places = names(expectedText('nytimes-1'), 'place');
    expect(places).toContain('London');
    expect(places).not.toContain('LONDON');
    expect(names('LONDON (Reuters) - British shares rose on Monday in London trading.', 'place')).toEqual(['London']);
    expect(names('GAZA CITY — Israeli strikes hit the city overnight.', 'place')).toEqual(['Gaza City']);
  });

  it('keeps an acronym in capitals and says how a capital name is usually written', () => {
    expect(usualCase('LONDON', 'LONDON — The talks in London went well.')).toBe('London');
    expect(usualCase('ISLAMABAD', 'ISLAMABAD: Officials met.')).toBe('Islamabad');
    expect(usualCase('UKIP', 'UKIP leader Nigel Farage spoke. UKIP said.')).toBe('UKIP');
    expect(usualCase('BBC', 'BBC: a statement')).toBe('BBC');
    expect(usualCase('London', 'London')).toBe('London');
  });
});

describe('extractEntities on a book-length paste', () => {
  it('reads names from the opening words only, a long paragraph included, so the save is not held up', () => {
    const filler = Array.from({ length: ENTITY_WORD_LIMIT }, (_, n) => `word${n}`).join(' ');
    const opening = 'Tony Blair met Gordon Brown in London on Monday.';
    const late = 'Angela Merkel later visited Paris.';
    const paragraphs = [opening, filler, late].join('\n\n');
    expect(names(paragraphs, 'person')).toContain('Tony Blair');
    expect(names(paragraphs, 'person')).not.toContain('Angela Merkel');
    // One paragraph of it all: the same.
    const oneParagraph = `${opening} ${filler} ${late}`;
    expect(names(oneParagraph, 'person')).toContain('Tony Blair');
    expect(names(oneParagraph, 'person')).not.toContain('Angela Merkel');
  });
});

describe('cleanEntityName', () => {
  it('strips titles, possessives, quotes and punctuation', () => {
    expect(cleanEntityName("Mr Blair's")).toEqual(['Blair']);
    expect(cleanEntityName('Prime Minister Tony Blair,')).toEqual(['Tony Blair']);
    expect(cleanEntityName('“Drop Site News’')).toEqual(['Drop Site News']);
    expect(cleanEntityName('Gen. Musharraf.')).toEqual(['Musharraf']);
  });

  it('drops the words after a name and what is no name at all', () => {
    expect(cleanEntityName('Kent house')).toEqual(['Kent']);
    expect(cleanEntityName('President')).toEqual([]);
    expect(cleanEntityName('The')).toEqual([]);
    expect(cleanEntityName('St')).toEqual([]);
    expect(cleanEntityName('profits')).toEqual([]);
  });
});
