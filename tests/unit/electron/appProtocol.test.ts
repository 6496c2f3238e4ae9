import fs from 'node:fs';
import path from 'node:path';

import { afterAll, describe, expect, it, vi } from 'vitest';

import { CONTENT_SECURITY_POLICY } from '../../../shared/contentSecurityPolicy';
import { tempDir } from '../../helpers/tempLibrary';

const privileged: unknown[] = [];
const handlers = new Map<string, (request: Request) => Promise<Response> | Response>();

vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => privileged.push(...schemes),
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => handlers.set(scheme, handler),
  },
}));

const { registerAppScheme, resolveAppFile, serveAppProtocol, APP_INDEX_URL } =
  await import('../../../electron/appProtocol');

const tmp = tempDir();
const root = path.join(tmp.dir, 'renderer', 'main_window');
fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Copydesk</title>');
fs.writeFileSync(path.join(root, 'assets', 'index.js'), 'console.log(1)');
fs.writeFileSync(path.join(tmp.dir, 'renderer', 'secret.txt'), 'SECRET-SIBLING');
fs.mkdirSync(path.join(tmp.dir, 'renderer', 'main_window-private'));
fs.writeFileSync(path.join(tmp.dir, 'renderer', 'main_window-private', 'secret.txt'), 'SECRET-PREFIX');
afterAll(() => tmp.cleanup());

registerAppScheme();
serveAppProtocol(root);

async function get(url: string, method = 'GET'): Promise<{ status: number; text: string; headers: Headers }> {
  const handler = handlers.get('app');
  if (handler === undefined) throw new Error('The app scheme has no handler.');
  const response = await handler(new Request(url, { method }));
  return { status: response.status, text: await response.text(), headers: response.headers };
}

describe('the app scheme', () => {
  it('is registered as a standard, secure scheme, and never bypasses the page’s policy', () => {
    expect(privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves the page and its assets from the renderer folder, with the policy and the right types', async () => {
    const page = await get(APP_INDEX_URL);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>Copydesk</title>');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const root = await get('app://copydesk/');
    expect(root.text).toContain('<title>Copydesk</title>');
    const script = await get('app://copydesk/assets/index.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('never serves a file outside the renderer folder, nor for another host', async () => {
    const attempts = [
      'app://copydesk/../secret.txt',
      'app://copydesk/%2e%2e/secret.txt',
      'app://copydesk/%2e%2e%2fsecret.txt',
      'app://copydesk/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://copydesk/..%2fmain_window-private%2fsecret.txt',
      'app://copydesk/..%5csecret.txt',
      'app://copydesk/index.html%00.js',
      `app://copydesk/${encodeURIComponent(path.join(tmp.dir, 'renderer', 'secret.txt'))}`,
      'app://copydesk/%E0%A4%A',
      'app://other/index.html',
      'app://copydesk.evil/index.html',
      'app://copydesk/missing.js',
    ];
    for (const url of attempts) {
      const reply = await get(url);
      expect(reply.status, url).toBe(404);
      expect(reply.text, url).not.toContain('SECRET');
    }
  });

  it('answers only GET and HEAD', async () => {
    expect((await get(APP_INDEX_URL, 'POST')).status).toBe(405);
    const head = await get(APP_INDEX_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
  });

  it('resolves addresses inside the folder only', () => {
    expect(resolveAppFile(root, 'app://copydesk/assets/index.js')).toBe(path.join(root, 'assets', 'index.js'));
    expect(resolveAppFile(root, 'file:///etc/passwd')).toBeUndefined();
    expect(resolveAppFile(root, 'app://copydesk/%2e%2e')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://copydesk/..%2f..%2fsecret.txt')).toBeUndefined();
  });
});
