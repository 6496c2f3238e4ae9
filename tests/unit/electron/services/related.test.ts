import fs from 'node:fs';
import path from 'node:path';

import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { importFiles } from '../../../../electron/import/importFiles';
import {
  ANALYSE_IN_SAVE_MAX_WORDS,
  createArticle,
  facets,
  getArticle,
  listArticles,
  restoreArticle,
  saveArticle,
  trashArticle,
} from '../../../../electron/services/articles';
import type { Library } from '../../../../electron/services/LibraryHost';
import {
  articleEntities,
  reasonText,
  reindexPending,
  suggestRelated,
  unindexedCount,
} from '../../../../electron/services/related';
import type { Article } from '../../../../shared/domain';
import { bodyFromParagraphs, bodyToPlainText } from '../../../../shared/text';
import { openTempLibrary } from '../../../helpers/library';
import { withNameFinder } from '../../../helpers/nameFinder';
import { bbcNews } from '../../../helpers/corpora';

withNameFinder();

const BBC = bbcNews();

type Story = { headline: string; paragraphs: string[] };
function story(file: string): Story {
  const [headline = '', ...paragraphs] = fs
    .readFileSync(path.join(BBC, file), 'utf8')
    .split(/\n\s*\n/u)
    .map((part) => part.replace(/\s+/gu, ' ').trim());
  return { headline, paragraphs: paragraphs.filter((part) => part !== '') };
}

/** Politics stories about Michael Howard's Conservatives, and stories of other desks. */
const POLITICS = ['politics/002.txt', 'politics/007.txt', 'politics/009.txt', 'politics/011.txt', 'politics/013.txt'];
const OTHERS = ['sport/097.txt', 'sport/101.txt', 'tech/005.txt', 'tech/011.txt', 'business/001.txt'];

let library: ReturnType<typeof openTempLibrary>;
let lib: Library;
const byFile = new Map<string, Article>();

function add(file: string, extra: { tags?: string[] } = {}): Article {
  const { headline, paragraphs } = story(file);
  const article = createArticle(lib, { headline, body: bodyFromParagraphs(paragraphs), ...extra });
  byFile.set(file, article);
  return article;
}
const idOf = (file: string) => byFile.get(file)?.id ?? '';
const fileOf = (id: string) => [...byFile].find(([, article]) => article.id === id)?.[0];

beforeAll(() => {
  library = openTempLibrary();
  lib = library.lib;
  for (const file of [...POLITICS, ...OTHERS]) add(file, file === 'politics/011.txt' ? { tags: ['election'] } : {});
  add('politics/022.txt', { tags: ['election'] });
});
afterAll(() => library.close());

