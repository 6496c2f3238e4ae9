import {
  useEffect,
  useId,
  useRef,
  useState,
  type FocusEvent,
  type JSX,
  type KeyboardEvent,
  type ReactNode,
} from 'react';

import type { Source, SourceFields } from '../../../shared/sources';
import {
  RELIABILITY_GRADES,
  RELIABILITY_MEANINGS,
  RELIABILITY_NAMES,
  SOURCE_KIND_LABELS,
  SOURCE_KINDS,
  SourceFieldsSchema,
  sourceFieldsOf,
} from '../../../shared/sources';
import { api, errorMessage } from '../../api';
import { FormProblem } from '../../components/FormProblem';

type FieldName = keyof SourceFields;
type Problems = Partial<Record<FieldName, string>>;

/** The order the fields are shown in, and checked in: the first with a problem takes the focus. */
const FIELD_ORDER: readonly FieldName[] = [
  'title',
  'kind',
  'reliability',
  'url',
  'publisher',
  'author',
  'publishedDate',
  'accessedDate',
  'notes',
];

/** A field's value checked as the library will check it: the message to show, or null. */
export function sourceFieldProblem(field: FieldName, value: string): string | null {
  const result = SourceFieldsSchema.shape[field].safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? 'This value cannot be kept.');
}

/**
 * A source's record, edited: its title, kind, reliability on the Admiralty scale (each grade
 * with what it means), address, publisher, author, dates and notes. Each field is checked as
 * it is left, with the message at the field; the form is kept only when every field is right.
 */
export function SourceForm({
  source,
  onSaved,
  onCancel,
}: {
  source: Source;
  onSaved: (source: Source) => void;
  onCancel: () => void;
}): JSX.Element {
  const [values, setValues] = useState<SourceFields>(() => sourceFieldsOf(source));
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = useId();
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    form.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, []);

  const check = (field: FieldName, value: string) => {
    const problem = sourceFieldProblem(field, value);
    setProblems((current) => {
      if ((current[field] ?? null) === problem) return current;
      const others = Object.fromEntries(Object.entries(current).filter(([name]) => name !== field));
      return problem === null ? others : { ...others, [field]: problem };
    });
  };

  // Leaving a field for Save or Cancel checks nothing yet: a message appearing there would move
  // the button from under the pointer between press and release, and the click would be lost.
  const leave = (field: FieldName, event: FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const next = event.relatedTarget;
    if (next instanceof HTMLButtonElement && next.form !== null && next.form === event.currentTarget.form) return;
    check(field, event.currentTarget.value);
  };

  const set = (field: FieldName, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    // A field already flagged is checked again as it is corrected; the others when they are left.
    if (problems[field] !== undefined) check(field, value);
  };

  const submit = (event: { preventDefault: () => void }) => {
    event.preventDefault();
    const found: Problems = {};
    for (const field of FIELD_ORDER) {
      const problem = sourceFieldProblem(field, values[field]);
      if (problem !== null) found[field] = problem;
    }
    setProblems(found);
    const first = FIELD_ORDER.find((field) => found[field] !== undefined);
    if (first !== undefined) {
      form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    api
      .invoke('sources:update', { id: source.id, fields: SourceFieldsSchema.parse(values) })
      .then(onSaved, (error: unknown) => setFailure(`The source was not saved: ${errorMessage(error)}`))
      .finally(() => setBusy(false));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Escape') return;
    // Inside the reader, Escape closes the form, not the dialog.
    event.preventDefault();
    event.stopPropagation();
    onCancel();
  };

  const field = (name: FieldName, label: string, control: ReactNode, hint?: string) => {
    const problem = problems[name];
    return (
      <div className={`form-field source-form__${name}`}>
        <label className="form-field__label" htmlFor={`${ids}-${name}`}>
          {label}
        </label>
        {control}
        {hint === undefined ? null : (
          <span id={`${ids}-${name}-hint`} className="form-field__hint">
            {hint}
          </span>
        )}
        {problem === undefined ? null : (
          <span id={`${ids}-${name}-problem`} className="form-problem" role="alert">
            {problem}
          </span>
        )}
      </div>
    );
  };

  const describedBy = (name: FieldName, hint = false) =>
    [hint ? `${ids}-${name}-hint` : '', problems[name] === undefined ? '' : `${ids}-${name}-problem`]
      .filter((id) => id !== '')
      .join(' ') || undefined;

  const text = (name: Exclude<FieldName, 'kind' | 'reliability'>, options: { hint?: boolean; type?: string } = {}) => (
    <input
      id={`${ids}-${name}`}
      name={name}
      className="input"
      type={options.type ?? 'text'}
      value={values[name]}
      aria-invalid={problems[name] !== undefined}
      aria-describedby={describedBy(name, options.hint)}
      onChange={(event) => set(name, event.currentTarget.value)}
      onBlur={(event) => leave(name, event)}
    />
  );

  const choice = (name: 'kind' | 'reliability', options: readonly (readonly [string, string])[]) => (
    <select
      id={`${ids}-${name}`}
      name={name}
      className="input"
      value={values[name]}
      aria-describedby={name === 'reliability' ? `${ids}-reliability-hint` : undefined}
      onChange={(event) => set(name, event.currentTarget.value)}
    >
      {options.map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </select>
  );

  return (
    <form
      ref={form}
      className="source-form"
      aria-label={`Edit source: ${source.title}`}
      noValidate
      onSubmit={submit}
      onKeyDown={onKeyDown}
    >
      {field('title', 'Title', text('title'))}
      {field(
        'kind',
        'Kind',
        choice(
          'kind',
          SOURCE_KINDS.map((kind) => [kind, SOURCE_KIND_LABELS[kind]]),
        ),
      )}
      {field(
        'reliability',
        'Reliability',
        choice(
          'reliability',
          RELIABILITY_GRADES.map((grade) => [grade, `${grade} — ${RELIABILITY_NAMES[grade]}`]),
        ),
        `${RELIABILITY_NAMES[values.reliability]}: ${RELIABILITY_MEANINGS[values.reliability]}. The grade is for the source's record; each claim gets its own verdict.`,
      )}
      {field('url', 'Address (URL)', text('url', { type: 'url', hint: true }), 'Starts with http:// or https://')}
      {field('publisher', 'Publisher', text('publisher'))}
      {field('author', 'Author', text('author'))}
      {field('publishedDate', 'Published', text('publishedDate', { hint: true }), 'Year-month-day, such as 2026-03-02')}
      {field('accessedDate', 'Accessed', text('accessedDate', { hint: true }), 'Year-month-day, such as 2026-03-02')}
      {field(
        'notes',
        'Notes',
        <textarea
          id={`${ids}-notes`}
          name="notes"
          className="input input--area"
          rows={3}
          value={values.notes}
          aria-invalid={problems.notes !== undefined}
          aria-describedby={describedBy('notes')}
          onChange={(event) => set('notes', event.currentTarget.value)}
          onBlur={(event) => leave('notes', event)}
        />,
      )}
      <FormProblem problem={failure} />
      <div className="sources__form-actions">
        <button type="submit" className="button button--small button--primary" disabled={busy}>
          Save source
        </button>
        <button type="button" className="button button--small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
