import type { CopydeskBridge } from '../shared/api';

declare global {
  interface Window {
    /** Present only in the desktop app, where the preload exposes the API. */
    copydesk?: CopydeskBridge;
  }
}

export {};
