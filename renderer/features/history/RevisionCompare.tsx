import { useCallback, useEffect, useMemo, useRef, useState, type JSX, type RefObject } from 'react';

import type { Revision } from '../../../shared/domain';
import { articleDiff, describeDiff, type ComparedText, type FieldDiff } from '../../../shared/wordDiff';
import { Dialog } from '../../components/Dialog';
import { FormProblem } from '../../components/FormProblem';
import { Icon } from '../../components/Icon';
import { formatPrecisely } from '../library/formatWhen';
import { chunkChanges, describeChange, type DiffChunk } from './diffChanges';
import { revisionKindLabel, revisionReason, revisionSigner, revisionTitle } from './revisionLabels';
import { plural } from '../../../shared/plural';

type RevisionCompareProps = {
  /** The kept version, or null while it is being fetched. */
  revision: Revision | null;
  /** Why the version could not be fetched. */
  problem: string | null;
  current: ComparedText;
  onRestore: () => Promise<void>;
  onClose: () => void;
};

const FIELDS = [
  { key: 'headline', label: 'Headline', className: 'diff--headline' },
  { key: 'dek', label: 'Dek', className: 'diff--dek' },
  { key: 'body', label: 'Text', className: 'diff--body' },
] as const;

type FieldChunks = {
  key: (typeof FIELDS)[number]['key'];
  label: string;
  className: string;
  chunks: DiffChunk[] | null;
};

const changeId = (index: number) => `history-change-${index}`;

function isStepKey(event: KeyboardEvent): 'next' | 'previous' | null {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return null;
  const key = event.key.toUpperCase();
  if (key === STEPS.next.key) return 'next';
  if (key === STEPS.previous.key) return 'previous';
  return null;
}

/**
 * A kept version against the current text, word by word, in a dialog with room to read: the
 * headline, dek and text, each change numbered, Next change / Previous change (N and P) to
 * step through them, and the way back to the version.
 */
export function RevisionCompare({ revision, problem, current, onRestore, onClose }: RevisionCompareProps): JSX.Element {
  const [restoring, setRestoring] = useState(false);
  const [restoreProblem, setRestoreProblem] = useState<string | null>(null);
  const [at, setAt] = useState(-1);
  const root = useRef<HTMLDivElement>(null);
  const next = useRef<HTMLButtonElement>(null);

  const { fields, total, summary, parts } = useMemo(() => {
    if (revision === null) return { fields: [], total: 0, summary: '', parts: [] };
    const diff = articleDiff(revision, current);
    let count = 0;
    const byField: FieldChunks[] = FIELDS.map((field) => {
      const fieldDiff: FieldDiff | null = diff[field.key];
      if (fieldDiff === null) return { ...field, chunks: null };
      const chunked = chunkChanges(fieldDiff, count);
      count += chunked.count;
      return { ...field, chunks: chunked.chunks };
    });
    const changes = byField.flatMap((field) =>
      (field.chunks ?? []).flatMap((chunk) =>
        chunk.kind === 'change' ? [{ field: field.label, text: describeChange(chunk.parts) }] : [],
      ),
    );
    return { fields: byField, total: count, summary: describeDiff(diff), parts: changes };
  }, [revision, current]);

  const step = useCallback(
    (direction: 'next' | 'previous') => {
      if (total === 0) return;
      setAt((index) => {
        if (direction === 'next') return index + 1 >= total ? 0 : index + 1;
        return index <= 0 ? total - 1 : index - 1;
      });
    },
    [total],
  );

  // The dialog opens on its first control; with changes to read, start where they are.
  const ready = revision !== null;
  useEffect(() => {
    if (ready) next.current?.focus();
  }, [ready]);

  useEffect(() => {
    if (at >= 0) document.getElementById(changeId(at))?.scrollIntoView({ block: 'center' });
  }, [at]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const direction = isStepKey(event);
      const dialog = root.current?.closest('dialog');
      if (direction === null || !(event.target instanceof Node) || dialog?.contains(event.target) !== true) return;
      event.preventDefault();
      step(direction);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [step]);

  const restore = () => {
    setRestoring(true);
    setRestoreProblem(null);
    // On success the article reloads and this dialog goes with the old view.
    onRestore().catch((error: unknown) => {
      setRestoring(false);
      setRestoreProblem(error instanceof Error ? error.message : String(error));
    });
  };

  const position = at < 0 ? plural(total, 'change') : `Change ${at + 1} of ${total}`;
  const currentChange = at < 0 ? null : parts[at];

  const footer = (
    <>
      <FormProblem problem={restoreProblem} />
      <span className="compare__hint">The current text is kept as a version first.</span>
      <button type="button" className="button button--quiet" onClick={onClose}>
        Close
      </button>
      <button type="button" className="button button--primary" onClick={restore} disabled={!ready || restoring}>
        <Icon name="restore" />
        {restoring ? 'Restoring…' : 'Restore this version'}
      </button>
    </>
  );

  const title = revision === null ? 'Compare with the current text' : `Compare: ${revisionTitle(revision)}`;
  return (
    <Dialog title={title} onClose={onClose} footer={footer} className="dialog--compare">
      <div ref={root} className="compare">
        {problem !== null ? (
          <FormProblem problem={problem} />
        ) : revision === null ? (
          <p className="muted">Loading the version…</p>
        ) : (
          <>
            <div className="compare__top">
              <p className="compare__which">
                {[
                  revisionKindLabel(revision.kind),
                  revisionReason(revision),
                  formatPrecisely(revision.createdAt),
                  revisionSigner(revision),
                ]
                  .filter((part) => part !== '')
                  .join(' · ')}
              </p>
              <p className="diff-legend">
                <span className="diff-sample diff-sample--ins">Underlined green</span> is in the current text only;{' '}
                <span className="diff-sample diff-sample--del">struck-through red</span> is in this version only.
              </p>
            </div>
            <div className="compare__nav" role="group" aria-label="Changes">
              <p className="compare__summary">{summary}</p>
              <StepButton direction="previous" disabled={total === 0} onStep={step} />
              <p className="compare__position" role="status">
                {position}
                {currentChange === undefined || currentChange === null ? null : (
                  <span className="visually-hidden">{`, in the ${currentChange.field.toLowerCase()}: ${currentChange.text}`}</span>
                )}
              </p>
              <StepButton direction="next" disabled={total === 0} onStep={step} buttonRef={next} />
            </div>
            <div className="compare__fields">
              {fields.map((field) => (
                <DiffField
                  key={field.key}
                  label={field.label}
                  chunks={field.chunks}
                  className={field.className}
                  at={at}
                />
              ))}
            </div>
          </>
        )}
      </div>
    </Dialog>
  );
}

