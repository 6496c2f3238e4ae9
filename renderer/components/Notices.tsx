import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type JSX,
  type ReactNode,
} from 'react';

import { errorMessage } from '../api';

/** A way to take back what a notice announces ("Undo"). */
export type NoticeAction = {
  label: string;
  /** The button's full name, beginning with `label` ("Undo moving “Ferry” to the trash"). */
  name: string;
  run: () => void;
};

type Notice = {
  id: number;
  message: string;
  tone: 'problem' | 'done';
  action: NoticeAction | null;
  /** How long the notice stays while nobody points at it or has focus in it; null for until dismissed. */
  durationMs: number | null;
};

type Report = (error: unknown) => void;

/** Something done, worth a moment's notice, perhaps with a way to take it back. */
export type Announce = (notice: { message: string; action?: NoticeAction; durationMs?: number }) => void;

const ReportContext = createContext<Report>(() => undefined);
const AnnounceContext = createContext<Announce>(() => undefined);

/** Shows any failure to the person at the desk; nothing a call throws is swallowed. */
export function useReportError(): Report {
  return useContext(ReportContext);
}

/** Tells the person something was done ("Moved “Ferry” to the trash"), with an action to undo it. */
export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}

const MAX_NOTICES = 4;

export function NoticesProvider({ children }: { children: ReactNode }): JSX.Element {
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);

  const add = useCallback((notice: Omit<Notice, 'id'>) => {
    const id = nextId.current;
    nextId.current += 1;
    setNotices((current) => {
      // The same message repeated (a dead server, say) is one notice, not a pile of them.
      const others = current.filter((shown) => shown.message !== notice.message);
      return [...others, { ...notice, id }].slice(-MAX_NOTICES);
    });
  }, []);

  const report = useCallback<Report>(
    (error) => add({ message: errorMessage(error), tone: 'problem', action: null, durationMs: null }),
    [add],
  );

  const announce = useCallback<Announce>(
    ({ message, action, durationMs }) =>
      add({ message, tone: 'done', action: action ?? null, durationMs: durationMs ?? null }),
    [add],
  );

  const dismiss = useCallback((id: number) => {
    setNotices((current) => current.filter((notice) => notice.id !== id));
  }, []);

  return (
    <ReportContext.Provider value={report}>
      <AnnounceContext.Provider value={announce}>
        {children}
        <div className="notices" aria-live="polite">
          {notices.map((notice) => (
            <NoticeCard key={notice.id} notice={notice} onDismiss={() => dismiss(notice.id)} />
          ))}
        </div>
      </AnnounceContext.Provider>
    </ReportContext.Provider>
  );
}

function NoticeCard({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }): JSX.Element {
  const messageId = useId();
  const actionRef = useRef<HTMLButtonElement>(null);
  // A notice stays while the pointer is on it or the focus in it: time to read it and reach its action.
  const [held, setHeld] = useState(false);
  const dismissRef = useRef(onDismiss);
  useLayoutEffect(() => {
    dismissRef.current = onDismiss;
  });

  useEffect(() => {
    // What was acted on has gone (the trash button with its story): the focus goes to the way back.
    if (notice.action !== null && (document.activeElement === null || document.activeElement === document.body)) {
      actionRef.current?.focus();
    }
  }, [notice.action]);

  useEffect(() => {
    if (held || notice.durationMs === null) return undefined;
    const timer = setTimeout(() => dismissRef.current(), notice.durationMs);
    return () => clearTimeout(timer);
  }, [held, notice.durationMs]);

  return (
    <div
      className={`notice notice--${notice.tone}`}
      role={notice.tone === 'problem' ? 'alert' : 'status'}
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={(event) => {
        if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) setHeld(false);
      }}
    >
      <p className="notice__message" id={messageId}>
        {notice.message}
      </p>
      {notice.action === null ? null : (
        <button
          ref={actionRef}
          type="button"
          className="button button--small notice__action"
          aria-label={notice.action.name}
          aria-describedby={messageId}
          onClick={() => {
            notice.action?.run();
            onDismiss();
          }}
        >
          {notice.action.label}
        </button>
      )}
      <button type="button" className="button button--quiet notice__dismiss" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
