import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { LibraryHost } from '../../electron/services/LibraryHost';
import { revokePerson } from '../../electron/services/people';
import type { WebServer } from '../../electron/web/server';
import { SIGN_IN_MESSAGE, startWebServer } from '../../electron/web/server';
import { EnvelopeSchema } from '../../shared/api';
import { DESK_SESSION_PATH } from '../../shared/desk';
import { bodyFromParagraphs } from '../../shared/text';
import { startDeskLibrary } from '../helpers/desk';
import { tempDir } from '../helpers/tempLibrary';

let temp: ReturnType<typeof tempDir>;
let library: Awaited<ReturnType<typeof startDeskLibrary>>['library'];
let server: WebServer;
const keys: Record<'reporter' | 'checker' | 'editor', string> = { reporter: '', checker: '', editor: '' };

beforeEach(async () => {
  temp = tempDir();
  const staticDir = path.join(temp.dir, 'web');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Copydesk</title>');
  const desk = await startDeskLibrary(temp.file(), temp.dir, {
    'Rita Reporter': 'reporter',
    'Fatima Checker': 'fact-checker',
    'Ed Editor': 'editor',
  });
  library = desk.library;
  keys.reporter = desk.keys['Rita Reporter'] ?? '';
  keys.checker = desk.keys['Fatima Checker'] ?? '';
  keys.editor = desk.keys['Ed Editor'] ?? '';
  server = await startWebServer({
    answer: library.client.call,
    staticDir,
    port: 0,
    desk: { signIn: library.client.signIn, callAs: library.client.callAs },
  });
});

afterEach(async () => {
  await server.close();
  await library.stop();
  temp.cleanup();
});

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: unknown };