const STEPS = {
  next: { label: 'Next change', key: 'N', icon: 'down' },
  previous: { label: 'Previous change', key: 'P', icon: 'up' },
} as const;

function StepButton({
  direction,
  disabled,
  onStep,
  buttonRef,
}: {
  direction: 'next' | 'previous';
  disabled: boolean;
  onStep: (direction: 'next' | 'previous') => void;
  buttonRef?: RefObject<HTMLButtonElement | null>;
}): JSX.Element {
  const { label, key, icon } = STEPS[direction];
  return (
    <button
      ref={buttonRef}
      type="button"
      className="button button--small"
      onClick={() => onStep(direction)}
      disabled={disabled}
      aria-keyshortcuts={key}
      title={`${label} (${key})`}
    >
      <Icon name={icon} />
      {label}
    </button>
  );
}

function DiffField({
  label,
  chunks,
  className,
  at,
}: {
  label: string;
  chunks: DiffChunk[] | null;
  className: string;
  at: number;
}): JSX.Element {
  return (
    <section className="diff-field" aria-label={label}>
      <h3 className="diff-field__label">{label}</h3>
      {chunks === null ? (
        <p className="muted">These texts are too far apart to compare word by word.</p>
      ) : chunks.length === 0 ? (
        <p className="muted">Empty in both.</p>
      ) : (
        <p className={`diff ${className}`}>
          {chunks.map((chunk, index) =>
            chunk.kind === 'same' ? (
              <span key={index}>{chunk.text}</span>
            ) : (
              <span
                key={index}
                id={changeId(chunk.index)}
                className={`diff__change${chunk.index === at ? ' diff__change--current' : ''}`}
              >
                {chunk.parts.map((part, partIndex) =>
                  part.kind === 'inserted' ? (
                    <ins key={partIndex}>{part.text}</ins>
                  ) : part.kind === 'deleted' ? (
                    <del key={partIndex}>{part.text}</del>
                  ) : (
                    <span key={partIndex}>{part.text}</span>
                  ),
                )}
              </span>
            ),
          )}
        </p>
      )}
    </section>
  );
}
