import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (event: { preventDefault: () => void }, url: string) => void;

const created: {
  options: Record<string, unknown>;
  listeners: Map<string, Listener>;
  openHandler?: (d: { url: string }) => unknown;
}[] = [];
const openExternal = vi.fn(() => Promise.resolve());

vi.mock('electron', () => {
  class BrowserWindow {
    webContents: {
      setWindowOpenHandler: (handler: (d: { url: string }) => unknown) => void;
      on: (name: string, listener: Listener) => void;
    };
    constructor(options: Record<string, unknown>) {
      const record: (typeof created)[number] = { options, listeners: new Map() };
      created.push(record);
      this.webContents = {
        setWindowOpenHandler: (handler) => {
          record.openHandler = handler;
        },
        on: (name, listener) => {
          record.listeners.set(name, listener);
        },
      };
    }
    once(): void {}
    loadURL(): Promise<void> {
      return Promise.resolve();
    }
  }
  return { BrowserWindow, shell: { openExternal } };
});

vi.stubGlobal('MAIN_WINDOW_VITE_NAME', 'main_window');

const { createMainWindow, isAppUrl, rendererUrl } = await import('../../../electron/window');

describe('the main window', () => {
  beforeEach(() => {
    created.length = 0;
    openExternal.mockClear();
  });

  it('turns on context isolation and the sandbox, and keeps Node out of the renderer', () => {
    createMainWindow();
    const prefs = created[0]?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('denies every new window, sending web links to the browser instead', () => {
    createMainWindow();
    const handler = created[0]?.openHandler;
    expect(handler?.({ url: 'https://example.com/story' })).toEqual({ action: 'deny' });
    expect(handler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith('https://example.com/story');
  });

  it('refuses navigation away from the app, but allows reloading its own page', () => {
    createMainWindow();
    const navigate = created[0]?.listeners.get('will-navigate');
    const away = { preventDefault: vi.fn() };
    navigate?.(away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const home = { preventDefault: vi.fn() };
    navigate?.(home, rendererUrl());
    expect(home.preventDefault).not.toHaveBeenCalled();
  });

  it('recognises only its own page as the app', () => {
    expect(isAppUrl(rendererUrl())).toBe(true);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
