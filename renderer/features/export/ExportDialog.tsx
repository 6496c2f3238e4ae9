import { useEffect, useId, useState, type JSX } from 'react';

import type { ResultOf } from '../../../shared/api';
import type { ArticleId } from '../../../shared/domain';
import type { ChecklistItem } from '../../../shared/exportChecklist';
import { MAX_OVERRIDE_REASON, MIN_OVERRIDE_REASON_CHARS, overrideReasonProblem } from '../../../shared/exportChecklist';
import type { ExportFolderPlan, ExportResult } from '../../../shared/exports';
import { shortFingerprint } from '../../../shared/exports';
import { api, errorMessage } from '../../api';
import { Dialog } from '../../components/Dialog';
import { FormProblem } from '../../components/FormProblem';
import { personTimeZone } from '../article/storyTimeText';
import './export.css';

type Checked = ResultOf<'export:check'>;

/** What the dialog is doing: the steps of an export, shown while it runs. */
const STEPS = ['Saving the story', 'Running the checklist', 'Writing the package'] as const;
type Step = (typeof STEPS)[number];

type ExportDialogProps = {
  articleId: ArticleId;
  /** Saves what is still pending in the editor, so the package holds what is on screen. */
  flush: () => Promise<void>;
  /** The package is written: the article is Exported now, at the version the result gives. */
  onExported: (result: ExportResult) => void;
  onClose: () => void;
};

/** The folder is looked at this long after typing pauses. */
const FOLDER_PAUSE_MS = 250;

const numbers = new Intl.NumberFormat();