describe('suggestRelated for a saved article', () => {
  it('suggests stories of the same desk first, each with the reason in words', () => {
    const { related, duplicates } = suggestRelated(lib, { articleId: idOf('politics/013.txt') }, 5);
    expect(duplicates).toEqual([]);
    expect(related).toHaveLength(5);
    for (const item of related) expect(fileOf(item.articleId)).toMatch(/^politics\//u);
    const first = related[0];
    expect(first?.shared.people).toContain('Michael Howard');
    expect(first?.reason).toMatch(/^Shares people: [^;]*Michael Howard/u);
    expect(first?.score).toBeGreaterThan(related[4]?.score ?? 1);
    expect(first?.teaser.length).toBeGreaterThan(20);
    expect(first?.teaser.length).toBeLessThanOrEqual(201);
  });

  it('keeps each article’s people, places and organisations', () => {
    const entities = articleEntities(lib, idOf('politics/011.txt'));
    expect(entities.find((entity) => entity.name === 'Michael Howard')).toMatchObject({ kind: 'person' });
    expect(entities.every((entity) => entity.mentions >= 1)).toBe(true);
  });

  it('lets the library be filtered by a person it names, and lists the names most articles share', () => {
    const named = articleEntities(lib, idOf('politics/011.txt')).find((entity) => entity.name === 'Michael Howard');
    expect(named).toBeDefined();
    const filter = { entity: { kind: 'person' as const, name: 'Michael Howard' } };
    const { items, total } = listArticles(lib, { offset: 0, limit: 50, trashed: false, filters: filter });
    const files = items.map((item) => fileOf(item.id)).sort();
    expect(total).toBe(items.length);
    expect(files.length).toBeGreaterThanOrEqual(2);
    // Every one of them names him, and no story of another desk does.
    for (const item of items) {
      expect(articleEntities(lib, item.id).some((entity) => entity.name === 'Michael Howard')).toBe(true);
    }
    expect(files.every((file) => file?.startsWith('politics/'))).toBe(true);
    const facet = facets(lib, filter).entities.find(
      (entry) => entry.kind === 'person' && entry.name === 'Michael Howard',
    );
    expect(facet?.count).toBe(total);
    // A name no article uses matches nothing, and is still listed as chosen.
    const nobody = { entity: { kind: 'place' as const, name: 'Atlantis' } };
    expect(listArticles(lib, { offset: 0, limit: 50, trashed: false, filters: nobody }).total).toBe(0);
    expect(facets(lib, nobody).entities).toContainEqual({ kind: 'place', name: 'Atlantis', count: 0 });
  });

  it('names the shared tags in the reason', () => {
    const { related } = suggestRelated(lib, { articleId: idOf('politics/011.txt') }, 10);
    const tagged = related.find((item) => item.articleId === idOf('politics/022.txt'));
    expect(tagged?.shared.tags).toEqual(['election']);
    expect(tagged?.reason).toContain('tags: election');
  });

  it('never suggests the article itself, nor one in the trash until it is restored', () => {
    const id = idOf('politics/013.txt');
    const before = suggestRelated(lib, { articleId: id }, 10).related.map((item) => item.articleId);
    expect(before).not.toContain(id);
    const top = before[0] ?? '';
    trashArticle(lib, top);
    expect(suggestRelated(lib, { articleId: id }, 10).related.map((item) => item.articleId)).not.toContain(top);
    restoreArticle(lib, top);
    expect(suggestRelated(lib, { articleId: id }, 10).related.map((item) => item.articleId)).toEqual(before);
  });

  it('refuses an id the library does not have', () => {
    expect(() => suggestRelated(lib, { articleId: uuidv7() }, 5)).toThrow(/No article with id/u);
  });
});

describe('suggestRelated for a draft', () => {
  it('finds the desk’s coverage of the people and subject a draft names, as it is typed', () => {
    const draft = {
      headline: 'Howard sets out Tory asylum plans',
      dek: '',
      text: 'Conservative leader Michael Howard has defended his party’s plans for asylum quotas.\n\nMr Howard said the Tories would take back control of immigration.',
      tags: [],
      section: 'Politics',
    };
    const { related } = suggestRelated(lib, { draft }, 3);
    expect(related.map((item) => fileOf(item.articleId))).toContain('politics/013.txt');
    for (const item of related) expect(fileOf(item.articleId)).toMatch(/^politics\//u);
    expect(related[0]?.shared.people).toContain('Michael Howard');
  });

  it('gives the saved article’s own results for a draft that is the article as saved', () => {
    const article = getArticle(lib, idOf('tech/005.txt'));
    const draft = {
      headline: article.headline,
      dek: article.dek,
      text: article.bodyText,
      tags: article.tags,
      section: article.section,
      excludeId: article.id,
    };
    expect(suggestRelated(lib, { draft }, 5)).toEqual(suggestRelated(lib, { articleId: article.id }, 5));
  });

  it('suggests nothing for an empty draft', () => {
    expect(suggestRelated(lib, { draft: { headline: '', dek: '', text: '', tags: [], section: '' } }, 5)).toEqual({
      related: [],
      duplicates: [],
      unindexed: 0,
    });
  });
});

describe('possible duplicates', () => {
  it('shows a lightly edited copy apart, with its similarity, and never among related articles', () => {
    const original = story('tech/011.txt');
    const copy = createArticle(lib, {
      headline: `${original.headline} (wire)`,
      body: bodyFromParagraphs([...original.paragraphs, 'Additional reporting by Reuters.']),
    });
    const result = suggestRelated(lib, { articleId: idOf('tech/011.txt') }, 10);
    const duplicate = result.duplicates.find((item) => item.articleId === copy.id);
    expect(duplicate?.similarity).toBeGreaterThanOrEqual(0.8);
    expect(duplicate?.headline).toBe(copy.headline);
    expect(result.related.map((item) => item.articleId)).not.toContain(copy.id);

    const fromCopy = suggestRelated(lib, { articleId: copy.id }, 10);
    expect(fromCopy.duplicates.map((item) => item.articleId)).toEqual([idOf('tech/011.txt')]);
    trashArticle(lib, copy.id);
  });
});

describe('the index follows the library', () => {
  it('re-analyses an article when it is saved with new text', () => {
    const id = idOf('politics/009.txt');
    const query = idOf('politics/013.txt');
    expect(suggestRelated(lib, { articleId: query }, 10).related.map((item) => item.articleId)).toContain(id);
    const article = getArticle(lib, id);
    const sport = story('sport/102.txt');
    saveArticle(lib, id, article.version, { headline: sport.headline, body: bodyFromParagraphs(sport.paragraphs) });
    expect(suggestRelated(lib, { articleId: query }, 10).related.map((item) => item.articleId)).not.toContain(id);
    const related = suggestRelated(lib, { articleId: idOf('sport/101.txt') }, 3).related;
    expect(related.map((item) => item.articleId)).toContain(id);
  });

  it('queues imported articles, and suggests them once the queue is worked through', async () => {
    const files = ['sport/103.txt', 'sport/104.txt'].map((file) => path.join(BBC, file));
    const report = await importFiles(lib, files);
    expect(report.imported).toHaveLength(2);
    const [first, second] = report.imported.map((item) => item.id);
    const before = suggestRelated(lib, { articleId: first ?? '' }, 10);
    expect(before.unindexed).toBe(2);
    expect(before.related.map((item) => item.articleId)).not.toContain(second);
    expect(reindexPending(lib)).toEqual({ indexed: 2, remaining: 0 });
    const after = suggestRelated(lib, { articleId: first ?? '' }, 10);
    expect(after.unindexed).toBe(0);
    expect(after.related.map((item) => item.articleId)).toContain(second);
  });

  it('analyses articles written without analysis when reindexed, and says how many wait', () => {
    const { headline, paragraphs } = story('politics/024.txt');
    const id = uuidv7();
    const body = bodyFromParagraphs(paragraphs);
    const now = new Date().toISOString();
    // As an older Copydesk wrote articles: straight into the table.
    lib.db
      .prepare(
        `INSERT INTO articles (id, slug, headline, body_json, body_text, created_at, updated_at)
         VALUES (?, 'older-story', ?, ?, ?, ?, ?)`,
      )
      .run(id, headline, JSON.stringify(body), bodyToPlainText(body), now, now);
    const query = idOf('politics/013.txt');
    const before = suggestRelated(lib, { articleId: query }, 10);
    expect(before.unindexed).toBe(1);
    expect(unindexedCount(lib)).toBe(1);
    expect(before.related.map((item) => item.articleId)).not.toContain(id);

    expect(reindexPending(lib)).toEqual({ indexed: 1, remaining: 0 });
    const after = suggestRelated(lib, { articleId: query }, 10);
    expect(after.unindexed).toBe(0);
    expect(after.related.map((item) => item.articleId)).toContain(id);
  });
});

describe('a very long text', () => {
  it('is analysed after its save, by the queue, rather than inside it', () => {
    // Politics stories over and over: far longer than any story, as a pasted report is.
    const paragraphs = POLITICS.flatMap((file) => story(file).paragraphs);
    const long: string[] = [];
    while (long.join(' ').split(' ').length <= ANALYSE_IN_SAVE_MAX_WORDS) long.push(...paragraphs);
    const created = createArticle(lib, { headline: 'The long read' });
    expect(reindexPending(lib).remaining).toBe(0);
    const saved = saveArticle(lib, created.id, created.version, { body: bodyFromParagraphs(long) });
    expect(saved.wordCount).toBeGreaterThan(ANALYSE_IN_SAVE_MAX_WORDS);
    expect(unindexedCount(lib)).toBe(1);
    expect(articleEntities(lib, created.id)).toEqual([]);

    expect(reindexPending(lib)).toEqual({ indexed: 1, remaining: 0 });
    expect(articleEntities(lib, created.id).map((entity) => entity.name)).toContain('Michael Howard');
  });
});

describe('the background analysis of a running Copydesk', () => {
  it('works through the queue of articles waiting for analysis', async () => {
    const other = openTempLibrary();
    try {
      const { headline, paragraphs } = story('politics/027.txt');
      createArticle(other.lib, { headline, body: bodyFromParagraphs(paragraphs) }, { analyseLater: true });
      expect(unindexedCount(other.lib)).toBe(1);
      other.host.analysis.start(10);
      await vi.waitFor(() => expect(unindexedCount(other.lib)).toBe(0), { timeout: 5000 });
    } finally {
      other.close();
    }
  });
});

describe('reasonText', () => {
  it('lists what is shared by kind, a few of each, key terms last', () => {
    expect(
      reasonText({
        people: ['Tony Blair', 'Gordon Brown', 'Michael Howard', 'Charles Kennedy'],
        places: ['Iraq'],
        organisations: [],
        tags: ['election'],
        terms: ['election', 'labour', 'campaign', 'poll', 'voters', 'manifesto'],
      }),
    ).toBe(
      'Shares people: Tony Blair, Gordon Brown, Michael Howard; places: Iraq; tags: election; key terms: election, labour, campaign, poll, voters',
    );
    expect(reasonText({ people: [], places: [], organisations: [], tags: [], terms: [] })).toBe('');
  });
});
