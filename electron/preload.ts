// The renderer's only door to the main process: the contract's channels, nothing else.
import { contextBridge, ipcRenderer } from 'electron';

import type { CopydeskBridge } from '../shared/api';
import { EXPORT_REQUESTED_EVENT, IMPORT_STARTED_EVENT, LIBRARY_CHANGED_EVENT, isChannel } from '../shared/api';

const bridge: CopydeskBridge = {
  invoke: (channel, args) => {
    if (!isChannel(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'invalid-request', message: `Unknown request "${String(channel)}".` },
      });
    }
    return ipcRenderer.invoke(channel, args) as ReturnType<CopydeskBridge['invoke']>;
  },
  onLibraryChanged: (listener) => {
    const wrapped = () => listener();
    ipcRenderer.on(LIBRARY_CHANGED_EVENT, wrapped);
    return () => {
      ipcRenderer.off(LIBRARY_CHANGED_EVENT, wrapped);
    };
  },
  onImportStarted: (listener) => {
    const wrapped = (_event: unknown, jobId: unknown) => {
      if (typeof jobId === 'string') listener(jobId);
    };
    ipcRenderer.on(IMPORT_STARTED_EVENT, wrapped);
    return () => {
      ipcRenderer.off(IMPORT_STARTED_EVENT, wrapped);
    };
  },
  onExportRequested: (listener) => {
    const wrapped = () => listener();
    ipcRenderer.on(EXPORT_REQUESTED_EVENT, wrapped);
    return () => {
      ipcRenderer.off(EXPORT_REQUESTED_EVENT, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('copydesk', bridge);
