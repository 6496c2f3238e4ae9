import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { createHandlers } from '../../electron/api/handlers';
import { openPreferences } from '../../electron/preferences/confBackend';
import { LibraryHost } from '../../electron/services/LibraryHost';
import type { WebServer } from '../../electron/web/server';
import { sessionCookieName, startWebServer } from '../../electron/web/server';
import { answerWith } from '../helpers/library';
import { tempDir } from '../helpers/tempLibrary';

const handlers = new Map<string, (request: Request) => Promise<Response>>();
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: () => undefined,
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => handlers.set(scheme, handler),
  },
}));
const { serveAppProtocol } = await import('../../electron/appProtocol');

const TOKEN = 'test-token-0123456789abcdefghijklmnop';

/** A renderer build with a file of every kind a build may hold, names in either case. */
const FILES: Readonly<Record<string, string>> = {
  'index.html': '<!doctype html><title>Copydesk</title>',
  'assets/app.js': 'console.log(1)',
  'assets/pdf.worker.mjs': 'export {}',
  'assets/app.css': 'body{}',
  'assets/app.js.map': '{"version":3}',
  'assets/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  'assets/Photo.JPG': 'jpeg bytes',
  'assets/inter.woff2': 'font bytes',
  'assets/blob.bin': 'other bytes',
};

const tmp = tempDir();
const root = path.join(tmp.dir, 'web');
let host: LibraryHost;
let server: WebServer;

beforeAll(async () => {
  for (const [name, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  fs.writeFileSync(path.join(tmp.dir, 'secret.txt'), 'SECRET-OUTSIDE');
  serveAppProtocol(root);
  host = LibraryHost.open(tmp.file());
  server = await startWebServer({
    answer: answerWith(createHandlers({ host, preferences: openPreferences(path.join(tmp.dir, 'data')) })),
    staticDir: root,
    port: 0,
    token: TOKEN,
  });
});

afterAll(async () => {
  await server.close();
  host.close();
  tmp.cleanup();
});

type Reply = { status: number; type: string | null; text: string };

async function fromDesktop(rawPath: string): Promise<Reply> {
  const handler = handlers.get('app');
  if (handler === undefined) throw new Error('The app scheme has no handler.');
  const response = await handler(new Request(`app://copydesk${rawPath}`));
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

/** The same path as a browser sends it, not normalised on the way. */
function fromBrowser(rawPath: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: rawPath,
        headers: { Cookie: `${sessionCookieName(server.port)}=${TOKEN}` },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: res.headers['content-type'] ?? null,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('the renderer’s files, in the desktop window and in browser mode', () => {
  it('are served alike: the same bytes with the same type, whatever the extension’s case', async () => {
    const types = new Map<string, string | null>();
    for (const [name, text] of Object.entries(FILES)) {
      const desktop = await fromDesktop(`/${name}`);
      const browser = await fromBrowser(`/${name}`);
      expect(desktop, name).toEqual({ status: 200, type: browser.type, text });
      expect(browser, name).toEqual({ status: 200, type: desktop.type, text });
      types.set(name, browser.type);
    }
    // Module workers and pictures named in capitals are typed, not sent as bare bytes.
    expect(types.get('assets/pdf.worker.mjs')).toBe(types.get('assets/app.js'));
    expect(types.get('assets/Photo.JPG')).toBe('image/jpeg');
    expect(types.get('assets/blob.bin')).toBe('application/octet-stream');
    expect((await fromBrowser('/')).text).toBe(FILES['index.html']);
  });

  it('refuse alike anything outside the build, a folder, or a file that is not there', async () => {
    const attempts = [
      '/../secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/index.html%00.js',
      `/${encodeURIComponent(path.join(tmp.dir, 'secret.txt'))}`,
      '/assets',
      '/missing.js',
    ];
    for (const attempt of attempts) {
      const desktop = await fromDesktop(attempt);
      const browser = await fromBrowser(attempt);
      expect([desktop.status, browser.status], attempt).toEqual([404, 404]);
      expect(desktop.text + browser.text, attempt).not.toContain('SECRET');
    }
  });
});
