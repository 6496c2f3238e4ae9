import { useEffect, useId, useState, type JSX, type SyntheticEvent } from 'react';

import type { LibraryStatus, RecentLibrary } from '../../../shared/libraries';
import { api, errorMessage, transportKind } from '../../api';
import { connectAddress } from '../desk/connectToDesk';
import { useDeskAndKey } from '../desk/DeskAndKey';
import { Dialog } from '../../components/Dialog';
import { FormProblem } from '../../components/FormProblem';
import { useReportError } from '../../components/Notices';
import { reloadOnNewLibrary, whenLabel } from './libraryNames';

type LibrariesDialogProps = {
  status: LibraryStatus;
  /** Which action the path field is for when the dialog opens. */
  mode?: 'open' | 'create';
  onClose: () => void;
  /** Opens the restore dialog; absent when no library is open. */
  onRestore?: () => void;
};

/** The folder of a path, with its trailing separator: where a new library's name is typed. */
function folderOf(path: string): string {
  const at = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return at === -1 ? '' : path.slice(0, at + 1);
}

/**
 * The libraries: the one open now, the recent ones, and a path to open or create another. A
 * library that fails to open leaves the current one open, and the reason is shown here.
 */
export function LibrariesDialog({ status, mode = 'open', onClose, onRestore }: LibrariesDialogProps): JSX.Element {
  const report = useReportError();
  const [recent, setRecent] = useState<RecentLibrary[] | null>(null);
  const [path, setPath] = useState(() => (mode === 'create' ? folderOf(status.path) : ''));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = useId();

  useEffect(() => {
    api.invoke('libraries:recent', {}).then(setRecent, report);
  }, [report]);

  const go = (action: 'libraries:open' | 'libraries:create', target: string) => {
    setBusy(true);
    setProblem(null);
    api.invoke(action, { path: target }).then(reloadOnNewLibrary, (error: unknown) => {
      setProblem(errorMessage(error));
      setBusy(false);
    });
  };

  const submit = (event: SyntheticEvent<HTMLFormElement, SubmitEvent>) => {
    event.preventDefault();
    const create = event.nativeEvent.submitter?.dataset.action === 'create';
    if (path.trim() === '') {
      setProblem('Type the path of a library file, such as /home/me/archive.sqlite3.');
      return;
    }
    go(create ? 'libraries:create' : 'libraries:open', path.trim());
  };

  const forget = (entry: RecentLibrary) => {
    api.invoke('libraries:forget', { path: entry.path }).then(setRecent, report);
  };

  const others = recent?.filter((entry) => !entry.current) ?? [];
  const footer = (
    <>
      {onRestore === undefined ? null : (
        <button type="button" className="button button--quiet" onClick={onRestore}>
          Restore from backup…
        </button>
      )}
      <button type="button" className="button" onClick={onClose}>
        Close
      </button>
    </>
  );

  return (
    <Dialog title="Libraries" onClose={onClose} footer={footer} className="dialog--libraries">
      <div className="libraries">
        {status.state === 'open' ? (
          <p className="libraries__current">
            Open now: <strong>{status.path}</strong>
          </p>
        ) : null}

        <section aria-labelledby={`${ids}-recent`} className="libraries__group">
          <h3 id={`${ids}-recent`} className="settings__heading">
            Recent libraries
          </h3>
          {recent === null ? (
            <p className="muted">Loading…</p>
          ) : others.length === 0 ? (
            <p className="muted">No other library has been opened yet.</p>
          ) : (
            <ul className="libraries__list" aria-label="Recent libraries">
              {others.map((entry) => (
                <li key={entry.path} className="libraries__item">
                  <span className="libraries__name">
                    <strong>{entry.name}</strong>
                    <span className="libraries__path" title={entry.path}>
                      {entry.path}
                    </span>
                    <span className="muted">
                      {entry.exists ? `Opened ${whenLabel(entry.openedAt)}` : 'The file is no longer there'}
                    </span>
                  </span>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Open ${entry.name}`}
                    disabled={busy || !entry.exists}
                    onClick={() => go('libraries:open', entry.path)}
                  >
                    Open
                  </button>
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    aria-label={`Remove ${entry.name} from the list`}
                    onClick={() => forget(entry)}
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>

        <form className="libraries__group" onSubmit={submit} noValidate aria-labelledby={`${ids}-other`}>
          <h3 id={`${ids}-other`} className="settings__heading">
            Another library
          </h3>
          <label className="form-field">
            <span className="form-field__label">Library file</span>
            <input
              className="input"
              type="text"
              value={path}
              spellCheck={false}
              autoComplete="off"
              placeholder="The library file’s full path"
              onChange={(event) => setPath(event.target.value)}
            />
            <span className="form-field__hint">
              Open an existing library file, or create a new one under a name that does not exist yet.
            </span>
          </label>
          <FormProblem problem={problem} />
          <div className="libraries__actions">
            <button
              type="submit"
              data-action="open"
              className={`button${mode === 'open' ? ' button--primary' : ''}`}
              disabled={busy}
            >
              Open library
            </button>
            <button
              type="submit"
              data-action="create"
              className={`button${mode === 'create' ? ' button--primary' : ''}`}
              disabled={busy}
            >
              Create library
            </button>
          </div>
        </form>
        {transportKind() === 'browser' ? <ConnectToDesk /> : null}
      </div>
    </Dialog>
  );
}

/**
 * Connect to a desk (browser mode): the window goes to the desk's page, signed in with the key
 * given, and that page offers the way back here. Each field says what is wrong with it.
 */
function ConnectToDesk(): JSX.Element {
  const ids = useId();
  const form = useDeskAndKey();
  const connect = (event: SyntheticEvent<HTMLFormElement, SubmitEvent>) => {
    event.preventDefault();
    form.tried();
    if (form.valid === null) return;
    window.location.assign(connectAddress(form.valid.desk, form.valid.key, window.location.origin));
  };
  return (
    <form className="libraries__group" onSubmit={connect} noValidate aria-labelledby={`${ids}-desk`}>
      <h3 id={`${ids}-desk`} className="settings__heading">
        A desk
      </h3>
      <p className="form-field__hint">
        Work in a desk’s shared library, with everyone on it. This window goes to the desk; the desk’s page has the way
        back to this library.
      </p>
      {form.fields(ids, null)}
      <div className="libraries__actions">
        <button type="submit" className="button">
          Connect to the desk
        </button>
      </div>
    </form>
  );
}
