import type { JSX } from 'react';

import { ARTICLE_STATUSES, type ArticleStatus } from '../../../shared/domain';
import { statusLabel } from '../library/summaries';

/** The story's place in the workflow: draft → editing → fact check → ready → exported. */
export function StatusControl({
  status,
  onChange,
}: {
  status: ArticleStatus;
  onChange: (status: ArticleStatus) => void;
}): JSX.Element {
  return (
    <label className={`status-control status-control--${status}`}>
      <span className="status-control__label">Status</span>
      <select
        className="status-control__select"
        value={status}
        onChange={(event) => {
          const next = ARTICLE_STATUSES.find((candidate) => candidate === event.target.value);
          if (next !== undefined) onChange(next);
        }}
      >
        {ARTICLE_STATUSES.map((candidate) => (
          <option key={candidate} value={candidate}>
            {statusLabel(candidate)}
          </option>
        ))}
      </select>
    </label>
  );
}
