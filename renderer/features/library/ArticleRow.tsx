import './articleRow.css';

import type { CSSProperties, JSX, ReactNode, Ref } from 'react';

import type { ArticleSummary } from '../../../shared/domain';
import { formatStoryTime, formatStoryTimeShort, isEmbargoed } from '../../../shared/storyTimes';
import { personLocale, personTimeZone } from '../article/storyTimeText';
import { PeopleInStory } from '../desk/PeopleInStory';
import { formatPrecisely, formatWhen } from './formatWhen';
import { assignmentLabel, displayHeadline, statusLabel } from './summaries';
import { plural } from '../../../shared/plural';

const numbers = new Intl.NumberFormat();

/** What a virtualised list puts on each row's item: its place, its measure and its position. */
export type RowItemProps = {
  ref?: Ref<HTMLLIElement>;
  style?: CSSProperties;
  'data-index'?: number;
  'aria-setsize'?: number;
  'aria-posinset'?: number;
};

export function articleHref(id: string): string {
  return `#/article/${id}`;
}

const timeZone = personTimeZone();
const locale = personLocale();

/**
 * When a story may run, in the person's zone: its embargo while it holds, its publication time
 * while it is ahead. Nothing once both have passed.
 */
function Timing({ summary, now }: { summary: Pick<ArticleSummary, 'embargoUntil' | 'publishAt'>; now: Date }) {
  const { embargoUntil, publishAt } = summary;
  const embargoed = embargoUntil !== null && isEmbargoed(embargoUntil, now);
  const publishes = publishAt !== null && new Date(publishAt).getTime() > now.getTime();
  return (
    <>
      {embargoed ? (
        <span
          className="badge badge--embargo"
          title={`Embargoed until ${formatStoryTime(embargoUntil, timeZone, locale)}`}
        >
          {`Embargo ${formatStoryTimeShort(embargoUntil, timeZone, now, locale)}`}
        </span>
      ) : null}
      {publishes ? (
        <span className="row__publish" title={`To be published at ${formatStoryTime(publishAt, timeZone, locale)}`}>
          {`Publishes ${formatStoryTimeShort(publishAt, timeZone, now, locale)}`}
        </span>
      ) : null}
    </>
  );
}

function Meta({ summary, when, created }: { summary: ArticleSummary; when: string; created?: boolean }): JSX.Element {
  return (
    <span className="row__meta">
      <span className={`badge badge--${summary.status}`}>{statusLabel(summary.status)}</span>
      <Timing summary={summary} now={new Date()} />
      {summary.section === '' ? null : <span className="row__section">{summary.section}</span>}
      <time dateTime={when} title={`${created === true ? 'Created' : 'Updated'} ${formatPrecisely(when)}`}>
        {formatWhen(when)}
      </time>
      <span>{plural(summary.wordCount, 'word', 'words', numbers)}</span>
      {summary.assignee === '' ? null : (
        <span className="row__assignee">For {assignmentLabel(summary.assignee, summary.assignedStep)}</span>
      )}
    </span>
  );
}

/** A row that opens its article: the headline, an excerpt (dek or search snippet), the facts. */
export function ArticleRow({
  summary,
  isOpen,
  excerpt,
  showCreated = false,
  item,
}: {
  summary: ArticleSummary;
  isOpen: boolean;
  excerpt?: ReactNode;
  /** Show when the article was created rather than last updated (the list is in that order). */
  showCreated?: boolean;
  item?: RowItemProps;
}): JSX.Element {
  const headline = displayHeadline(summary.headline);
  return (
    <li className="row" {...item}>
      <a className="row__link" href={articleHref(summary.id)} aria-current={isOpen ? 'page' : undefined}>
        <span className={`row__headline clamp-2${headline === 'Untitled' ? ' row__headline--untitled' : ''}`}>
          {headline}
        </span>
        {excerpt ?? (summary.dek.trim() === '' ? null : <span className="row__excerpt clamp-2">{summary.dek}</span>)}
        <Meta summary={summary} when={showCreated ? summary.createdAt : summary.updatedAt} created={showCreated} />
        <PeopleInStory articleId={summary.id} />
      </a>
    </li>
  );
}

/** A row of the trash: nothing to open, one thing to do. */
export function TrashRow({
  summary,
  onRestore,
  item,
}: {
  summary: ArticleSummary;
  onRestore: () => void;
  item?: RowItemProps;
}): JSX.Element {
  const headline = displayHeadline(summary.headline);
  return (
    <li className="row row--trashed" {...item}>
      <div className="row__body">
        <span className="row__headline clamp-2">{headline}</span>
        <Meta summary={summary} when={summary.trashedAt ?? summary.updatedAt} />
      </div>
      <button type="button" className="button button--small" aria-label={`Restore ${headline}`} onClick={onRestore}>
        Restore
      </button>
    </li>
  );
}

/** A row whose page has not arrived yet: it holds the row's place while the list scrolls. */
export function PendingRow({ item }: { item?: RowItemProps }): JSX.Element {
  return (
    <li className="row row--pending" aria-busy="true" {...item}>
      <span className="row__placeholder">Loading…</span>
    </li>
  );
}
