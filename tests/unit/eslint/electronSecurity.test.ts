import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

import {
  ELECTRON_RESTRICTIONS,
  electronRestrictions,
  RENDERER_RESTRICTIONS,
  type RestrictionName,
} from '../../../eslint/electronSecurity.mjs';
import { RAW_SQL } from '../../../eslint/layers.mjs';

const linter = new Linter({ configType: 'flat' });

function messages(code: string, rule: unknown, file = 'electron/example.ts'): string[] {
  return linter
    .verify(
      code,
      [
        {
          files: ['**/*.ts', '**/*.tsx'],
          languageOptions: {
            parser: tseslint.parser,
            parserOptions: { ecmaFeatures: { jsx: true } },
          },
          rules: { 'no-restricted-syntax': rule as Linter.RuleEntry },
        },
      ],
      file,
    )
    .map((message) => message.message);
}

/** Code that undoes each checklist item the rules hold. */
const VIOLATIONS: Record<RestrictionName, string> = {
  nodeInRenderer: 'new BrowserWindow({ webPreferences: { nodeIntegration: true } });',
  isolationOff: 'new BrowserWindow({ webPreferences: { contextIsolation: false } });',
  webSecurityOff: 'new BrowserWindow({ webPreferences: { webSecurity: false } });',
  insecureContent: 'new BrowserWindow({ webPreferences: { allowRunningInsecureContent: true } });',
  experimentalFeatures: 'new BrowserWindow({ webPreferences: { experimentalFeatures: true } });',
  blinkFeatures: "new BrowserWindow({ webPreferences: { enableBlinkFeatures: 'CSSVariables' } });",
  webview: 'new BrowserWindow({ webPreferences: { webviewTag: true } });',
  bypassCsp: "protocol.registerSchemesAsPrivileged([{ scheme: 'x', privileges: { bypassCSP: true } }]);",
  loadOtherPage: "void window.loadURL('file:///opt/copydesk/index.html');",
  loadFile: "void window.loadFile('index.html');",
  openExternal: 'void shell.openExternal(url);',
  ipcMain: "ipcMain.handle('articles:list', () => []);",
  exposeBridge: "contextBridge.exposeInMainWorld('copydesk', bridge);",
  exposeElectron: "contextBridge.exposeInMainWorld('ipc', ipcRenderer);",
  remote: "import remote from '@electron/remote';",
};

describe('the Electron security lint rules', () => {
  it.each(Object.entries(VIOLATIONS))('%s: flags code that undoes the checklist item', (name, code) => {
    const found = messages(code, electronRestrictions('exposeBridge'));
    if (name === 'exposeBridge') expect(found).toEqual([]);
    else expect(found).toEqual([ELECTRON_RESTRICTIONS[name as RestrictionName].message]);
    expect(messages(code, electronRestrictions())).toContain(ELECTRON_RESTRICTIONS[name as RestrictionName].message);
  });

  it('accepts the settings the app uses', () => {
    const code = [
      'new BrowserWindow({ webPreferences: { nodeIntegration: false, contextIsolation: true, sandbox: true,',
      '  webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false, webviewTag: false } });',
      'void window.loadURL(rendererUrl());',
    ].join('\n');
    expect(messages(code, electronRestrictions())).toEqual([]);
  });

  it('lets only the named module use what it is the one place for', () => {
    expect(messages(VIOLATIONS.openExternal, electronRestrictions('openExternal'))).toEqual([]);
    expect(messages(VIOLATIONS.ipcMain, electronRestrictions('openExternal'))).toHaveLength(1);
  });

  it('flags a <webview> in the renderer', () => {
    const found = messages(
      'export const V = () => <webview src="https://example.com" />;',
      RENDERER_RESTRICTIONS,
      'renderer/V.tsx',
    );
    expect(found).toEqual(['Security checklist 11–12: no <webview>.']);
  });
});

describe('the project’s lint configuration', () => {
  const eslint = new ESLint();
  const selectorsFor = async (file: string): Promise<string[]> => {
    const config = (await eslint.calculateConfigForFile(file)) as { rules: Record<string, unknown[]> };
    return (config.rules['no-restricted-syntax'] ?? [])
      .slice(1)
      .map((entry) => (entry as { selector: string }).selector);
  };
  const checklist = Object.values(ELECTRON_RESTRICTIONS).map((restriction) => restriction.selector);
  // With the checklist, the main process keeps its SQL under electron/db/ (tests/unit/eslint/layers.test.ts).
  const all = [...checklist, RAW_SQL.selector];

  it('applies every rule to the main process, with one exception each for window.ts, ipc.ts and preload.ts', async () => {
    expect(await selectorsFor('electron/main.ts')).toEqual(all);
    expect(await selectorsFor('electron/preload.ts')).toEqual(
      all.filter((selector) => selector !== ELECTRON_RESTRICTIONS.exposeBridge.selector),
    );
    expect(await selectorsFor('electron/menu.ts')).toEqual(all);
    expect(await selectorsFor('electron/window.ts')).toEqual(
      all.filter((selector) => selector !== ELECTRON_RESTRICTIONS.openExternal.selector),
    );
    expect(await selectorsFor('electron/ipc.ts')).toEqual(
      all.filter((selector) => selector !== ELECTRON_RESTRICTIONS.ipcMain.selector),
    );
    expect(await selectorsFor('electron/db/connection.ts')).toEqual(checklist);
    expect(await selectorsFor('renderer/App.tsx')).toEqual([RENDERER_RESTRICTIONS[1].selector]);
  });
});
