import type { IpcMainInvokeEvent } from 'electron';
import { BrowserWindow, ipcMain } from 'electron';

import type { Envelope } from '../shared/api';
import { CHANNELS } from '../shared/api';
import { isAppUrl } from './window';

/** Where a call goes: the library's process (see LibraryClient), which validates and answers it. */
export type LibraryCall = (channel: string, args: unknown) => Promise<Envelope<unknown>>;

/** Only the app's own windows, showing the app's own page, may call the services. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const window = BrowserWindow.fromWebContents(event.sender);
  const frameUrl = event.senderFrame?.url;
  return window !== null && frameUrl !== undefined && isAppUrl(frameUrl);
}

/**
 * The one place that registers IPC handlers: one per channel of the contract, each forwarding
 * a trusted window's call to the library's process and its answer back.
 */
export function setupIpc(call: LibraryCall): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, args: unknown) => {
      if (!isTrustedSender(event)) {
        return {
          ok: false,
          error: { code: 'unauthorized', message: 'Request refused: it did not come from a Copydesk window.' },
        };
      }
      return call(channel, args);
    });
  }
}