/** A request to the desk; over TLS to `port` when given the certificate to trust (`ca`). */
function send(
  method: string,
  route: string,
  options: { cookie?: string; json?: unknown; ca?: Buffer; port?: number; origin?: string } = {},
): Promise<Reply> {
  const payload = options.json === undefined ? undefined : JSON.stringify(options.json);
  return new Promise((resolve, reject) => {
    const req = (options.ca === undefined ? http : https).request(
      {
        host: '127.0.0.1',
        port: options.port ?? server.port,
        method,
        path: route,
        ...(options.ca === undefined ? {} : { ca: options.ca }),
        headers: {
          ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(options.cookie === undefined ? {} : { Cookie: options.cookie }),
          ...(options.origin === undefined ? {} : { Origin: options.origin }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // A page, not JSON.
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Signs in with `key`; the cookie the page then carries. */
async function signIn(key: string): Promise<string> {
  const reply = await send('POST', DESK_SESSION_PATH, { json: { key } });
  expect(reply.status).toBe(200);
  const cookie = reply.headers['set-cookie']?.[0] ?? '';
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Strict/);
  return cookie.split(';')[0] ?? '';
}

async function call(cookie: string, channel: string, args: unknown) {
  const reply = await send('POST', `/api/${channel}`, { cookie, json: args });
  return { status: reply.status, envelope: EnvelopeSchema.parse(reply.body) };
}

async function value<T>(cookie: string, channel: string, args: unknown): Promise<T> {
  const { envelope } = await call(cookie, channel, args);
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value as T;
}

describe('a desk: people signed in with their own keys, in their own roles', () => {
  it('serves its page to anyone, but answers calls only for someone signed in with a key it knows', async () => {
    const page = await send('GET', '/');
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('<title>Copydesk</title>');

    const anonymous = await call('', 'articles:list', {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.envelope).toMatchObject({ ok: false, error: { code: 'unauthorized', message: SIGN_IN_MESSAGE } });

    const wrong = await send('POST', DESK_SESSION_PATH, { json: { key: `${keys.editor.slice(0, -2)}xx` } });
    expect(wrong.status).toBe(401);
    expect(JSON.stringify(wrong.body)).toContain('That key does not open this desk');
    expect(wrong.headers['set-cookie']).toBeUndefined();

    const forged = await call('copydesk-desk-0=cdk_forged', 'articles:list', {});
    expect(forged.status).toBe(401);

    const cookie = await signIn(keys.editor);
    expect((await send('GET', DESK_SESSION_PATH, { cookie })).body).toEqual({
      ok: true,
      value: { name: 'Ed Editor', role: 'editor' },
    });
    expect(await value<{ total: number }>(cookie, 'articles:list', {})).toMatchObject({ total: 0 });

    const out = await send('DELETE', DESK_SESSION_PATH, { cookie });
    expect(out.headers['set-cookie']?.[0]).toMatch(/Max-Age=0/);
  });

  it('signs each change with the name of the person who made it, whatever the server’s own settings say', async () => {
    const cookie = await signIn(keys.checker);
    const preferences = await value<{ preferences: { userName: string } }>(cookie, 'preferences:get', {});
    expect(preferences.preferences.userName).toBe('Fatima Checker');
    const renamed = await call(cookie, 'preferences:update', { userName: 'Someone Else' });
    expect(renamed.status).toBe(403);
    expect(renamed.envelope).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const article = await value<{ id: string }>(cookie, 'articles:create', {
      headline: 'Ferry fares rise',
      body: bodyFromParagraphs(['Fares rose by 12 percent in March.']),
    });
    const claim = await value<{ id: string }>(cookie, 'claims:create', {
      articleId: article.id,
      kind: 'figure',
      text: 'Fares rose by 12 percent in March.',
    });
    await value(cookie, 'claims:setVerdict', { id: claim.id, verdict: 'verified', note: 'Operator tariff sheet.' });
    const history = await value<{ checker: string }[]>(cookie, 'claims:history', { id: claim.id });
    expect(history.map((change) => change.checker)).toEqual(['Fatima Checker']);
  });

  it('keeps each person’s settings their own: one person’s dark theme and pause are not another’s', async () => {
    const checker = await signIn(keys.checker);
    const editor = await signIn(keys.editor);
    type Settings = { preferences: { theme: string; autosaveDelayMs: number; userName: string } };
    await value(checker, 'preferences:update', { theme: 'dark', autosaveDelayMs: 2000 });
    expect((await value<Settings>(checker, 'preferences:get', {})).preferences).toMatchObject({
      theme: 'dark',
      autosaveDelayMs: 2000,
      userName: 'Fatima Checker',
    });
    const others = (await value<Settings>(editor, 'preferences:get', {})).preferences;
    expect(others).toMatchObject({ theme: 'system', userName: 'Ed Editor' });
    expect(others.autosaveDelayMs).not.toBe(2000);
    // Signed in again, the person finds their settings as they left them.
    const again = await signIn(keys.checker);
    expect((await value<Settings>(again, 'preferences:get', {})).preferences.theme).toBe('dark');
  });

  it('refuses, in a sentence, what a role may not do: a reporter’s verdict or export, a fact-checker’s Ready', async () => {
    const reporter = await signIn(keys.reporter);
    const checker = await signIn(keys.checker);
    const editor = await signIn(keys.editor);
    const article = await value<{ id: string; version: number }>(reporter, 'articles:create', {
      headline: 'Council votes on the bridge',
      body: bodyFromParagraphs(['The council voted 7 to 2 for the bridge.']),
    });
    const claim = await value<{ id: string }>(checker, 'claims:create', {
      articleId: article.id,
      kind: 'figure',
      text: 'The council voted 7 to 2 for the bridge.',
    });

    const verdict = await call(reporter, 'claims:setVerdict', { id: claim.id, verdict: 'verified', note: '' });
    expect(verdict.status).toBe(403);
    expect(verdict.envelope).toMatchObject({
      ok: false,
      error: {
        code: 'forbidden',
        message:
          'Rita Reporter is a reporter on this desk, and giving a verdict is for fact-checkers and editors. Ask one of them to do it.',
      },
    });
    const exported = await call(reporter, 'export:run', { articleId: article.id, folder: temp.dir, overrides: [] });
    expect(exported.status).toBe(403);
    expect(JSON.stringify(exported.envelope)).toContain('exporting a story is for editors');

    const ready = await call(checker, 'articles:save', {
      id: article.id,
      version: article.version,
      patch: { status: 'ready' },
    });
    expect(ready.status).toBe(403);
    expect(JSON.stringify(ready.envelope)).toContain(
      'Fatima Checker is a fact-checker on this desk, and moving a story to Ready is for editors',
    );
    // Nothing of the refused call was kept.
    expect(await value<{ status: string; version: number }>(editor, 'articles:get', { id: article.id })).toMatchObject({
      status: 'draft',
      version: article.version,
    });

    const moved = await value<{ status: string; version: number }>(editor, 'articles:save', {
      id: article.id,
      version: article.version,
      patch: { status: 'ready' },
    });
    expect(moved.status).toBe('ready');
    // A fact-checker may still save a story an editor made Ready.
    const saved = await value<{ headline: string }>(checker, 'articles:save', {
      id: article.id,
      version: moved.version,
      patch: { status: 'ready', headline: 'Council backs the bridge, 7 to 2' },
    });
    expect(saved.headline).toBe('Council backs the bridge, 7 to 2');
  });

  it('gives a story to whoever made it; anyone assigns it; its owner and editors hand it on', async () => {
    const reporter = await signIn(keys.reporter);
    const checker = await signIn(keys.checker);
    const editor = await signIn(keys.editor);
    type Story = { id: string; owner: string; assignee: string; assignedStep: string | null; othersSuggest: boolean };
    const story = await value<Story>(reporter, 'articles:create', {
      headline: 'Harbour wall repairs',
      body: bodyFromParagraphs(['The harbour wall is repaired by June.']),
    });
    expect(story.owner).toBe('Rita Reporter');

    // Named in another case, the person is assigned under the name the desk knows them by.
    const assigned = await value<Story>(checker, 'articles:assign', {
      id: story.id,
      assignee: 'ed editor',
      step: 'review',
    });
    expect(assigned).toMatchObject({ assignee: 'Ed Editor', assignedStep: 'review' });
    const mine = await value<{ items: Story[]; total: number }>(editor, 'articles:list', {
      filters: { assignedTo: 'Ed Editor' },
    });
    expect(mine.items.map((item) => item.id)).toEqual([story.id]);

    const refused = await call(checker, 'articles:setOwner', { id: story.id, owner: 'Fatima Checker' });
    expect(refused.status).toBe(403);
    expect(refused.envelope).toMatchObject({
      ok: false,
      error: {
        code: 'forbidden',
        message:
          'Fatima Checker is a fact-checker on this desk, and handing a story to another owner is for its owner, editors and admins. Ask one of them to do it.',
      },
    });
    expect(
      (await value<Story>(reporter, 'articles:setOthersSuggest', { id: story.id, value: true })).othersSuggest,
    ).toBe(true);
    expect((await value<Story>(editor, 'articles:setOwner', { id: story.id, owner: 'Fatima Checker' })).owner).toBe(
      'Fatima Checker',
    );
    // No longer its owner, the reporter may not choose who suggests in it.
    expect((await call(reporter, 'articles:setOthersSuggest', { id: story.id, value: false })).status).toBe(403);

    const history = await value<{ kind: string; by: string; from: string; to: string }[]>(
      reporter,
      'articles:workflowHistory',
      { id: story.id },
    );
    expect(history.map(({ kind, by, from, to }) => [kind, by, from, to])).toEqual([
      ['assignment', 'Fatima Checker', '', 'Ed Editor'],
      ['owner', 'Ed Editor', 'Rita Reporter', 'Fatima Checker'],
    ]);
  });

  it('ends a revoked key at its next call, and refuses switching the desk’s library for everyone', async () => {
    const editor = await signIn(keys.editor);
    const reporter = await signIn(keys.reporter);
    const other = path.join(temp.dir, 'other.sqlite3');
    const switched = await call(editor, 'libraries:create', { path: other });
    expect(switched.status).toBe(403);
    expect(fs.existsSync(other)).toBe(false);

    // `copydesk desk revoke` writes to the library while the desk serves it.
    const host = LibraryHost.open(temp.file());
    revokePerson(host.current, 'rita reporter');
    host.close();
    const after = await call(reporter, 'articles:list', {});
    expect(after.status).toBe(401);
    expect(after.envelope).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const session = await send('GET', DESK_SESSION_PATH, { cookie: reporter });
    expect(session.status).toBe(401);
    expect(session.headers['set-cookie']?.[0]).toMatch(/Max-Age=0/);
    expect((await call(editor, 'articles:list', {})).status).toBe(200);
  });
});

describe('a desk served to other machines', () => {
  const tls = {
    cert: fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'tls', 'cert.pem')),
    key: fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'tls', 'key.pem')),
  };

  it('refuses to listen beyond this computer without TLS, and serves over TLS with a cookie kept to it', async () => {
    const gate = { signIn: library.client.signIn, callAs: library.client.callAs };
    await expect(
      startWebServer({ answer: library.client.call, staticDir: temp.dir, desk: gate, host: '0.0.0.0' }),
    ).rejects.toThrow('A desk listens on 0.0.0.0 only over TLS');

    const secure = await startWebServer({
      answer: library.client.call,
      staticDir: path.join(temp.dir, 'web'),
      desk: gate,
      host: '0.0.0.0',
      tls,
    });
    try {
      expect(secure.url).toMatch(/^https:\/\/0\.0\.0\.0:\d+\/$/);
      const reply = await send('POST', DESK_SESSION_PATH, {
        json: { key: keys.editor },
        ca: tls.cert,
        port: secure.port,
        origin: `https://127.0.0.1:${secure.port}`,
      });
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({ ok: true, value: { name: 'Ed Editor', role: 'editor' } });
      expect(reply.headers['set-cookie']?.[0]).toMatch(/; Secure/);
    } finally {
      await secure.close();
    }
  });
});
