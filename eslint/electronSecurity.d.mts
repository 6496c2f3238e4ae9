export type Restriction = { selector: string; message: string };
export type RestrictionName =
  | 'nodeInRenderer'
  | 'isolationOff'
  | 'webSecurityOff'
  | 'insecureContent'
  | 'experimentalFeatures'
  | 'blinkFeatures'
  | 'webview'
  | 'bypassCsp'
  | 'loadOtherPage'
  | 'loadFile'
  | 'openExternal'
  | 'ipcMain'
  | 'exposeBridge'
  | 'exposeElectron'
  | 'remote';
export declare const ELECTRON_RESTRICTIONS: Record<RestrictionName, Restriction>;
export declare function electronRestrictions(...allowed: RestrictionName[]): ['error', ...Restriction[]];
export declare const RENDERER_RESTRICTIONS: ['error', Restriction];
