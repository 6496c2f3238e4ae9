import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { actingAs } from '../../electron/api/actingPerson';
import { dispatch } from '../../electron/api/dispatch';
import type { Handlers } from '../../electron/api/handlers';
import { createHandlers } from '../../electron/api/handlers';
import { createArticle } from '../../electron/services/articles';
import { createAuthor } from '../../electron/services/authors';
import { startThread } from '../../electron/services/comments';
import { LibraryHost } from '../../electron/services/LibraryHost';
import type { ArgsOf, Channel, Envelope, ResultOf } from '../../shared/api';
import { contract } from '../../shared/api';
import type { Body } from '../../shared/domain';
import { bodyFromParagraphs } from '../../shared/text';
import { runCopydesk } from '../helpers/cli';
import { startDeskLibrary } from '../helpers/desk';
import { commentNode as comment, markNode as mark, textNode as text } from '../helpers/lexicalNodes';
import { dumpDatabase, openTempLibrary } from '../helpers/library';
import { tempDir } from '../helpers/tempLibrary';

/** A one-paragraph body whose children are given as they would be serialised. */
function bodyOf(...children: object[]): Body {
  const body = bodyFromParagraphs(['']);
  (body.root.children[0] as { children: object[] }).children = children;
  return body;
}

/** The value of a call, checked against the contract as it crosses IPC or HTTP; fails the test otherwise. */
function valueOf<C extends Channel>(channel: C, envelope: Envelope<unknown>): ResultOf<C> {
  if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error.code}: ${envelope.error.message}`);
  return contract[channel].result.parse(JSON.parse(JSON.stringify(envelope.value))) as ResultOf<C>;
}

describe('comments on a desk', () => {
  let temp: ReturnType<typeof tempDir>;
  let desk: Awaited<ReturnType<typeof startDeskLibrary>>;
  beforeEach(async () => {
    temp = tempDir();
    desk = await startDeskLibrary(temp.file(), temp.dir, {
      'Rita Reporter': 'reporter',
      'Fatima Checker': 'fact-checker',
      'Ed Editor': 'editor',
      'Ada Admin': 'admin',
    });
  });
  afterEach(async () => {
    await desk.library.stop();
    temp.cleanup();
  });

  /** A call made with the person's key, as their browser makes it. */
  const as =
    (name: string) =>
    async <C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> =>
      valueOf(channel, await desk.library.client.callAs(desk.keys[name] ?? '', channel, args));
  const rita = as('Rita Reporter');
  const fatima = as('Fatima Checker');
  const ed = as('Ed Editor');
  const ada = as('Ada Admin');

  it('are for everyone: each role starts, replies, resolves and reopens, signed with their name', async () => {
    const story = await rita('articles:create', {
      headline: 'Night ferry trial approved',
      body: bodyFromParagraphs(['The trial runs for six months.']),
    });
    const threadId = randomUUID();
    await rita('comments:start', { articleId: story.id, threadId, quote: 'six months', text: 'Six or nine?' });
    await fatima('comments:reply', { threadId, text: 'Six, says the council.' });
    await ed('comments:resolve', { threadId });
    const thread = await ada('comments:reopen', { threadId });
    expect(thread.entries.map((entry) => [entry.kind, entry.author, entry.text])).toEqual([
      ['comment', 'Rita Reporter', 'Six or nine?'],
      ['comment', 'Fatima Checker', 'Six, says the council.'],
      ['resolved', 'Ed Editor', ''],
      ['reopened', 'Ada Admin', ''],
    ]);
    expect(thread).toMatchObject({ author: 'Rita Reporter', resolved: false });
    expect(await ed('comments:list', { articleId: story.id })).toEqual([thread]);
  });

  it('tell a person where they were named, across stories, until each thread is resolved', async () => {
    const ferry = await rita('articles:create', { headline: 'Night ferry trial approved' });
    const toll = await rita('articles:create', { headline: 'Attack toll rises' });
    const onFerry = randomUUID();
    const onToll = randomUUID();
    const forEd = randomUUID();
    await rita('comments:start', {
      articleId: ferry.id,
      threadId: onFerry,
      quote: 'six months',
      text: '@Fatima Checker is it six months?',
    });
    await ed('comments:start', {
      articleId: toll.id,
      threadId: onToll,
      quote: 'over 140',
      text: 'Can you check the toll, @fatima checker?',
    });
    await fatima('comments:start', { articleId: toll.id, threadId: forEd, quote: 'Moscow', text: '@Ed Editor: ok?' });

    const mentions = await fatima('comments:mentions', {});
    expect(mentions.map((mention) => [mention.headline, mention.slug, mention.thread.id])).toEqual([
      ['Attack toll rises', toll.slug, onToll],
      ['Night ferry trial approved', ferry.slug, onFerry],
    ]);
    expect(mentions[0]?.thread.entries[0]?.mentions).toEqual(['Fatima Checker']);
    expect((await ed('comments:mentions', {})).map((mention) => mention.thread.id)).toEqual([forEd]);
    expect(await rita('comments:mentions', {})).toEqual([]);
    expect(await ada('comments:mentions', {})).toEqual([]);

    await fatima('comments:resolve', { threadId: onToll });
    expect((await fatima('comments:mentions', {})).map((mention) => mention.thread.id)).toEqual([onFerry]);
    expect(await rita('comments:people', {})).toEqual(['Ada Admin', 'Ed Editor', 'Fatima Checker']);
  });
});

describe('comments in the library', () => {
  let library: ReturnType<typeof openTempLibrary>;
  let handlers: Handlers;
  beforeEach(() => {
    library = openTempLibrary();
    handlers = createHandlers(library.context);
  });
  afterEach(() => library.close());

  const call = async <C extends Channel>(channel: C, args: ArgsOf<C>, who = 'Amna Riaz'): Promise<ResultOf<C>> =>
    valueOf(channel, await actingAs(who, () => dispatch(handlers, channel, args)));

  /** A signed story with a claim whose words someone commented on, and a comment elsewhere. */
  async function commentedStory() {
    const author = createAuthor(library.lib, 'Amna Riaz', '');
    const story = await call('articles:create', {
      headline: 'Attack toll rises',
      dateline: 'MOSCOW',
      authorIds: [author.id],
      body: bodyFromParagraphs(['x']),
    });
    const claim = await call('claims:create', { articleId: story.id, kind: 'figure', text: 'killed over 140 people' });
    const onClaim = randomUUID();
    const elsewhere = randomUUID();
    await call('articles:save', {
      id: story.id,
      version: story.version,
      patch: {
        body: bodyOf(
          comment([elsewhere], text('An attack ')),
          mark([claim.id], text('killed '), comment([onClaim], text('over 140')), text(' people')),
          text(', officials said.'),
        ),
      },
    });
    await call(
      'comments:start',
      { articleId: story.id, threadId: onClaim, quote: 'over 140', text: 'The statement says 145.' },
      'Rita Okafor',
    );
    await call('comments:start', { articleId: story.id, threadId: elsewhere, quote: 'An attack', text: 'Where?' });
    return { story, claim, onClaim, elsewhere };
  }

  it('are refused with a sentence a person can act on when the payload is wrong, changing nothing', async () => {
    const { story } = await commentedStory();
    const before = dumpDatabase(library.lib.db);
    const refusal = async (channel: Channel, args: unknown) => {
      const envelope = await actingAs('Amna Riaz', () => dispatch(handlers, channel, args));
      if (envelope.ok) throw new Error(`${channel} should have been refused`);
      expect(envelope.error.code).toBe('invalid-request');
      return envelope.error.message;
    };
    const start = { articleId: story.id, threadId: randomUUID(), quote: 'An attack' };
    expect(await refusal('comments:start', { ...start, text: '  ' })).toBe('The words: Write the comment first.');
    expect(await refusal('comments:start', { ...start, text: 'x'.repeat(5001) })).toBe(
      'The words: A comment is at most 5,000 characters: say the rest in a reply.',
    );
    expect(await refusal('comments:start', { ...start, threadId: 'comment-1', text: 'Where?' })).toBe(
      'Not a valid comment thread id.',
    );
    expect(await refusal('comments:reply', { threadId: '0190a1b2', text: 'Where?' })).toBe(
      'Not a valid comment thread id.',
    );
    expect(await refusal('comments:reply', { threadId: start.threadId, text: '' })).toBe(
      'The words: Write the comment first.',
    );
    expect(dumpDatabase(library.lib.db)).toEqual(before);
  });

  it('warn in the checklist while any is open, and not once all are resolved', async () => {
    const { story, onClaim, elsewhere } = await commentedStory();
    const warnings = async () =>
      (await call('export:check', { articleId: story.id })).items.filter((item) => item.id === 'comments');
    expect(await warnings()).toEqual([
      {
        id: 'comments',
        level: 'warning',
        where: 'Body, comments',
        message:
          '2 comments are still open. Resolve them in the Comments panel, or export with them open: comments are not exported.',
      },
    ]);
    await call('comments:resolve', { threadId: onClaim });
    expect((await warnings())[0]?.message).toMatch(/^1 comment is still open\. Resolve it /);
    await call('comments:resolve', { threadId: elsewhere });
    expect(await warnings()).toEqual([]);
  });

  it('are listed under the claim they are on in the fact-check report', async () => {
    const { story } = await commentedStory();
    const { html } = await call('claims:report', { articleId: story.id });
    const claim = html.slice(html.indexOf('<article class="claim"'), html.indexOf('</article>'));
    expect(claim).toContain('<h4>Comments</h4>');
    expect(claim).toContain('On “over 140” · <span class="comment-state">Open</span>');
    expect(claim).toContain('Rita Okafor, <time');
    expect(claim).toContain('<p class="comment-text">The statement says 145.</p>');
    expect(html).not.toContain('Where?');
  });

  it('never leave Copydesk: an exported package holds the words, not the comments', async () => {
    const { story, onClaim, elsewhere } = await commentedStory();
    const result = await call('export:run', {
      articleId: story.id,
      folder: path.join(library.dir, 'Exports'),
      zip: false,
    });
    const files = fs.readdirSync(result.path, { recursive: true, encoding: 'utf8' });
    const texts = files
      .filter((file) => fs.statSync(path.join(result.path, file)).isFile())
      .map((file) => [file, fs.readFileSync(path.join(result.path, file), 'utf8')] as const);
    expect(texts.map(([file]) => file)).toContain('article.html');
    for (const [file, content] of texts) {
      for (const trace of [onClaim, elsewhere, 'The statement says 145.', 'Where?', 'Rita Okafor']) {
        expect(content, file).not.toContain(trace);
      }
      expect(content, file).not.toMatch(/"type":\s*"comment"|text-comment|data-comment-threads/);
    }
    const article = texts.find(([file]) => file === 'article.html')?.[1] ?? '';
    expect(article).toContain('An attack killed over 140 people, officials said.');
  });
});

describe('copydesk check', () => {
  it('shows the open comments among the warnings', () => {
    const tmp = tempDir('copydesk-comments-cli-');
    try {
      const file = tmp.file('desk.sqlite3');
      const host = LibraryHost.open(file);
      let articleId = '';
      try {
        const author = createAuthor(host.current, 'Amna Riaz', '');
        const article = createArticle(host.current, {
          headline: 'Night ferry trial approved',
          dateline: 'PORT ELLIS',
          authorIds: [author.id],
          body: bodyFromParagraphs(['The council approved the trial.']),
        });
        articleId = article.id;
        startThread(
          host.current,
          { articleId, threadId: randomUUID(), quote: 'the trial', text: 'Which trial?' },
          { userName: 'Amna Riaz' },
        );
      } finally {
        host.close();
      }
      const run = runCopydesk(['check', articleId, '--library', file], {
        COPYDESK_LIBRARY: tmp.file('default-must-not-exist.sqlite3'),
        COPYDESK_DATA_DIR: tmp.file('data'),
      });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Ready to export, with 1 warning\./);
      expect(run.stdout).toContain('  Body, comments\n    1 comment is still open. Resolve it in the Comments panel,');
    } finally {
      tmp.cleanup();
    }
  });
});
