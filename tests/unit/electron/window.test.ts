import { beforeEach, describe, expect, it, vi } from 'vitest';

import { CONTENT_SECURITY_POLICY } from '../../../shared/contentSecurityPolicy';

type Event = { preventDefault: () => void };
type Listener = (event: Event, url: string) => void;
type OpenHandler = (details: { url: string }) => unknown;

/** A web contents that records what the app registers on it. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: OpenHandler | undefined;
  return {
    listeners,
    open: (url: string) => openHandler?.({ url }),
    setWindowOpenHandler: (handler: OpenHandler) => {
      openHandler = handler;
    },
    on: (name: string, listener: Listener) => {
      listeners.set(name, listener);
    },
  };
}

const created: { options: Record<string, unknown>; contents: ReturnType<typeof fakeContents>; loaded: string[] }[] = [];
const openExternal = vi.fn(() => Promise.resolve());

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = fakeContents();
    private readonly record: (typeof created)[number];
    constructor(options: Record<string, unknown>) {
      this.record = { options, contents: this.webContents, loaded: [] };
      created.push(this.record);
    }
    once(): void {}
    loadURL(url: string): Promise<void> {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
  }
  return { BrowserWindow, shell: { openExternal }, protocol: {} };
});

vi.stubGlobal('MAIN_WINDOW_VITE_NAME', 'main_window');

const { createMainWindow, guardWebContents, hardenSession, isAppUrl, openInBrowser, rendererUrl } =
  await import('../../../electron/window');

function preventedBy(listener: Listener | undefined, url: string): boolean {
  const event = { preventDefault: vi.fn() };
  listener?.(event, url);
  return event.preventDefault.mock.calls.length > 0;
}

beforeEach(() => {
  created.length = 0;
  openExternal.mockClear();
});

describe('the main window', () => {
  it('turns on context isolation and the sandbox, keeps Node out, and enables nothing experimental', () => {
    createMainWindow();
    const prefs = created[0]?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('leaves Electron’s own spellchecker off: it would fetch its dictionaries from the internet', () => {
    createMainWindow();
    const prefs = created[0]?.options.webPreferences as Record<string, unknown>;
    expect(prefs.spellcheck).toBe(false);
  });

  it('loads the app from its own scheme, never from file://', () => {
    createMainWindow();
    expect(created[0]?.loaded).toEqual(['app://copydesk/index.html']);
    expect(rendererUrl()).toBe('app://copydesk/index.html');
  });

  it('guards its own web contents: no new windows, no navigation away, no <webview>', () => {
    createMainWindow();
    const contents = created[0]?.contents;
    expect(contents?.open('https://example.com/story')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://example.com/story');
    expect(preventedBy(contents?.listeners.get('will-navigate'), 'https://evil.example/')).toBe(true);
    expect(preventedBy(contents?.listeners.get('will-attach-webview'), '')).toBe(true);
  });
});

describe('every web contents', () => {
  it('denies every new window, sending only web links to the browser', () => {
    const contents = fakeContents();
    guardWebContents(contents as never);
    for (const url of [
      'https://example.com/story',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'app://copydesk/index.html',
      'smb://server/share',
    ]) {
      expect(contents.open(url), url).toEqual({ action: 'deny' });
    }
    expect(openExternal.mock.calls).toEqual([['https://example.com/story']]);
  });

  it('refuses navigation and redirects away from the app, but allows its own page', () => {
    const contents = fakeContents();
    guardWebContents(contents as never);
    for (const name of ['will-navigate', 'will-redirect']) {
      const listener = contents.listeners.get(name);
      expect(preventedBy(listener, 'https://evil.example/'), name).toBe(true);
      expect(preventedBy(listener, 'file:///etc/passwd'), name).toBe(true);
      expect(preventedBy(listener, 'app://evil/index.html'), name).toBe(true);
      expect(preventedBy(listener, 'app://copydesk/index.html#article'), name).toBe(false);
    }
  });

  it('refuses to attach a <webview>', () => {
    const contents = fakeContents();
    guardWebContents(contents as never);
    expect(preventedBy(contents.listeners.get('will-attach-webview'), '')).toBe(true);
  });
});

describe('links opened in the browser', () => {
  it('hands over only http and https addresses, as parsed', () => {
    expect(openInBrowser('https://example.com/a b')).toBe(true);
    expect(openInBrowser('HTTP://Example.com/')).toBe(true);
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'mailto:desk@example.com',
      'smb://attacker/share',
      'ms-msdt:/id',
      'not a url',
      ' https//missing-colon',
      '',
    ]) {
      expect(openInBrowser(url), url).toBe(false);
    }
    expect(openExternal.mock.calls).toEqual([['https://example.com/a%20b'], ['http://example.com/']]);
  });
});

describe('the session', () => {
  function fakeSession() {
    const recorded: {
      headers?: (details: { responseHeaders?: Record<string, string[]> }, callback: (r: unknown) => void) => void;
      request?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
      check?: (contents: unknown, permission: string) => boolean;
      device?: (details: unknown) => boolean;
    } = {};
    const session = {
      webRequest: { onHeadersReceived: (fn: typeof recorded.headers) => (recorded.headers = fn) },
      setPermissionRequestHandler: (fn: typeof recorded.request) => (recorded.request = fn),
      setPermissionCheckHandler: (fn: typeof recorded.check) => (recorded.check = fn),
      setDevicePermissionHandler: (fn: typeof recorded.device) => (recorded.device = fn),
    };
    return { session, recorded };
  }

  it('denies every permission request and check', () => {
    const { session, recorded } = fakeSession();
    hardenSession(session as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      recorded.request?.({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(recorded.check?.({}, permission), permission).toBe(false);
    }
    expect(recorded.device?.({ deviceType: 'usb' })).toBe(false);
  });

  it('puts the strict Content-Security-Policy on every response', () => {
    const { session, recorded } = fakeSession();
    hardenSession(session as never);
    const callback = vi.fn();
    recorded.headers?.({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
});

describe('the app’s own page', () => {
  it('is recognised by scheme and host only', () => {
    expect(isAppUrl(rendererUrl())).toBe(true);
    expect(isAppUrl('app://copydesk/assets/index.js')).toBe(true);
    expect(isAppUrl('app://copydesk.evil.example/')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('https://copydesk/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
