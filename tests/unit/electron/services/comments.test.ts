import { $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { createArticle, saveArticle, trashArticle } from '../../../../electron/services/articles';
import {
  commentPeople,
  listThreads,
  mentionsOf,
  reconcileComments,
  reopenThread,
  reply,
  resolveThread,
  startThread,
} from '../../../../electron/services/comments';
import { addPerson, revokePerson } from '../../../../electron/services/people';
import { restoreRevision, saveVersion } from '../../../../electron/services/revisions';
import { keepStoryUpdate, openStoryDocument, projectStoryDocument } from '../../../../electron/services/storyDocuments';
import { editBodyDocument } from '../../../../shared/body/lexical/bodyDocument';
import type { Body } from '../../../../shared/domain';
import { bodyFromParagraphs } from '../../../../shared/text';
import { apiErrorFrom, dumpDatabase } from '../../../helpers/library';
import { libraryPerTest } from '../../../helpers/libraryPerTest';
import {
  bodyWithBlocks,
  commentNode as comment,
  paragraphNode as paragraph,
  textNode as text,
} from '../../../helpers/lexicalNodes';

const { library, clock } = libraryPerTest();

const THREAD = '0190a1b2-c3d4-7e5f-8a9b-00000000c001';
const SECOND = '0190a1b2-c3d4-7e5f-8a9b-00000000c002';
const THIRD = '0190a1b2-c3d4-7e5f-8a9b-00000000c003';

/** Each person as the desk signs their calls, on the library's manual clock. */
const as = (userName: string) => ({ clock: () => clock(), userName });
const AMNA = as('Amna Riaz');
const RITA = as('Rita Okafor');
const ED = as('Ed Park');

/** A one-paragraph body whose children are given as they would be serialised. */
function bodyOf(...children: object[]): Body {
  const body = bodyFromParagraphs(['']);
  (body.root.children[0] as { children: object[] }).children = children;
  return body;
}

function story(headline = 'Attack toll rises', body = bodyFromParagraphs(['An attack killed over 140 people.'])) {
  return createArticle(library.lib, { headline, body }, AMNA);
}

/** Saves `body` over the article's text, as the editor does, and returns its new version. */
function saver(articleId: string, version = 1) {
  let current = version;
  return (body: Body) => {
    current = saveArticle(library.lib, articleId, current, { body }, AMNA).version;
    return current;
  };
}

function start(articleId: string, threadId: string, words: string, said: string, context = AMNA) {
  return startThread(library.lib, { articleId, threadId, quote: words, text: said }, context);
}

describe('a comment thread', () => {
  it('keeps the first comment, the replies, and each resolve and reopen, signed and in order', () => {
    const article = story();
    const started = start(article.id, THREAD, 'over 140', 'Is it over 140 or 145?');
    expect(started).toMatchObject({
      id: THREAD,
      articleId: article.id,
      quote: 'over 140',
      anchored: true,
      resolved: false,
      author: 'Amna Riaz',
      createdAt: '2026-03-02T09:00:00.000Z',
      updatedAt: '2026-03-02T09:00:00.000Z',
    });

    clock.advance(60_000);
    reply(library.lib, THREAD, 'The statement says 145.', RITA);
    clock.advance(60_000);
    const resolved = resolveThread(library.lib, THREAD, AMNA);
    expect(resolved.resolved).toBe(true);
    clock.advance(60_000);
    const reopened = reopenThread(library.lib, THREAD, ED);
    expect(reopened).toMatchObject({ resolved: false, author: 'Amna Riaz', updatedAt: '2026-03-02T09:03:00.000Z' });
    expect(reopened.entries).toEqual([
      {
        seq: 1,
        kind: 'comment',
        author: 'Amna Riaz',
        text: 'Is it over 140 or 145?',
        mentions: [],
        at: '2026-03-02T09:00:00.000Z',
      },
      {
        seq: 2,
        kind: 'comment',
        author: 'Rita Okafor',
        text: 'The statement says 145.',
        mentions: [],
        at: '2026-03-02T09:01:00.000Z',
      },
      { seq: 3, kind: 'resolved', author: 'Amna Riaz', text: '', mentions: [], at: '2026-03-02T09:02:00.000Z' },
      { seq: 4, kind: 'reopened', author: 'Ed Park', text: '', mentions: [], at: '2026-03-02T09:03:00.000Z' },
    ]);
    expect(listThreads(library.lib, article.id)).toEqual([reopened]);
  });

  it('is refused a second resolve and a reopen while open, changing nothing', () => {
    const article = story();
    start(article.id, THREAD, 'over 140', 'Is it over 140?');
    const open = dumpDatabase(library.lib.db);
    expect(apiErrorFrom(() => reopenThread(library.lib, THREAD, RITA))).toMatchObject({
      code: 'conflict',
      message: 'This comment is open already: reply to it, or resolve it when it is dealt with.',
    });
    expect(dumpDatabase(library.lib.db)).toEqual(open);
    resolveThread(library.lib, THREAD, RITA);
    const resolved = dumpDatabase(library.lib.db);
    expect(apiErrorFrom(() => resolveThread(library.lib, THREAD, AMNA))).toMatchObject({
      code: 'conflict',
      message:
        'This comment is already resolved (by Rita Okafor). Reply to it if there is more to say: a reply reopens it.',
    });
    expect(dumpDatabase(library.lib.db)).toEqual(resolved);
  });

  it('is reopened by a reply once resolved, in the name of the person replying', () => {
    const article = story();
    start(article.id, THREAD, 'over 140', 'Is it over 140?');
    resolveThread(library.lib, THREAD, RITA);
    clock.advance(60_000);
    const replied = reply(library.lib, THREAD, 'It is 145 now: look again, @Rita Okafor.', AMNA);
    expect(replied.resolved).toBe(false);
    expect(replied.entries.slice(1).map((entry) => [entry.kind, entry.author, entry.mentions])).toEqual([
      ['resolved', 'Rita Okafor', []],
      ['reopened', 'Amna Riaz', []],
      ['comment', 'Amna Riaz', ['Rita Okafor']],
    ]);
    expect(mentionsOf(library.lib, RITA).map((mention) => mention.thread.id)).toEqual([THREAD]);
  });

  it('is started once, on a story in the library and out of the trash, by someone with a name', () => {
    const article = story();
    start(article.id, THREAD, 'over 140', 'Is it over 140?');
    expect(apiErrorFrom(() => start(article.id, THREAD, 'attack', 'Which attack?'))).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/^A comment with this id was started already\. Reload the story/) as string,
    });
    expect(apiErrorFrom(() => start(SECOND, THIRD, 'attack', 'Which attack?'))).toMatchObject({
      code: 'not-found',
      message: `No article with id ${SECOND} is in this library. It may have been deleted.`,
    });
    expect(apiErrorFrom(() => start(article.id, SECOND, 'attack', 'Which attack?', as('  ')))).toMatchObject({
      code: 'invalid-request',
      message: 'Set your name in Settings first: every comment says who wrote it.',
    });
    trashArticle(library.lib, article.id);
    expect(apiErrorFrom(() => start(article.id, SECOND, 'attack', 'Which attack?'))).toMatchObject({
      code: 'conflict',
      message: 'This story is in the trash. Restore it before commenting on it.',
    });
    expect(apiErrorFrom(() => reply(library.lib, SECOND, 'Hello?', RITA))).toMatchObject({ code: 'not-found' });
    expect(listThreads(library.lib, article.id).map((thread) => thread.id)).toEqual([THREAD]);
  });

  it('keeps a comment as written, whatever characters it holds', () => {
    const article = story();
    const odd = '\u0000 Zoë’s note: “140” — ✓';
    expect(start(article.id, THREAD, 'over 140', odd).entries[0]?.text).toBe(odd);
  });

  it('takes its words from the saved text when the text holds them already', () => {
    const article = story();
    saver(article.id)(bodyOf(text('An attack '), comment([THREAD], text('killed over 140')), text(' people.')));
    expect(start(article.id, THREAD, 'killed over', 'Over 140?').quote).toBe('killed over 140');
  });
});

