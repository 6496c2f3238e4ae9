import { describe, expect, it } from 'vitest';

import { createArticle, getArticle, saveArticle } from '../../../../electron/services/articles';
import { authorNamed, createAuthor, findAuthors, updateAuthor } from '../../../../electron/services/authors';
import type { Author } from '../../../../shared/domain';
import { AuthorIdSchema } from '../../../../shared/domain';
import { apiErrorFrom, dumpDatabase } from '../../../helpers/library';
import { libraryPerTest } from '../../../helpers/libraryPerTest';

const { library, clock } = libraryPerTest();

const MISSING_ID = AuthorIdSchema.parse('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b');

const author = (name: string, bio = '') => createAuthor(library.lib, name, bio);
const signedBy = (...authors: Author[]) =>
  createArticle(library.lib, { headline: 'Story', authorIds: authors.map((a) => a.id) }, { clock });
const names = (query: string, limit = 20) => findAuthors(library.lib, query, limit).map((a) => a.name);

describe('creating an author', () => {
  it('keeps the name and bio without surrounding spaces', () => {
    const maria = author('  Maria Okafor ', ' Covers the harbour. ');
    expect(maria).toEqual({ id: maria.id, name: 'Maria Okafor', bio: 'Covers the harbour.' });
    expect(findAuthors(library.lib, '', 20)).toEqual([{ ...maria, articleCount: 0 }]);
  });

  it('gives two authors of the same name two profiles', () => {
    const first = author('Ali Khan');
    const second = author('Ali Khan', 'Sports desk.');
    expect(first.id).not.toBe(second.id);
    expect(names('ali')).toEqual(['Ali Khan', 'Ali Khan']);
  });

  it('finds the author of a name, or creates one only when there is none', () => {
    const desk = authorNamed(library.lib, 'Sample Desk', 'Writes samples.');
    author('Sample Desk Two');
    expect(authorNamed(library.lib, 'Sample Desk')).toEqual(desk);
    expect(names('sample')).toEqual(['Sample Desk', 'Sample Desk Two']);
  });

  it('finds a name typed in another case or with spaces, preferring the exact name, and makes one without them', () => {
    const amna = author('Amna Riaz', 'Islamabad bureau.');
    expect(authorNamed(library.lib, '  AMNA RIAZ ')).toEqual(amna);
    const lower = author('amna riaz');
    expect(authorNamed(library.lib, 'amna riaz')).toEqual(lower);
    expect(authorNamed(library.lib, 'Amna Riaz')).toEqual(amna);
    const omar = authorNamed(library.lib, '  Omar Khan ', 'Sports desk.');
    expect(omar).toEqual({ id: omar.id, name: 'Omar Khan', bio: 'Sports desk.' });
    expect(names('')).toEqual(['Amna Riaz', 'amna riaz', 'Omar Khan']);
  });
});

describe('finding authors', () => {
  it('ignores accents and case in any script', () => {
    author('Élodie Durand');
    author('Zoë Ankara');
    author('ناصر علی');
    expect(names('elodie')).toEqual(['Élodie Durand']);
    expect(names('ZOE')).toEqual(['Zoë Ankara']);
    expect(names('علی')).toEqual(['ناصر علی']);
  });

  it('matches any part of the name, in any case', () => {
    author('Maria Okafor');
    author('Omar Khan');
    author('Amna Riaz');
    expect(names('OKAF')).toEqual(['Maria Okafor']);
    expect(names('  khan ')).toEqual(['Omar Khan']);
    expect(names('ar')).toEqual(['Maria Okafor', 'Omar Khan']);
    expect(names('mar')).toEqual(['Maria Okafor', 'Omar Khan']);
    expect(names('nobody')).toEqual([]);
  });

  it('lists the authors who sign the most articles first, then by name', () => {
    const zara = author('Zara Ahmed');
    const amna = author('Amna Riaz');
    const bilal = author('Bilal Ahmed');
    author('Ahmed Unused');
    signedBy(zara);
    signedBy(zara, bilal);
    signedBy(zara);
    signedBy(bilal);
    signedBy(amna);
    expect(findAuthors(library.lib, 'a', 20).map((a) => [a.name, a.articleCount])).toEqual([
      ['Zara Ahmed', 3],
      ['Bilal Ahmed', 2],
      ['Amna Riaz', 1],
      ['Ahmed Unused', 0],
    ]);
    expect(names('ahmed', 2)).toEqual(['Zara Ahmed', 'Bilal Ahmed']);
  });

  it('takes % and _ as the characters they are, not as wildcards', () => {
    author('Maria Okafor');
    author('Desk_One');
    expect(names('%')).toEqual([]);
    expect(names('_')).toEqual(['Desk_One']);
    expect(names('a_o')).toEqual([]);
  });
});

