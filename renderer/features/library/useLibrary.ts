import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

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

/** How often a window on a desk asks whether others changed the library. */
const FOLLOW_EVERY_MS = 3000;

const sameLibrary = (a: LibraryInfo, b: LibraryInfo) =>
  a.articleCount === b.articleCount && a.trashedCount === b.trashedCount && a.lastChangeAt === b.lastChangeAt;

/**
 * What the library holds (file, totals) and a version that moves whenever its articles change.
 * With `follow` (a desk, where others write too), it asks every few seconds whether the library
 * changed, and moves the version when it did: the lists show others' new stories and headlines.
 */
export function useLibrary(report: (error: unknown) => void, follow = false): Library {
  const [info, setInfo] = useState<LibraryInfo | null>(null);
  const [version, setVersion] = useState(0);
  const infoRef = useRef(info);
  useEffect(() => {
    infoRef.current = info;
  }, [info]);
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

  useEffect(() => {
    if (!follow) return undefined;
    let asking = false;
    const ask = () => {
      if (asking || document.hidden) return;
      asking = true;
      const started = generation.current;
      api
        .invoke('library:info', {})
        .then((latest) => {
          const shown = infoRef.current;
          if (started !== generation.current || shown === null || sameLibrary(shown, latest)) return;
          setInfo(latest);
          setVersion((value) => value + 1);
        })
        // A desk out of reach is told by the story's own status; the list waits for it quietly.
        .catch(() => undefined)
        .finally(() => {
          asking = false;
        });
    };
    const timer = setInterval(ask, FOLLOW_EVERY_MS);
    return () => clearInterval(timer);
  }, [follow]);

  const noteSaved = useCallback(() => setVersion((value) => value + 1), []);
  const noteChanged = useCallback(() => void reload(), [reload]);

  return useMemo(
    () => ({ info, version, reload, noteSaved, noteChanged }),
    [info, version, reload, noteSaved, noteChanged],
  );
}
