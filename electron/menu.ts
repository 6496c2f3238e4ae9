import path from 'node:path';

import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import { Menu, app, dialog } from 'electron';

import { LIBRARY_CHANGED_EVENT } from '../shared/api';
import type { LibraryHost } from './services/LibraryHost';
import { LIBRARY_FILE_NAME } from './services/paths';

async function openLibrary(host: LibraryHost, window: BrowserWindow, create: boolean): Promise<void> {
  const defaultPath = path.join(app.getPath('documents'), LIBRARY_FILE_NAME);
  const chosen = create
    ? await dialog.showSaveDialog(window, {
        title: 'New Library',
        defaultPath,
        buttonLabel: 'Create Library',
        filters: [{ name: 'Copydesk library', extensions: ['sqlite3'] }],
      })
    : await dialog.showOpenDialog(window, {
        title: 'Open Library',
        properties: ['openFile'],
        filters: [{ name: 'Copydesk library', extensions: ['sqlite3', 'sqlite', 'db'] }],
      });
  const file = 'filePath' in chosen ? chosen.filePath : chosen.filePaths[0];
  if (chosen.canceled || file === undefined || file === '') return;
  try {
    host.switchTo(file);
    window.setTitle(`Copydesk — ${path.basename(file)}`);
    window.webContents.send(LIBRARY_CHANGED_EVENT);
  } catch (error) {
    await dialog.showMessageBox(window, {
      type: 'error',
      title: 'Copydesk',
      message: 'That library could not be opened.',
      detail: `${error instanceof Error ? error.message : String(error)}\n\nThe library you had open is still open.`,
    });
  }
}

/** The native menu bar, with the usual roles and shortcuts. */
export function setupMenu(host: LibraryHost, window: BrowserWindow): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Library…', click: () => void openLibrary(host, window, true) },
        { label: 'Open Library…', accelerator: 'CmdOrCtrl+O', click: () => void openLibrary(host, window, false) },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
