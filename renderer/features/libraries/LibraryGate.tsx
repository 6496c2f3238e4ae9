import { createContext, useCallback, useContext, useEffect, useRef, useState, type JSX, type ReactNode } from 'react';

import type { LibraryStatus } from '../../../shared/libraries';
import { api, errorMessage, onLibraryChanged } from '../../api';
import { BlockedScreen } from '../../components/BlockedScreen';
import { useReportError } from '../../components/Notices';
import { LibraryUnavailable } from './LibraryUnavailable';
import { fileName } from './libraryNames';

/** How often the page asks whether the daily backup failed. */
const STATUS_POLL_MS = 5 * 60 * 1000;

const StatusContext = createContext<LibraryStatus | null>(null);

/** The state of the library the page works on, as of the last check. */
export function useLibraryStatus(): LibraryStatus | null {
  return useContext(StatusContext);
}

/**
 * Shows its children only when a library is open. When none could be opened (a damaged file,
 * say), shows what happened and the ways out instead. Names the open library in the window
 * title, and reports a failed automatic backup once.
 */
export function LibraryGate({ children }: { children: ReactNode }): JSX.Element | null {
  const report = useReportError();
  const [status, setStatus] = useState<LibraryStatus | null>(null);
  const [unreachable, setUnreachable] = useState<string | null>(null);
  // The failure already shown: a failing daily backup is reported once, not at every check.
  const reported = useRef<string | null>(null);

  const check = useCallback(() => {
    api.invoke('library:status', {}).then(
      (next) => {
        setStatus(next);
        setUnreachable(null);
        if (next.backupFailure !== null && next.backupFailure !== reported.current) {
          report(new Error(`The automatic backup failed: ${next.backupFailure}`));
        }
        reported.current = next.backupFailure;
      },
      (error: unknown) => setUnreachable(errorMessage(error)),
    );
  }, [report]);

  useEffect(() => {
    check();
    const timer = window.setInterval(check, STATUS_POLL_MS);
    // The desktop menu can switch or restore the library underneath the page.
    const stopListening = onLibraryChanged(check);
    return () => {
      window.clearInterval(timer);
      stopListening();
    };
  }, [check]);

  useEffect(() => {
    document.title = status === null ? 'Copydesk' : `Copydesk — ${fileName(status.path)}`;
  }, [status]);

  if (status === null) {
    if (unreachable === null) return null;
    return (
      <BlockedScreen title="Copydesk cannot reach its library">
        <p>{unreachable}</p>
      </BlockedScreen>
    );
  }
  if (status.state === 'unavailable') return <LibraryUnavailable status={status} />;
  return <StatusContext.Provider value={status}>{children}</StatusContext.Provider>;
}