describe('comments and the words they are on', () => {
  it('become orphans when their words are deleted, keep the words, and are anchored again by an undo', () => {
    const article = story();
    const save = saver(article.id);
    const commented = bodyOf(text('An attack '), comment([THREAD], text('killed over 140')), text(' people.'));
    save(commented);
    start(article.id, THREAD, 'killed over 140', 'Is it over 140?');

    // Typing inside the words, and bold splitting them, keep the comment on them.
    save(
      bodyOf(
        text('An attack '),
        comment([THREAD], text('killed at least '), { ...text('145'), format: 1 }),
        text(' people.'),
      ),
    );
    expect(listThreads(library.lib, article.id)[0]).toMatchObject({ anchored: true, quote: 'killed at least 145' });

    save(bodyFromParagraphs(['An attack near Moscow.']));
    expect(listThreads(library.lib, article.id)[0]).toMatchObject({ anchored: false, quote: 'killed at least 145' });

    save(commented);
    expect(listThreads(library.lib, article.id)[0]).toMatchObject({ anchored: true, quote: 'killed over 140' });
  });

  it('come back with their words when an older version is restored', () => {
    const article = story();
    const save = saver(article.id);
    save(bodyOf(comment([THREAD], text('An attack')), text(' killed over 140 people.')));
    start(article.id, THREAD, 'An attack', 'Where?');
    const kept = saveVersion(library.lib, article.id, 'Before the subs', clock(), 'Amna Riaz');
    const latest = save(bodyFromParagraphs(['Rewritten entirely.']));
    expect(listThreads(library.lib, article.id)[0]?.anchored).toBe(false);
    restoreRevision(library.lib, article.id, kept.id, latest, AMNA);
    expect(listThreads(library.lib, article.id)[0]).toMatchObject({ anchored: true, quote: 'An attack' });
  });

  it('follow their words in a story edited live on the desk', () => {
    const commented = paragraph(text('Officials said '), comment([THREAD], text('140 died')), text('.'));
    const article = story('Attack toll rises', bodyWithBlocks('First.', commented as never));
    start(article.id, THREAD, '140 died', 'Which officials?');
    const state = openStoryDocument(library.lib, article.id);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    const before = Y.encodeStateVector(doc);
    editBodyDocument(doc, () => $getRoot().getLastChild()?.remove());
    keepStoryUpdate(library.lib, article.id, Y.encodeStateAsUpdate(doc, before));
    expect(projectStoryDocument(library.lib, article.id)).toBe(true);
    expect(listThreads(library.lib, article.id)[0]).toMatchObject({ anchored: false, quote: '140 died' });
  });

  it('are listed in the order their words stand, then those not saved in the text yet, then orphans', () => {
    const article = story();
    const save = saver(article.id);
    start(article.id, THREAD, 'attack', 'Which attack?');
    clock.advance(1000);
    start(article.id, SECOND, 'people', 'How many?');
    clock.advance(1000);
    start(article.id, THIRD, 'Moscow', 'Where exactly?');
    save(bodyOf(comment([SECOND], text('140 people')), text(' died in an '), comment([THREAD], text('attack'))));
    const fourth = '0190a1b2-c3d4-7e5f-8a9b-00000000c004';
    clock.advance(1000);
    start(article.id, fourth, 'died', 'Confirmed?');
    expect(listThreads(library.lib, article.id).map((thread) => [thread.id, thread.anchored])).toEqual([
      [SECOND, true],
      [THREAD, true],
      [fourth, true],
      [THIRD, false],
    ]);
  });

  it('change only what moved: a thread whose words stand as they were is not written', () => {
    const article = story();
    const body = bodyOf(comment([THREAD], text('An attack')), text(' killed people.'));
    saver(article.id)(body);
    start(article.id, THREAD, 'An attack', 'Where?');
    const changes = () => library.lib.db.prepare('SELECT total_changes()').pluck().get() as number;
    const before = changes();
    reconcileComments(library.lib.db, article.id, body, clock().toISOString());
    expect(changes()).toBe(before);
  });
});

