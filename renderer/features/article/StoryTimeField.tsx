import { useId, useMemo, useRef, type FocusEvent, type JSX, type KeyboardEvent } from 'react';

import { zoneAbbreviation, zoneName } from '../../../shared/storyTimes';
import type { HeldField } from './ArticleSaver';
import { datePattern, localToday, longDate, numericDate } from './dateText';
import { FieldProblem } from './FieldProblem';
import {
  clockExamples,
  clockPattern,
  joinStoryTimeText,
  readStoryTime,
  splitStoryTimeText,
  storyTimeText,
  type StoryTimeText,
} from './storyTimeText';
import { useTypedText } from './useTypedText';

type StoryTimeFieldProps = {
  /** "Embargo until": names the group, and its boxes ("Embargo until: day"). */
  label: string;
  /** The time saved (UTC), or null for none. */
  value: string | null;
  /** The person's zone and language, in which the time is typed and shown. */
  timeZone: string;
  locale: string;
  /** Text typed here that is not a time the story can carry (yet), held back from saves. */
  held: HeldField | undefined;
  onCommit: (value: string | null) => void;
  /** What the boxes hold while they are not a time: `message` says why, null while still typing. */
  onDraft: (text: string, message: string | null) => void;
  /** The boxes are back to the saved time (Escape). */
  onDrop: () => void;
  onLeaveField: () => void;
};

/**
 * A moment for the story (an embargo, a publication time): a day and a time of day, typed and
 * shown in the person's zone, whose name stands beside them; kept in UTC. Read when focus leaves
 * the pair or on Enter; what cannot be read (a day the month does not have, 25:00, a time the
 * clocks skip that day) stays in the boxes with the reason under them.
 */
export function StoryTimeField({
  label,
  value,
  timeZone,
  locale,
  held,
  onCommit,
  onDraft,
  onDrop,
  onLeaveField,
}: StoryTimeFieldProps): JSX.Element {
  const ids = useId();
  const group = useRef<HTMLDivElement>(null);
  const saved = useMemo(() => storyTimeText(value, timeZone, locale), [value, timeZone, locale]);
  const shown = held?.text === undefined || held.text === null ? saved : splitStoryTimeText(held.text);
  const date = useTypedText(shown.date);
  const time = useTypedText(shown.time);
  const typed: StoryTimeText = { date: date.text, time: time.text };
  const message = held?.message ?? null;
  const { dateHint, timeHint, zone } = useMemo(() => {
    const today = localToday();
    return {
      dateHint: `Day, month and year, such as ${longDate(today, locale)} or ${numericDate(today, locale)}.`,
      timeHint: `Time of day, such as ${clockExamples(locale)}, in ${zoneName(timeZone)}.`,
      zone: `${zoneName(timeZone)} (${zoneAbbreviation(value ?? new Date(), timeZone, locale)})`,
    };
  }, [locale, timeZone, value]);

  // The box a refusal is about is the one marked: the time of day for a time the clocks skip.
  const reading = message === null ? null : readStoryTime(typed, locale, timeZone, localToday());
  const faulty = reading === null || reading.ok ? null : reading.box;
  const boxes = [
    { part: 'date', name: 'day', typed: date, pattern: datePattern(locale), hint: dateHint },
    { part: 'time', name: 'time', typed: time, pattern: clockPattern(locale), hint: timeHint },
  ] as const;

  const commit = (typedNow: StoryTimeText) => {
    const reading = readStoryTime(typedNow, locale, timeZone, localToday());
    if (!reading.ok) {
      onDraft(joinStoryTimeText(typedNow), reading.message);
      return;
    }
    const next = storyTimeText(reading.value, timeZone, locale);
    date.setText(next.date);
    time.setText(next.time);
    if (reading.value === value) onDrop();
    else onCommit(reading.value);
  };

  const edited = (typedNow: StoryTimeText) => {
    if (typedNow.date === saved.date && typedNow.time === saved.time) onDrop();
    else onDraft(joinStoryTimeText(typedNow), null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit(typed);
    } else if (
      event.key === 'Escape' &&
      (typed.date !== saved.date || typed.time !== saved.time || held !== undefined)
    ) {
      event.preventDefault();
      date.setText(saved.date);
      time.setText(saved.time);
      onDrop();
    }
  };

  // The pair is read once focus leaves both boxes: moving from the day to the time is still typing.
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    const next = event.relatedTarget;
    if (next instanceof Node && group.current?.contains(next) === true) return;
    commit(typed);
    onLeaveField();
  };

  const clear = () => {
    date.setText('');
    time.setText('');
    if (value === null) onDrop();
    else onCommit(null);
  };

  return (
    <div className="form-field form-field--wide story-time">
      <span id={`${ids}-label`} className="form-field__label">
        {label}
      </span>
      <div
        ref={group}
        className="story-time__boxes"
        role="group"
        aria-labelledby={`${ids}-label`}
        aria-describedby={message === null ? `${ids}-zone` : `${ids}-problem ${ids}-zone`}
        onBlur={onBlur}
      >
        {boxes.map((box) => (
          <input
            key={box.part}
            type="text"
            className={`input story-time__${box.part}`}
            aria-label={`${label}: ${box.name}`}
            aria-invalid={faulty === box.part}
            aria-describedby={`${ids}-${box.part}-hint`}
            placeholder={box.pattern}
            title={box.hint}
            autoComplete="off"
            spellCheck={false}
            value={box.typed.text}
            onChange={(event) => {
              box.typed.setText(event.target.value);
              edited({ ...typed, [box.part]: event.target.value });
            }}
            onKeyDown={onKeyDown}
            onFocus={box.typed.onFocus}
            onBlur={box.typed.onBlur}
          />
        ))}
        <span id={`${ids}-zone`} className="story-time__zone">
          {zone}
        </span>
        {value === null && date.text === '' && time.text === '' ? null : (
          <button
            type="button"
            className="button button--quiet button--small"
            aria-label={`Clear ${label.toLowerCase()}`}
            onClick={clear}
          >
            Clear
          </button>
        )}
      </div>
      {boxes.map((box) => (
        <span key={box.part} id={`${ids}-${box.part}-hint`} className="visually-hidden">
          {box.hint}
        </span>
      ))}
      <FieldProblem id={`${ids}-problem`} message={message} />
    </div>
  );
}
