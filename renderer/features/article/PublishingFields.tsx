import { useId, useMemo, type JSX } from 'react';

import { SEO_DESCRIPTION_LENGTH, SEO_HEADLINE_LENGTH } from '../../../shared/domain';
import { formatStoryTime } from '../../../shared/storyTimes';
import { countCharacters } from '../../editor/bodyCounts';
import type { HeaderValues } from './ArticleHeader';
import { FieldProblem, heldFor, problemProps } from './FieldProblem';
import { HeaderDisclosure, type DisclosedFieldsProps } from './HeaderDisclosure';
import { StoryTimeField } from './StoryTimeField';
import { lengthCount, oneLine } from './articleFields';
import { personLocale, personTimeZone } from './storyTimeText';

/** The fields under this disclosure. */
const PUBLISHING_FIELDS = new Set<string>([
  'embargoUntil',
  'publishAt',
  'seoHeadline',
  'socialHeadline',
  'seoDescription',
]);

function Counter({
  id,
  length,
  target,
}: {
  id: string;
  length: number;
  target: { from: number; to: number } | number;
}) {
  const { label, over } = lengthCount(length, target);
  return (
    <span id={id} className={`publishing__count${over > 0 ? ' publishing__count--over' : ''}`}>
      {label}
    </span>
  );
}

/** A one-line digest of the publishing fields, shown while they are folded away. */
function digest(values: HeaderValues, timeZone: string, locale: string): string {
  const parts: string[] = [];
  if (values.embargoUntil !== null) {
    parts.push(`Embargoed until ${formatStoryTime(values.embargoUntil, timeZone, locale)}`);
  }
  if (values.publishAt !== null) parts.push(`Publish at ${formatStoryTime(values.publishAt, timeZone, locale)}`);
  if (values.seoHeadline !== '') parts.push(`SEO: ${values.seoHeadline}`);
  if (values.socialHeadline !== '') parts.push(`Social: ${values.socialHeadline}`);
  return parts.length === 0
    ? 'No embargo or publication time; headlines for search and social as the headline'
    : parts.join(' · ');
}

/**
 * When the story may run and how it is headlined in each place it appears: the embargo and the
 * publication time (typed in the person's zone, kept in UTC), the headline for search results
 * and for social posts, and the description search results show, each counted against the
 * length search results show before they cut it. Under a disclosure that remembers whether it
 * was left open; a field held back is never out of sight under it.
 */
export function PublishingFields({
  values,
  held,
  onDraft,
  onDraftDropped,
  onChange,
  onLeaveField,
}: DisclosedFieldsProps): JSX.Element {
  const { timeZone, locale } = useMemo(() => ({ timeZone: personTimeZone(), locale: personLocale() }), []);
  const times = [
    { field: 'embargoUntil', label: 'Embargo until' },
    { field: 'publishAt', label: 'Publish at' },
  ] as const;

  return (
    <HeaderDisclosure
      storageKey="copydesk.publishing"
      title="Publishing"
      className="publishing"
      fields={PUBLISHING_FIELDS}
      held={held}
      digest={() => digest(values, timeZone, locale)}
    >
      <div className="details__grid publishing__grid">
        {times.map(({ field, label }) => (
          <StoryTimeField
            key={field}
            label={label}
            value={values[field]}
            timeZone={timeZone}
            locale={locale}
            held={heldFor(held, field)}
            onCommit={(time) => onChange({ [field]: time })}
            onDraft={(text, message) => onDraft(field, text, message)}
            onDrop={() => onDraftDropped(field)}
            onLeaveField={onLeaveField}
          />
        ))}
        <PlaceField
          label="SEO headline"
          value={values.seoHeadline}
          placeholder="Left empty, search results show the headline"
          target={SEO_HEADLINE_LENGTH}
          problem={heldFor(held, 'seoHeadline')?.message ?? null}
          onChange={(seoHeadline) => onChange({ seoHeadline })}
          onLeaveField={onLeaveField}
        />
        <PlaceField
          label="Social headline"
          value={values.socialHeadline}
          placeholder="Left empty, social posts show the headline"
          problem={heldFor(held, 'socialHeadline')?.message ?? null}
          onChange={(socialHeadline) => onChange({ socialHeadline })}
          onLeaveField={onLeaveField}
        />
        <PlaceField
          label="SEO description"
          value={values.seoDescription}
          placeholder="Left empty, search results show the dek"
          target={SEO_DESCRIPTION_LENGTH}
          multiline
          problem={heldFor(held, 'seoDescription')?.message ?? null}
          onChange={(seoDescription) => onChange({ seoDescription })}
          onLeaveField={onLeaveField}
        />
      </div>
    </HeaderDisclosure>
  );
}

/**
 * The words of the story for one place it appears (search results, social posts), on one line:
 * left empty, that place shows the headline or the dek, as the placeholder says. Counted against
 * `target`, the length search results show before they cut it, when there is one: past it the
 * count turns the warning colour, and the text is still saved.
 */
function PlaceField({
  label,
  value,
  placeholder,
  target,
  multiline = false,
  problem,
  onChange,
  onLeaveField,
}: {
  label: string;
  value: string;
  placeholder: string;
  target?: { from: number; to: number } | number;
  multiline?: boolean;
  problem: string | null;
  onChange: (value: string) => void;
  onLeaveField: () => void;
}): JSX.Element {
  const ids = useId();
  const described = [target === undefined ? '' : `${ids}-count`, problem === null ? '' : `${ids}-problem`]
    .filter((id) => id !== '')
    .join(' ');
  const box = {
    id: `${ids}-box`,
    placeholder,
    ...problemProps(`${ids}-problem`, problem),
    'aria-describedby': described === '' ? undefined : described,
    value,
    onBlur: onLeaveField,
  };
  return (
    <div className="form-field form-field--wide">
      <label className="form-field__label" htmlFor={box.id}>
        {label}
      </label>
      {multiline ? (
        <textarea
          className="input input--area"
          rows={2}
          {...box}
          onChange={(event) => onChange(oneLine(event.target.value))}
        />
      ) : (
        <input className="input" {...box} onChange={(event) => onChange(oneLine(event.target.value))} />
      )}
      {target === undefined ? null : <Counter id={`${ids}-count`} length={countCharacters(value)} target={target} />}
      <FieldProblem id={`${ids}-problem`} message={problem} />
    </div>
  );
}
