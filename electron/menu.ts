import path from 'node:path';

import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import { Menu, app, dialog } from 'electron';

import { EXPORT_REQUESTED_EVENT, IMPORT_STARTED_EVENT, LIBRARY_CHANGED_EVENT } from '../shared/api';
import type { RecentLibrary } from '../shared/libraries';
import type { LibraryClient } from './library/LibraryClient';
import { backupFolder, LIBRARY_FILE_NAME } from './services/paths';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** After a change made from the menu, the renderer starts afresh on the library now open. */
function libraryChanged(window: BrowserWindow): void {
  window.webContents.send(LIBRARY_CHANGED_EVENT);
}

/** The library file the app is on, as its process last told. */
function libraryFile(library: LibraryClient): string {
  return library.status?.path ?? '';
}

async function switchLibrary(
  library: LibraryClient,
  window: BrowserWindow,
  file: string,
  create: boolean,
): Promise<void> {
  try {
    await library.value(create ? 'libraries:create' : 'libraries:open', { path: file });
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

async function openLibrary(library: LibraryClient, window: BrowserWindow, create: boolean): Promise<void> {
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
  await switchLibrary(library, window, file, create);
}

/** File › Restore from Backup…: choose a copy in the library's backups folder, confirm, restore. */
async function restoreFromBackup(library: LibraryClient, window: BrowserWindow): Promise<void> {
  const current = libraryFile(library);
  const chosen = await dialog.showOpenDialog(window, {
    title: 'Restore from Backup',
    defaultPath: backupFolder(current),
    buttonLabel: 'Choose Backup',
    properties: ['openFile'],
    filters: [{ name: 'Copydesk backup', extensions: ['sqlite3'] }],
  });
  const file = chosen.filePaths[0];
  if (chosen.canceled || file === undefined) return;
  const { response } = await dialog.showMessageBox(window, {
    type: 'warning',
    title: 'Copydesk',
    message: `Replace ${path.basename(current)} with the backup ${path.basename(file)}?`,
    detail: 'The library as it is now is kept beside it (…before-restore-<time>); nothing is deleted.',
    buttons: ['Restore', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
  });
  if (response !== 0) return;
  try {
    const result = await library.restoreFile(file);
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

const ARTICLE_EXTENSIONS = ['txt', 'text', 'md', 'markdown', 'html', 'htm', 'xhtml', 'docx'];

/** File › Import: the chosen files or folders are imported in the background; the window shows progress. */
async function importFromMenu(library: LibraryClient, window: BrowserWindow, folders: boolean): Promise<void> {
  const chosen = await dialog.showOpenDialog(window, {
    title: folders ? 'Import Folders' : 'Import Files',
    buttonLabel: 'Import',
    properties: folders ? ['openDirectory', 'multiSelections'] : ['openFile', 'multiSelections'],
    filters: folders ? [] : [{ name: 'Articles', extensions: ARTICLE_EXTENSIONS }],
  });
  if (chosen.canceled || chosen.filePaths.length === 0) return;
  try {
    const jobId = await library.importPaths(chosen.filePaths);
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

function recentMenu(library: LibraryClient, window: BrowserWindow, all: RecentLibrary[]): MenuItemConstructorOptions[] {
  const recent = all.filter((entry) => !entry.current);
  if (recent.length === 0) return [{ label: 'No other libraries yet', enabled: false }];
  return [
    ...recent.map((entry): MenuItemConstructorOptions => ({
      label: `${entry.name} — ${path.dirname(entry.path)}`,
      enabled: entry.exists,
      click: () => void switchLibrary(library, window, entry.path, false),
    })),
    { type: 'separator' },
    {
      label: 'Clear List',
      click: () =>
        void Promise.all(recent.map((entry) => library.value('libraries:forget', { path: entry.path }))).finally(
          () => void buildMenu(library, window),
        ),
    },
  ];
}

/**
 * The native menu bar, with the usual roles and shortcuts. Rebuilt whenever the library
 * changes (from the menu or the window), so Open Recent and the title stay current.
 */
export function setupMenu(library: LibraryClient, window: BrowserWindow): void {
  const retitle = () => {
    const file = libraryFile(library);
    if (file !== '') window.setTitle(`Copydesk — ${path.basename(file)}`);
    void buildMenu(library, window);
  };
  library.onEvent((event) => {
    if (event.kind === 'library-changed') retitle();
  });
  void library.ready.then(retitle);
  void buildMenu(library, window);
}

async function buildMenu(library: LibraryClient, window: BrowserWindow): Promise<void> {
  const recent = (await library.value('libraries:recent').catch(() => [])) as RecentLibrary[];
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Library…', click: () => void openLibrary(library, window, true) },
        { label: 'Open Library…', accelerator: 'CmdOrCtrl+O', click: () => void openLibrary(library, window, false) },
        { label: 'Open Recent', submenu: recentMenu(library, window, recent) },
        { type: 'separator' },
        { label: 'Import Files…', click: () => void importFromMenu(library, window, false) },
        { label: 'Import Folder…', click: () => void importFromMenu(library, window, true) },
        // The window shows the Export dialog of the article on screen, with its checklist.
        {
          label: 'Export…',
          accelerator: 'CmdOrCtrl+Shift+E',
          click: () => window.webContents.send(EXPORT_REQUESTED_EVENT),
        },
        { type: 'separator' },
        { label: 'Restore from Backup…', click: () => void restoreFromBackup(library, window) },
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
