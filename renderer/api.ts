/**
 * The renderer's only door to the services. In the desktop app the preload's bridge carries
 * each call over IPC; in browser mode it goes over HTTP to `copydesk serve` with the launch's
 * token. Nothing else in the renderer knows which of the two is in use.
 */
import './zodConfig';

import {
  contract,
  EnvelopeSchema,
  type ArgsOf,
  type Channel,
  type CopydeskApi,
  type CopydeskBridge,
  type Envelope,
  type ResultOf,
} from '../shared/api';
import {
  DESK_PRESENCE_PATH,
  DESK_SESSION_PATH,
  DeskPresenceSchema,
  DeskSignedInSchema,
  type DeskPresence,
  type DeskSignedIn,
} from '../shared/desk';
import { ApiError, describeIssues } from '../shared/errors';
import { ImportJobIdSchema, type ImportJobId } from '../shared/imports';

export { errorMessage } from '../shared/errors';

/** Where browser mode keeps the session key once it has been taken out of the address bar. */
export const TOKEN_STORAGE_KEY = 'copydesk.token';

export const MISSING_TOKEN_MESSAGE = 'Open the address printed by `copydesk serve` (it carries this session’s key).';

const UNREACHABLE_MESSAGE = 'Copydesk is not reachable: is `copydesk serve` still running?';

function desktopBridge(): CopydeskBridge | undefined {
  return window.copydesk;
}

function readStoredToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    // Storage can be disabled by the browser's privacy settings; the key then lives only in memory.
    return null;
  }
}

let sessionToken: string | null = null;

/**
 * Takes the session key from the page address (browser mode), keeps it for reloads of this tab
 * and removes it from the address bar so it does not end up in history or screenshots.
 * Call once, before the first request.
 */
export function initTransport(): void {
  if (desktopBridge() !== undefined) return;
  const url = new URL(window.location.href);
  const fromAddress = url.searchParams.get('token');
  if (fromAddress !== null && fromAddress !== '') {
    sessionToken = fromAddress;
    try {
      sessionStorage.setItem(TOKEN_STORAGE_KEY, fromAddress);
    } catch {
      // See readStoredToken: the in-memory copy is enough for this page's life.
    }
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  } else {
    sessionToken = readStoredToken();
  }
}

/**
 * How this window reaches its library: the desktop app's bridge, browser mode with the launch's
 * key, or neither key nor bridge — a desk, where a person signs in (see DeskGate), or a browser
 * mode page that lost its key.
 */
export function transportKind(): 'desktop' | 'browser' | 'keyless' {
  if (desktopBridge() !== undefined) return 'desktop';
  return sessionToken === null ? 'keyless' : 'browser';
}

/** Who is signed in to the desk this page comes from; 'signed-out'; or 'not-a-desk'. */
export type DeskAnswer = DeskSignedIn | 'signed-out' | 'not-a-desk';

const deskSignedOutListeners = new Set<(message: string) => void>();

/** Calls `listener` when the desk stops taking this window's key (revoked, or signed out elsewhere). */
export function onDeskSignedOut(listener: (message: string) => void): () => void {
  deskSignedOutListeners.add(listener);
  return () => deskSignedOutListeners.delete(listener);
}

async function deskRequest(method: 'GET' | 'POST' | 'DELETE', body?: unknown): Promise<Response> {
  try {
    return await fetch(DESK_SESSION_PATH, {
      method,
      cache: 'no-store',
      ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(
      'library-unavailable',
      'The desk is not reachable: check the network, or ask whether its server is running.',
    );
  }
}

/** The person a desk's reply names, or the error it gives. */
async function deskReply(response: Response): Promise<Envelope<unknown> | null> {
  if (!(response.headers.get('Content-Type') ?? '').startsWith('application/json')) return null;
  return toEnvelope(await response.json(), response.status);
}

/** Asks the page's server who is signed in: a desk answers with the person or 'signed-out'. */
export async function deskSession(): Promise<DeskAnswer> {
  const envelope = await deskReply(await deskRequest('GET'));
  if (envelope === null) return 'not-a-desk';
  if (envelope.ok) return DeskSignedInSchema.parse(envelope.value);
  if (envelope.error.code === 'unauthorized') return 'signed-out';
  throw new ApiError(envelope.error.code, envelope.error.message);
}

/** Signs in with a personal key; the person it belongs to, or an ApiError saying why not. */
export async function deskSignIn(key: string): Promise<DeskSignedIn> {
  const envelope = await deskReply(await deskRequest('POST', { key }));
  if (envelope === null) throw new ApiError('internal', 'This page’s server is not a desk.');
  if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message);
  return DeskSignedInSchema.parse(envelope.value);
}

/** Who is in which story on the desk now; empty when the desk cannot say. */
export async function deskPresence(): Promise<DeskPresence> {
  const response = await fetch(DESK_PRESENCE_PATH, { cache: 'no-store' });
  const envelope = await deskReply(response);
  if (envelope === null || !envelope.ok) return [];
  return DeskPresenceSchema.parse(envelope.value);
}

export async function deskSignOut(): Promise<void> {
  await deskRequest('DELETE');
}

function toEnvelope(raw: unknown, status?: number): Envelope<unknown> {
  const parsed = EnvelopeSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const where = status === undefined ? '' : ` (HTTP ${status})`;
  throw new ApiError('internal', `Copydesk sent a reply it does not understand${where}.`);
}

/**
 * A call as browser mode's server takes it: the channel in the path, the session key in a
 * header. On a desk there is no header: the person's key travels in the cookie signing in set.
 */
function httpRequest(channel: Channel, args: unknown, token: string | null, keepalive = false): [string, RequestInit] {
  return [
    `/api/${encodeURIComponent(channel)}`,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token === null ? {} : { 'X-Copydesk-Token': token }) },
      body: JSON.stringify(args),
      cache: 'no-store',
      keepalive,
    },
  ];
}

