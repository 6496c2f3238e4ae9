import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { createHandlers } from '../../electron/api/handlers';
import { openPreferences } from '../../electron/preferences/confBackend';
import { createArticle } from '../../electron/services/articles';
import { LibraryHost } from '../../electron/services/LibraryHost';
import type { WebServer } from '../../electron/web/server';
import { MAX_REQUEST_BYTES, MISSING_KEY_MESSAGE, sessionCookieName, startWebServer } from '../../electron/web/server';
import { contract, EnvelopeSchema } from '../../shared/api';
import { CONTENT_SECURITY_POLICY } from '../../shared/contentSecurityPolicy';
import { bodyFromParagraphs } from '../../shared/text';
import { answerWith, dumpDatabase } from '../helpers/library';
import { tempDir } from '../helpers/tempLibrary';

const TOKEN = 'test-token-0123456789abcdefghijklmnop';
const INDEX_HTML = '<!doctype html><title>Copydesk</title><script type="module" src="/assets/app.js"></script>';

let tmp: ReturnType<typeof tempDir>;
let host: LibraryHost;
let server: WebServer;

beforeEach(async () => {
  tmp = tempDir();
  const staticDir = path.join(tmp.dir, 'web');
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), INDEX_HTML);
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log("copydesk");');
  // Files next to the served folder that must never be reachable.
  fs.writeFileSync(path.join(tmp.dir, 'secret.txt'), 'SECRET-OUTSIDE');
  fs.mkdirSync(path.join(tmp.dir, 'web-private'));
  fs.writeFileSync(path.join(tmp.dir, 'web-private', 'secret.txt'), 'SECRET-SIBLING');

  host = LibraryHost.open(tmp.file());
  server = await startWebServer({
    answer: answerWith(createHandlers({ host, preferences: openPreferences(path.join(tmp.dir, 'data')) })),
    staticDir,
    port: 0,
    token: TOKEN,
  });
});

afterEach(async () => {
  await server.close();
  host.close();
  tmp.cleanup();
});

type Reply = { status: number; headers: http.IncomingHttpHeaders; text: string };

/** A request with full control over the path and headers (fetch would normalise both). */
function request(options: {
  method?: string;
  path: string;
  headers?: Record<string, string | number>;
  body?: string | Buffer;
  chunked?: boolean;
}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    let replied = false;
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        replied = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    // The server may answer (413) and stop reading before the whole body is sent.
    req.on('error', (error) => {
      if (!replied) reject(error);
    });
    if (options.body !== undefined && options.chunked === true) {
      const body = Buffer.from(options.body);
      const step = 1024 * 1024;
      for (let offset = 0; offset < body.length; offset += step) req.write(body.subarray(offset, offset + step));
      req.end();
    } else {
      req.end(options.body);
    }
  });
}

/** The cookie the page's first visit sets: what the browser sends for the page's own files. */
function sessionCookie(): Record<string, string> {
  return { Cookie: `${sessionCookieName(server.port)}=${TOKEN}` };
}

function api(channel: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return request({
    method: 'POST',
    path: `/api/${encodeURIComponent(channel)}`,
    headers: { 'Content-Type': 'application/json', 'X-Copydesk-Token': TOKEN, ...headers },
    body: text,
  });
}

function envelope(reply: Reply) {
  return EnvelopeSchema.parse(JSON.parse(reply.text));
}

function errorCode(reply: Reply): string | undefined {
  const parsed = envelope(reply);
  return parsed.ok ? undefined : parsed.error.code;
}

/** Runs `action` and checks that nothing in the library changed. */
async function leavesLibraryUnchanged(action: () => Promise<void>): Promise<void> {
  const before = dumpDatabase(host.current.db);
  const changes = host.current.db.prepare('SELECT total_changes()').pluck().get();
  await action();
  expect(host.current.db.prepare('SELECT total_changes()').pluck().get()).toBe(changes);
  expect(dumpDatabase(host.current.db)).toEqual(before);
}

