import { useId, useState, type JSX, type KeyboardEvent } from 'react';

import type { HeaderValues } from './ArticleHeader';
import type { HeldField } from './ArticleSaver';
import { languageOptions, parseLengthTarget, parseSlug, slugOrigin } from './articleFields';
import { FieldProblem, heldFor, problemProps } from './FieldProblem';
import { HeaderDisclosure, type DisclosedFieldsProps } from './HeaderDisclosure';
import { TagsField } from './TagsField';
import { useTypedText } from './useTypedText';

type DetailsFieldsProps = DisclosedFieldsProps & {
  onSlug: (slug: string) => void;
  slugProblem: string | null;
};

/** The fields under the disclosure. */
const DETAIL_FIELDS = new Set<string>(['tags', 'language', 'syndicationCredit', 'lengthTarget', 'slug']);

function languageName(code: string): string {
  return languageOptions(code).find((language) => language.code === code)?.name ?? code;
}

/** A one-line digest of the details, shown while they are folded away. */
function digest(values: HeaderValues): string {
  const parts: string[] = [];
  if (values.tags.length > 0) parts.push(values.tags.join(', '));
  if (values.syndicationCredit.trim() !== '') parts.push(values.syndicationCredit.trim());
  parts.push(languageName(values.language));
  if (values.lengthTarget !== null) parts.push(`target ${new Intl.NumberFormat().format(values.lengthTarget)} words`);
  if (values.slug !== '') parts.push(`/${values.slug}`);
  return parts.join(' · ');
}

/** The fields a desk sets once per story: under a disclosure that remembers whether it was left open. */
export function DetailsFields({
  values,
  held,
  onDraft,
  onDraftDropped,
  onChange,
  onSlug,
  slugProblem,
  onLeaveField,
}: DetailsFieldsProps): JSX.Element {
  const ids = useId();
  const creditProblem = heldFor(held, 'syndicationCredit')?.message ?? null;

  return (
    <HeaderDisclosure
      storageKey="copydesk.details"
      title="Details"
      fields={DETAIL_FIELDS}
      held={held}
      digest={() => digest(values)}
    >
      <div className="details__grid">
        <div className="form-field form-field--span2">
          <span className="form-field__label" aria-hidden="true">
            Tags
          </span>
          <TagsField tags={values.tags} onChange={(tags) => onChange({ tags })} />
        </div>
        <label className="form-field">
          <span className="form-field__label">Language</span>
          <select
            className="input"
            value={values.language}
            onChange={(event) => onChange({ language: event.target.value })}
          >
            {languageOptions(values.language).map((language) => (
              <option key={language.code} value={language.code}>
                {`${language.name} (${language.code})`}
              </option>
            ))}
          </select>
        </label>
        <label className="form-field form-field--span2">
          <span className="form-field__label">Syndication credit</span>
          <input
            className="input"
            placeholder="Where the story comes from, as the credit line reads"
            {...problemProps(`${ids}-credit`, creditProblem)}
            value={values.syndicationCredit}
            onChange={(event) => onChange({ syndicationCredit: event.target.value })}
            onBlur={onLeaveField}
          />
          <FieldProblem id={`${ids}-credit`} message={creditProblem} />
        </label>
        <LengthTargetField
          target={values.lengthTarget}
          held={heldFor(held, 'lengthTarget')}
          onChange={(lengthTarget) => onChange({ lengthTarget })}
          onDraft={(text, message) => onDraft('lengthTarget', text, message)}
          onDraftDropped={() => onDraftDropped('lengthTarget')}
          onLeaveField={onLeaveField}
        />
        <SlugField
          slug={values.slug}
          origin={slugOrigin(values.slugLocked, values.status)}
          held={heldFor(held, 'slug')}
          problem={slugProblem}
          onCommit={onSlug}
          onDraft={(text, message) => onDraft('slug', text, message)}
          onDraftDropped={() => onDraftDropped('slug')}
        />
      </div>
    </HeaderDisclosure>
  );
}

/**
 * The slug: shown as saved, edited as text, saved when the person commits it (Enter or leaving
 * the box), because a half-typed slug ("night-") is not a slug. What is typed is kept meanwhile,
 * and a slug that cannot be one stays in the box with the reason.
 */
