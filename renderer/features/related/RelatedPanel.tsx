import './related.css';

import type { JSX } from 'react';

import type { RelatedItem } from '../../../shared/domain';
import { Icon } from '../../components/Icon';
import { articleHref } from '../library/ArticleRow';

/** Moves the entry at `from` one place up (-1) or down (+1). */
function moved(items: readonly RelatedItem[], from: number, step: -1 | 1): RelatedItem[] {
  const to = from + step;
  if (to < 0 || to >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/**
 * The article's related list, in the order it will be published: each story with its teaser,
 * opened in one click when it is in the library, moved up or down, or removed.
 */
export function RelatedPanel({
  items,
  problem,
  onChange,
}: {
  items: readonly RelatedItem[];
  /** Why the list is not saved, and the entry at fault (its place in `path`), if it is held back. */
  problem?: { path: readonly PropertyKey[]; message: string | null } | undefined;
  onChange: (items: RelatedItem[]) => void;
}): JSX.Element {
  const faulty = typeof problem?.path[0] === 'number' ? problem.path[0] : null;
  if (items.length === 0) {
    return (
      <p className="related__empty muted">
        No related articles yet. Pin a suggestion from the library; the stories an imported file lists under “Recent” or
        “Related” appear here too. This list becomes the package’s related articles.
      </p>
    );
  }
  return (
    <ol className="related" aria-label="Related list">
      {items.map((item, index) => {
        const name = item.headline || 'Untitled';
        return (
          <li key={`${item.articleId ?? 'text'}:${item.headline}:${index}`} className="related__item">
            <div className="related__text">
              {item.articleId === null ? (
                <span className="related__headline">{name}</span>
              ) : (
                <a className="related__headline" href={articleHref(item.articleId)}>
                  {name}
                </a>
              )}
              {item.teaser === '' ? null : <p className="related__teaser">{item.teaser}</p>}
              {faulty === index && problem?.message != null ? (
                <p className="form-problem" role="alert">
                  {`Not saved: ${problem.message} Remove it, or open the story and give it a headline.`}
                </p>
              ) : null}
              {item.articleId === null ? (
                <p className="related__note">Not in this library</p>
              ) : item.trashed ? (
                <p className="related__note">In the trash</p>
              ) : null}
            </div>
            <div className="related__actions">
              <button
                type="button"
                className="icon-button icon-button--small"
                aria-label={`Move “${name}” up`}
                title="Move up"
                disabled={index === 0}
                onClick={() => onChange(moved(items, index, -1))}
              >
                <Icon name="up" />
              </button>
              <button
                type="button"
                className="icon-button icon-button--small"
                aria-label={`Move “${name}” down`}
                title="Move down"
                disabled={index === items.length - 1}
                onClick={() => onChange(moved(items, index, 1))}
              >
                <Icon name="down" />
              </button>
              <button
                type="button"
                className="icon-button icon-button--small"
                aria-label={`Remove “${name}” from the related list`}
                title="Remove"
                onClick={() => onChange(items.filter((_, at) => at !== index))}
              >
                <Icon name="close" />
              </button>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
