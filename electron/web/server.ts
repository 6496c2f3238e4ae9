import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Envelope } from '../../shared/api';
import { CONTENT_SECURITY_POLICY } from '../../shared/contentSecurityPolicy';
import type { ApiErrorCode } from '../../shared/errors';
import { answeringRequest } from '../base/requestsFirst';
import { readStaticFile } from '../base/staticFiles';

/** Larger bodies are refused before they are read: room for a 50 MB image in base64, no more. */
export const MAX_REQUEST_BYTES = 72 * 1024 * 1024;

const STATUS_FOR: Record<ApiErrorCode, number> = {
  'invalid-request': 400,
  unauthorized: 401,
  'not-found': 404,
  conflict: 409,
  'library-unavailable': 503,
  'library-too-new': 503,
  'library-damaged': 503,
  internal: 500,
};

export type WebServer = { url: string; origin: string; token: string; port: number; close(): Promise<void> };

export type WebServerOptions = {
  /** Answers a call of the contract (dispatch's envelope), wherever the library runs. */
  answer: (channel: string, args: unknown) => Promise<Envelope<unknown>>;
  /** The built renderer (index.html and assets). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed only in tests; a fresh random token is made for each launch otherwise. */
  token?: string;
};

function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

function sendJson(res: http.ServerResponse, status: number, envelope: Envelope<unknown>): void {
  const body = JSON.stringify(envelope);
  res.writeHead(status, {
    ...securityHeaders(),
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

function refuse(res: http.ServerResponse, code: ApiErrorCode, message: string, status = STATUS_FOR[code]): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

/** What a request without the session key is told, on every route. */
export const MISSING_KEY_MESSAGE =
  'Open the address printed by `copydesk serve` (it carries this session’s key). Requests without the key are refused.';

/** The cookie that carries the session key for the page's own files after the first visit. */
export function sessionCookieName(port: number): string {
  // Cookies are not kept apart by port: two servers on 127.0.0.1 each get their own name.
  return `copydesk-session-${port}`;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The decoded path of a request, or undefined when its address cannot be parsed or decoded. */
function decodedPath(url: string, origin: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url, origin).pathname);
  } catch {
    return undefined;
  }
}

function readBody(req: http.IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_REQUEST_BYTES) {
      resolve('too-large');
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let overflowed = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) overflowed = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(overflowed ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Browser mode: serves the renderer and the handler table on 127.0.0.1 only. Every API call
 * must carry the launch's token; requests naming another Host (DNS rebinding) or coming from
 * another Origin (a web page in the same browser) are refused before anything runs.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let allowedHosts: Set<string> = new Set();
  let origin = '';
  let port = 0;

  /**
   * The page's own files need the key too: from the address (`/?token=…`, the first visit), which
   * then sets a cookie kept to this origin, or from that cookie on later requests and reloads.
   * The cookie is SameSite=Strict, so no other site's page can send it.
   */
  const staticKey = (req: http.IncomingMessage): { ok: boolean; setCookie?: string } => {
    const fromAddress = new URL(req.url ?? '/', origin).searchParams.get('token');
    if (fromAddress !== null) {
      if (!sameSecret(fromAddress, token)) return { ok: false };
      return {
        ok: true,
        setCookie: `${sessionCookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`,
      };
    }
    const fromCookie = cookieValue(req.headers.cookie, sessionCookieName(port));
    return { ok: fromCookie !== undefined && sameSecret(fromCookie, token) };
  };

  const serveStatic = async (req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...securityHeaders(), Allow: 'GET, HEAD' }).end();
      return;
    }
    const key = staticKey(req);
    if (!key.ok) {
      res
        .writeHead(401, { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' })
        .end(MISSING_KEY_MESSAGE);
      return;
    }
    if (key.setCookie !== undefined) res.setHeader('Set-Cookie', key.setCookie);
    const found = await readStaticFile(options.staticDir, pathname);
    if (found === undefined) {
      res.writeHead(404, { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      ...securityHeaders(),
      'Content-Type': found.contentType,
      'Content-Length': found.bytes.length,
    });
    res.end(req.method === 'HEAD' ? undefined : found.bytes);
  };

  const handleApi = async (req: http.IncomingMessage, res: http.ServerResponse, channel: string): Promise<void> => {
    if (req.method !== 'POST') {
      refuse(res, 'invalid-request', 'API calls must use POST.', 405);
      return;
    }
    const given = req.headers['x-copydesk-token'];
    if (typeof given !== 'string' || !sameSecret(given, token)) {
      refuse(res, 'unauthorized', `This request does not carry the session key. ${MISSING_KEY_MESSAGE}`);
      return;
    }
    const contentType = req.headers['content-type'] ?? '';
    if (!contentType.toLowerCase().startsWith('application/json')) {
      refuse(res, 'invalid-request', 'API calls must send JSON (Content-Type: application/json).', 415);
      return;
    }
    const body = await readBody(req);
    if (body === 'too-large') {
      refuse(
        res,
        'invalid-request',
        `The request is larger than ${MAX_REQUEST_BYTES / (1024 * 1024)} MB and was not read.`,
        413,
      );
      return;
    }
    let args: unknown;
    try {
      args = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      refuse(res, 'invalid-request', 'The request body is not valid JSON.');
      return;
    }
    const envelope = await options.answer(channel, args);
    sendJson(res, envelope.ok ? 200 : STATUS_FOR[envelope.error.code], envelope);
  };

  const server = http.createServer((req, res) => {
    const host = req.headers.host ?? '';
    if (!allowedHosts.has(host)) {
      // Another name for this address (a DNS rebinding attack) is refused on every route.
      refuse(res, 'unauthorized', `Requests must be addressed to ${origin}; "${host.slice(0, 100)}" was refused.`, 403);
      return;
    }
    const requestOrigin = req.headers.origin;
    if (requestOrigin !== undefined && !allowedHosts.has(requestOrigin.replace(/^http:\/\//, ''))) {
      refuse(
        res,
        'unauthorized',
        `Requests from ${requestOrigin.slice(0, 100)} are refused: only Copydesk's own page may call it.`,
        403,
      );
      return;
    }
    // A malformed address (bad percent-encoding, an unparsable URL) is refused, never thrown:
    // an exception here would stop the whole server.
    const pathname = decodedPath(req.url ?? '/', origin);
    if (pathname === undefined) {
      refuse(res, 'invalid-request', 'The request address is not valid.');
      return;
    }
    if (pathname.startsWith('/api/')) {
      const channel = pathname.slice('/api/'.length);
      res.once('close', answeringRequest());
      handleApi(req, res, channel).catch((error: unknown) => {
        refuse(res, 'internal', `Copydesk could not answer: ${error instanceof Error ? error.message : String(error)}`);
      });
      return;
    }
    serveStatic(req, res, pathname).catch((error: unknown) => {
      refuse(res, 'internal', `Copydesk could not answer: ${error instanceof Error ? error.message : String(error)}`);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  ({ port } = server.address() as AddressInfo);
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