function SlugField({
  slug,
  origin,
  held,
  problem,
  onCommit,
  onDraft,
  onDraftDropped,
}: {
  slug: string;
  origin: string;
  held: HeldField | undefined;
  problem: string | null;
  onCommit: (slug: string) => void;
  onDraft: (text: string, message: string | null) => void;
  onDraftDropped: () => void;
}): JSX.Element {
  // The saved slug moves with the headline; the box follows it unless someone is typing in it.
  const { text: draft, setText: setDraft, onFocus, onBlur } = useTypedText(held?.text ?? slug);
  const ids = useId();
  const shown = held?.message ?? problem;

  const commit = () => {
    if (draft === slug) {
      onDraftDropped();
      return;
    }
    const parsed = parseSlug(draft);
    if (!parsed.ok) {
      onDraft(draft, parsed.message);
      return;
    }
    onCommit(parsed.value);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape' && draft !== slug) {
      event.preventDefault();
      setDraft(slug);
      onDraftDropped();
    }
  };

  return (
    <div className="form-field form-field--wide">
      <span className="form-field__label">
        <label htmlFor={`${ids}-slug`}>Slug</label>
        <span id={`${ids}-slug-origin`} className="form-field__aside">
          {origin}
        </span>
      </span>
      <input
        id={`${ids}-slug`}
        className="input input--mono"
        title="Lower-case words joined by hyphens, unique in the library. Setting it by hand fixes it."
        aria-invalid={shown !== null}
        aria-describedby={`${ids}-slug-origin ${ids}-slug-note`}
        spellCheck={false}
        autoComplete="off"
        maxLength={120}
        value={draft}
        onChange={(event) => {
          setDraft(event.target.value);
          if (event.target.value === slug) onDraftDropped();
          else onDraft(event.target.value, null);
        }}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onBlur={() => {
          onBlur();
          commit();
        }}
      />
      {shown === null ? (
        <span id={`${ids}-slug-note`} className="visually-hidden">
          Lower-case words joined by hyphens, unique in the library. Setting it by hand fixes it.
        </span>
      ) : (
        <span id={`${ids}-slug-note`} className="form-problem" role="alert">
          {shown}
        </span>
      )}
    </div>
  );
}

/**
 * The length target in words; an empty box means none. Saved as it is typed, once it is a
 * number; what is not one yet is kept with the reason under the box.
 */
function LengthTargetField({
  target,
  held,
  onChange,
  onDraft,
  onDraftDropped,
  onLeaveField,
}: {
  target: number | null;
  held: HeldField | undefined;
  onChange: (target: number | null) => void;
  onDraft: (text: string, message: string | null) => void;
  onDraftDropped: () => void;
  onLeaveField: () => void;
}): JSX.Element {
  const {
    text: draft,
    setText: setDraft,
    onFocus,
    onBlur,
  } = useTypedText(held?.text ?? (target === null ? '' : String(target)));
  // What the browser could not read as a number never reaches the page ("1e"): only said.
  const [unreadable, setUnreadable] = useState(false);
  const ids = useId();
  const problem = unreadable ? 'The length target is a whole number of words.' : (held?.message ?? null);

  return (
    <label className="form-field">
      <span className="form-field__label">Length target</span>
      <span className="input-with-unit">
        <input
          className="input"
          type="number"
          inputMode="numeric"
          min={1}
          max={100000}
          step={50}
          placeholder="None"
          {...problemProps(`${ids}-problem`, problem)}
          value={draft}
          onChange={(event) => {
            const text = event.target.value;
            setDraft(text);
            setUnreadable(event.target.validity.badInput);
            if (event.target.validity.badInput) return;
            const parsed = parseLengthTarget(text);
            if (!parsed.ok) onDraft(text, parsed.message);
            else if (parsed.value !== target) onChange(parsed.value);
            else onDraftDropped();
          }}
          onFocus={onFocus}
          onBlur={() => {
            onBlur();
            onLeaveField();
          }}
        />
        <span className="input-with-unit__unit" aria-hidden="true">
          words
        </span>
      </span>
      <FieldProblem id={`${ids}-problem`} message={problem} />
    </label>
  );
}
