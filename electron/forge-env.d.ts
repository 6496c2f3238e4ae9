// Globals that Electron Forge's Vite plugin defines when it builds the main process.
declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined;
declare const MAIN_WINDOW_VITE_NAME: string;
