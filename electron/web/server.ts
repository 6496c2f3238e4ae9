import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

import type { Envelope } from '../../shared/api';
import { CONTENT_SECURITY_POLICY } from '../../shared/contentSecurityPolicy';
import type { ApiErrorCode } from '../../shared/errors';
import type { DeskPresence } from '../../shared/desk';
import { DESK_LIVE_PATH, DESK_PRESENCE_PATH, DESK_SESSION_PATH, DeskSignInSchema } from '../../shared/desk';
import { readStaticFile } from '../base/staticFiles';

/** Larger bodies are refused before they are read: room for a 50 MB image in base64, no more. */
export const MAX_REQUEST_BYTES = 72 * 1024 * 1024;

const STATUS_FOR: Record<ApiErrorCode, number> = {
  'invalid-request': 400,
  unauthorized: 401,
  forbidden: 403,
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
  /**
   * A desk: people sign in with their personal keys instead of the launch's token, and each
   * call is made in the name and role of the person whose key it carries.
   */
  desk?: DeskGate;
  /** The address to listen on: 127.0.0.1 unless a desk is served to other machines, over TLS. */
  host?: string;
  /** The certificate and key for HTTPS; required for any address but the loopback one. */
  tls?: { cert: Buffer; key: Buffer };
};

/** How a desk's server asks its library who a key belongs to, and makes a call with it. */
export type DeskGate = {
  signIn(key: string): Promise<Envelope<unknown>>;
  callAs(key: string, channel: string, args: unknown): Promise<Envelope<unknown>>;
  /** The stories edited live: takes the WebSockets opened on LIVE_PATH by a signed-in page. */
  live?: {
    upgrade(request: http.IncomingMessage, socket: Duplex, head: Buffer, key: string): void;
    /** Who is in which story now. */
    presence(): DeskPresence;
  };
};

/** The addresses a server may listen on without TLS: this computer only. */
export function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** Why a desk cannot listen on `host` as asked, or null when it can. */
export function listenProblem(host: string, tls: boolean): string | null {
  if (isLoopback(host) || tls) return null;
  return `A desk listens on ${host} only over TLS, so that people's keys and stories cannot be read on the network: give --tls-cert and --tls-key (a certificate and its private key, PEM files), or leave out --host to serve this computer only.`;
}

/** What a page on a desk is told before anyone has signed in. */
export const SIGN_IN_MESSAGE = 'Sign in to the desk with your personal key.';

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

