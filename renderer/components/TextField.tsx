import type { JSX } from 'react';

/** One labelled box of the form, with its problem (or a hint) under it, tied to it for screen readers. */
export function TextField({
  id,
  label,
  type,
  autoComplete,
  placeholder,
  value,
  onChange,
  problem,
  hint,
}: {
  id: string;
  label: string;
  type: 'url' | 'password';
  autoComplete: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  problem: string | null;
  hint: string | null;
}): JSX.Element {
  const note = problem ?? hint;
  return (
    <label className="form-field" htmlFor={id}>
      <span className="form-field__label">{label}</span>
      <input
        id={id}
        className="input"
        type={type}
        autoComplete={autoComplete}
        placeholder={placeholder}
        value={value}
        aria-invalid={problem !== null}
        aria-describedby={note === null ? undefined : `${id}-note`}
        onChange={(event) => onChange(event.target.value)}
      />
      {note === null ? null : (
        <span
          id={`${id}-note`}
          className={problem === null ? 'form-field__hint' : 'form-problem'}
          role={problem === null ? undefined : 'alert'}
        >
          {note}
        </span>
      )}
    </label>
  );
}