describe('the API over HTTP', () => {
  it('creates an article with a valid call, with fetch as the page does', async () => {
    const response = await fetch(`${server.origin}/api/articles%3Acreate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Copydesk-Token': TOKEN, Origin: server.origin },
      body: JSON.stringify({ headline: 'Night ferry', body: bodyFromParagraphs(['The ferry runs late.']) }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const reply = EnvelopeSchema.parse(await response.json());
    if (!reply.ok) throw new Error(reply.error.message);
    const article = contract['articles:create'].result.parse(reply.value);
    expect(article.headline).toBe('Night ferry');

    const listed = await api('articles:list', {});
    const list = envelope(listed);
    expect(list.ok && contract['articles:list'].result.parse(list.value).items.map((a) => a.id)).toEqual([article.id]);
  });

  it('accepts the page’s own origin and the localhost name', async () => {
    expect((await api('library:info', {}, { Origin: server.origin })).status).toBe(200);
    expect(
      (await api('library:info', {}, { Host: `localhost:${server.port}`, Origin: `http://localhost:${server.port}` }))
        .status,
    ).toBe(200);
  });

  it('refuses a call without the token, or with a wrong one, and changes nothing', async () => {
    await leavesLibraryUnchanged(async () => {
      const missing = await request({
        method: 'POST',
        path: '/api/articles%3Acreate',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ headline: 'Forged' }),
      });
      expect(missing.status).toBe(401);
      expect(errorCode(missing)).toBe('unauthorized');
      for (const token of ['wrong', TOKEN.replace(/.$/, 'X'), `${TOKEN}x`, '']) {
        const wrong = await api('articles:create', { headline: 'Forged' }, { 'X-Copydesk-Token': token });
        expect(wrong.status, token).toBe(401);
      }
    });
  });

  it('refuses a request addressed to another host name (DNS rebinding) with 403, and changes nothing', async () => {
    await leavesLibraryUnchanged(async () => {
      for (const hostHeader of [
        `evil.example:${server.port}`,
        'evil.example',
        `127.0.0.1:${server.port + 1}`,
        `127.0.0.1.evil.example:${server.port}`,
      ]) {
        const reply = await api('articles:create', { headline: 'Rebound' }, { Host: hostHeader });
        expect(reply.status, hostHeader).toBe(403);
        expect(errorCode(reply)).toBe('unauthorized');
      }
      expect((await request({ path: '/', headers: { Host: `evil.example:${server.port}` } })).status).toBe(403);
    });
  });

  it('refuses a call from a foreign page with 403, and changes nothing', async () => {
    await leavesLibraryUnchanged(async () => {
      for (const origin of [
        'http://evil.example',
        `https://127.0.0.1:${server.port}`,
        'null',
        `http://127.0.0.1:${server.port}.evil.example`,
      ]) {
        const reply = await api('articles:create', { headline: 'Cross-site' }, { Origin: origin });
        expect(reply.status, origin).toBe(403);
        expect(errorCode(reply)).toBe('unauthorized');
      }
    });
  });

  it('answers 405 to anything but POST on the API', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const reply = await request({ method, path: '/api/articles%3Alist', headers: { 'X-Copydesk-Token': TOKEN } });
      expect(reply.status, method).toBe(405);
    }
  });

  it('answers 415 to a body that is not declared as JSON, and changes nothing', async () => {
    await leavesLibraryUnchanged(async () => {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        const reply = await api('articles:create', { headline: 'Form post' }, { 'Content-Type': type });
        expect(reply.status, type).toBe(415);
      }
    });
  });

  it('answers 400 to a body that is not valid JSON', async () => {
    for (const body of ['{', '{"headline": }', 'headline=x', '\u0000']) {
      const reply = await api('articles:create', body);
      expect(reply.status, body).toBe(400);
      expect(errorCode(reply)).toBe('invalid-request');
    }
  });

  it('answers 413 to a body over the limit, whether declared or streamed, and keeps serving', async () => {
    await leavesLibraryUnchanged(async () => {
      const oversized = `{"headline":"${'x'.repeat(MAX_REQUEST_BYTES)}"}`;
      const declared = await request({
        method: 'POST',
        path: '/api/articles%3Acreate',
        headers: {
          'Content-Type': 'application/json',
          'X-Copydesk-Token': TOKEN,
          'Content-Length': Buffer.byteLength(oversized),
        },
        body: oversized,
      });
      expect(declared.status).toBe(413);
      const streamed = await request({
        method: 'POST',
        path: '/api/articles%3Acreate',
        headers: { 'Content-Type': 'application/json', 'X-Copydesk-Token': TOKEN },
        body: oversized,
        chunked: true,
      });
      expect(streamed.status).toBe(413);
    });
    expect((await api('articles:create', { headline: 'Still here' })).status).toBe(200);
  });

  it('keeps serving after a client gives up halfway through sending a call', async () => {
    await leavesLibraryUnchanged(async () => {
      await new Promise<void>((resolve) => {
        const socket = net.connect({ host: '127.0.0.1', port: server.port }, () => {
          socket.write(
            [
              'POST /api/articles%3Acreate HTTP/1.1',
              `Host: 127.0.0.1:${server.port}`,
              'Content-Type: application/json',
              `X-Copydesk-Token: ${TOKEN}`,
              'Content-Length: 100000',
              '',
              '{"headline": "Half',
            ].join('\r\n'),
          );
          setTimeout(() => socket.destroy(), 50);
        });
        socket.on('close', () => resolve());
        socket.on('error', () => undefined);
      });
    });
    expect((await api('library:info', {})).status).toBe(200);
  });

  it('answers 400 invalid-request to a malformed payload, and changes nothing', async () => {
    await leavesLibraryUnchanged(async () => {
      for (const payload of [
        null,
        [],
        'text',
        { headline: 'h'.repeat(501) },
        { body: { root: { type: 'paragraph', children: [] } } },
        { wordCount: 1 },
      ]) {
        const reply = await api('articles:create', payload);
        expect(reply.status, JSON.stringify(payload)).toBe(400);
        expect(errorCode(reply)).toBe('invalid-request');
      }
      expect((await api('articles:get', { id: '../../etc/passwd' })).status).toBe(400);
      expect((await api('articles:drop', {})).status).toBe(400);
    });
  });

  it('answers 409 to a save based on an old version, and keeps the newer text', async () => {
    const article = createArticle(host.current, { headline: 'Ferry' });
    expect((await api('articles:save', { id: article.id, version: 1, patch: { headline: 'Newer' } })).status).toBe(200);
    await leavesLibraryUnchanged(async () => {
      const stale = await api('articles:save', { id: article.id, version: 1, patch: { headline: 'Stale' } });
      expect(stale.status).toBe(409);
      expect(errorCode(stale)).toBe('conflict');
    });
  });

  it('answers 404 to an unknown article', async () => {
    const reply = await api('articles:get', { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' });
    expect(reply.status).toBe(404);
    expect(errorCode(reply)).toBe('not-found');
  });
});

