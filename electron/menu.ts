import path from 'node:path';

import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import { Menu, app, dialog } from 'electron';

import { EXPORT_REQUESTED_EVENT, IMPORT_STARTED_EVENT, LIBRARY_CHANGED_EVENT } from '../shared/api';
import type { ImportJobs } from './import/ImportJobs';
import type { PreferencesService } from './preferences/PreferencesService';
import { backupFolder } from './services/backups';
import type { LibraryHost } from './services/LibraryHost';
import { LIBRARY_FILE_NAME } from './services/paths';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** After a change made from the menu, the renderer starts afresh on the library now open. */
function libraryChanged(window: BrowserWindow): void {
  window.webContents.send(LIBRARY_CHANGED_EVENT);
}

async function switchLibrary(host: LibraryHost, window: BrowserWindow, file: string, create: boolean): Promise<void> {
  try {
    if (create) host.create(file);
    else host.switchTo(file);
    libraryChanged(window);
  } catch (error) {
    await dialog.showMessageBox(window, {
      type: 'error',
      title: 'Copydesk',
      message: 'That library could not be opened.',
      detail: `${describe(error)}\n\nThe library you had open is still open.`,
    });
  }
}

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
  await switchLibrary(host, window, file, create);
}

/** File › Restore from Backup…: choose a copy in the library's backups folder, confirm, restore. */
async function restoreFromBackup(host: LibraryHost, window: BrowserWindow): Promise<void> {
  const chosen = await dialog.showOpenDialog(window, {
    title: 'Restore from Backup',
    defaultPath: backupFolder(host.path),
    buttonLabel: 'Choose Backup',
    properties: ['openFile'],
    filters: [{ name: 'Copydesk backup', extensions: ['sqlite3'] }],
  });
  const file = chosen.filePaths[0];
  if (chosen.canceled || file === undefined) return;
  const { response } = await dialog.showMessageBox(window, {
    type: 'warning',
    title: 'Copydesk',
    message: `Replace ${path.basename(host.path)} with the backup ${path.basename(file)}?`,
    detail: 'The library as it is now is kept beside it (…before-restore-<time>); nothing is deleted.',
    buttons: ['Restore', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
  });
  if (response !== 0) return;
  try {
    const result = host.restore(file);
    libraryChanged(window);
    await dialog.showMessageBox(window, {
      type: 'info',
      title: 'Copydesk',
      message: `Restored ${result.restored.name}.`,
      detail: result.setAside === null ? '' : `The file it replaced is kept as ${result.setAside}.`,
    });
  } catch (error) {
    await dialog.showMessageBox(window, {
      type: 'error',
      title: 'Copydesk',
      message: 'That backup could not be restored.',
      detail: describe(error),
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
      detail: describe(error),
    });
  }
}

function recentMenu(context: MenuContext, window: BrowserWindow): MenuItemConstructorOptions[] {
  const { host } = context;
  const recent = host.recentLibraries().filter((entry) => !entry.current);
  if (recent.length === 0) return [{ label: 'No other libraries yet', enabled: false }];
  return [
    ...recent.map((entry): MenuItemConstructorOptions => ({
      label: `${entry.name} — ${path.dirname(entry.path)}`,
      enabled: entry.exists,
      click: () => void switchLibrary(host, window, entry.path, false),
    })),
    { type: 'separator' },
    {
      label: 'Clear List',
      click: () => {
        for (const entry of recent) host.forgetRecent(entry.path);
        buildMenu(context, window);
      },
    },
  ];
}

/**
 * The native menu bar, with the usual roles and shortcuts. Rebuilt whenever the library
 * changes (from the menu or the window), so Open Recent and the title stay current.
 */
export function setupMenu(context: MenuContext, window: BrowserWindow): void {
  const { host } = context;
  host.onChange(() => {
    window.setTitle(`Copydesk — ${path.basename(host.path)}`);
    buildMenu(context, window);
  });
  buildMenu(context, window);
}

function buildMenu(context: MenuContext, window: BrowserWindow): void {
  const { host } = context;
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Library…', click: () => void openLibrary(host, window, true) },
        { label: 'Open Library…', accelerator: 'CmdOrCtrl+O', click: () => void openLibrary(host, window, false) },
        { label: 'Open Recent', submenu: recentMenu(context, window) },
        { type: 'separator' },
        { label: 'Import Files…', click: () => void importFromMenu(context, window, false) },
        { label: 'Import Folder…', click: () => void importFromMenu(context, window, true) },
        // The window shows the Export dialog of the article on screen, with its checklist.
        {
          label: 'Export…',
          accelerator: 'CmdOrCtrl+Shift+E',
          click: () => window.webContents.send(EXPORT_REQUESTED_EVENT),
        },
        { type: 'separator' },
        { label: 'Restore from Backup…', click: () => void restoreFromBackup(host, window) },
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
