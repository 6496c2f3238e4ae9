import type { IpcMainInvokeEvent } from 'electron';
import { BrowserWindow, ipcMain } from 'electron';

import { CHANNELS } from '../shared/api';
import { dispatch } from './api/dispatch';
import type { Handlers } from './api/handlers';
import { isAppUrl } from './window';

/** Only the app's own windows, showing the app's own page, may call the services. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const window = BrowserWindow.fromWebContents(event.sender);
  const frameUrl = event.senderFrame?.url;
  return window !== null && frameUrl !== undefined && isAppUrl(frameUrl);
}

/** The one place that registers IPC handlers: one per channel of the contract. */
export function setupIpc(handlers: Handlers): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, args: unknown) => {
      if (!isTrustedSender(event)) {
        return {
          ok: false,
          error: { code: 'unauthorized', message: 'Request refused: it did not come from a Copydesk window.' },
        };
      }
      return dispatch(handlers, channel, args);
    });
  }
}
