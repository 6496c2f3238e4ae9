import path from 'node:path';

import type { Session } from 'electron';
import { BrowserWindow, shell } from 'electron';

import { CONTENT_SECURITY_POLICY } from '../shared/contentSecurityPolicy';

/** Where the renderer is loaded from: the Vite dev server while developing, the bundle otherwise. */
export function rendererUrl(): string {
  // typeof: the name is only defined when Forge's dev server builds the bundle.
  if (typeof MAIN_WINDOW_VITE_DEV_SERVER_URL === 'string') return MAIN_WINDOW_VITE_DEV_SERVER_URL;
  return new URL(`file://${path.join(__dirname, '..', 'renderer', MAIN_WINDOW_VITE_NAME, 'index.html')}`).href;
}

/** True for a URL inside the app's own renderer. */
export function isAppUrl(url: string): boolean {
  try {
    const target = new URL(url);
    const own = new URL(rendererUrl());
    if (own.protocol === 'file:') return target.protocol === 'file:' && target.pathname === own.pathname;
    return target.origin === own.origin;
  } catch {
    return false;
  }
}

/** Session-wide rules: a strict CSP on every response and no permission ever granted. */
export function hardenSession(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * The main window, with every Electron security setting on: context isolation, the sandbox,
 * no Node in the renderer, no navigation away from the app and no new windows. Links to the
 * web open in the user's browser instead.
 */
export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Copydesk',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  });

  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^(https?|mailto):/i.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  window.webContents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());

  void window.loadURL(rendererUrl());
  return window;
}
