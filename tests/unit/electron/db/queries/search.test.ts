import { describe, expect, it } from 'vitest';

import { searchArticles } from '../../../../../electron/db/queries/search';
import type { Clock } from '../../../../../electron/services/articles';
import { createArticle, saveArticle, trashArticle } from '../../../../../electron/services/articles';
import type { ArticlePatch } from '../../../../../shared/api';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../../../../shared/domain';
import { bodyFromParagraphs } from '../../../../../shared/text';
import { libraryPerTest } from '../../../../helpers/libraryPerTest';

const { library, clock } = libraryPerTest();

function add(headline: string, paragraphs: string[], extra: ArticlePatch = {}, at: Clock = clock): string {
  clock.advance(60_000);
  return createArticle(library.lib, { headline, body: bodyFromParagraphs(paragraphs), ...extra }, { clock: at }).id;
}

const search = (query: string, limit = 20) => searchArticles(library.lib.db, query, limit);
const headlinesFor = (query: string, limit = 20) => search(query, limit).hits.map((hit) => hit.headline);

describe('searching the library', () => {
  it('matches a quoted phrase only where the words stand together', () => {
    add('Council approves trial', ['The night ferry will run on weekdays.']);
    add('Tram timetable', ['The ferry left late at night, the tram on time.']);
    expect(headlinesFor('"night ferry"')).toEqual(['Council approves trial']);
    expect(headlinesFor('night ferry').sort()).toEqual(['Council approves trial', 'Tram timetable']);
  });

  it('needs every word, unless OR widens the search', () => {
    add('Ferry news', ['Only the ferry is mentioned here.']);
    add('Tram news', ['Only the tram is mentioned here.']);
    add('Both', ['The ferry meets the tram at the quay.']);
    expect(headlinesFor('ferry tram ')).toEqual(['Both']);
    expect(headlinesFor('ferry OR tram ').sort()).toEqual(['Both', 'Ferry news', 'Tram news']);
  });

  it('leaves out articles with a -word or a -"phrase"', () => {
    add('Ferry news', ['Only the ferry is mentioned here.']);
    add('Both', ['The ferry meets the tram at the quay.']);
    add('Night', ['The night ferry runs late.']);
    expect(headlinesFor('ferry -tram').sort()).toEqual(['Ferry news', 'Night']);
    expect(headlinesFor('ferry -"night ferry"').sort()).toEqual(['Both', 'Ferry news']);
  });

  it('finds words from their beginning while the last word is being typed', () => {
    add('Harbour ferry trial', ['Crossings at night.']);
    expect(headlinesFor('ferr')).toEqual(['Harbour ferry trial']);
    expect(headlinesFor('harbour fe')).toEqual(['Harbour ferry trial']);
    // Once the word is finished (a space follows) it must match whole.
    expect(headlinesFor('ferr ')).toEqual([]);
    expect(headlinesFor('ferr trial')).toEqual([]);
  });

  it('ranks an article whose headline matches above one that only mentions the word in its body', () => {
    add('Budget talks continue', ['The ferry, the ferry and again the ferry were discussed.']);
    add('Ferry', [
      'Councillors met on Monday to discuss the budget for the coming year, including roads, schools, parks and the harbour.',
    ]);
    add('Weather', ['Rain all week.']);
    expect(headlinesFor('ferry')).toEqual(['Ferry', 'Budget talks continue']);
  });

  it('ignores accents and finds words in other scripts', () => {
    add('Café owners welcome crossings', ['Señora Okafor spoke.']);
    add('رات کی کشتی', ['کشتی رات کو چلے گی']);
    expect(headlinesFor('cafe senora')).toEqual(['Café owners welcome crossings']);
    expect(headlinesFor('کشتی')).toEqual(['رات کی کشتی']);
  });

  it('finds an article by its new words after a save, and no longer by the old ones', () => {
    const id = add('Draft', ['Nothing yet.']);
    saveArticle(library.lib, id, 1, { body: bodyFromParagraphs(['The lighthouse reopens.']) }, { clock });
    expect(headlinesFor('lighthouse')).toEqual(['Draft']);
    expect(headlinesFor('nothing')).toEqual([]);
  });

  it('does not return trashed articles', () => {
    add('Ferry trial', ['The ferry runs.']);
    const trashed = add('Ferry cancelled', ['No ferry.']);
    trashArticle(library.lib, trashed, clock);
    expect(headlinesFor('ferry')).toEqual(['Ferry trial']);
  });

  it('still fills the page with live articles when many trashed ones match better', () => {
    add('Weekly roundup', ['Also: a ferry.']);
    for (let i = 0; i < 5; i += 1) {
      trashArticle(library.lib, add(`Ferry ferry ${i}`, ['ferry ferry ferry']), clock);
    }
    expect(headlinesFor('ferry', 1)).toEqual(['Weekly roundup']);
    expect(headlinesFor('ferry', 2)).toEqual(['Weekly roundup']);
  });

  it('returns at most `limit` hits, best first', () => {
    for (let i = 0; i < 6; i += 1) add(`Ferry story ${i}`, ['ferry']);
    expect(search('ferry', 4).hits).toHaveLength(4);
  });

  it('marks the matched word in the snippet', () => {
    add('Council approves trial', ['After the petition, the night Ferry will run at 22:30 on weekdays.']);
    const [hit] = search('ferry').hits;
    expect(hit?.snippet).toContain(`${HIGHLIGHT_START}Ferry${HIGHLIGHT_END}`);
    const [prefixHit] = search('petit').hits;
    expect(prefixHit?.snippet).toContain(`${HIGHLIGHT_START}petition${HIGHLIGHT_END}`);
  });

  it('takes the snippet from the text where the words are, never from the headline shown above it', () => {
    add('Night ferry trial approved', [
      'The council voted on Monday. After a long debate the night ferry will run at 22:30 on weekdays.',
    ]);
    const [hit] = search('ferry').hits;
    expect(hit?.snippet).toContain(`the night ${HIGHLIGHT_START}ferry${HIGHLIGHT_END} will run`);
    expect(hit?.snippet).not.toContain('trial approved');
    // A word only in the headline: the snippet is the text's opening, without the headline again.
    const [headlineOnly] = search('approved').hits;
    expect(headlineOnly?.snippet).toMatch(/^The council voted on Monday/);
    // A word in the dek and not the text: the dek's words.
    add('Lighthouse reopens', ['The lamp is lit again.'], { dek: 'Keepers return to the rock after repairs' });
    const [dekHit] = search('keepers').hits;
    expect(dekHit?.snippet).toContain(`${HIGHLIGHT_START}Keepers${HIGHLIGHT_END} return to the rock`);
  });

  it('returns the summary fields of each hit', () => {
    const id = add('Ferry trial', ['The ferry runs.'], { section: 'Local', status: 'editing' });
    const [hit] = search('ferry').hits;
    expect(hit).toMatchObject({
      id,
      headline: 'Ferry trial',
      section: 'Local',
      status: 'editing',
      version: 1,
      wordCount: 3,
    });
  });

  describe('a search matching more articles than are ranked', () => {
    // Oldest first: a story with the word in its headline, one that repeats it in the body,
    // then three newer stories that mention it once.
    function addStories(extra: ArticlePatch = {}): void {
      add('Ferry fares rise', ['The harbour board met.'], extra);
      add('Budget', ['The ferry, the ferry and again the ferry.'], extra);
      for (const name of ['Monday', 'Tuesday', 'Wednesday']) add(name, [`${name}: a ferry was late.`], extra);
    }
    const rankingThree = (query: string, filters = {}) =>
      searchArticles(library.lib.db, query, 3, filters, { rankAllUpTo: 3 }).hits.map((hit) => hit.headline);

    it('ranks the newest matches and every headline match, leaving out older passing mentions', () => {
      addStories();
      expect(headlinesFor('ferry', 3).slice(0, 2)).toEqual(['Ferry fares rise', 'Budget']);
      const ranked = rankingThree('ferry');
      expect(ranked[0]).toBe('Ferry fares rise');
      expect(ranked).not.toContain('Budget');
      expect(ranked).toHaveLength(3);
      // A word still being typed is narrowed the same way.
      expect(rankingThree('fer')[0]).toBe('Ferry fares rise');
      expect(rankingThree('fer')).not.toContain('Budget');
    });

    it('ranks every match of a quoted phrase up to a wider bound: an old story that says it most comes first', () => {
      add('Board changes', ['The chief executive said the chief executive would stay, and the chief executive did.']);
      for (const name of ['Monday', 'Tuesday', 'Wednesday', 'Thursday']) {
        add(name, [`${name}: the chief executive spoke to the board about the ferry.`]);
      }
      const headlines = (options: Parameters<typeof searchArticles>[4]) =>
        searchArticles(library.lib.db, '"chief executive"', 3, {}, options).hits.map((hit) => hit.headline);
      const every = headlines({ rankAllUpTo: Number.MAX_SAFE_INTEGER, rankAllPhrasesUpTo: Number.MAX_SAFE_INTEGER });
      expect(every[0]).toBe('Board changes');
      // Five matches: past the bound for words (3), within the one for phrases (10).
      expect(headlines({ rankAllUpTo: 3, rankAllPhrasesUpTo: 10 })).toEqual(every);
    });

    it('keeps to the filters and leaves out trashed articles', () => {
      addStories({ section: 'Local' });
      addStories({ section: 'World' });
      trashArticle(library.lib, add('Ferry ferry ferry', ['ferry'], { section: 'Local' }), clock);
      const ranked = rankingThree('ferry', { section: 'Local' });
      expect(ranked[0]).toBe('Ferry fares rise');
      expect(ranked).toHaveLength(3);
      expect(ranked).not.toContain('Ferry ferry ferry');
      const hits = searchArticles(library.lib.db, 'ferry', 10, { section: 'Local' }, { rankAllUpTo: 3 }).hits;
      expect(hits.every((hit) => hit.section === 'Local')).toBe(true);
      // The word is in its headline alone: the snippet is its text, not the headline again.
      expect(hits[0]?.snippet).toBe('The harbour board met.');
    });
  });

  it('gives a hint instead of hits when the query cannot find anything', () => {
    add('Ferry trial', ['The ferry runs.']);
    expect(search('-ferry')).toEqual({ hits: [], hint: 'Add a word to look for: a minus sign only leaves words out.' });
    expect(search('lighthouse').hits).toEqual([]);
    expect(search('lighthouse').hint).toBe('Try fewer or shorter words.');
    expect(search('')).toEqual({ hits: [], hint: null });
    expect(search('ferry').hint).toBeNull();
  });
});
