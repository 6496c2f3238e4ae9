import { describe, expect, it, vi } from 'vitest';

import type { CopydeskBridge } from '../../../shared/api';
import { LIBRARY_CHANGED_EVENT } from '../../../shared/api';

const exposed = new Map<string, unknown>();
const invoke = vi.fn<(channel: string, args: unknown) => Promise<unknown>>(() =>
  Promise.resolve({ ok: true, value: null }),
);
const subscribed = new Map<string, (...args: unknown[]) => void>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: unknown) => exposed.set(name, api) },
  ipcRenderer: {
    invoke,
    on: (channel: string, listener: (...args: unknown[]) => void) => subscribed.set(channel, listener),
    off: (channel: string) => subscribed.delete(channel),
    send: vi.fn(),
  },
}));

await import('../../../electron/preload');

describe('the preload bridge', () => {
  it('exposes one object with four functions, and no Electron or Node object', () => {
    expect([...exposed.keys()]).toEqual(['copydesk']);
    const bridge = exposed.get('copydesk') as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onExportRequested', 'onImportStarted', 'onLibraryChanged']);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('forwards only the contract’s channels', async () => {
    const bridge = exposed.get('copydesk') as CopydeskBridge;
    await bridge.invoke('articles:list', {});
    expect(invoke).toHaveBeenCalledWith('articles:list', {});
    invoke.mockClear();
    for (const channel of ['library:changed', 'ELECTRON_BROWSER_REQUIRE', 'constructor', '__proto__']) {
      const reply = await bridge.invoke(channel as never, {});
      expect(reply, channel).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(invoke).not.toHaveBeenCalled();
  });

  it('hands listeners no IPC event object', () => {
    const bridge = exposed.get('copydesk') as CopydeskBridge;
    const listener = vi.fn();
    const unsubscribe = bridge.onLibraryChanged(listener);
    subscribed.get(LIBRARY_CHANGED_EVENT)?.({ sender: 'ipcRenderer' }, 'extra');
    expect(listener).toHaveBeenCalledWith();
    unsubscribe();
    expect(subscribed.has(LIBRARY_CHANGED_EVENT)).toBe(false);
  });
});
