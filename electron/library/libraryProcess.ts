// The library's process: Electron's utility process in the desktop app (see startLibraryProcess),
// or a worker thread under Node (the tests). Everything the app does to its library runs here.
import { parentPort as threadPort } from 'node:worker_threads';

import type { FromLibrary, Port, ToLibrary } from './protocol';
import { serveLibrary } from './serveLibrary';

/** Electron's parentPort, as a utility process has it: messages arrive wrapped in an event. */
type UtilityParentPort = {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
};

function parentChannel(): Port<ToLibrary, FromLibrary> | null {
  const utility = (process as { parentPort?: UtilityParentPort }).parentPort;
  if (utility !== undefined) {
    return {
      post: (message) => utility.postMessage(message),
      listen: (listener) => utility.on('message', (event) => listener(event.data as ToLibrary)),
    };
  }
  if (threadPort !== null) {
    const thread = threadPort;
    return {
      post: (message) => thread.postMessage(message),
      listen: (listener) => thread.on('message', (message: ToLibrary) => listener(message)),
    };
  }
  return null;
}

/** Serves the library once the first message has said which, and where the person's data is. */
export function runLibraryProcess(port: Port<ToLibrary, FromLibrary>): void {
  let started = false;
  port.listen((message) => {
    if (message.type !== 'start' || started) return;
    started = true;
    serveLibrary(port, message.options);
  });
}

const channel = parentChannel();
if (channel !== null) runLibraryProcess(channel);
