// The desktop app's lifecycle. Everything it does lives in the modules it calls.
import path from 'node:path';

import type { BrowserWindow } from 'electron';
import { app, session } from 'electron';

import { registerAppScheme, serveAppProtocol } from './appProtocol';
import { setupIpc } from './ipc';
import type { LibraryClient } from './library/LibraryClient';
import { startLibraryProcess } from './library/startLibraryProcess';
import { setupMenu } from './menu';
import { LIBRARY_FILE_NAME } from './services/paths';
import { createMainWindow, guardWebContents, hardenSession, rendererRoot } from './window';

// Tests and portable setups move all of Copydesk's data with one variable.
if (process.env.COPYDESK_DATA_DIR !== undefined && process.env.COPYDESK_DATA_DIR !== '') {
  app.setPath('userData', path.resolve(process.env.COPYDESK_DATA_DIR));
}

function libraryPath(): string {
  const fromSwitch = app.commandLine.getSwitchValue('library');
  if (fromSwitch !== '') return path.resolve(fromSwitch);
  const fromEnv = process.env.COPYDESK_LIBRARY;
  if (fromEnv !== undefined && fromEnv !== '') return path.resolve(fromEnv);
  return path.join(app.getPath('userData'), LIBRARY_FILE_NAME);
}

let mainWindow: BrowserWindow | null = null;
let library: LibraryClient | null = null;
let libraryClosed = false;

// Before the app is ready: the page's scheme must be known as standard and secure from the start.
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // Another Copydesk has the library open: hand over to it rather than write beside it.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Every web contents, not only the main window's: none may navigate, open windows or attach a <webview>.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

  void app.whenReady().then(() => {
    // The library (its file, imports, exports, backups, analysis) runs in a process of its own;
    // this one drives the window and forwards the window's calls. A library that cannot be
    // opened does not stop the app: the window explains why and offers a backup or another library.
    const client = startLibraryProcess({
      libraryPath: libraryPath(),
      userDataDir: app.getPath('userData'),
      markInUseAs: 'The Copydesk app',
    });
    library = client;
    hardenSession(session.defaultSession);
    serveAppProtocol(rendererRoot());
    setupIpc(client.call);
    mainWindow = createMainWindow();
    setupMenu(client, mainWindow);
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  });

  // The library is closed (its last writes done, the file released) before the app goes.
  app.on('will-quit', (event) => {
    if (library === null || libraryClosed) return;
    event.preventDefault();
    libraryClosed = true;
    void library.close().finally(() => app.quit());
  });

  app.on('window-all-closed', () => app.quit());
}
