import { describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;
type OpenHandler = (details: { url: string }) => unknown;

const calls: string[] = [];
const appListeners = new Map<string, Listener>();
const windows: { webPreferences: Record<string, unknown>; loaded: string[] }[] = [];
const schemeHandlers = new Map<string, unknown>();
const permission: { request?: Listener; check?: Listener } = {};
let ready: () => void = () => undefined;
const whenReady = new Promise<void>((resolve) => {
  ready = resolve;
});

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { setWindowOpenHandler: () => undefined, on: () => undefined };
    private readonly record: (typeof windows)[number];
    constructor(options: { webPreferences: Record<string, unknown> }) {
      this.record = { webPreferences: options.webPreferences, loaded: [] };
      windows.push(this.record);
    }
    once(): void {}
    on(): void {}
    loadURL(url: string): Promise<void> {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
  }
  return {
    BrowserWindow,
    shell: { openExternal: vi.fn() },
    app: {
      requestSingleInstanceLock: () => true,
      whenReady: () => whenReady,
      on: (name: string, listener: Listener) => appListeners.set(name, listener),
      quit: vi.fn(),
      getPath: () => '/tmp/copydesk-main-test',
      setPath: vi.fn(),
      commandLine: { getSwitchValue: () => '' },
    },
    protocol: {
      registerSchemesAsPrivileged: () => calls.push('registerSchemesAsPrivileged'),
      handle: (scheme: string, handler: unknown) => {
        calls.push(`handle ${scheme}`);
        schemeHandlers.set(scheme, handler);
      },
    },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: () => calls.push('content security policy') },
        setPermissionRequestHandler: (handler: Listener) => (permission.request = handler),
        setPermissionCheckHandler: (handler: Listener) => (permission.check = handler),
        setDevicePermissionHandler: () => undefined,
      },
    },
  };
});
vi.stubGlobal('MAIN_WINDOW_VITE_NAME', 'main_window');

// The library's process is not what this test is about: it stands in with what main.ts calls on it.
vi.mock('../../../electron/library/startLibraryProcess', () => ({
  startLibraryProcess: () => {
    calls.push('library process');
    return { call: vi.fn(), close: vi.fn(() => Promise.resolve()) };
  },
}));
vi.mock('../../../electron/menu', () => ({ setupMenu: () => calls.push('menu') }));
vi.mock('../../../electron/ipc', () => ({ setupIpc: () => calls.push('ipc') }));

await import('../../../electron/main');
const beforeReady = [...calls];
ready();
await whenReady;
await new Promise((resolve) => setTimeout(resolve, 0));

describe('the desktop app’s start', () => {
  it('declares the app scheme privileged before the app is ready', () => {
    expect(beforeReady).toEqual(['registerSchemesAsPrivileged']);
  });

  it('starts the library in its own process, hardens the session and serves the app scheme before the window loads', () => {
    expect(calls).toEqual([
      'registerSchemesAsPrivileged',
      'library process',
      'content security policy',
      'handle app',
      'ipc',
      'menu',
    ]);
    const callback = vi.fn();
    permission.request?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(permission.check?.({}, 'media')).toBe(false);
    expect(windows).toHaveLength(1);
    expect(windows[0]?.loaded).toEqual(['app://copydesk/index.html']);
    expect(windows[0]?.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
  });

  it('guards every web contents created later: no new windows, no navigation, no <webview>', () => {
    const listeners = new Map<string, Listener>();
    let openHandler: OpenHandler | undefined;
    const contents = {
      setWindowOpenHandler: (handler: OpenHandler) => (openHandler = handler),
      on: (name: string, listener: Listener) => listeners.set(name, listener),
    };
    appListeners.get('web-contents-created')?.({}, contents);
    expect(openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const event = { preventDefault: vi.fn() };
    listeners.get('will-navigate')?.(event, 'https://evil.example/');
    listeners.get('will-attach-webview')?.(event);
    expect(event.preventDefault).toHaveBeenCalledTimes(2);
  });
});
