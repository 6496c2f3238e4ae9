import { LIVE_LIMITS } from '../../shared/desk';
import type { LiveStories } from '../desk/liveStories';
import type { DeskGate } from '../web/server';
import { userDataDir } from '../services/paths';
import type { Io } from './options';

/** What `copydesk desk serve` adds to browser mode: people's keys, and where it listens. */
export type DeskServing = { host: string; storiesPerPerson: number; tls?: { cert: Buffer; key: Buffer } };

/**
 * Browser mode, and a desk. Everything the page asks of its library runs in a thread of its
 * own, started from the module the desktop app runs in its library process: this thread only
 * serves files and passes calls on, so a request is read at once however busy the library is.
 */
export async function serve(libraryFile: string, port: number, io: Io, desk?: DeskServing): Promise<number> {
  const [{ ensureRendererBuilt, projectRoot }, { startWebServer }, { startLibraryThread }] = await Promise.all([
    import('../web/rendererBuild'),
    import('../web/server'),
    import('../library/libraryThread'),
  ]);
  const staticDir = await ensureRendererBuilt(projectRoot(), (line) => io.err(`${line}\n`));
  const library = startLibraryThread({
    libraryPath: libraryFile,
    userDataDir: userDataDir(),
    markInUseAs:
      desk === undefined ? 'Copydesk in browser mode (copydesk serve)' : 'a Copydesk desk (copydesk desk serve)',
  });
  try {
    const stopped = new Promise<never>((_, reject) => {
      library.worker.once('exit', (code) =>
        reject(new Error(`the library stopped before it opened (exit code ${code}); nothing was changed.`)),
      );
    });
    // The app starts even on a damaged library: the page offers its backups.
    const status = await Promise.race([library.client.ready, stopped]);
    if (status.problem !== null) {
      io.err(`copydesk: ${status.problem.message}\nThe page offers its backups and other libraries.\n`);
    }
    const client = library.client;
    let gate: DeskGate = { signIn: client.signIn, callAs: client.callAs };
    let live: LiveStories | undefined;
    if (desk !== undefined) {
      const { liveStories, tellingLive } = await import('../desk/liveStories');
      live = liveStories(client, { perKey: desk.storiesPerPerson, total: LIVE_LIMITS.total });
      gate = { ...gate, callAs: tellingLive(client.callAs, live), live };
    }
    const server = await startWebServer({
      answer: library.client.call,
      staticDir,
      port,
      ...(desk === undefined
        ? {}
        : { desk: gate, host: desk.host, ...(desk.tls === undefined ? {} : { tls: desk.tls }) }),
    });
    if (desk === undefined) {
      io.out(`Copydesk is running at ${server.url}\n`);
      io.err('Open that address in a browser on this computer. Press Ctrl+C to stop.\n');
    } else {
      io.out(`The desk is running at ${server.url}\n`);
      io.err(
        'Each person opens that address and signs in with the personal key `copydesk desk add-person` printed for them. Press Ctrl+C to stop.\n',
      );
    }
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await live?.close();
    await server.close();
  } finally {
    await library.stop();
  }
  return 0;
}
