import { useState, type JSX } from 'react';

import type { LibraryStatus, RestoreResult } from '../../../shared/libraries';
import { api, errorMessage } from '../../api';
import { BlockedScreen } from '../../components/BlockedScreen';
import { FormProblem } from '../../components/FormProblem';
import { LibrariesDialog } from './LibrariesDialog';
import { RestoreDialog } from './RestoreDialog';
import { articlesLabel, backupSummary, fileName, reloadOnNewLibrary, whenLabel } from './libraryNames';

type OpenDialog = 'open' | 'create' | 'restore' | null;

/**
 * What the app shows instead of the workspace when its library cannot be opened: the reason,
 * and the ways out — the newest sound backup, another library, a new one.
 */
export function LibraryUnavailable({ status }: { status: LibraryStatus }): JSX.Element {
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [restored, setRestored] = useState<RestoreResult | null>(null);
  const damaged = status.problem?.code === 'library-damaged';
  const latest = status.latestBackup;

  const restoreLatest = () => {
    if (latest === null) return;
    setBusy(true);
    setProblem(null);
    api
      .invoke('backups:restore', { name: latest.name })
      .then(setRestored, (error: unknown) => setProblem(errorMessage(error)))
      .finally(() => setBusy(false));
  };

  if (restored !== null) {
    return (
      <BlockedScreen label="Library restored" title="The backup is restored">
        <p>
          {fileName(status.path)} is back as it was on {whenLabel(restored.restored.createdAt)} (
          {articlesLabel(restored.restored.articleCount)}).
        </p>
        {restored.setAside === null ? null : (
          <p className="muted">
            The {damaged ? 'damaged' : 'previous'} file is kept as <code>{restored.setAside}</code>; nothing was
            deleted.
          </p>
        )}
        <button type="button" className="button button--primary" onClick={reloadOnNewLibrary}>
          Open the library
        </button>
      </BlockedScreen>
    );
  }

  return (
    <BlockedScreen
      label="Library unavailable"
      title={damaged ? 'This library is damaged' : 'This library cannot be opened'}
      after={
        <>
          {dialog === 'open' || dialog === 'create' ? (
            <LibrariesDialog status={status} mode={dialog} onClose={() => setDialog(null)} />
          ) : null}
          {dialog === 'restore' ? <RestoreDialog status={status} onClose={() => setDialog(null)} /> : null}
        </>
      }
    >
      <p>{status.problem?.message}</p>
      {latest === null ? (
        <p className="muted">No backup of this library was found beside it.</p>
      ) : (
        <button type="button" className="button button--primary" onClick={restoreLatest} disabled={busy}>
          Restore the latest good backup ({backupSummary(latest)})
        </button>
      )}
      <FormProblem problem={problem} />
      <div className="message-card__actions">
        {latest === null ? null : (
          <button type="button" className="button" onClick={() => setDialog('restore')}>
            Choose another backup…
          </button>
        )}
        <button type="button" className="button" onClick={() => setDialog('open')}>
          Open another library…
        </button>
        <button type="button" className="button" onClick={() => setDialog('create')}>
          Create a new library…
        </button>
      </div>
    </BlockedScreen>
  );
}
