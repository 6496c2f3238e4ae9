import path from 'node:path';

import { utilityProcess } from 'electron';

import { LibraryClient } from './LibraryClient';
import type { FromLibrary, LibraryStart } from './protocol';

/**
 * The desktop app's library, in an Electron utility process of its own (libraryProcess.ts,
 * built beside main.js): the window's process only forwards the window's calls to it and its
 * events to the window, so no SQL, import, export or analysis ever holds the window up.
 */
export function startLibraryProcess(options: LibraryStart): LibraryClient {
  const child = utilityProcess.fork(path.join(__dirname, 'libraryProcess.js'), [], {
    serviceName: 'Copydesk library',
    stdio: 'inherit',
  });
  const client = new LibraryClient(
    {
      post: (message) => child.postMessage(message),
      listen: (listener) => child.on('message', (message: FromLibrary) => listener(message)),
    },
    options,
  );
  child.on('exit', (code) => client.stopped(`exit code ${code}`));
  return client;
}
