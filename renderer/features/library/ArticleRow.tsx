import type { JSX, ReactNode } from 'react';

import type { ArticleSummary } from '../../../shared/domain';
import { formatPrecisely, formatWhen } from './formatWhen';
import { displayHeadline, statusLabel } from './summaries';

const numbers = new Intl.NumberFormat();

export function articleHref(id: string): string {
  return `#/article/${id}`;
}

function Meta({ summary, when }: { summary: ArticleSummary; when: string }): JSX.Element {
  return (
    <span className="row__meta">
      <span className={`badge badge--${summary.status}`}>{statusLabel(summary.status)}</span>
      <time dateTime={when} title={formatPrecisely(when)}>
        {formatWhen(when)}
      </time>
      <span>{`${numbers.format(summary.wordCount)} ${summary.wordCount === 1 ? 'word' : 'words'}`}</span>
    </span>
  );
}

/** A row that opens its article: the headline, an excerpt (dek or search snippet), the facts. */
export function ArticleRow({
  summary,
  isOpen,
  excerpt,
}: {
  summary: ArticleSummary;
  isOpen: boolean;
  excerpt?: ReactNode;
}): JSX.Element {
  const headline = displayHeadline(summary.headline);
  return (
    <li className="row">
      <a className="row__link" href={articleHref(summary.id)} aria-current={isOpen ? 'page' : undefined}>
        <span className={headline === 'Untitled' ? 'row__headline row__headline--untitled' : 'row__headline'}>
          {headline}
        </span>
        {excerpt ?? (summary.dek.trim() === '' ? null : <span className="row__excerpt">{summary.dek}</span>)}
        <Meta summary={summary} when={summary.updatedAt} />
      </a>
    </li>
  );
}

/** A row of the trash: nothing to open, one thing to do. */
export function TrashRow({ summary, onRestore }: { summary: ArticleSummary; onRestore: () => void }): JSX.Element {
  const headline = displayHeadline(summary.headline);
  return (
    <li className="row row--trashed">
      <div className="row__body">
        <span className="row__headline">{headline}</span>
        <Meta summary={summary} when={summary.trashedAt ?? summary.updatedAt} />
      </div>
      <button type="button" className="button button--small" aria-label={`Restore ${headline}`} onClick={onRestore}>
        Restore
      </button>
    </li>
  );
}
