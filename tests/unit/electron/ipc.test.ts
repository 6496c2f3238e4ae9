import { afterAll, describe, expect, it, vi } from 'vitest';

import { dispatch } from '../../../electron/api/dispatch';
import { createHandlers } from '../../../electron/api/handlers';
import { openPreferences } from '../../../electron/preferences/confBackend';
import { LibraryHost } from '../../../electron/services/LibraryHost';
import { CHANNELS } from '../../../shared/api';
import { tempDir } from '../../helpers/tempLibrary';

type Invoke = (event: unknown, args: unknown) => unknown;
const registered = new Map<string, Invoke>();
const ownWindow = { id: 1 };
const appUrl = 'app://copydesk/index.html';

vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, fn: Invoke) => registered.set(channel, fn) },
  BrowserWindow: { fromWebContents: (sender: { window: unknown }) => sender.window },
  shell: { openExternal: vi.fn() },
  protocol: {},
}));
vi.stubGlobal('MAIN_WINDOW_VITE_NAME', 'main_window');

const { setupIpc } = await import('../../../electron/ipc');

const tmp = tempDir();
const host = LibraryHost.open(tmp.file());
const handlers = createHandlers({ host, preferences: openPreferences(`${tmp.dir}/data`) });
setupIpc((channel, args) => dispatch(handlers, channel, args));
afterAll(() => {
  host.close();
  tmp.cleanup();
});

const event = (window: unknown, url: string | undefined) => ({
  sender: { window },
  senderFrame: url === undefined ? null : { url },
});

describe('IPC', () => {
  it('registers exactly the channels of the contract', () => {
    expect([...registered.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it("answers the app's own window", async () => {
    const create = registered.get('articles:create');
    const result = await create?.(event(ownWindow, appUrl), { headline: 'From the window' });
    expect(result).toMatchObject({ ok: true, value: { headline: 'From the window', version: 1 } });
  });

  it('refuses a sender that is not an app window, or a frame showing another page', async () => {
    const create = registered.get('articles:create');
    const countBefore = host.current.db.prepare('SELECT count(*) FROM articles').pluck().get();
    for (const sender of [
      event(null, appUrl),
      event(ownWindow, 'https://evil.example/'),
      event(ownWindow, 'file:///opt/copydesk/.vite/renderer/main_window/index.html'),
      event(ownWindow, 'app://evil.example/index.html'),
      event(ownWindow, 'data:text/html,<script>1</script>'),
      event(ownWindow, undefined),
    ]) {
      expect(await create?.(sender, { headline: 'Injected' })).toMatchObject({
        ok: false,
        error: { code: 'unauthorized' },
      });
    }
    expect(host.current.db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(countBefore);
  });

  it('checks the sender of every channel, not only of the ones that write', async () => {
    for (const channel of CHANNELS) {
      const handler = registered.get(channel);
      expect(await handler?.(event(ownWindow, 'https://evil.example/'), {}), channel).toMatchObject({
        ok: false,
        error: { code: 'unauthorized' },
      });
    }
  });

  it('validates the payload before anything runs', async () => {
    const save = registered.get('articles:save');
    expect(await save?.(event(ownWindow, appUrl), { id: 'x', version: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });
});
