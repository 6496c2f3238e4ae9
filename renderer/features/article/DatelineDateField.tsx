import { useId, useMemo, type JSX, type KeyboardEvent } from 'react';

import type { HeldField } from './ArticleSaver';
import {
  addDays,
  datePattern,
  formatDate,
  localToday,
  longDate,
  numericDate,
  parseIso,
  readDate,
  toIso,
} from './dateText';
import { FieldProblem } from './FieldProblem';
import { personLocale } from './storyTimeText';
import { useTypedText } from './useTypedText';

type DatelineDateFieldProps = {
  /** The date saved, YYYY-MM-DD, or '' for none. */
  value: string;
  /** Text typed here that is not a date the story can carry (yet), held back from saves. */
  held: HeldField | undefined;
  /** A date read from what was typed, to save. */
  onCommit: (date: string) => void;
  /** What the box holds while it is not a date: `message` says why, null while still typing. */
  onDraft: (text: string, message: string | null) => void;
  /** The box is back to the saved date (Escape): nothing typed in it is waiting any more. */
  onDrop: () => void;
  onLeaveField: () => void;
};

/**
 * The dateline's date, shown and typed the person's way: in their locale's form ("6 Dec 2026",
 * "Dec 6, 2026"), and read from what people type ("06/12/2026" day first in en-GB, "2026-12-06",
 * "6th December", "today"). Read when the person leaves the box or presses Enter; the arrow keys
 * move it a day. What cannot be read stays in the box with the reason under it.
 */
export function DatelineDateField({
  value,
  held,
  onCommit,
  onDraft,
  onDrop,
  onLeaveField,
}: DatelineDateFieldProps): JSX.Element {
  const locale = useMemo(() => personLocale(), []);
  // The header draws again as the body is typed in: Intl's formatters are made only when needed.
  const saved = useMemo(() => formatDate(value, locale), [value, locale]);
  const shown = held?.text ?? saved;
  const { text, setText, onFocus, onBlur } = useTypedText(shown);
  const ids = useId();
  const { hint, pattern } = useMemo(() => {
    const today = localToday();
    return {
      hint: `Day, month and year, such as ${longDate(today, locale)} or ${numericDate(today, locale)}.`,
      pattern: datePattern(locale),
    };
  }, [locale]);
  const message = held?.message ?? null;

  const commit = (typed: string) => {
    const reading = readDate(typed, locale, localToday());
    if (!reading.ok) {
      onDraft(typed, reading.message);
      return;
    }
    setText(formatDate(reading.value, locale));
    if (reading.value === value) onDrop();
    else onCommit(reading.value);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit(text);
    } else if (event.key === 'Escape' && (text !== saved || held !== undefined)) {
      event.preventDefault();
      setText(saved);
      onDrop();
    } else if ((event.key === 'ArrowUp' || event.key === 'ArrowDown') && !event.altKey) {
      const reading = readDate(text, locale, localToday());
      if (!reading.ok) return;
      event.preventDefault();
      // An empty box starts from today.
      const day = parseIso(reading.value);
      commit(toIso(day === null ? localToday() : addDays(day, event.key === 'ArrowUp' ? 1 : -1)));
    }
  };

  return (
    <>
      <input
        type="text"
        className="field field--inline dateline__date"
        aria-label="Dateline date"
        aria-invalid={message !== null}
        aria-describedby={message === null ? `${ids}-hint` : `${ids}-problem ${ids}-hint`}
        placeholder={pattern}
        title={hint}
        autoComplete="off"
        spellCheck={false}
        size={Math.max(11, text.length + 1)}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          onDraft(event.target.value, null);
        }}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onBlur={() => {
          onBlur();
          commit(text);
          onLeaveField();
        }}
      />
      <span id={`${ids}-hint`} className="visually-hidden">
        {hint}
      </span>
      <FieldProblem id={`${ids}-problem`} message={message} />
    </>
  );
}