/** The key a request carries as `Authorization: Bearer <key>`, if any. */
function bearerKey(req: http.IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
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

  const desk = options.desk;
  const secure = options.tls !== undefined;
  const deskCookie = () => `copydesk-desk-${port}`;
  const deskKey = (req: http.IncomingMessage) => cookieValue(req.headers.cookie, deskCookie());
  const setDeskKey = (res: http.ServerResponse, key: string | null) =>
    res.setHeader(
      'Set-Cookie',
      `${deskCookie()}=${key ?? ''}; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}${key === null ? '; Max-Age=0' : ''}`,
    );

  /**
   * Signing in to a desk: POST the personal key, and it is kept in a cookie the page's scripts
   * cannot read (HttpOnly), sent only by this origin's own pages (SameSite=Strict); GET says
   * who is signed in; DELETE signs out. The key is checked again on every call.
   */
  const handleDeskSession = async (gate: DeskGate, req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.method === 'DELETE') {
      setDeskKey(res, null);
      sendJson(res, 200, { ok: true, value: null });
      return;
    }
    let key: string | undefined;
    if (req.method === 'POST') {
      const body = await readBody(req);
      let parsed: unknown;
      try {
        parsed = body === 'too-large' ? null : JSON.parse(body.toString('utf8'));
      } catch {
        parsed = null;
      }
      const signIn = DeskSignInSchema.safeParse(parsed);
      if (!signIn.success) {
        refuse(res, 'invalid-request', 'A sign-in sends the personal key as JSON: {"key": "cdk_…"}.');
        return;
      }
      key = signIn.data.key.trim();
    } else if (req.method === 'GET') {
      key = deskKey(req);
    } else {
      refuse(res, 'invalid-request', 'Sign in with POST, see who is signed in with GET, sign out with DELETE.', 405);
      return;
    }
    if (key === undefined || key === '') {
      refuse(res, 'unauthorized', SIGN_IN_MESSAGE);
      return;
    }
    const envelope = await gate.signIn(key);
    if (!envelope.ok) {
      if (req.method === 'GET') setDeskKey(res, null);
      sendJson(res, STATUS_FOR[envelope.error.code], envelope);
      return;
    }
    const person = envelope.value as { name: string; role: string };
    if (req.method === 'POST') setDeskKey(res, key);
    sendJson(res, 200, { ok: true, value: { name: person.name, role: person.role } });
  };

  /** What a request that failed unforeseen is answered, instead of the server stopping. */
  const couldNotAnswer = (res: http.ServerResponse) => (error: unknown) => {
    refuse(res, 'internal', `Copydesk could not answer: ${error instanceof Error ? error.message : String(error)}`);
  };

  /** Who is in which story now, for someone signed in (the library list shows it). */
  const handleDeskPresence = async (gate: DeskGate, req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.method !== 'GET') {
      refuse(res, 'invalid-request', 'Ask who is in which story with GET.', 405);
      return;
    }
    const key = deskKey(req);
    if (key === undefined || key === '') {
      refuse(res, 'unauthorized', SIGN_IN_MESSAGE);
      return;
    }
    const envelope = await gate.signIn(key);
    if (!envelope.ok) {
      sendJson(res, STATUS_FOR[envelope.error.code], envelope);
      return;
    }
    sendJson(res, 200, { ok: true, value: gate.live?.presence() ?? [] });
  };

  const serveStatic = async (req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...securityHeaders(), Allow: 'GET, HEAD' }).end();
      return;
    }
    // A desk's page is no secret: it asks for a personal key before it shows anything.
    const key = desk === undefined ? staticKey(req) : { ok: true };
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
    // A person's page carries the key in its cookie; another library sending a story to the
    // desk (stories:send) carries it as a bearer token. Neither is readable by another site.
    const deskPersonKey = desk === undefined ? undefined : (deskKey(req) ?? bearerKey(req));
    if (desk !== undefined) {
      if (deskPersonKey === undefined || deskPersonKey === '') {
        refuse(res, 'unauthorized', SIGN_IN_MESSAGE);
        return;
      }
    } else {
      const given = req.headers['x-copydesk-token'];
      if (typeof given !== 'string' || !sameSecret(given, token)) {
        refuse(res, 'unauthorized', `This request does not carry the session key. ${MISSING_KEY_MESSAGE}`);
        return;
      }
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
    const envelope =
      desk === undefined || deskPersonKey === undefined
        ? await options.answer(channel, args)
        : await desk.callAs(deskPersonKey, channel, args);
    sendJson(res, envelope.ok ? 200 : STATUS_FOR[envelope.error.code], envelope);
  };

  const listenOn = options.host ?? '127.0.0.1';
  const problem =
    desk === undefined
      ? isLoopback(listenOn)
        ? null
        : 'Browser mode serves this computer only.'
      : listenProblem(listenOn, secure);
  if (problem !== null) throw new Error(problem);
  // Served over TLS to other machines, any name the certificate answers for will do: a page
  // reached under another name fails the certificate check before it can call anything.
  const anyHost = secure && !isLoopback(listenOn);

  /** A WebSocket to the live stories: from this desk's own page, by someone signed in. */
  const onUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const host = req.headers.host ?? '';
    const key = desk === undefined ? undefined : deskKey(req);
    const live = desk?.live;
    const scheme = secure ? 'https://' : 'http://';
    const origin = req.headers.origin ?? '';
    const ownPage =
      origin.startsWith(scheme) &&
      (anyHost
        ? origin === `${scheme}${host}`
        : allowedHosts.has(host) && allowedHosts.has(origin.slice(scheme.length)));
    if (
      live === undefined ||
      key === undefined ||
      key === '' ||
      !ownPage ||
      decodedPath(req.url ?? '/', 'http://x') !== DESK_LIVE_PATH
    ) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    live.upgrade(req, socket, head, key);
  };

  const onRequest: http.RequestListener = (req, res) => {
    const host = req.headers.host ?? '';
    if (!anyHost && !allowedHosts.has(host)) {
      // Another name for this address (a DNS rebinding attack) is refused on every route.
      refuse(res, 'unauthorized', `Requests must be addressed to ${origin}; "${host.slice(0, 100)}" was refused.`, 403);
      return;
    }
    const requestOrigin = req.headers.origin;
    // The page's own origin: this server's scheme, and the name it was reached by.
    const scheme = secure ? 'https://' : 'http://';
    const ownOrigin =
      requestOrigin?.startsWith(scheme) === true &&
      (anyHost ? requestOrigin === `${scheme}${host}` : allowedHosts.has(requestOrigin.slice(scheme.length)));
    if (requestOrigin !== undefined && !ownOrigin) {
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
    if (desk !== undefined && pathname === DESK_SESSION_PATH) {
      handleDeskSession(desk, req, res).catch(couldNotAnswer(res));
      return;
    }
    if (desk !== undefined && pathname === DESK_PRESENCE_PATH) {
      handleDeskPresence(desk, req, res).catch(couldNotAnswer(res));
      return;
    }
    if (pathname.startsWith('/api/')) {
      const channel = pathname.slice('/api/'.length);
      handleApi(req, res, channel).catch(couldNotAnswer(res));
      return;
    }
    serveStatic(req, res, pathname).catch(couldNotAnswer(res));
  };
  const server =
    options.tls === undefined
      ? http.createServer(onRequest)
      : https.createServer({ cert: options.tls.cert, key: options.tls.key }, onRequest);
  server.on('upgrade', onUpgrade);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, listenOn, () => {
      server.off('error', reject);
      resolve();
    });
  });
  ({ port } = server.address() as AddressInfo);
  const shownHost = listenOn.includes(':') ? `[${listenOn}]` : listenOn;
  origin = `${secure ? 'https' : 'http'}://${shownHost}:${port}`;
  allowedHosts = new Set([`${shownHost}:${port}`, `127.0.0.1:${port}`, `localhost:${port}`]);

  return {
    url: desk === undefined ? `${origin}/?token=${token}` : `${origin}/`,
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
