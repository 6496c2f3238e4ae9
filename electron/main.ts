// The desktop app's lifecycle. Everything it does lives in the modules it calls.
import path from 'node:path';

import type { BrowserWindow } from 'electron';
import { app, session } from 'electron';

import { createHandlers } from './api/handlers';
import { registerAppScheme, serveAppProtocol } from './appProtocol';
import { ImportJobs } from './import/ImportJobs';
import { setupIpc } from './ipc';
import { setupMenu } from './menu';
import { openElectronPreferences } from './preferences/electronStoreBackend';
import { LibraryHost } from './services/LibraryHost';
import { RecentLibraries } from './services/RecentLibraries';
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
    // A library that cannot be opened does not stop the app: the window explains why and
    // offers its latest backup, another library or a new one.
    const host = LibraryHost.start(libraryPath(), {
      verify: true,
      recent: new RecentLibraries(app.getPath('userData')),
      markInUseAs: 'The Copydesk app',
    });
    host.startDailyBackups();
    host.startRelatedAnalysis();
    host.startHealthChecks();
    hardenSession(session.defaultSession);
    serveAppProtocol(rendererRoot());
    const preferences = openElectronPreferences(app.getPath('userData'));
    const imports = new ImportJobs();
    setupIpc(createHandlers({ host, preferences, imports }));
    mainWindow = createMainWindow();
    setupMenu({ host, imports, preferences }, mainWindow);
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    app.on('will-quit', () => host.close());
  });

  app.on('window-all-closed', () => app.quit());
}