describe('the static files', () => {
  it('serves the page and its assets with the Content-Security-Policy and other protective headers', async () => {
    const page = await request({ path: '/', headers: sessionCookie() });
    expect(page.status).toBe(200);
    expect(page.text).toBe(INDEX_HTML);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('DENY');

    const script = await request({ path: '/assets/app.js', headers: sessionCookie() });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);

    const head = await request({ method: 'HEAD', path: '/index.html', headers: sessionCookie() });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
  });

  it('answers 404 to files that do not exist and 405 to other methods', async () => {
    expect((await request({ path: '/missing.js', headers: sessionCookie() })).status).toBe(404);
    expect((await request({ method: 'POST', path: '/index.html', headers: sessionCookie() })).status).toBe(405);
  });

  it('never serves files outside its folder', async () => {
    const attempts = [
      '/../package.json',
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%2fweb-private%2fsecret.txt',
      '/%2e%2e%2fweb-private/secret.txt',
      '/..%5csecret.txt',
      `/${encodeURIComponent(path.join(tmp.dir, 'secret.txt'))}`,
      '//etc/passwd',
    ];
    for (const attempt of attempts) {
      const reply = await request({ path: attempt, headers: sessionCookie() });
      expect(reply.status, attempt).toBe(404);
      expect(reply.text).not.toContain('SECRET');
    }
  });

  it('survives malformed addresses and keeps serving', async () => {
    for (const attempt of ['/%E0%A4%A', '/%', '/%00', '/index.html%00.js', '/api/%E0%A4%A', '/api/%']) {
      const reply = await request({
        method: attempt.startsWith('/api/') ? 'POST' : 'GET',
        path: attempt,
        headers: { 'Content-Type': 'application/json', 'X-Copydesk-Token': TOKEN, ...sessionCookie() },
        body: attempt.startsWith('/api/') ? '{}' : undefined,
      });
      expect([400, 404], attempt).toContain(reply.status);
    }
    // Absolute-form request targets that the URL parser rejects.
    for (const target of ['http://[', 'http://%zz/']) {
      const statusLine = await rawStatusLine(
        `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nCookie: ${sessionCookie().Cookie}\r\nConnection: close\r\n\r\n`,
      );
      expect(statusLine, target).toMatch(/^HTTP\/1\.1 (400|404) /);
    }
    expect((await request({ path: '/', headers: sessionCookie() })).status).toBe(200);
  });
});

