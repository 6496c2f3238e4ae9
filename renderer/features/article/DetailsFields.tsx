import { useId, useState, type JSX, type KeyboardEvent } from 'react';

import type { EditableValues, HeaderValues } from './ArticleHeader';
import { languageOptions, parseLengthTarget, parseSlug, slugOrigin } from './articleFields';
import { TagsField } from './TagsField';

type DetailsFieldsProps = {
  values: HeaderValues;
  onChange: (patch: Partial<EditableValues>) => void;
  onSlug: (slug: string) => void;
  slugProblem: string | null;
  onLeaveField: () => void;
};

const OPEN_KEY = 'copydesk.details';

function readOpen(): boolean {
  try {
    return localStorage.getItem(OPEN_KEY) === 'open';
  } catch {
    return false;
  }
}

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
  onChange,
  onSlug,
  slugProblem,
  onLeaveField,
}: DetailsFieldsProps): JSX.Element {
  const [open, setOpen] = useState(readOpen);

  return (
    <details
      className="details"
      open={open}
      onToggle={(event) => {
        const next = event.currentTarget.open;
        setOpen(next);
        try {
          localStorage.setItem(OPEN_KEY, next ? 'open' : 'closed');
        } catch {
          // Storage can be disabled; the disclosure then starts closed next time.
        }
      }}
    >
      <summary className="details__summary">
        <span className="details__title">Details</span>
        {open ? null : <span className="details__digest">{digest(values)}</span>}
      </summary>
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
            maxLength={300}
            value={values.syndicationCredit}
            onChange={(event) => onChange({ syndicationCredit: event.target.value })}
            onBlur={onLeaveField}
          />
        </label>
        <LengthTargetField
          target={values.lengthTarget}
          onChange={(lengthTarget) => onChange({ lengthTarget })}
          onLeaveField={onLeaveField}
        />
        <SlugField
          slug={values.slug}
          origin={slugOrigin(values.slugLocked, values.status)}
          problem={slugProblem}
          onCommit={onSlug}
        />
      </div>
    </details>
  );
}

/**
 * The slug: shown as saved, edited as text, saved when the person commits it (Enter or leaving
 * the box), because a half-typed slug ("night-") is not a slug.
 */
function SlugField({
  slug,
  origin,
  problem,
  onCommit,
}: {
  slug: string;
  origin: string;
  problem: string | null;
  onCommit: (slug: string) => void;
}): JSX.Element {
  const [draft, setDraft] = useState(slug);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  // The saved slug moves with the headline; the box follows it unless someone is typing in it.
  const [seen, setSeen] = useState(slug);
  if (slug !== seen) {
    setSeen(slug);
    if (!focused) setDraft(slug);
  }
  const ids = useId();
  const shown = invalid ?? problem;

  const commit = () => {
    if (draft === slug) {
      setInvalid(null);
      return;
    }
    const parsed = parseSlug(draft);
    if (!parsed.ok) {
      setInvalid(parsed.message);
      return;
    }
    setInvalid(null);
    onCommit(parsed.value);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape' && draft !== slug) {
      event.preventDefault();
      setDraft(slug);
      setInvalid(null);
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
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false);
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

/** The length target in words; an empty box means none. Saved as it is typed, once it is a number. */
function LengthTargetField({
  target,
  onChange,
  onLeaveField,
}: {
  target: number | null;
  onChange: (target: number | null) => void;
  onLeaveField: () => void;
}): JSX.Element {
  const [draft, setDraft] = useState(target === null ? '' : String(target));
  const [problem, setProblem] = useState<string | null>(null);
  const ids = useId();

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
          aria-invalid={problem !== null}
          aria-describedby={problem === null ? undefined : `${ids}-problem`}
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value);
            const parsed = parseLengthTarget(event.target.value);
            if (parsed.ok) {
              setProblem(null);
              if (parsed.value !== target) onChange(parsed.value);
            } else {
              setProblem(parsed.message);
            }
          }}
          onBlur={onLeaveField}
        />
        <span className="input-with-unit__unit" aria-hidden="true">
          words
        </span>
      </span>
      {problem === null ? null : (
        <span id={`${ids}-problem`} className="form-problem" role="alert">
          {problem}
        </span>
      )}
    </label>
  );
}