function sizeLabel(bytes: number): string {
  if (bytes < 1024) return `${numbers.format(bytes)} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function Steps({ current }: { current: Step }): JSX.Element {
  const index = STEPS.indexOf(current);
  return (
    <ol className="export-steps" aria-label="Export progress">
      {STEPS.map((step, i) => (
        <li key={step} className={i < index ? 'export-steps__done' : i === index ? 'export-steps__current' : ''}>
          {step}
          {i < index ? ' — done' : i === index ? '…' : ''}
        </li>
      ))}
    </ol>
  );
}

function ItemRow({
  item,
  reason,
  onReason,
}: {
  item: ChecklistItem;
  reason: string;
  onReason: (reason: string) => void;
}): JSX.Element {
  const reasonId = useId();
  // Judged once the person leaves the box (or the reason grows long enough to be judged), not at the first letter.
  const [left, setLeft] = useState(false);
  const problem = reason.trim() === '' ? null : overrideReasonProblem(reason);
  const shown = left || reason.trim().length >= MIN_OVERRIDE_REASON_CHARS ? problem : null;
  return (
    <li className={`export-item export-item--${item.level}`}>
      <p className="export-item__where">{item.where}</p>
      <p className="export-item__message">{item.message}</p>
      {item.level === 'blocking' ? (
        <label className="form-field" htmlFor={reasonId}>
          <span className="form-field__label">Reason to export anyway</span>
          <textarea
            id={reasonId}
            className="input export-item__reason"
            aria-label={`Reason to export anyway: ${item.where}`}
            aria-invalid={shown !== null}
            aria-describedby={shown === null ? undefined : `${reasonId}-problem`}
            maxLength={MAX_OVERRIDE_REASON}
            rows={2}
            value={reason}
            onChange={(event) => onReason(event.target.value)}
            onBlur={() => setLeft(true)}
          />
          {shown === null ? null : (
            <span id={`${reasonId}-problem`} className="form-problem" role="alert">
              {shown}
            </span>
          )}
        </label>
      ) : null}
    </li>
  );
}

type FolderLook = { folder: string; plan: ExportFolderPlan | null };

/** What exporting into the typed folder takes, asked when typing pauses; null while it is being looked at. */
function useFolderPlan(folder: string): ExportFolderPlan | null {
  const typed = folder.trim();
  const [look, setLook] = useState<FolderLook | null>(null);
  useEffect(() => {
    if (typed === '') return undefined;
    let live = true;
    const timer = setTimeout(() => {
      api.invoke('export:folder', { folder: typed }).then(
        (plan) => {
          if (live) setLook({ folder: typed, plan });
        },
        (error: unknown) => {
          if (live)
            setLook({
              folder: typed,
              plan: { folder: typed, exists: false, create: [], problem: errorMessage(error) },
            });
        },
      );
    }, FOLDER_PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [typed]);
  return look?.folder === typed ? look.plan : null;
}

/** What the folder field says under it: where the package goes, and any folder that will be made for it. */
function folderNote(plan: ExportFolderPlan): string {
  if (plan.exists) return '';
  const [outermost] = plan.create;
  const above = plan.create.length - 1;
  if (above < 1 || outermost === undefined)
    return 'This folder does not exist yet: Copydesk will make it when it exports.';
  const those = above === 1 ? 'the folder above it that is missing' : `the ${above} folders above it that are missing`;
  return `This folder does not exist yet: Copydesk will make it when it exports, and ${those} (from ${outermost}).`;
}

/**
 * Export: the pre-export checklist (blocking items, each overridable with a written reason,
 * then warnings), where to write the package and as what, the steps while it is written, and
 * where it went.
 */
export function ExportDialog({ articleId, flush, onExported, onClose }: ExportDialogProps): JSX.Element {
  const [checked, setChecked] = useState<Checked | null>(null);
  const [step, setStep] = useState<Step | null>('Saving the story');
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [folder, setFolder] = useState('');
  const [zip, setZip] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const folderId = useId();

  useEffect(() => {
    let live = true;
    flush()
      .then(() => {
        if (live) setStep('Running the checklist');
        // The checklist tells times (an embargo's end) in the person's zone.
        return api.invoke('export:check', { articleId, timeZone: personTimeZone() });
      })
      .then(
        (answer) => {
          if (!live) return;
          setChecked(answer);
          setFolder((current) => (current === '' ? answer.defaultFolder : current));
          setStep(null);
        },
        (error: unknown) => {
          if (!live) return;
          setProblem(errorMessage(error));
          setStep(null);
        },
      );
    return () => {
      live = false;
    };
  }, [articleId, flush]);

  const plan = useFolderPlan(folder);
  const blocking = checked?.items.filter((item) => item.level === 'blocking') ?? [];
  const warnings = checked?.items.filter((item) => item.level === 'warning') ?? [];
  const missingReasons = blocking.filter((item) => overrideReasonProblem(reasons[item.id] ?? '') !== null).length;
  const canExport =
    checked !== null && step === null && missingReasons === 0 && folder.trim() !== '' && plan?.problem === null;

  const run = async () => {
    setProblem(null);
    try {
      setStep('Saving the story');
      await flush();
      setStep('Writing the package');
      const written = await api.invoke('export:run', {
        articleId,
        folder: folder.trim(),
        zip,
        overrides: blocking.map((item) => ({ itemId: item.id, reason: (reasons[item.id] ?? '').trim() })),
      });
      setResult(written);
      onExported(written);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setStep(null);
    }
  };

  if (result !== null) {
    return (
      <Dialog
        title="Package exported"
        className="dialog--export"
        onClose={onClose}
        footer={
          <button type="button" className="button button--primary" onClick={onClose}>
            Done
          </button>
        }
      >
        <div role="status" aria-label="Export result">
          <p>
            {numbers.format(result.files)} files ({sizeLabel(result.bytes)}) written to
          </p>
          <p>
            <code className="export-path">{result.path}</code>
          </p>
          <p>
            Signed by {result.signedBy.desk} (key {shortFingerprint(result.signedBy.fingerprint)})
          </p>
          {result.manifest.overrides.length === 0 ? null : (
            <p className="muted">
              The manifest and the story’s history record {result.manifest.overrides.length} overridden{' '}
              {result.manifest.overrides.length === 1 ? 'item' : 'items'} with the reasons given.
            </p>
          )}
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog
      title="Export package"
      className="dialog--export"
      onClose={onClose}
      footer={
        <>
          <FormProblem problem={problem} />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button button--primary" disabled={!canExport} onClick={() => void run()}>
            Export package
          </button>
        </>
      }
    >
      {step === null ? null : (
        <div role="status" aria-live="polite" aria-busy="true">
          <Steps current={step} />
        </div>
      )}
      {checked === null ? null : (
        <>
          <section aria-label="Checklist">
            {checked.items.length === 0 ? <p>The checklist found nothing to fix: the story is ready.</p> : null}
            {blocking.length === 0 ? null : (
              <>
                <h3 className="export-heading">Must be fixed, or exported with a reason ({blocking.length})</h3>
                <ul className="export-items" aria-label="Blocking items">
                  {blocking.map((item) => (
                    <ItemRow
                      key={item.id}
                      item={item}
                      reason={reasons[item.id] ?? ''}
                      onReason={(reason) => setReasons((current) => ({ ...current, [item.id]: reason }))}
                    />
                  ))}
                </ul>
              </>
            )}
            {warnings.length === 0 ? null : (
              <>
                <h3 className="export-heading">Worth a look ({warnings.length})</h3>
                <ul className="export-items" aria-label="Warnings">
                  {warnings.map((item) => (
                    <ItemRow key={item.id} item={item} reason="" onReason={() => undefined} />
                  ))}
                </ul>
              </>
            )}
          </section>
          <section aria-label="Destination" className="export-destination">
            <label className="form-field" htmlFor={folderId}>
              <span className="form-field__label">Export folder</span>
              <input
                id={folderId}
                className="input"
                value={folder}
                spellCheck={false}
                aria-invalid={plan?.problem !== null && plan !== null}
                aria-describedby={`${folderId}-note`}
                onChange={(event) => setFolder(event.target.value)}
              />
              {plan?.problem === null || plan === null ? (
                <span id={`${folderId}-note`} className="form-field__hint">
                  {plan === null ? '' : folderNote(plan)} The package is named {checked.name}; an earlier package of
                  that name is kept and the new one is numbered.
                </span>
              ) : (
                <span id={`${folderId}-note`} className="form-problem" role="alert">
                  {plan.problem}
                </span>
              )}
            </label>
            <fieldset className="form-field">
              <legend className="form-field__label">Package as</legend>
              <label className="export-choice">
                <input type="radio" name="export-as" checked={!zip} onChange={() => setZip(false)} /> A folder
              </label>
              <label className="export-choice">
                <input type="radio" name="export-as" checked={zip} onChange={() => setZip(true)} /> One .zip file
              </label>
            </fieldset>
          </section>
          {missingReasons === 0 ? null : (
            <p className="form-field__hint">
              Write a reason, in a few words, for each blocking item to export anyway ({missingReasons} still without
              one).
            </p>
          )}
        </>
      )}
    </Dialog>
  );
}
