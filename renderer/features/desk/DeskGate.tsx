import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useState,
  type SyntheticEvent,
  type JSX,
  type ReactNode,
} from 'react';

import type { DeskSignedIn } from '../../../shared/desk';
import {
  deskPresence,
  deskSession,
  deskSignIn,
  deskSignOut,
  errorMessage,
  MISSING_TOKEN_MESSAGE,
  onDeskSignedOut,
  whenCallsSettled,
} from '../../api';
import { BlockedScreen } from '../../components/BlockedScreen';
import { backToLibrary, takeConnectKey } from './connectToDesk';
import './desk.css';

/**
 * Who is signed in to the desk in this window, how they sign out, and who else is in which
 * story now (by article id; never the person themselves); null off a desk.
 */
export type DeskSignedInState = {
  person: DeskSignedIn;
  signOut: () => void;
  others: ReadonlyMap<string, readonly string[]>;
};

/** How often a window on a desk asks who is in which story. */
const PRESENCE_EVERY_MS = 3000;

/** Who else is in which story on the desk, asked every few seconds while the window is seen. */
function useOthersInStories(name: string): ReadonlyMap<string, readonly string[]> {
  const [others, setOthers] = useState<ReadonlyMap<string, readonly string[]>>(() => new Map());
  useEffect(() => {
    let current = true;
    const ask = () => {
      if (document.hidden) return;
      deskPresence()
        .then((stories) => {
          if (!current) return;
          const next = new Map(
            stories.flatMap(({ articleId, people }) => {
              const elsewhere = people.filter((person) => person !== name);
              return elsewhere.length === 0 ? [] : [[articleId, elsewhere] as const];
            }),
          );
          setOthers((shown) => (JSON.stringify([...shown]) === JSON.stringify([...next]) ? shown : next));
        })
        // The story's own status says when the desk is out of reach.
        .catch(() => undefined);
    };
    ask();
    const timer = setInterval(ask, PRESENCE_EVERY_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [name]);
  return others;
}

/** The desk's context for a signed-in person: who they are, and who else is where. */
function SignedIn({ person, signOut, children }: { person: DeskSignedIn; signOut: () => void; children: ReactNode }) {
  const others = useOthersInStories(person.name);
  const value = useMemo(() => ({ person, signOut, others }), [person, signOut, others]);
  return <DeskContext.Provider value={value}>{children}</DeskContext.Provider>;
}

const DeskContext = createContext<DeskSignedInState | null>(null);

/** The person signed in to the desk this window works on, or null in the app and browser mode. */
export function useDesk(): DeskSignedInState | null {
  return useContext(DeskContext);
}

type GateState =
  | { kind: 'checking' }
  | { kind: 'signed-out'; notice: string | null }
  | { kind: 'signed-in'; person: DeskSignedIn }
  /** The window's own work (an open story's last save) ends before the key is given up. */
  | { kind: 'signing-out' }
  | { kind: 'not-a-desk' }
  | { kind: 'unreachable'; message: string };

function SignInForm({ notice, onSignedIn }: { notice: string | null; onSignedIn: (person: DeskSignedIn) => void }) {
  const ids = useId();
  const [key, setKey] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (key.trim() === '') {
      setProblem('Paste the personal key the desk’s admin gave you (it starts with cdk_).');
      return;
    }
    setBusy(true);
    deskSignIn(key)
      .then(onSignedIn)
      .catch((error: unknown) => {
        setProblem(errorMessage(error));
        setBusy(false);
      });
  };
  return (
    <form className="desk-sign-in" aria-label="Sign in to the desk" onSubmit={submit} noValidate>
      {notice === null ? null : (
        <p className="desk-sign-in__notice" role="status">
          {notice}
        </p>
      )}
      <p>Everyone on the desk has a personal key, given by the desk’s admin. It signs every change you make.</p>
      <div className="form-field">
        <label className="form-field__label" htmlFor={`${ids}-key`}>
          Personal key
        </label>
        <input
          id={`${ids}-key`}
          className="input"
          type="password"
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          autoFocus
          value={key}
          aria-invalid={problem !== null}
          aria-describedby={problem === null ? undefined : `${ids}-problem`}
          onChange={(event) => {
            setKey(event.target.value);
            setProblem(null);
          }}
        />
        {problem === null ? null : (
          <p id={`${ids}-problem`} className="form-problem" role="alert">
            {problem}
          </p>
        )}
      </div>
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}

/**
 * A page with neither the desktop app's bridge nor browser mode's launch key: on a desk, the
 * person signs in with their key before anything else shows, and is asked again as soon as
 * the desk stops taking it (revoked). Elsewhere, what browser mode always said.
 */
export function DeskGate({ children }: { children: ReactNode }): JSX.Element {
  const [state, setState] = useState<GateState>({ kind: 'checking' });
  useEffect(() => {
    let live = true;
    // Opened by Connect to a desk from a library on this computer: signed in with the key handed.
    const handed = takeConnectKey();
    const session =
      handed === null
        ? deskSession()
        : deskSignIn(handed).catch((error: unknown) => {
            if (live) setState({ kind: 'signed-out', notice: errorMessage(error) });
            return null;
          });
    session
      .then((answer) => {
        if (answer === null) return;
        if (!live) return;
        if (answer === 'not-a-desk') setState({ kind: 'not-a-desk' });
        else if (answer === 'signed-out') setState({ kind: 'signed-out', notice: null });
        else setState({ kind: 'signed-in', person: answer });
      })
      .catch((error: unknown) => {
        if (live) setState({ kind: 'unreachable', message: errorMessage(error) });
      });
    return () => {
      live = false;
    };
  }, []);
  useEffect(
    () =>
      onDeskSignedOut((message) =>
        setState((current) => (current.kind === 'signed-in' ? { kind: 'signed-out', notice: message } : current)),
      ),
    [],
  );
  const signOut = useCallback(() => setState({ kind: 'signing-out' }), []);
  // The workspace is gone by now, its open story's last save sent as it closed: once every call
  // has its answer, the key is given up.
  useEffect(() => {
    if (state.kind !== 'signing-out') return;
    void whenCallsSettled()
      .then(deskSignOut)
      .catch(() => undefined)
      .finally(() => setState({ kind: 'signed-out', notice: 'You have signed out of the desk.' }));
  }, [state.kind]);

  switch (state.kind) {
    case 'signing-out':
      return (
        <BlockedScreen title="Signing out…">
          <p role="status">Saving your last changes first.</p>
        </BlockedScreen>
      );
    case 'checking':
      return (
        <BlockedScreen title="Opening the desk…">
          <p role="status">Checking who is signed in.</p>
        </BlockedScreen>
      );
    case 'not-a-desk':
      return (
        <BlockedScreen title="Copydesk needs its session key">
          <p>{MISSING_TOKEN_MESSAGE}</p>
        </BlockedScreen>
      );
    case 'unreachable':
      return (
        <BlockedScreen title="The desk is not reachable">
          <p>{state.message}</p>
        </BlockedScreen>
      );
    case 'signed-out':
      return (
        <BlockedScreen title="Sign in to the desk">
          <SignInForm notice={state.notice} onSignedIn={(person) => setState({ kind: 'signed-in', person })} />
        </BlockedScreen>
      );
    case 'signed-in':
      return (
        <SignedIn key={state.person.name} person={state.person} signOut={signOut}>
          {children}
        </SignedIn>
      );
  }
}

/** Who is signed in, at the foot of the library, with the way out. */
export function DeskPerson({ desk }: { desk: DeskSignedInState }): JSX.Element {
  return (
    <span className="desk-person">
      <span className="desk-person__name" title={`Signed in to the desk as ${desk.person.name}, ${desk.person.role}`}>
        {desk.person.name} <span className="desk-person__role">({desk.person.role})</span>
      </span>
      <button type="button" className="button button--small" onClick={desk.signOut}>
        Sign out
      </button>
    </span>
  );
}

/** The way back to the library on this computer, when this tab came to the desk by Connect to a desk. */
export function BackToLibrary(): JSX.Element | null {
  const [back] = useState(backToLibrary);
  return back === null ? null : (
    <p className="desk-back">
      <a href={`${back}/`}>Back to this computer’s library</a>
    </p>
  );
}
