import { useId, useRef, type JSX, type KeyboardEvent } from 'react';

import type { Article, ArticleStatus, Author, LeadImage } from '../../../shared/domain';
import { oneLine } from './articleFields';
import { BylineField } from './BylineField';
import { DetailsFields } from './DetailsFields';
import { LeadImageField } from './LeadImageField';
import { StatusControl } from './StatusControl';

/** Everything above the body that a person edits, as the header shows it. */
export type HeaderValues = {
  headline: string;
  dek: string;
  authors: Author[];
  dateline: string;
  datelineDate: string;
  leadImage: LeadImage | null;
  leadImageCredit: string;
  section: string;
  tags: string[];
  syndicationCredit: string;
  language: string;
  lengthTarget: number | null;
  slug: string;
  slugLocked: boolean;
  status: Article['status'];
};

export function headerValuesOf(article: Article): HeaderValues {
  return {
    headline: article.headline,
    dek: article.dek,
    authors: article.authors,
    dateline: article.dateline,
    datelineDate: article.datelineDate,
    leadImage: article.leadImage,
    leadImageCredit: article.leadImageCredit,
    section: article.section,
    tags: article.tags,
    syndicationCredit: article.syndicationCredit,
    language: article.language,
    lengthTarget: article.lengthTarget,
    slug: article.slug,
    slugLocked: article.slugLocked,
    status: article.status,
  };
}

/** Fields saved as they change; the slug is saved on its own when it is committed. */
export type EditableValues = Omit<HeaderValues, 'slug' | 'slugLocked' | 'status'>;

type ArticleHeaderProps = {
  values: HeaderValues;
  autoFocusHeadline: boolean;
  onChange: (patch: Partial<EditableValues>) => void;
  onStatus: (status: ArticleStatus) => void;
  /** A slug typed by hand, checked and ready to save. */
  onSlug: (slug: string) => void;
  /** Why the last slug was refused, or null. */
  slugProblem: string | null;
  onAuthorUpdated: (author: Author) => void;
  /** Focus left a field: a natural moment to save. */
  onLeaveField: () => void;
  /** Enter in the dek moves on to the body. */
  onEnterBody: () => void;
};

/** The article's structured header: the fields a desk fills for every story, the rest under Details. */
export function ArticleHeader({
  values,
  autoFocusHeadline,
  onChange,
  onStatus,
  onSlug,
  slugProblem,
  onAuthorUpdated,
  onLeaveField,
  onEnterBody,
}: ArticleHeaderProps): JSX.Element {
  const dekField = useRef<HTMLTextAreaElement>(null);
  const ids = useId();

  const onHeadlineKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      dekField.current?.focus();
    }
  };

  const onDekKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      onEnterBody();
    }
  };

  return (
    <header className="article-header">
      <div className="article-header__top">
        <input
          className="field field--section"
          aria-label="Section"
          placeholder="Section"
          maxLength={100}
          value={values.section}
          onChange={(event) => onChange({ section: event.target.value })}
          onBlur={onLeaveField}
        />
        <StatusControl status={values.status} onChange={onStatus} />
      </div>
      <textarea
        className="field field--headline"
        aria-label="Headline"
        placeholder="Headline"
        rows={1}
        maxLength={500}
        autoFocus={autoFocusHeadline}
        value={values.headline}
        onChange={(event) => onChange({ headline: oneLine(event.target.value) })}
        onKeyDown={onHeadlineKeyDown}
        onBlur={onLeaveField}
      />
      <textarea
        ref={dekField}
        className="field field--dek"
        aria-label="Dek"
        placeholder="Dek: the one or two sentences under the headline"
        rows={1}
        maxLength={2000}
        value={values.dek}
        onChange={(event) => onChange({ dek: oneLine(event.target.value) })}
        onKeyDown={onDekKeyDown}
        onBlur={onLeaveField}
      />
      <div className="article-header__facts">
        <div className="article-header__line">
          <BylineField
            authors={values.authors}
            onChange={(authors) => onChange({ authors })}
            onAuthorUpdated={onAuthorUpdated}
          />
          <div className="dateline" role="group" aria-labelledby={`${ids}-dateline`}>
            <span id={`${ids}-dateline`} className="dateline__label">
              Dateline
            </span>
            <input
              className="field field--inline dateline__place"
              aria-label="Dateline place"
              placeholder="PLACE"
              maxLength={200}
              value={values.dateline}
              onChange={(event) => onChange({ dateline: event.target.value })}
              onBlur={onLeaveField}
            />
            <input
              type="date"
              className="field field--inline dateline__date"
              aria-label="Dateline date"
              value={values.datelineDate}
              onChange={(event) => onChange({ datelineDate: event.target.value })}
              onBlur={onLeaveField}
            />
          </div>
        </div>
        <LeadImageField
          image={values.leadImage}
          keptCredit={values.leadImageCredit}
          // A picture removed leaves its credit kept for the next one, as the library does.
          onChange={(leadImage) =>
            onChange({
              leadImage,
              leadImageCredit: leadImage === null ? values.leadImage?.credit || values.leadImageCredit : '',
            })
          }
          onKeptCredit={(leadImageCredit) => onChange({ leadImageCredit })}
          onLeaveField={onLeaveField}
        />
        <DetailsFields
          values={values}
          onChange={onChange}
          onSlug={onSlug}
          slugProblem={slugProblem}
          onLeaveField={onLeaveField}
        />
      </div>
    </header>
  );
}