let callsInFlight = 0;
let settledWaiters: (() => void)[] = [];

/** Counts `call` among the calls in flight until it ends, however it ends. */
function counted<T>(call: Promise<T>): Promise<T> {
  callsInFlight += 1;
  return call.finally(() => {
    callsInFlight -= 1;
    if (callsInFlight > 0) return;
    const waiters = settledWaiters;
    settledWaiters = [];
    for (const resolve of waiters) resolve();
  });
}

/** Resolves once no call this page made over HTTP is still waiting for its answer. */
export function whenCallsSettled(): Promise<void> {
  if (callsInFlight === 0) return Promise.resolve();
  return new Promise((resolve) => settledWaiters.push(resolve));
}

async function carryOverHttp(channel: Channel, args: unknown): Promise<Envelope<unknown>> {
  const envelope = await counted(fetchEnvelope(channel, args));
  if (sessionToken === null && !envelope.ok && envelope.error.code === 'unauthorized') {
    for (const listener of deskSignedOutListeners) listener(envelope.error.message);
  }
  return envelope;
}

async function fetchEnvelope(channel: Channel, args: unknown): Promise<Envelope<unknown>> {
  let response: Response;
  try {
    response = await fetch(...httpRequest(channel, args, sessionToken));
  } catch {
    throw new ApiError('library-unavailable', UNREACHABLE_MESSAGE);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(
      response.ok ? 'internal' : 'library-unavailable',
      `Copydesk answered ${response.status} ${response.statusText} without a readable reply.`,
    );
  }
  return toEnvelope(body, response.status);
}

async function carryOverBridge(bridge: CopydeskBridge, channel: Channel, args: unknown): Promise<Envelope<unknown>> {
  let raw: unknown;
  try {
    raw = await bridge.invoke(channel, args);
  } catch (error) {
    // Electron's own words name the channel and its internals: they are of no use to a person.
    throw new ApiError(
      'library-unavailable',
      'This window lost touch with the library. Try again; if it keeps happening, restart Copydesk.',
      { cause: error },
    );
  }
  return toEnvelope(raw);
}

export const api: CopydeskApi = {
  async invoke<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> {
    const bridge = desktopBridge();
    const envelope =
      bridge === undefined ? await carryOverHttp(channel, args) : await carryOverBridge(bridge, channel, args);
    if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message);
    const schema = contract[channel].result;
    const result = schema.safeParse(envelope.value);
    if (!result.success) {
      throw new ApiError(
        'internal',
        `Copydesk sent this window a reply it does not understand (${describeIssues(result.error.issues)}). Reload the window; if it happens again, the window and the library come from different versions of Copydesk.`,
      );
    }
    // The schema is the one contract[channel] names, so its output is ResultOf<C>; TypeScript
    // cannot follow the generic index through safeParse.
    return result.data as ResultOf<C>;
  },
};

/**
 * Sends a call that must reach Copydesk even though the page is going away (the window closing
 * or reloading): over IPC in the desktop app, as a keepalive request in browser mode, which
 * the browser finishes after the page is gone. Nobody is left to read the answer.
 */
export function invokeWhileLeaving<C extends Channel>(channel: C, args: ArgsOf<C>): void {
  const bridge = desktopBridge();
  if (bridge !== undefined) {
    bridge.invoke(channel, args).catch(() => undefined);
    return;
  }
  counted(fetch(...httpRequest(channel, args, sessionToken, true))).catch(() => undefined);
}

/**
 * Calls `listener` when the desktop app switches to another library (File › Open Library).
 * Browser mode serves one library for its whole life, so there is nothing to listen to.
 */
export function onLibraryChanged(listener: () => void): () => void {
  const bridge = desktopBridge();
  if (bridge === undefined) return () => undefined;
  return bridge.onLibraryChanged(listener);
}

/**
 * Calls `listener` with the id of an import the desktop app's menu started (File › Import).
 * In browser mode imports start from the page itself.
 */
export function onImportStarted(listener: (jobId: ImportJobId) => void): () => void {
  const bridge = desktopBridge();
  if (bridge === undefined) return () => undefined;
  return bridge.onImportStarted((raw) => {
    const parsed = ImportJobIdSchema.safeParse(raw);
    if (parsed.success) listener(parsed.data);
  });
}

/**
 * Calls `listener` when the desktop app's menu asks for the Export dialog (File › Export…).
 * In browser mode the dialog opens from the article's Export… button.
 */
export function onExportRequested(listener: () => void): () => void {
  const bridge = desktopBridge();
  if (bridge === undefined) return () => undefined;
  return bridge.onExportRequested(listener);
}
