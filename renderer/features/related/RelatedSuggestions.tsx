import type { JSX } from 'react';

import type { ArticleId, RelatedItem } from '../../../shared/domain';
import type { DuplicateSuggestion, RelatedSuggestion, SuggestRelatedResult } from '../../../shared/related';
import { articleHref } from '../library/ArticleRow';
import { formatWhen } from '../library/formatWhen';
import { plural } from '../../../shared/plural';

function facts(item: { section: string; datelineDate: string; updatedAt: string }): string {
  return [item.datelineDate === '' ? `updated ${formatWhen(item.updatedAt)}` : item.datelineDate, item.section]
    .filter((part) => part !== '')
    .join(' · ');
}

function Headline({ item }: { item: { articleId: ArticleId; headline: string } }): JSX.Element {
  return (
    <a className="related__headline" href={articleHref(item.articleId)}>
      {item.headline || 'Untitled'}
    </a>
  );
}

/**
 * What the library holds that relates to the story being written: each article with its
 * date, section, teaser and the reason in words, to insert as "Also See" at the cursor or pin
 * to the related list; apart from them, articles that are nearly the same text.
 */
export function RelatedSuggestions({
  state,
  pinned,
  onInsert,
  onPin,
}: {
  state: { result: SuggestRelatedResult | null; refreshing: boolean };
  pinned: readonly RelatedItem[];
  onInsert: (item: RelatedSuggestion) => void;
  onPin: (item: RelatedSuggestion) => void;
}): JSX.Element {
  const { result, refreshing } = state;
  if (result === null) return <p className="related__empty muted">Looking through the library…</p>;
  const isPinned = (id: ArticleId) => pinned.some((item) => item.articleId === id);
  return (
    <div className="related-suggestions" aria-busy={refreshing}>
      <p className="related__note related-suggestions__state" role="status">
        {refreshing
          ? 'Comparing the draft with the library…'
          : result.related.length === 0
            ? 'Nothing in the library is close to this draft yet.'
            : `${plural(result.related.length, 'related article')} in the library`}
        {result.unindexed === 0
          ? ''
          : ` · ${result.unindexed.toLocaleString('en')} ${result.unindexed === 1 ? 'article is' : 'articles are'} still being analysed`}
      </p>
      {result.related.length === 0 ? null : (
        <ol className="related" aria-label="Suggested related articles">
          {result.related.map((item) => {
            const name = item.headline || 'Untitled';
            return (
              <li key={item.articleId} className="related__item related__item--suggestion">
                <div className="related__text">
                  <Headline item={item} />
                  <p className="related__note">{facts(item)}</p>
                  {item.teaser === '' ? null : <p className="related__teaser">{item.teaser}</p>}
                  <p className="related__reason">{item.reason}</p>
                  <div className="related__buttons">
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={`Insert “Also See: ${name}” at the cursor`}
                      onClick={() => onInsert(item)}
                    >
                      Insert Also See
                    </button>
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={`Pin “${name}” to the related list`}
                      disabled={isPinned(item.articleId)}
                      onClick={() => onPin(item)}
                    >
                      {isPinned(item.articleId) ? 'Pinned' : 'Pin'}
                    </button>
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {result.duplicates.length === 0 ? null : <Duplicates items={result.duplicates} />}
    </div>
  );
}

function Duplicates({ items }: { items: readonly DuplicateSuggestion[] }): JSX.Element {
  return (
    <section className="related-suggestions__duplicates" aria-label="Possible duplicates">
      <h3 className="panel__subtitle">Possible duplicates</h3>
      <p className="related__note">Nearly the same text: the same story imported twice, or a lightly edited copy.</p>
      <ul className="related">
        {items.map((item) => (
          <li key={item.articleId} className="related__item">
            <div className="related__text">
              <Headline item={item} />
              <p className="related__note">
                {Math.round(item.similarity * 100)}% the same text · {facts(item)}
              </p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
