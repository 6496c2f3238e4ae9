import './article.css';

import { useId, useRef, type JSX, type KeyboardEvent, type ReactNode } from 'react';

import { useKeptCaret } from '../../components/useKeptCaret';
import type { Article, ArticleStatus, Author, LeadImage } from '../../../shared/domain';
import type { HeldField, TextField } from './ArticleSaver';
import { oneLine } from './articleFields';
import { BylineField } from './BylineField';
import { DatelineDateField } from './DatelineDateField';
import { DetailsFields } from './DetailsFields';
import { FieldProblem, heldFor, problemProps } from './FieldProblem';
import { curlTypedQuote } from './typographicQuotesInField';
import { LeadImageField } from './LeadImageField';
import { PublishingFields } from './PublishingFields';
import { StatusControl } from './StatusControl';
import { StoryTimesLine } from './StoryTimesLine';

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
  /** UTC timestamps, or null. */
  embargoUntil: string | null;
  publishAt: string | null;
  seoHeadline: string;
  socialHeadline: string;
  seoDescription: string;
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
    embargoUntil: article.embargoUntil,
    publishAt: article.publishAt,
    seoHeadline: article.seoHeadline,
    socialHeadline: article.socialHeadline,
    seoDescription: article.seoDescription,
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
  /** Shown above the fields: edits kept from an earlier visit, offered back. */
  notice?: ReactNode;
  /** Fields held back from saves, with why: each is told at its field. */
  held: readonly HeldField[];
  /** Text typed in a box that is not a value yet; `message` says why, null while typing. */
  onDraft: (field: TextField, text: string, message: string | null) => void;
  /** The box is back to its saved value. */
  onDraftDropped: (field: TextField) => void;
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
  /** Straight quotes typed in the headline and dek become typographic ones, as in the body. */
  typographicQuotes?: boolean;
  /** A story edited live whose document has not arrived yet: its headline and dek wait for it. */
  liveTextWaiting?: boolean;
  /** Who the story is assigned to, beside its status (a story the library has). */
  workflow?: ReactNode;
};

/** The article's structured header: the fields a desk fills for every story, the rest under Details. */
export function ArticleHeader({
  values,
  notice,
  held,
  onDraft,
  onDraftDropped,
  autoFocusHeadline,
  onChange,
  onStatus,
  onSlug,
  slugProblem,
  onAuthorUpdated,
  onLeaveField,
  onEnterBody,
  typographicQuotes = false,
  liveTextWaiting = false,
  workflow = null,
}: ArticleHeaderProps): JSX.Element {
  const headlineField = useRef<HTMLTextAreaElement>(null);
  const dekField = useRef<HTMLTextAreaElement>(null);
  useKeptCaret(headlineField, values.headline);
  useKeptCaret(dekField, values.dek);
  const ids = useId();
  const problem = (field: 'headline' | 'dek' | 'section' | 'dateline') => heldFor(held, field)?.message ?? null;
  // What the fields set once per story, under the disclosures, are given.
  const onceFields = { values, held, onDraft, onDraftDropped, onChange, onLeaveField };

  const onHeadlineKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (typographicQuotes) curlTypedQuote(event);
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      dekField.current?.focus();
    }
  };

  const onDekKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (typographicQuotes) curlTypedQuote(event);
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      onEnterBody();
    }
  };

  return (
    <header className="article-header">
      {notice}
      <div className="article-header__top">
        <input
          className="field field--section"
          aria-label="Section"
          placeholder="Section"
          {...problemProps(`${ids}-section-problem`, problem('section'))}
          value={values.section}
          onChange={(event) => onChange({ section: event.target.value })}
          onBlur={onLeaveField}
        />
        <div className="article-header__workflow">
          {workflow}
          <StatusControl status={values.status} onChange={onStatus} />
        </div>
      </div>
      <StoryTimesLine embargoUntil={values.embargoUntil} publishAt={values.publishAt} />
      <FieldProblem id={`${ids}-section-problem`} message={problem('section')} />
      {/* No maxLength: a paste too long stays whole on screen, told and held back, not cut silently. */}
      <textarea
        ref={headlineField}
        className="field field--headline"
        aria-label="Headline"
        placeholder="Headline"
        rows={1}
        {...problemProps(`${ids}-headline-problem`, problem('headline'))}
        autoFocus={autoFocusHeadline}
        readOnly={liveTextWaiting}
        value={values.headline}
        onChange={(event) => onChange({ headline: oneLine(event.target.value) })}
        onKeyDown={onHeadlineKeyDown}
        onBlur={onLeaveField}
      />
      <FieldProblem id={`${ids}-headline-problem`} message={problem('headline')} />
      <textarea
        ref={dekField}
        className="field field--dek"
        aria-label="Dek"
        placeholder="Dek: the one or two sentences under the headline"
        rows={1}
        {...problemProps(`${ids}-dek-problem`, problem('dek'))}
        readOnly={liveTextWaiting}
        value={values.dek}
        onChange={(event) => onChange({ dek: oneLine(event.target.value) })}
        onKeyDown={onDekKeyDown}
        onBlur={onLeaveField}
      />
      <FieldProblem id={`${ids}-dek-problem`} message={problem('dek')} />
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
              placeholder="Place, as it opens the story"
              {...problemProps(`${ids}-place-problem`, problem('dateline'))}
              value={values.dateline}
              onChange={(event) => onChange({ dateline: event.target.value })}
              onBlur={onLeaveField}
            />
            <FieldProblem id={`${ids}-place-problem`} message={problem('dateline')} />
            <DatelineDateField
              value={values.datelineDate}
              held={heldFor(held, 'datelineDate')}
              onCommit={(datelineDate) => onChange({ datelineDate })}
              onDraft={(text, message) => onDraft('datelineDate', text, message)}
              onDrop={() => onDraftDropped('datelineDate')}
              onLeaveField={onLeaveField}
            />
          </div>
        </div>
        <LeadImageField
          image={values.leadImage}
          problems={{
            caption: heldFor(held, 'leadImage', ['caption'])?.message ?? null,
            credit: heldFor(held, 'leadImage', ['credit'])?.message ?? null,
            altText: heldFor(held, 'leadImage', ['altText'])?.message ?? null,
          }}
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
        <PublishingFields {...onceFields} />
        <DetailsFields {...onceFields} onSlug={onSlug} slugProblem={slugProblem} />
      </div>
    </header>
  );
}
