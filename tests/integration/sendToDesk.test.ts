import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createArticle, getArticle, saveArticle } from '../../electron/services/articles';
import { createClaim } from '../../electron/services/claims';
import { startThread } from '../../electron/services/comments';
import { LibraryHost } from '../../electron/services/LibraryHost';
import { saveVersion } from '../../electron/services/revisions';
import { sendStory, storyBundle } from '../../electron/services/storyTransfer';
import type { WebServer } from '../../electron/web/server';
import { startWebServer } from '../../electron/web/server';
import { ApiError } from '../../shared/errors';
import type { StoryBundle } from '../../shared/storyTransfer';
import { bodyFromParagraphs } from '../../shared/text';
import { startDeskLibrary } from '../helpers/desk';
import { manualClock, openTempLibrary } from '../helpers/library';
import { buildSeedArticle, markClaim } from '../helpers/seedPackage';
import { tempDir } from '../helpers/tempLibrary';

let temp: ReturnType<typeof tempDir>;
let desk: Awaited<ReturnType<typeof startDeskLibrary>>;
let server: WebServer;
let laptop: ReturnType<typeof openTempLibrary>;
let deskFile: string;

beforeEach(async () => {
  temp = tempDir();
  const staticDir = path.join(temp.dir, 'web');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Copydesk</title>');
  deskFile = temp.file();
  desk = await startDeskLibrary(deskFile, temp.dir, {
    'Rita Reporter': 'reporter',
    'Fatima Checker': 'fact-checker',
  });
  server = await startWebServer({
    answer: desk.library.client.call,
    staticDir,
    port: 0,
    desk: { signIn: desk.library.client.signIn, callAs: desk.library.client.callAs },
  });
  laptop = openTempLibrary();
});

afterEach(async () => {
  laptop.close();
  await server.close();
  await desk.library.stop();
  temp.cleanup();
});

const deskAddress = () => `http://127.0.0.1:${server.port}`;

/** The story as the desk's library holds it, read once the desk has stopped. */
async function onTheDesk(articleId: string): Promise<StoryBundle> {
  await server.close();
  await desk.library.stop();
  const host = LibraryHost.open(deskFile);
  try {
    return storyBundle(host.current, articleId);
  } finally {
    host.close();
  }
}

async function refusal(action: Promise<unknown>): Promise<ApiError> {
  const error = await action.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

describe('sending a story from a laptop’s library to a desk', () => {
  it('brings the story whole — pictures, sources and snapshots, claims with evidence and verdicts, comments and versions — signed as they were', async () => {
    const clock = manualClock();
    const { article } = await buildSeedArticle(laptop.lib, clock);
    startThread(
      laptop.lib,
      { articleId: article.id, threadId: randomUUID(), quote: 'Moscow', text: 'Which day was this?' },
      { userName: 'Amna Riaz', clock: () => clock() },
    );
    saveVersion(laptop.lib, article.id, 'Sent to the desk', clock(), 'Amna Riaz');
    const sent = storyBundle(laptop.lib, article.id);
    expect(sent.tables.assets.length).toBe(2);
    expect(sent.tables.source_snapshots.length).toBeGreaterThan(0);
    expect(sent.tables.claim_evidence.length).toBeGreaterThan(0);

    const result = await sendStory(laptop.lib, {
      articleId: article.id,
      desk: `${deskAddress()}/#/library`,
      key: desk.keys['Fatima Checker'] ?? '',
    });
    expect(result).toEqual({
      articleId: article.id,
      headline: article.headline,
      address: `${deskAddress()}/#/article/${article.id}`,
      sources: sent.tables.sources.length,
      claims: sent.tables.claims.length,
      versions: sent.tables.revisions.length,
    });

    // A second send is refused: the story is there already.
    const again = await refusal(
      sendStory(laptop.lib, { articleId: article.id, desk: deskAddress(), key: desk.keys['Fatima Checker'] ?? '' }),
    );
    expect(again.message).toMatch(/^The desk refused the story: “.+” is already here: it was sent before/);

    const arrived = await onTheDesk(article.id);
    // Row for row what the laptop holds, each signed by whoever did it there. A story with no
    // owner is owned by the person who sent it.
    const owner = sent.tables.articles[0]?.owner === '' ? 'Fatima Checker' : sent.tables.articles[0]?.owner;
    expect(arrived.tables).toEqual({
      ...sent.tables,
      articles: sent.tables.articles.map((row) => ({ ...row, owner })),
      // History shows it as it arrived, and who sent it.
      revisions: [
        ...sent.tables.revisions,
        expect.objectContaining({ kind: 'manual', label: 'Sent here by Fatima Checker', created_by: 'Fatima Checker' }),
      ],
    });
    // The laptop keeps its own copy.
    expect(getArticle(laptop.lib, article.id).headline).toBe(article.headline);
  });

  it('refuses a reporter’s story carrying verdicts in a sentence, and takes one without them, owned by her', async () => {
    const clock = manualClock();
    const { article } = await buildSeedArticle(laptop.lib, clock);
    const reporterKey = desk.keys['Rita Reporter'] ?? '';
    const refused = await refusal(
      sendStory(laptop.lib, { articleId: article.id, desk: deskAddress(), key: reporterKey }),
    );
    expect(refused.code).toBe('forbidden');
    expect(refused.message).toBe(
      'The desk refused the story: Rita Reporter is a reporter on this desk, and sending a story whose claims carry verdicts is for fact-checkers and editors. Ask one of them to do it.',
    );

    const draft = createArticle(laptop.lib, {
      headline: 'Council backs the bridge',
      body: bodyFromParagraphs(['The council voted 7 to 2 on Tuesday.']),
    });
    const claim = createClaim(laptop.lib, draft.id, 'figure', 'voted 7 to 2');
    saveArticle(laptop.lib, draft.id, draft.version, { body: markClaim(draft.body, 'voted 7 to 2', claim.id) });
    await sendStory(laptop.lib, { articleId: draft.id, desk: deskAddress(), key: reporterKey });
    const arrived = await onTheDesk(draft.id);
    expect(arrived.tables.articles[0]?.owner).toBe('Rita Reporter');
    expect(arrived.tables.claims.map((row) => [row.text, row.verdict])).toEqual([['voted 7 to 2', 'unchecked']]);
  });

  it('says so when the key is wrong or the desk cannot be reached, and the story stays on the laptop', async () => {
    const draft = createArticle(laptop.lib, { headline: 'Night ferry', body: bodyFromParagraphs(['It sailed.']) });
    const wrongKey = await refusal(
      sendStory(laptop.lib, { articleId: draft.id, desk: deskAddress(), key: 'cdk_not-a-key' }),
    );
    expect(wrongKey.code).toBe('unauthorized');
    expect(wrongKey.message).toMatch(/^The desk refused the story: That key does not open this desk/);

    await server.close();
    const gone = await refusal(
      sendStory(laptop.lib, { articleId: draft.id, desk: deskAddress(), key: desk.keys['Rita Reporter'] ?? '' }),
    );
    expect(gone.message).toMatch(
      new RegExp(
        `^The desk at ${deskAddress().replace(/\./g, '\\.')} could not be reached \\(.*ECONNREFUSED.*\\)\\. Check its address`,
      ),
    );
    expect(getArticle(laptop.lib, draft.id).headline).toBe('Night ferry');
  });
});