describe('bylines', () => {
  it('read "A", "A and B" and "A, B and C", in the order the authors were given', () => {
    const maria = author('Maria Okafor');
    const omar = author('Omar Khan');
    const amna = author('Amna Riaz');
    expect(signedBy(maria).byline).toBe('Maria Okafor');
    expect(signedBy(omar, maria).byline).toBe('Omar Khan and Maria Okafor');
    const three = signedBy(maria, omar, amna);
    expect(three.byline).toBe('Maria Okafor, Omar Khan and Amna Riaz');
    expect(three.authors.map((a) => a.name)).toEqual(['Maria Okafor', 'Omar Khan', 'Amna Riaz']);
    expect(getArticle(library.lib, three.id).byline).toBe('Maria Okafor, Omar Khan and Amna Riaz');
  });

  it('name each author once when one is given twice', () => {
    const maria = author('Maria Okafor');
    const omar = author('Omar Khan');
    expect(signedBy(maria, omar, maria).byline).toBe('Maria Okafor and Omar Khan');
  });

  it('follow a change of authors in a save, and are empty without authors', () => {
    const maria = author('Maria Okafor');
    const omar = author('Omar Khan');
    const article = signedBy(maria);
    const saved = saveArticle(library.lib, article.id, 1, { authorIds: [omar.id, maria.id] }, { clock });
    expect(saved.byline).toBe('Omar Khan and Maria Okafor');
    expect(saveArticle(library.lib, article.id, 2, { headline: 'Other' }, { clock }).byline).toBe(
      'Omar Khan and Maria Okafor',
    );
    const none = saveArticle(library.lib, article.id, 3, { authorIds: [] }, { clock });
    expect(none).toMatchObject({ byline: '', authors: [] });
  });

  it('refuse an author who is not in the library, leaving the article as it was', () => {
    const maria = author('Maria Okafor');
    const article = signedBy(maria);
    const before = dumpDatabase(library.lib.db);
    const error = apiErrorFrom(() =>
      saveArticle(library.lib, article.id, 1, { authorIds: [maria.id, MISSING_ID], headline: 'Edited' }, { clock }),
    );
    expect(error.code).toBe('invalid-request');
    expect(error.message).toMatch(/author .* not in this library/);
    expect(dumpDatabase(library.lib.db)).toEqual(before);
    expect(getArticle(library.lib, article.id)).toEqual(article);
  });

  it('refuse a new article by an unknown author without creating it', () => {
    const before = dumpDatabase(library.lib.db);
    const error = apiErrorFrom(() =>
      createArticle(library.lib, { headline: 'Orphan', authorIds: [MISSING_ID] }, { clock }),
    );
    expect(error.code).toBe('invalid-request');
    expect(dumpDatabase(library.lib.db)).toEqual(before);
  });
});

describe('updating an author', () => {
  it('changes the byline and the bio of every article they sign, and no other', () => {
    const maria = author('Maria Okafor', 'Harbour reporter.');
    const omar = author('Omar Khan');
    const alone = signedBy(maria);
    const shared = signedBy(omar, maria);
    const other = signedBy(omar);

    const updated = updateAuthor(library.lib, maria.id, ' Maria Okafor-Reyes ', 'Harbour and council reporter.');
    expect(updated).toEqual({ id: maria.id, name: 'Maria Okafor-Reyes', bio: 'Harbour and council reporter.' });

    expect(getArticle(library.lib, alone.id).byline).toBe('Maria Okafor-Reyes');
    expect(getArticle(library.lib, shared.id).byline).toBe('Omar Khan and Maria Okafor-Reyes');
    expect(getArticle(library.lib, shared.id).authors).toEqual([omar, updated]);
    expect(getArticle(library.lib, other.id)).toEqual(other);
    expect(names('reyes')).toEqual(['Maria Okafor-Reyes']);
    expect(names('okafor')).toEqual(['Maria Okafor-Reyes']);
  });

  it('refuses an author who is not in the library with not-found', () => {
    const error = apiErrorFrom(() => updateAuthor(library.lib, MISSING_ID, 'Nobody', ''));
    expect(error.code).toBe('not-found');
    expect(findAuthors(library.lib, '', 20)).toEqual([]);
  });
});
