// @ts-check
// Lint rules that hold items of Electron's security checklist in the main process: each entry
// names a pattern that would undo one of them. tests/unit/eslint/electronSecurity.test.ts proves
// each one fires.

/** @typedef {{ selector: string, message: string }} Restriction */

/** @type {Record<string, Restriction>} */
export const ELECTRON_RESTRICTIONS = {
  nodeInRenderer: {
    selector:
      'Property[key.name=/^(nodeIntegration|nodeIntegrationInWorker|nodeIntegrationInSubFrames)$/][value.value=true]',
    message: 'Security checklist 2: the renderer never gets Node.js.',
  },
  isolationOff: {
    selector: 'Property[key.name=/^(contextIsolation|sandbox)$/][value.value=false]',
    message: 'Security checklist 3–4: context isolation and the sandbox stay on.',
  },
  webSecurityOff: {
    selector: 'Property[key.name="webSecurity"][value.value=false]',
    message: 'Security checklist 6: webSecurity stays on.',
  },
  insecureContent: {
    selector: 'Property[key.name="allowRunningInsecureContent"][value.value=true]',
    message: 'Security checklist 8: no insecure content in a secure page.',
  },
  experimentalFeatures: {
    selector: 'Property[key.name="experimentalFeatures"][value.value=true]',
    message: 'Security checklist 9: no experimental Chromium features.',
  },
  blinkFeatures: {
    selector: 'Property[key.name="enableBlinkFeatures"]',
    message: 'Security checklist 10: no extra Blink features.',
  },
  webview: {
    selector: 'Property[key.name=/^(webviewTag|allowpopups)$/][value.value=true]',
    message: 'Security checklist 11–12: no <webview>.',
  },
  bypassCsp: {
    selector: 'Property[key.name="bypassCSP"][value.value=true]',
    message: 'Security checklist 7: no scheme may bypass the Content-Security-Policy.',
  },
  loadOtherPage: {
    selector: 'CallExpression[callee.property.name="loadURL"]:not([arguments.0.callee.name="rendererUrl"])',
    message:
      'Security checklist 1 and 18: a window loads only rendererUrl() (app://copydesk/), never file:// or the web.',
  },
  loadFile: {
    selector: 'CallExpression[callee.property.name="loadFile"]',
    message: 'Security checklist 18: the app is served on app://copydesk/, never from file://.',
  },
  openExternal: {
    selector: 'MemberExpression[object.name="shell"][property.name="openExternal"]',
    message: 'Security checklist 15: open links with openInBrowser() from electron/window.ts (http and https only).',
  },
  ipcMain: {
    selector: 'MemberExpression[object.name="ipcMain"]',
    message: 'Security checklist 17: IPC handlers are registered only in electron/ipc.ts, which checks every sender.',
  },
  exposeBridge: {
    selector: 'CallExpression[callee.property.name="exposeInMainWorld"]',
    message: 'Security checklist 20: only electron/preload.ts exposes anything to the page: the one narrow bridge.',
  },
  exposeElectron: {
    selector:
      'CallExpression[callee.property.name="exposeInMainWorld"] > Identifier[name=/^(ipcRenderer|contextBridge|shell|webFrame|require|process)$/]',
    message:
      'Security checklist 20: never hand an Electron or Node object to the page; expose functions that each do one thing.',
  },
  remote: {
    selector:
      'ImportDeclaration[source.value=/^@electron\\/remote/], CallExpression[callee.name="require"][arguments.0.value=/^@electron\\/remote/]',
    message: 'Security checklist 20: the remote module is not used: no Electron API reaches the page.',
  },
};

/** The restrictions, less those a module is the one place allowed to use. */
export function electronRestrictions(...allowed) {
  return [
    'error',
    ...Object.entries(ELECTRON_RESTRICTIONS)
      .filter(([name]) => !allowed.includes(name))
      .map(([, restriction]) => restriction),
  ];
}

/** In the renderer: no <webview> element. */
export const RENDERER_RESTRICTIONS = [
  'error',
  {
    selector: 'JSXOpeningElement[name.name="webview"]',
    message: 'Security checklist 11–12: no <webview>.',
  },
];
