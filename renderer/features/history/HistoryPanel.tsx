import './history.css';

import { useCallback, useEffect, useRef, useState, type JSX, type KeyboardEvent } from 'react';

import type { ArticleId, Revision, RevisionId, RevisionSummary } from '../../../shared/domain';
import type { WorkflowEntry } from '../../../shared/workflow';
import { assignmentLabel } from '../library/summaries';
import { api, errorMessage } from '../../api';
import { FormProblem } from '../../components/FormProblem';
import { Icon } from '../../components/Icon';
import { useReportError } from '../../components/Notices';
import { formatPrecisely, formatWhen } from '../library/formatWhen';
import { statusLabel } from '../library/summaries';
import { RevisionCompare } from './RevisionCompare';
import { revisionKindLabel, revisionReason, revisionSigner, revisionTitle } from './revisionLabels';
import { useThrottled } from './useThrottled';
import type { ComparedText } from '../../../shared/wordDiff';
import { plural } from '../../../shared/plural';

/** The list is asked for again at most this often while saves come in. */
const REFRESH_MS = 4000;

const numbers = new Intl.NumberFormat();

type HistoryPanelProps = {
  articleId: ArticleId;
  /** Changes at every save of the article. */
  saves: number;
  /** Changes when the status was saved: answered at once, not throttled. */
  statusSaves: number;
  /** The headline, dek and body text as they stand in the editor now. */
  readCurrent: () => ComparedText;
  /** Saves anything still pending, so a new version holds what is on screen. */
  flush: () => Promise<void>;
  /** Brings back a version; the view reloads the article afterwards. */
  onRestore: (revisionId: RevisionId) => Promise<void>;
};

/** Versions of the article (kept automatically, on status changes and on demand) and its status changes. */
export function HistoryPanel({
  articleId,
  saves,
  statusSaves,
  readCurrent,
  flush,
  onRestore,
}: HistoryPanelProps): JSX.Element {
  const report = useReportError();
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  const [changes, setChanges] = useState<WorkflowEntry[]>([]);
  const [selected, setSelected] = useState<RevisionId | null>(null);
  const throttledSaves = useThrottled(saves, REFRESH_MS);
  const generation = useRef(0);

  const load = useCallback(() => {
    generation.current += 1;
    const started = generation.current;
    Promise.all([
      api.invoke('revisions:list', { articleId }),
      api.invoke('articles:workflowHistory', { id: articleId }),
    ]).then(([list, history]) => {
      if (started !== generation.current) return;
      setRevisions(list);
      setChanges(history);
    }, report);
  }, [articleId, report]);

  useEffect(() => {
    load();
  }, [load, throttledSaves, statusSaves]);

  const selectedSummary = revisions?.find((revision) => revision.id === selected) ?? null;

  return (
    <div className="history">
      <h2 className="visually-hidden">History</h2>
      <div className="panel__header">
        <h3 className="panel__title">Versions</h3>
        <SaveVersion
          onSave={async (label) => {
            await flush();
            await api.invoke('revisions:create', { articleId, label });
            load();
          }}
        />
      </div>

      <div className="history__scroll">
        {revisions === null ? (
          <p className="panel__note">Loading the history…</p>
        ) : (
          <ol className="revisions" aria-label="Versions">
            {revisions.map((revision) => (
              <RevisionRow key={revision.id} revision={revision} onOpen={() => setSelected(revision.id)} />
            ))}
          </ol>
        )}

        {selectedSummary === null ? null : (
          <RevisionLoader
            key={selectedSummary.id}
            summary={selectedSummary}
            saves={throttledSaves}
            readCurrent={readCurrent}
            onRestore={() => onRestore(selectedSummary.id)}
            onClose={() => setSelected(null)}
          />
        )}

        <StatusChanges changes={changes} />
      </div>
    </div>
  );
}

function RevisionRow({ revision, onOpen }: { revision: RevisionSummary; onOpen: () => void }): JSX.Element {
  const reason = revisionReason(revision);
  const signer = revisionSigner(revision);
  const words = plural(revision.wordCount, 'word', 'words', numbers);
  // The button is named by what it shows, so it can be called by the words on it.
  return (
    <li className={`revision revision--${revision.kind}`}>
      <button type="button" className="revision__button" aria-haspopup="dialog" onClick={onOpen}>
        <span className="revision__top">
          <span className={`revision__kind revision__kind--${revision.kind}`}>{revisionKindLabel(revision.kind)}</span>{' '}
          <time className="revision__time" dateTime={revision.createdAt} title={formatPrecisely(revision.createdAt)}>
            {formatWhen(revision.createdAt)}
          </time>
        </span>{' '}
        <span className="revision__title clamp-2">{revisionTitle(revision)}</span>{' '}
        {reason === '' ? null : <span className="revision__reason">{reason}</span>}{' '}
        <span className="revision__words">{signer === '' ? words : `${words} · ${signer}`}</span>
      </button>
    </li>
  );
}

