// The desktop window's page comes from `app://copydesk/`, never from file://: a file: page
// could read any file on the disk, and every file: page would share one origin with it.
import { protocol } from 'electron';

import { CONTENT_SECURITY_POLICY } from '../shared/contentSecurityPolicy';
import { readStaticFile, staticFilePath } from './base/staticFiles';

export const APP_SCHEME = 'app';
export const APP_HOST = 'copydesk';
/** The address of the app's own page in the desktop window. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Declares the scheme as standard and secure, so the page gets an origin of its own, a secure
 * context and `'self'` in its policy. Must run before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** True for an address on the app's own scheme and host. */
export function isAppProtocolUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** The decoded path of an `app://copydesk/…` address, or undefined for another host or an undecodable path. */
function appPath(url: string): string | undefined {
  if (!isAppProtocolUrl(url)) return undefined;
  try {
    return decodeURIComponent(new URL(url).pathname);
  } catch {
    return undefined;
  }
}

/**
 * The file under `root` that an `app://copydesk/…` address names, or undefined for another
 * host, an undecodable path, or a path that would leave `root` (`..`, encoded slashes, NUL).
 */
export function resolveAppFile(root: string, url: string): string | undefined {
  const pathname = appPath(url);
  return pathname === undefined ? undefined : staticFilePath(root, pathname);
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** Answers one request of the app's scheme from the renderer bundle in `root`. */
export async function answerAppRequest(root: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method not allowed', { status: 405, headers: { Allow: 'GET, HEAD' } });
  }
  const pathname = appPath(request.url);
  const found = pathname === undefined ? undefined : await readStaticFile(root, pathname);
  if (found === undefined) return notFound();
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(found.bytes), {
    status: 200,
    headers: {
      'Content-Type': found.contentType,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** Serves the renderer bundle in `root` on `app://copydesk/`. Call once the app is ready. */
export function serveAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(root, request));
}
