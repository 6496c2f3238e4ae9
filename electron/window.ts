import path from 'node:path';

import type { Session, WebContents } from 'electron';
import { BrowserWindow, shell } from 'electron';

import { CONTENT_SECURITY_POLICY } from '../shared/contentSecurityPolicy';
import { APP_INDEX_URL, isAppProtocolUrl } from './appProtocol';

/** The folder of the built renderer, served on `app://copydesk/`. */
export function rendererRoot(): string {
  return path.join(__dirname, '..', 'renderer', MAIN_WINDOW_VITE_NAME);
}

/** Where the renderer is loaded from: the Vite dev server while developing, the app's own scheme otherwise. */
export function rendererUrl(): string {
  // typeof: the name is only defined when Forge's dev server builds the bundle.
  if (typeof MAIN_WINDOW_VITE_DEV_SERVER_URL === 'string') return MAIN_WINDOW_VITE_DEV_SERVER_URL;
  return APP_INDEX_URL;
}

/** True for a URL inside the app's own renderer. */
export function isAppUrl(url: string): boolean {
  const own = rendererUrl();
  if (isAppProtocolUrl(own)) return isAppProtocolUrl(url);
  try {
    return new URL(url).origin === new URL(own).origin;
  } catch {
    return false;
  }
}

/**
 * Opens a link in the user's browser: only http and https, and only once the address parses,
 * so no file:, smb:, javascript: or custom-scheme URL ever reaches the operating system.
 * Returns whether the link was handed over.
 */
export function openInBrowser(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  void shell.openExternal(parsed.href);
  return true;
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
  session.setDevicePermissionHandler(() => false);
}

/**
 * The rules for every web contents the app ever creates: no navigation away from the app, no
 * new windows (web links go to the browser instead) and no <webview>.
 */
export function guardWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * The main window, with every Electron security setting on: context isolation, the sandbox,
 * no Node in the renderer, no experimental or extra Blink features, no navigation away from
 * the app and no new windows.
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
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // A middle click on a link would otherwise try to open it in a new window.
      disableBlinkFeatures: 'Auxclick',
      // Electron's spellchecker downloads its dictionaries from the internet on first use:
      // Copydesk checks spelling itself, with dictionaries it ships (renderer/editor/spelling).
      spellcheck: false,
    },
  });

  guardWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());

  void window.loadURL(rendererUrl());
  return window;
}