/** Fetches a version's text, then shows it against the current text in the comparison dialog. */
function RevisionLoader({
  summary,
  saves,
  readCurrent,
  onRestore,
  onClose,
}: {
  summary: RevisionSummary;
  saves: number;
  readCurrent: () => ComparedText;
  onRestore: () => Promise<void>;
  onClose: () => void;
}): JSX.Element {
  const [revision, setRevision] = useState<Revision | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [current, setCurrent] = useState<ComparedText>(readCurrent);
  const [seenSaves, setSeenSaves] = useState(saves);
  // The current text moved on (a save came in): compare with where it is now.
  if (seenSaves !== saves) {
    setSeenSaves(saves);
    setCurrent(readCurrent());
  }

  useEffect(() => {
    let live = true;
    api.invoke('revisions:get', { id: summary.id }).then(
      (value) => {
        if (live) setRevision(value);
      },
      (error: unknown) => {
        if (live) setProblem(errorMessage(error));
      },
    );
    return () => {
      live = false;
    };
  }, [summary.id]);

  return (
    <RevisionCompare revision={revision} problem={problem} current={current} onRestore={onRestore} onClose={onClose} />
  );
}

function SaveVersion({ onSave }: { onSave: (label: string) => Promise<void> }): JSX.Element {
  const report = useReportError();
  const [open, setOpen] = useState(false);
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);

  const close = () => {
    setOpen(false);
    setLabel('');
    setProblem(null);
    // The button is back on the next render.
    setTimeout(() => opener.current?.focus(), 0);
  };

  const save = () => {
    if (label.trim() === '') {
      setProblem('Give the version a name.');
      return;
    }
    setBusy(true);
    onSave(label.trim()).then(
      () => {
        setBusy(false);
        close();
      },
      (error: unknown) => {
        setBusy(false);
        setProblem(errorMessage(error));
        report(error);
      },
    );
  };

  if (!open) {
    return (
      <button ref={opener} type="button" className="button button--small" onClick={() => setOpen(true)}>
        <Icon name="plus" />
        Save version
      </button>
    );
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  return (
    <div className="save-version" role="group" aria-label="Save version">
      <input
        className="input input--small"
        aria-label="Version name"
        placeholder="Name this version, e.g. Sent to legal"
        maxLength={200}
        // The box appears because the person asked for it: typing goes straight in.
        autoFocus
        value={label}
        onChange={(event) => {
          setLabel(event.target.value);
          setProblem(null);
        }}
        onKeyDown={onKeyDown}
      />
      <div className="save-version__actions">
        <button type="button" className="button button--primary button--small" onClick={save} disabled={busy}>
          Save
        </button>
        <button type="button" className="button button--quiet button--small" onClick={close}>
          Cancel
        </button>
      </div>
      <FormProblem problem={problem} />
    </div>
  );
}

/** What a workflow change did, in words and badges. */
function Change({ change }: { change: WorkflowEntry }): JSX.Element {
  switch (change.kind) {
    case 'status':
      return (
        <span className="status-change__move">
          <span className={`badge badge--${change.from}`}>{statusLabel(change.from)}</span>
          <span aria-hidden="true">→</span>
          <span className="visually-hidden">to</span>
          <span className={`badge badge--${change.to}`}>{statusLabel(change.to)}</span>
        </span>
      );
    case 'assignment':
      return (
        <span className="status-change__move">
          {change.to === ''
            ? `No longer assigned to ${change.from}`
            : `Assigned to ${assignmentLabel(change.to, change.step)}`}
        </span>
      );
    case 'owner':
      return (
        <span className="status-change__move">
          {change.from === '' ? `Owned by ${change.to}` : `Handed from ${change.from} to ${change.to}`}
        </span>
      );
  }
}

/** Every change of status, assignment and owner, newest first, with who made it and when. */
function StatusChanges({ changes }: { changes: WorkflowEntry[] }): JSX.Element {
  const newestFirst = [...changes].reverse();
  return (
    <div className="status-changes">
      <h3 className="panel__subtitle" id="status-changes-title">
        Status and assignment
      </h3>
      {newestFirst.length === 0 ? (
        <p className="panel__note">The status has not been changed, nor the story assigned, yet.</p>
      ) : (
        <ol className="status-changes__list" aria-labelledby="status-changes-title">
          {newestFirst.map((change, index) => (
            <li key={`${change.at}-${change.kind}-${index}`} className="status-change">
              <Change change={change} />
              <span className="status-change__meta">
                {change.by.trim() === '' ? (
                  <span className="muted" title="Set your name in Settings to sign your changes.">
                    unsigned
                  </span>
                ) : (
                  <span className="status-change__who">{change.by}</span>
                )}
                <time dateTime={change.at} title={formatPrecisely(change.at)}>
                  {formatWhen(change.at)}
                </time>
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
