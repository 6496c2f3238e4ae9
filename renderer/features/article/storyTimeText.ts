import { hourStyle, usesTwelveHourClock, wallTimeOf, zonedToUtc } from '../../../shared/storyTimes';
import { formatDate, parseIso, readDate, toIso, type CalendarDay } from './dateText';

/** The person's language, as their browser says it. */
export function personLocale(): string {
  return typeof navigator === 'undefined' || navigator.language === '' ? 'en' : navigator.language;
}

/** The person's time zone, as their system says it ("Europe/London"); UTC when it says none. */
export function personTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A time of day. */
export type ClockTime = { hour: number; minute: number };

export type TimeReading = { ok: true; value: ClockTime | null } | { ok: false; message: string };

/** "09:30" (en-GB) or "9:30 AM" (en-US): a time of day in the locale's way. */
export function formatClock(time: ClockTime, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: hourStyle(locale), minute: '2-digit', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2026, 0, 1, time.hour, time.minute)),
  );
}

/** Two examples of a time as the locale writes them, for a hint or a message. */
export function clockExamples(locale: string): string {
  return `${formatClock({ hour: 9, minute: 30 }, locale)} or ${formatClock({ hour: 21, minute: 30 }, locale)}`;
}

/**
 * Reads a time of day as people type one: "09:30", "9.30", "0930", "9", "21h30", "9:30 pm",
 * "9am", "noon", "midnight". Empty is no time. What it cannot read, or an hour or minute no
 * clock shows, comes back with a message that shows how to write it.
 */
export function readClock(text: string, locale: string): TimeReading {
  const trimmed = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (trimmed === '') return { ok: true, value: null };
  if (trimmed === 'noon' || trimmed === 'midday') return { ok: true, value: { hour: 12, minute: 0 } };
  if (trimmed === 'midnight') return { ok: true, value: { hour: 0, minute: 0 } };
  const examples = clockExamples(locale);
  const match = /^(\d{1,2})(?:[:.h]?(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?$/u.exec(trimmed);
  if (match === null)
    return { ok: false, message: `Copydesk cannot read “${text.trim()}” as a time: write it like ${examples}.` };
  let hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  const half = match[3]?.startsWith('p') === true ? 'pm' : match[3] === undefined ? null : 'am';
  if (half !== null) {
    if (hour < 1 || hour > 12)
      return { ok: false, message: `There is no ${hour} ${half}: write a time such as ${examples}.` };
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  }
  if (hour > 23) return { ok: false, message: `There is no hour ${hour} in a day: write a time such as ${examples}.` };
  if (minute > 59)
    return { ok: false, message: `There is no minute ${minute} in an hour: write a time such as ${examples}.` };
  return { ok: true, value: { hour, minute } };
}

/** The pattern the time box shows while empty: "hh:mm", or "h:mm am/pm" where the locale says so. */
export function clockPattern(locale: string): string {
  return usesTwelveHourClock(locale) ? 'h:mm am/pm' : 'hh:mm';
}

/** A story time's two boxes as text: the day and the time of day. */
export type StoryTimeText = { date: string; time: string };

/** The held text of the two boxes, as one string (the saver keeps one text per field). */
export function joinStoryTimeText({ date, time }: StoryTimeText): string {
  return `${date}\u001f${time}`;
}

export function splitStoryTimeText(text: string): StoryTimeText {
  const [date = '', time = ''] = text.split('\u001f');
  return { date, time };
}

/** A saved story time as its two boxes show it, in `timeZone` and the locale's way; empty for none. */
export function storyTimeText(iso: string | null, timeZone: string, locale: string): StoryTimeText {
  if (iso === null) return { date: '', time: '' };
  const wall = wallTimeOf(iso, timeZone);
  return { date: formatDate(toIso(wall), locale), time: formatClock(wall, locale) };
}

export type StoryTimeReading =
  { ok: true; value: string | null } | { ok: false; message: string; box: 'date' | 'time' };

/**
 * What the two boxes stand for: a UTC timestamp, null when both are empty, or why neither. The
 * day and time are read as the person typed them, in their zone: a day without a time (or a time
 * without a day) is not a moment yet, and a time the clocks skip that day is none.
 */
export function readStoryTime(
  typed: StoryTimeText,
  locale: string,
  timeZone: string,
  today: CalendarDay,
): StoryTimeReading {
  const date = readDate(typed.date, locale, today);
  if (!date.ok) return { ok: false, message: date.message, box: 'date' };
  const time = readClock(typed.time, locale);
  if (!time.ok) return { ok: false, message: time.message, box: 'time' };
  if (date.value === '' && time.value === null) return { ok: true, value: null };
  const day = parseIso(date.value);
  if (day === null) return { ok: false, message: 'Add the day as well as the time.', box: 'date' };
  if (time.value === null) {
    return { ok: false, message: `Add the time of day as well, such as ${clockExamples(locale)}.`, box: 'time' };
  }
  const reading = zonedToUtc({ ...day, ...time.value }, timeZone, locale);
  if (!reading.ok) return { ok: false, message: reading.message, box: 'time' };
  return { ok: true, value: reading.iso };
}
