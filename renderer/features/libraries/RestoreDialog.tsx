import { useCallback, useEffect, useState, type JSX } from 'react';

import type { BackupInfo, BackupList, LibraryStatus, RestoreResult } from '../../../shared/libraries';
import { api, errorMessage } from '../../api';
import { Dialog } from '../../components/Dialog';
import { FormProblem } from '../../components/FormProblem';
import { articlesLabel, fileName, reasonLabel, reloadOnNewLibrary, sizeLabel, whenLabel } from './libraryNames';

type Step = { kind: 'list' } | { kind: 'confirm'; backup: BackupInfo } | { kind: 'done'; result: RestoreResult };

/**
 * Restore from backup: the library's backups (newest first), a confirmation naming what will
 * happen to the file as it is now, and "Back up now".
 */
export function RestoreDialog({ status, onClose }: { status: LibraryStatus; onClose: () => void }): JSX.Element {
  const [list, setList] = useState<BackupList | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'list' });
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const name = fileName(status.path);
  const replacing = status.state === 'open' ? 'before-restore' : 'damaged';

  const load = useCallback(() => {
    api.invoke('backups:list', {}).then(setList, (error: unknown) => setProblem(errorMessage(error)));
  }, []);
  useEffect(load, [load]);

  const backUpNow = () => {
    setBusy(true);
    setProblem(null);
    api
      .invoke('backups:create', {})
      .then(load, (error: unknown) => setProblem(errorMessage(error)))
      .finally(() => setBusy(false));
  };

  const restore = (backup: BackupInfo) => {
    setBusy(true);
    setProblem(null);
    api
      .invoke('backups:restore', { name: backup.name })
      .then(
        (result) => setStep({ kind: 'done', result }),
        (error: unknown) => setProblem(errorMessage(error)),
      )
      .finally(() => setBusy(false));
  };

  if (step.kind === 'done') {
    const { result } = step;
    return (
      <Dialog
        title="Backup restored"
        className="dialog--backup"
        onClose={reloadOnNewLibrary}
        footer={
          <button type="button" className="button button--primary" onClick={reloadOnNewLibrary}>
            Continue
          </button>
        }
      >
        <p>
          {name} is back as it was on {whenLabel(result.restored.createdAt)} (
          {articlesLabel(result.restored.articleCount)}).
        </p>
        {result.setAside === null ? null : (
          <p className="muted">
            The file it replaced is kept as <code>{result.setAside}</code>; nothing was deleted.
          </p>
        )}
      </Dialog>
    );
  }

  if (step.kind === 'confirm') {
    const { backup } = step;
    return (
      <Dialog
        title="Restore this backup?"
        className="dialog--backup"
        onClose={() => setStep({ kind: 'list' })}
        footer={
          <>
            <FormProblem problem={problem} />
            <button type="button" className="button button--quiet" onClick={() => setStep({ kind: 'list' })}>
              Cancel
            </button>
            <button type="button" className="button button--danger" disabled={busy} onClick={() => restore(backup)}>
              Restore
            </button>
          </>
        }
      >
        <p>
          {name} will be replaced by the backup of {whenLabel(backup.createdAt)} ({articlesLabel(backup.articleCount)}).
        </p>
        <p className="muted">
          The library as it is now is kept beside it as <code>{`${name}.${replacing}-…`}</code>; nothing is deleted.
          Anything written since the backup stays in that file only.
        </p>
      </Dialog>
    );
  }

  return (
    <Dialog
      title="Restore from backup"
      onClose={onClose}
      className="dialog--restore dialog--backup"
      footer={
        <>
          <FormProblem problem={problem} />
          {status.state === 'open' ? (
            <button type="button" className="button" disabled={busy} onClick={backUpNow}>
              Back up now
            </button>
          ) : null}
          <button type="button" className="button button--quiet" onClick={onClose}>
            Close
          </button>
        </>
      }
    >
      {list === null ? (
        <p className="muted">Reading the backups…</p>
      ) : (
        <>
          <p className="muted">
            Backups of {name} are kept in <code>{list.folder}</code>: one a day while Copydesk is open, one before every
            format update, and those made with Back up now.
          </p>
          {list.lastFailure === null ? null : (
            <p className="form-problem" role="alert">
              The last automatic backup failed: {list.lastFailure}
            </p>
          )}
          {list.backups.length === 0 ? (
            <p>There are no backups yet.</p>
          ) : (
            <table className="backups" aria-label="Backups">
              <thead>
                <tr>
                  <th scope="col">Made</th>
                  <th scope="col">Why</th>
                  <th scope="col">Size</th>
                  <th scope="col">Articles</th>
                  <th scope="col">
                    <span className="visually-hidden">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.backups.map((backup) => (
                  <tr key={backup.name}>
                    <td>{whenLabel(backup.createdAt)}</td>
                    <td>{reasonLabel(backup.reason)}</td>
                    <td>{sizeLabel(backup.sizeBytes)}</td>
                    <td>{articlesLabel(backup.articleCount)}</td>
                    <td>
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={`Restore: ${whenLabel(backup.createdAt)}, ${reasonLabel(backup.reason)}, ${articlesLabel(backup.articleCount)}`}
                        disabled={busy || backup.articleCount === null}
                        onClick={() => {
                          setProblem(null);
                          setStep({ kind: 'confirm', backup });
                        }}
                      >
                        Restore…
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </Dialog>
  );
}