describe('the session key on every route', () => {
  const ROUTES = ['/', '/index.html', '/assets/app.js', '/missing.js', '/api/library%3Ainfo', '/api/articles%3Acreate'];

  function call(route: string, headers: Record<string, string>): Promise<Reply> {
    const isApi = route.startsWith('/api/');
    return request({
      method: isApi ? 'POST' : 'GET',
      path: route,
      headers: isApi ? { 'Content-Type': 'application/json', ...headers } : headers,
      body: isApi ? JSON.stringify({ headline: 'Forged' }) : undefined,
    });
  }

  it('refuses every route without the key, or with a wrong one, with 401 and what to do', async () => {
    await leavesLibraryUnchanged(async () => {
      const wrongCookie = { Cookie: `${sessionCookieName(server.port)}=${TOKEN.replace(/.$/, 'X')}` };
      const otherServersCookie = { Cookie: `${sessionCookieName(server.port + 1)}=${TOKEN}` };
      for (const route of ROUTES) {
        const attempts: Record<string, string>[] = [
          {},
          { 'X-Copydesk-Token': 'wrong' },
          wrongCookie,
          otherServersCookie,
        ];
        for (const headers of attempts) {
          const reply = await call(route, headers);
          expect(reply.status, `${route} ${JSON.stringify(headers)}`).toBe(401);
          expect(reply.text).toContain(MISSING_KEY_MESSAGE);
          expect(reply.text).not.toContain('<title>');
          expect(reply.text).not.toContain('console.log');
        }
      }
      for (const token of ['wrong', '', TOKEN.slice(1), `${TOKEN}x`]) {
        const reply = await request({ path: `/?token=${encodeURIComponent(token)}` });
        expect(reply.status, token).toBe(401);
        expect(reply.headers['set-cookie']).toBeUndefined();
      }
    });
  });

  it('lets the printed address in, and its cookie, kept to this origin and no other site, serves reloads', async () => {
    const first = await request({ path: `/?token=${TOKEN}` });
    expect(first.status).toBe(200);
    expect(first.text).toBe(INDEX_HTML);
    const cookie = first.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(new RegExp(`^${sessionCookieName(server.port)}=${TOKEN};`));
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const reload = await request({ path: '/assets/app.js', headers: { Cookie: cookie.split(';')[0] ?? '' } });
    expect(reload.status).toBe(200);
    // The cookie is for the page's files only: the API still wants the key in its header.
    const apiWithCookie = await request({
      method: 'POST',
      path: '/api/library%3Ainfo',
      headers: { 'Content-Type': 'application/json', Cookie: cookie.split(';')[0] ?? '' },
      body: '{}',
    });
    expect(apiWithCookie.status).toBe(401);
  });

  it('refuses another Host (DNS rebinding) or another Origin on every route, even with the key', async () => {
    await leavesLibraryUnchanged(async () => {
      const key = { 'X-Copydesk-Token': TOKEN, ...sessionCookie() };
      for (const route of ROUTES) {
        const rebound = await call(route, { ...key, Host: `evil.example:${server.port}` });
        expect(rebound.status, route).toBe(403);
        expect(rebound.text, route).toContain(`Requests must be addressed to ${server.origin}`);
        const foreign = await call(route, { ...key, Origin: 'http://evil.example' });
        expect(foreign.status, route).toBe(403);
        expect(foreign.text, route).toContain('Requests from http://evil.example are refused');
      }
    });
  });
});

/** Sends bytes as they are and returns the first line of the answer. */
function rawStatusLine(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port: server.port }, () => socket.write(bytes));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
    });
    socket.on('end', () => resolve(received.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
}

describe('the listening socket', () => {
  function connects(address: string): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = net.connect({ host: address, port: server.port, timeout: 2000 });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
    });
  }

  it('binds to 127.0.0.1, never to every interface', async () => {
    const listen = vi.spyOn(net.Server.prototype, 'listen');
    const other = await startWebServer({
      answer: answerWith(createHandlers({ host, preferences: openPreferences(path.join(tmp.dir, 'data')) })),
      staticDir: path.join(tmp.dir, 'web'),
    });
    try {
      expect(listen).toHaveBeenCalledTimes(1);
      expect(listen.mock.calls[0]?.[1]).toBe('127.0.0.1');
    } finally {
      listen.mockRestore();
      await other.close();
    }
    // An address of this machine other than loopback, where there is one, is not answered.
    const external = Object.values(os.networkInterfaces())
      .flat()
      .filter((address) => address !== undefined && !address.internal)
      .map((address) => address?.address ?? '');
    for (const address of external) expect(await connects(address), address).toBe(false);
  });

  it('is on 127.0.0.1 only', async () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.url).toBe(`${server.origin}/?token=${TOKEN}`);
    expect(await connects('127.0.0.1')).toBe(true);
    // Another loopback address and IPv6 would be answered by a server on all interfaces.
    expect(await connects('127.0.0.2')).toBe(false);
    expect(await connects('::1')).toBe(false);
  });
});
