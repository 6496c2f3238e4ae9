import { useCallback, useMemo, useRef, useState } from 'react';

import type { LibraryInfo } from '../../../shared/domain';
import { api } from '../../api';

export type Library = {
  info: LibraryInfo | null;
  /**
   * Bumped whenever articles were created, saved, trashed or restored: the lists and the
   * filter counts on screen ask again for what they show.
   */
  version: number;
  reload: () => Promise<void>;
  /** A save changed an article: its row, its place in the order and the counts may change. */
  noteSaved: () => void;
  /** An article came, went to the trash or came back: the totals change too. */
  noteChanged: () => void;
};

/** What the library holds (file, totals) and a version that moves whenever its articles change. */
export function useLibrary(report: (error: unknown) => void): Library {
  const [info, setInfo] = useState<LibraryInfo | null>(null);
  const [version, setVersion] = useState(0);
  // A reload supersedes every request started before it.
  const generation = useRef(0);

  const reload = useCallback(async () => {
    generation.current += 1;
    const started = generation.current;
    setVersion((value) => value + 1);
    try {
      const libraryInfo = await api.invoke('library:info', {});
      if (started === generation.current) setInfo(libraryInfo);
    } catch (error) {
      report(error);
    }
  }, [report]);

  const noteSaved = useCallback(() => setVersion((value) => value + 1), []);
  const noteChanged = useCallback(() => void reload(), [reload]);

  return useMemo(
    () => ({ info, version, reload, noteSaved, noteChanged }),
    [info, version, reload, noteSaved, noteChanged],
  );
}
