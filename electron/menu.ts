import path from 'node:path';

import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import { Menu, app, dialog } from 'electron';

import { IMPORT_STARTED_EVENT, LIBRARY_CHANGED_EVENT } from '../shared/api';
import type { ImportJobs } from './import/ImportJobs';
import type { PreferencesService } from './preferences/PreferencesService';
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

/** What the menu acts on. */
export type MenuContext = { host: LibraryHost; imports: ImportJobs; preferences: PreferencesService };

const ARTICLE_EXTENSIONS = ['txt', 'text', 'md', 'markdown', 'html', 'htm', 'xhtml', 'docx'];

/** File › Import: the chosen files or folders are imported in the background; the window shows progress. */
async function importFromMenu(context: MenuContext, window: BrowserWindow, folders: boolean): Promise<void> {
  const chosen = await dialog.showOpenDialog(window, {
    title: folders ? 'Import Folders' : 'Import Files',
    buttonLabel: 'Import',
    properties: folders ? ['openDirectory', 'multiSelections'] : ['openFile', 'multiSelections'],
    filters: folders ? [] : [{ name: 'Articles', extensions: ARTICLE_EXTENSIONS }],
  });
  if (chosen.canceled || chosen.filePaths.length === 0) return;
  try {
    const userName = context.preferences.get().preferences.userName;
    const jobId = context.imports.start(context.host.current, chosen.filePaths, { userName });
    window.webContents.send(IMPORT_STARTED_EVENT, jobId);
  } catch (error) {
    await dialog.showMessageBox(window, {
      type: 'error',
      title: 'Copydesk',
      message: 'The import could not start.',
      detail: error instanceof Error ? error.message : String(error),
    });
  }
}

/** The native menu bar, with the usual roles and shortcuts. */
export function setupMenu(context: MenuContext, window: BrowserWindow): void {
  const { host } = context;
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Library…', click: () => void openLibrary(host, window, true) },
        { label: 'Open Library…', accelerator: 'CmdOrCtrl+O', click: () => void openLibrary(host, window, false) },
        { type: 'separator' },
        {
          label: 'Import Files…',
          accelerator: 'CmdOrCtrl+Shift+I',
          click: () => void importFromMenu(context, window, false),
        },
        { label: 'Import Folder…', click: () => void importFromMenu(context, window, true) },
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
