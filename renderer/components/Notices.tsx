import { createContext, useCallback, useContext, useRef, useState, type JSX, type ReactNode } from 'react';

import { errorMessage } from '../api';

type Notice = { id: number; message: string };

type Report = (error: unknown) => void;

const ReportContext = createContext<Report>(() => undefined);

/** Shows any failure to the person at the desk; nothing a call throws is swallowed. */
export function useReportError(): Report {
  return useContext(ReportContext);
}

const MAX_NOTICES = 4;

export function NoticesProvider({ children }: { children: ReactNode }): JSX.Element {
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);

  const report = useCallback<Report>((error) => {
    const message = errorMessage(error);
    const id = nextId.current;
    nextId.current += 1;
    setNotices((current) => {
      // The same failure repeated (a dead server, say) is one message, not a pile of them.
      const others = current.filter((notice) => notice.message !== message);
      return [...others, { id, message }].slice(-MAX_NOTICES);
    });
  }, []);

  const dismiss = useCallback((id: number) => {
    setNotices((current) => current.filter((notice) => notice.id !== id));
  }, []);

  return (
    <ReportContext.Provider value={report}>
      {children}
      <div className="notices" aria-live="polite">
        {notices.map((notice) => (
          <div key={notice.id} className="notice" role="alert">
            <p className="notice__message">{notice.message}</p>
            <button type="button" className="button button--quiet notice__dismiss" onClick={() => dismiss(notice.id)}>
              Dismiss
            </button>
          </div>
        ))}
      </div>
    </ReportContext.Provider>
  );
}
