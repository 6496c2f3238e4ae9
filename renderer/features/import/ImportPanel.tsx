import './import.css';

import { useState, type JSX, type MouseEvent, type ReactNode } from 'react';

import type { ImportReport } from '../../../shared/imports';
import { plural } from '../../../shared/plural';
import { articleHref } from '../library/ArticleRow';
import type { ImportRun } from './useImport';

const numbers = new Intl.NumberFormat();

/** Rows shown per list; a folder of thousands is summarised, not printed in full. */
const SHOWN = 200;

function headingOf(run: ImportRun): string {
  switch (run.state) {
    case 'reading':
    case 'importing':
      return run.stopping ? 'Stopping the import…' : `Importing ${plural(run.total, 'file', 'files', numbers)}`;
    case 'cancelled':
      return 'Import stopped';
    case 'done':
      return 'Import finished';
  }
}

function List<T>({
  title,
  items,
  render,
  open = false,
}: {
  title: string;
  items: readonly T[];
  render: (item: T) => ReactNode;
  open?: boolean;
}): JSX.Element | null {
  if (items.length === 0) return null;
  const rest = items.length - SHOWN;
  return (
    <details className="import-panel__details" open={open}>
      <summary>{title}</summary>
      <ul className="import-panel__list stacked-list">
        {items.slice(0, SHOWN).map(render)}
        {rest > 0 ? <li className="muted">…and {numbers.format(rest)} more</li> : null}
      </ul>
    </details>
  );
}

function Outcome({ report, running }: { report: ImportReport; running: boolean }): JSX.Element {
  const noted = report.imported.filter((item) => item.notes.length > 0 || item.unlinkedAlsoSee.length > 0);
  return (
    <>
      <ul className="import-panel__counts">
        {running ? null : <li>{plural(report.imported.length, 'article imported', 'articles imported', numbers)}</li>}
        {report.duplicates.length > 0 ? (
          <li>
            {plural(
              report.duplicates.length,
              'already in the library, skipped',
              'already in the library, skipped',
              numbers,
            )}
          </li>
        ) : null}
        {report.failed.length > 0 ? (
          <li className="import-panel__bad">
            {plural(report.failed.length, 'file not imported', 'files not imported', numbers)}
          </li>
        ) : null}
        {report.ignored.length > 0 ? (
          <li className="muted">{plural(report.ignored.length, 'file left alone', 'files left alone', numbers)}</li>
        ) : null}
      </ul>
      <List
        title="Not imported"
        open
        items={report.failed}
        render={(problem) => (
          <li key={`${problem.file}:${problem.reason}`}>
            <span className="import-panel__file">{problem.file === '' ? 'Import' : problem.file}</span>
            <span className="import-panel__reason">{problem.reason}</span>
          </li>
        )}
      />
      <List
        title="Already in the library"
        items={report.duplicates}
        render={(duplicate) => (
          <li key={duplicate.file}>
            <span className="import-panel__file">{duplicate.file}</span>
            <span className="import-panel__reason">
              Same text as <a href={articleHref(duplicate.existingId)}>{duplicate.existingHeadline || 'Untitled'}</a>
              {duplicate.existingTrashed ? ' (in the trash)' : ''}
            </span>
          </li>
        )}
      />
      <List
        title="Imported"
        items={report.imported}
        render={(item) => (
          <li key={item.id}>
            <a href={articleHref(item.id)}>{item.headline || 'Untitled'}</a>
            <span className="import-panel__reason">{item.file}</span>
          </li>
        )}
      />
      <List
        title="Notes"
        items={noted}
        render={(item) => (
          <li key={item.id}>
            <a href={articleHref(item.id)}>{item.headline || 'Untitled'}</a>
            {item.notes.map((note) => (
              <span key={note} className="import-panel__reason">
                {note}
              </span>
            ))}
            {item.unlinkedAlsoSee.map((headline) => (
              <span key={headline} className="import-panel__reason">
                “Also See: {headline}” matches no article in the library; it stays as text.
              </span>
            ))}
          </li>
        )}
      />
      <List
        title="Left alone"
        items={report.ignored}
        render={(problem) => (
          <li key={problem.file}>
            <span className="import-panel__file">{problem.file}</span>
            <span className="import-panel__reason">{problem.reason}</span>
          </li>
        )}
      />
    </>
  );
}

/** The one line a folded panel shows: how the import stands. */
function summaryOf(run: ImportRun): string {
  const running = run.state === 'reading' || run.state === 'importing';
  if (running) return `${headingOf(run)}: ${numbers.format(run.done)} of ${numbers.format(run.total)}`;
  const parts = [plural(run.report.imported.length, 'imported', 'imported', numbers)];
  const refused = run.report.failed.length;
  if (refused > 0) parts.push(plural(refused, 'not imported', 'not imported', numbers));
  return `${headingOf(run)}: ${parts.join(', ')}`;
}

/**
 * Progress of an import while it runs, then what became of every file. Never modal. Opening
 * an article from its lists folds it to one line at the foot of the window, out of the text's
 * way; "Show import results" brings it back.
 */
export function ImportPanel({
  run,
  onCancel,
  onDismiss,
}: {
  run: ImportRun;
  onCancel: () => void;
  onDismiss: () => void;
}): JSX.Element {
  const running = run.state === 'reading' || run.state === 'importing';
  const [folded, setFolded] = useState(false);
  const close = running ? (
    <button type="button" className="button button--small" onClick={onCancel} disabled={run.stopping}>
      Cancel import
    </button>
  ) : (
    <button type="button" className="button button--small" onClick={onDismiss}>
      Close
    </button>
  );

  if (folded) {
    return (
      <section className="import-panel import-panel--folded" aria-label="Import">
        <p className="import-panel__summary" role="status">
          {summaryOf(run)}
        </p>
        <button type="button" className="button button--small" aria-expanded="false" onClick={() => setFolded(false)}>
          Show import results
        </button>
        {close}
      </section>
    );
  }

  // An article opened from the panel is read beside it, not under it.
  const foldOnOpen = (event: MouseEvent<HTMLElement>) => {
    if (event.target instanceof Element && event.target.closest('a[href]') !== null) setFolded(true);
  };

  return (
    <section className="import-panel" aria-label="Import" onClick={foldOnOpen}>
      <header className="import-panel__header">
        <h2>{headingOf(run)}</h2>
        <div className="import-panel__actions">
          <button type="button" className="button button--small" aria-expanded="true" onClick={() => setFolded(true)}>
            Hide import results
          </button>
          {close}
        </div>
      </header>
      {running ? (
        <>
          <progress
            className="import-panel__progress"
            aria-label="Import progress"
            max={Math.max(run.total, 1)}
            value={run.done}
          />
          <p className="import-panel__status" role="status">
            {numbers.format(run.done)} of {numbers.format(run.total)} files
            {run.current === null ? '' : ` · ${run.current}`}
          </p>
        </>
      ) : (
        <p className="import-panel__status" role="status">
          {run.state === 'cancelled'
            ? `Stopped after ${plural(run.done, 'file', 'files', numbers)} of ${numbers.format(run.total)}; what was imported stays.`
            : `${plural(run.report.total, 'file', 'files', numbers)} read.`}
        </p>
      )}
      <Outcome report={run.report} running={running} />
    </section>
  );
}