describe('mentions', () => {
  it('list the open threads naming a person across stories, newest first, with each story', () => {
    addPerson(library.lib, 'Rita Okafor', 'fact-checker');
    addPerson(library.lib, 'Ed Park', 'editor');
    const attack = story('Attack toll rises');
    const ferry = story('Night ferry trial approved');
    start(attack.id, THREAD, 'over 140', '@Rita Okafor can you check the toll?');
    clock.advance(60_000);
    start(ferry.id, SECOND, 'six months', 'Is it six months, @rita okafor? Ask @Ed Park too.');
    clock.advance(60_000);
    start(ferry.id, THIRD, 'spring', 'Which month, @Ed Park?');

    const rita = mentionsOf(library.lib, RITA);
    expect(rita.map((mention) => [mention.thread.id, mention.headline, mention.slug])).toEqual([
      [SECOND, 'Night ferry trial approved', ferry.slug],
      [THREAD, 'Attack toll rises', attack.slug],
    ]);
    expect(rita[0]?.thread.entries[0]?.mentions).toEqual(['Rita Okafor', 'Ed Park']);
    expect(mentionsOf(library.lib, ED).map((mention) => mention.thread.id)).toEqual([THIRD, SECOND]);
    expect(mentionsOf(library.lib, AMNA)).toEqual([]);
    expect(mentionsOf(library.lib, as(''))).toEqual([]);

    // A reply naming her again brings the thread to the top; resolved, it leaves her list.
    clock.advance(60_000);
    reply(library.lib, THREAD, 'Still waiting, @Rita Okafor.', AMNA);
    expect(mentionsOf(library.lib, RITA).map((mention) => mention.thread.id)).toEqual([THREAD, SECOND]);
    resolveThread(library.lib, SECOND, ED);
    expect(mentionsOf(library.lib, RITA).map((mention) => mention.thread.id)).toEqual([THREAD]);
    reopenThread(library.lib, SECOND, ED);
    expect(mentionsOf(library.lib, RITA).map((mention) => mention.thread.id)).toEqual([THREAD, SECOND]);

    // A story in the trash takes its mentions with it.
    trashArticle(library.lib, attack.id);
    expect(mentionsOf(library.lib, RITA).map((mention) => mention.thread.id)).toEqual([SECOND]);
  });

  it('name people who have commented in the library, not only the desk, and not the writer to themselves', () => {
    const article = story();
    start(article.id, THREAD, 'over 140', 'Checking the toll.', as('Omar Khan'));
    const asked = start(article.id, SECOND, 'attack', '@Omar Khan which attack? @Amna Riaz will know. @Someone Else?');
    expect(asked.entries[0]?.mentions).toEqual(['Omar Khan', 'Amna Riaz']);
    expect(mentionsOf(library.lib, as('omar khan')).map((mention) => mention.thread.id)).toEqual([SECOND]);
    expect(mentionsOf(library.lib, AMNA)).toEqual([]);
  });

  it('offer everyone on the desk and everyone who commented, by name, without the person asking', () => {
    addPerson(library.lib, 'Rita Okafor', 'fact-checker');
    addPerson(library.lib, 'Ed Park', 'editor');
    addPerson(library.lib, 'Old Hand', 'reporter');
    revokePerson(library.lib, 'Old Hand');
    const article = story();
    start(article.id, THREAD, 'over 140', 'Checking.', as('omar khan'));
    start(article.id, SECOND, 'attack', 'Which?', as('rita okafor'));
    expect(commentPeople(library.lib, AMNA)).toEqual(['Ed Park', 'omar khan', 'Rita Okafor']);
    expect(commentPeople(library.lib, RITA)).toEqual(['Ed Park', 'omar khan']);
    expect(commentPeople(library.lib, as(''))).toEqual(['Ed Park', 'omar khan', 'Rita Okafor']);
  });
});
