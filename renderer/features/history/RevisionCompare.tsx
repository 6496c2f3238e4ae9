import { useEffect, useMemo, useRef, useState, type JSX } from 'react';

import type { Revision } from '../../../shared/domain';
import { Icon } from '../../components/Icon';
import { formatPrecisely } from '../library/formatWhen';
import { revisionKindLabel, revisionTitle } from './revisionLabels';
import { articleDiff, describeDiff, type ComparedText, type FieldDiff } from '../../../shared/wordDiff';

type RevisionCompareProps = {
  revision: Revision;
  current: ComparedText;
  onRestore: () => Promise<void>;
  onClose: () => void;
};

/** A kept version against the current text, word by word, with the way back to it. */
export function RevisionCompare({ revision, current, onRestore, onClose }: RevisionCompareProps): JSX.Element {
  const diff = useMemo(() => articleDiff(revision, current), [revision, current]);
  const [restoring, setRestoring] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  // The comparison opens under the list: bring it into view.
  useEffect(() => {
    root.current?.scrollIntoView({ block: 'nearest' });
  }, [revision.id]);

  const restore = () => {
    setRestoring(true);
    // On success the article reloads and this view goes away; on failure the caller has reported it.
    void onRestore().catch(() => setRestoring(false));
  };

  return (
    <div ref={root} className="compare" role="group" aria-label="Comparison with the current text">
      <div className="compare__header">
        <div>
          <h3 className="panel__subtitle">Compared with the current text</h3>
          <p className="compare__which">
            {`${revisionKindLabel(revision.kind)}: ${revisionTitle(revision)}, ${formatPrecisely(revision.createdAt)}`}
          </p>
        </div>
        <button type="button" className="icon-button" aria-label="Close the comparison" title="Close" onClick={onClose}>
          <Icon name="close" />
        </button>
      </div>

      <p className="diff-legend">
        <span className="diff-sample diff-sample--ins">Underlined green</span> is in the current text only;{' '}
        <span className="diff-sample diff-sample--del">struck-through red</span> is in this version only.
      </p>
      <p className="compare__summary" role="status">
        {describeDiff(diff)}
      </p>

      <div className="compare__actions">
        <button type="button" className="button button--primary button--small" onClick={restore} disabled={restoring}>
          <Icon name="restore" />
          {restoring ? 'Restoring…' : 'Restore this version'}
        </button>
        <span className="form-field__hint">The current text is kept as a version first.</span>
      </div>

      <DiffField label="Headline" diff={diff.headline} className="diff--headline" />
      <DiffField label="Dek" diff={diff.dek} className="diff--dek" />
      <DiffField label="Body" diff={diff.body} className="diff--body" />
    </div>
  );
}

function DiffField({
  label,
  diff,
  className,
}: {
  label: string;
  diff: FieldDiff | null;
  className: string;
}): JSX.Element {
  return (
    <div className="diff-field">
      <h4 className="diff-field__label">{label}</h4>
      {diff === null ? (
        <p className="panel__note">These texts are too far apart to compare word by word.</p>
      ) : diff.parts.length === 0 ? (
        <p className="panel__note">Empty in both.</p>
      ) : (
        <p className={`diff ${className}`}>
          {diff.parts.map((part, index) =>
            part.kind === 'inserted' ? (
              <ins key={index}>{part.text}</ins>
            ) : part.kind === 'deleted' ? (
              <del key={index}>{part.text}</del>
            ) : (
              <span key={index}>{part.text}</span>
            ),
          )}
        </p>
      )}
    </div>
  );
}
