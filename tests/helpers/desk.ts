import path from 'node:path';

import { startLibraryThread } from '../../electron/library/libraryThread';
import { LibraryHost } from '../../electron/services/LibraryHost';
import { addPerson } from '../../electron/services/people';
import type { DeskRole } from '../../shared/desk';

/**
 * A desk's library in a thread of its own, as `copydesk desk serve` runs it, with `people`
 * added first as `copydesk desk add-person` adds them: straight into the library file. Their
 * keys, by name.
 */
export async function startDeskLibrary(
  libraryPath: string,
  dataDir: string,
  people: Readonly<Record<string, DeskRole>>,
): Promise<{ library: ReturnType<typeof startLibraryThread>; keys: Record<string, string> }> {
  const host = LibraryHost.open(libraryPath);
  const keys: Record<string, string> = {};
  for (const [name, role] of Object.entries(people)) keys[name] = addPerson(host.current, name, role).key;
  host.close();
  const library = startLibraryThread({
    libraryPath,
    userDataDir: path.join(dataDir, 'data'),
    markInUseAs: 'a desk under test',
    workers: 1,
  });
  await library.client.ready;
  return { library, keys };
}
