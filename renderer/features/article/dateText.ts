import { datelineYearProblem } from '../../../shared/domain';

/** A calendar day, month counted from 1. */
export type CalendarDay = { year: number; month: number; day: number };

/** What a date typed in the dateline's box stands for: YYYY-MM-DD ('' for none), or why it cannot be read. */
export type DateReading = { ok: true; value: string } | { ok: false; message: string };

/** Words and forms of one locale, worked out once from Intl. */
type LocaleDates = {
  locale: string;
  /** Every spelling of each month (long, short, with and without accents), index 0 for January. */
  months: readonly (readonly string[])[];
  weekdays: ReadonlySet<string>;
  /** Words the locale's own formats put between the numbers ("de", "年"), and ordinal endings. */
  fillers: ReadonlySet<string>;
  /** Yesterday, today, tomorrow, in this language and in English. */
  relative: ReadonlyMap<string, number>;
  /** The order of day and month in the locale's numeric form, and where its year goes. */
  order: readonly ('day' | 'month' | 'year')[];
  /** The locale's own digits, as ASCII ("٦" → "6"). */
  digits: ReadonlyMap<string, string>;
};

const cache = new Map<string, LocaleDates>();

function utc(day: CalendarDay): Date {
  const date = new Date(Date.UTC(2000, day.month - 1, day.day));
  date.setUTCFullYear(day.year);
  return date;
}

function plain(word: string): string {
  return word.toLocaleLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/\.$/, '');
}

/** Each spelling lower-cased, with and without accents and a closing dot. */
function spellings(words: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const word of words) {
    const lower = word.toLocaleLowerCase().replace(/\.$/, '');
    if (lower === '') continue;
    out.add(lower);
    out.add(plain(word));
  }
  return [...out];
}

function localeDates(locale: string): LocaleDates {
  const known = cache.get(locale);
  if (known !== undefined) return known;
  const tags = [locale, 'en'];
  const months = Array.from({ length: 12 }, (_, index) => {
    const names: string[] = [];
    const sample = utc({ year: 2026, month: index + 1, day: 6 });
    for (const tag of tags) {
      for (const month of ['long', 'short'] as const) {
        names.push(new Intl.DateTimeFormat(tag, { month, timeZone: 'UTC' }).format(sample));
        // The form a month takes inside a date ("6 grudnia") is not always its name alone.
        const inDate = new Intl.DateTimeFormat(tag, { day: 'numeric', month, timeZone: 'UTC' }).formatToParts(sample);
        names.push(...inDate.filter((part) => part.type === 'month').map((part) => part.value));
      }
    }
    return spellings(names);
  });
  const weekdays = new Set<string>();
  for (let offset = 0; offset < 7; offset += 1) {
    const sample = utc({ year: 2026, month: 12, day: 6 + offset });
    for (const tag of tags) {
      for (const weekday of ['long', 'short'] as const) {
        for (const name of spellings([new Intl.DateTimeFormat(tag, { weekday, timeZone: 'UTC' }).format(sample)])) {
          weekdays.add(name);
        }
      }
    }
  }
  const fillers = new Set(['st', 'nd', 'rd', 'th', 'of', 'the', 'er', 'e']);
  const sample = utc({ year: 2026, month: 12, day: 6 });
  for (const options of [
    { dateStyle: 'short' },
    { dateStyle: 'medium' },
    { dateStyle: 'long' },
    { dateStyle: 'full' },
  ] as const) {
    for (const part of new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).formatToParts(sample)) {
      if (part.type !== 'literal') continue;
      for (const word of part.value.match(/[\p{L}\p{M}]+/gu) ?? []) fillers.add(plain(word));
    }
  }
  const relative = new Map<string, number>([
    ['yesterday', -1],
    ['today', 0],
    ['tomorrow', 1],
  ]);
  const words = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const offset of [-1, 0, 1]) {
    for (const spelling of spellings([words.format(offset, 'day')])) relative.set(spelling, offset);
  }
  const order = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
  })
    .formatToParts(sample)
    .flatMap((part) => (part.type === 'day' || part.type === 'month' || part.type === 'year' ? [part.type] : []));
  const digits = new Map<string, string>();
  const numbers = new Intl.NumberFormat(locale, { useGrouping: false });
  for (let digit = 0; digit <= 9; digit += 1) digits.set(numbers.format(digit), String(digit));
  const dates: LocaleDates = { locale, months, weekdays, fillers, relative, order, digits };
  cache.set(locale, dates);
  return dates;
}

/** The date in the locale's everyday form: "6 Dec 2026" (en-GB), "Dec 6, 2026" (en-US). */
export function formatDate(iso: string, locale: string): string {
  const day = parseIso(iso);
  if (day === null) return iso;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    utc(day),
  );
}

/** "6 December 2026": the date written out, for examples in messages. */
export function longDate(day: CalendarDay, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    utc(day),
  );
}

/** "06/12/2026" (en-GB), "12/06/2026" (en-US). */
export function numericDate(day: CalendarDay, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(
    utc(day),
  );
}

/** The locale's numeric form as a pattern: "dd/mm/yyyy" (en-GB), "mm/dd/yyyy" (en-US), "yyyy/mm/dd" (ja). */
export function datePattern(locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' })
    .formatToParts(utc({ year: 2026, month: 12, day: 6 }))
    .map((part) => {
      if (part.type === 'day') return 'dd';
      if (part.type === 'month') return 'mm';
      if (part.type === 'year') return 'yyyy';
      return part.value;
    })
    .join('');
}

/** The day a YYYY-MM-DD string names, or null. */
export function parseIso(iso: string): CalendarDay | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) return null;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

export function toIso(day: CalendarDay): string {
  return `${String(day.year).padStart(4, '0')}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
}

function daysIn(month: number, year: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 31;
}

/** The day `offset` days from `day`. */
export function addDays(day: CalendarDay, offset: number): CalendarDay {
  const date = utc(day);
  date.setUTCDate(date.getUTCDate() + offset);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

type Token = { kind: 'number'; text: string; value: number } | { kind: 'word'; text: string };

function tokens(text: string, dates: LocaleDates): Token[] {
  const ascii = text.replace(/\p{Nd}/gu, (digit) => dates.digits.get(digit) ?? digit);
  return [...ascii.matchAll(/(\d+)|([\p{L}\p{M}]+)/gu)].map((match) =>
    match[1] !== undefined
      ? { kind: 'number', text: match[1], value: Number(match[1]) }
      : { kind: 'word', text: plain(match[2] ?? '') },
  );
}

/** The month a word names, 1 to 12: a name, or its first three letters or more. */
function monthOf(word: string, dates: LocaleDates): number | null {
  const exact = dates.months.findIndex((names) => names.includes(word));
  if (exact >= 0) return exact + 1;
  if (word.length < 3) return null;
  const starts = dates.months.flatMap((names, index) => (names.some((name) => name.startsWith(word)) ? [index] : []));
  return starts.length === 1 && starts[0] !== undefined ? starts[0] + 1 : null;
}

/** A year as typed: two digits are this century's ("26" → 2026); more are taken as written. */
function yearOf(token: { text: string; value: number }): number {
  return token.text.length <= 2 ? 2000 + token.value : token.value;
}

type Parts = { year: number; month: number; day: number } | 'unreadable';

function partsOf(text: string, dates: LocaleDates, today: CalendarDay): Parts {
  const all = tokens(text, dates);
  const numbers: { text: string; value: number }[] = [];
  let month: number | null = null;
  let relative: number | null = null;
  for (const token of all) {
    if (token.kind === 'number') {
      numbers.push(token);
      continue;
    }
    const named = monthOf(token.text, dates);
    if (named !== null && !dates.fillers.has(token.text)) {
      if (month !== null) return 'unreadable';
      month = named;
    } else if (dates.relative.has(token.text)) {
      relative = dates.relative.get(token.text) ?? 0;
    } else if (!dates.weekdays.has(token.text) && !dates.fillers.has(token.text)) {
      return 'unreadable';
    }
  }
  if (relative !== null) return numbers.length === 0 && month === null ? addDays(today, relative) : 'unreadable';
  if (month !== null) {
    if (numbers.length === 1) {
      const only = numbers[0];
      return only !== undefined && only.text.length <= 2 ? { year: today.year, month, day: only.value } : 'unreadable';
    }
    if (numbers.length !== 2) return 'unreadable';
    const [first, second] = numbers as [{ text: string; value: number }, { text: string; value: number }];
    const firstIsYear = first.text.length > 2 || first.value > 31;
    return firstIsYear
      ? { year: yearOf(first), month, day: second.value }
      : { year: yearOf(second), month, day: first.value };
  }
  if (numbers.length === 1) {
    const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(numbers[0]?.text ?? '');
    return compact === null
      ? 'unreadable'
      : { year: Number(compact[1]), month: Number(compact[2]), day: Number(compact[3]) };
  }
  const dayFirst = dates.order.indexOf('day') < dates.order.indexOf('month');
  if (numbers.length === 2) {
    const [a, b] = numbers as [{ text: string; value: number }, { text: string; value: number }];
    if (a.text.length > 2 || b.text.length > 2) return 'unreadable';
    return dayFirst
      ? { year: today.year, month: b.value, day: a.value }
      : { year: today.year, month: a.value, day: b.value };
  }
  if (numbers.length !== 3) return 'unreadable';
  const [a, b, c] = numbers as [
    { text: string; value: number },
    { text: string; value: number },
    { text: string; value: number },
  ];
  // A long first number is a year written first, as ISO 8601 (2026-12-06) and East Asian dates do.
  const yearFirst = a.text.length > 2 || (c.text.length <= 2 && dates.order[0] === 'year');
  if (yearFirst) return { year: yearOf(a), month: b.value, day: c.value };
  return dayFirst
    ? { year: yearOf(c), month: b.value, day: a.value }
    : { year: yearOf(c), month: a.value, day: b.value };
}

/**
 * Reads a date as a person types it in their locale: "6 Dec 2026", "06/12/2026" (day first in
 * en-GB, month first in en-US), "2026-12-06", "Sunday 6th December", "today". A date without a
 * year is in this year. What it cannot read, a day the month does not have, or a year no story
 * is dated in, comes back with a message that shows how to write it.
 */
export function readDate(text: string, locale: string, today: CalendarDay): DateReading {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: '' };
  const dates = localeDates(locale);
  const example = `${longDate(today, locale)} or ${numericDate(today, locale)}`;
  const parts = partsOf(trimmed, dates, today);
  if (parts === 'unreadable') {
    return { ok: false, message: `Copydesk cannot read “${trimmed}” as a date: write it like ${example}.` };
  }
  const { year, month, day } = parts;
  const yearProblem = datelineYearProblem(year);
  if (yearProblem !== null) return { ok: false, message: `${yearProblem}: write a date such as ${example}.` };
  if (month < 1 || month > 12) {
    return { ok: false, message: `There is no month ${month}: write a date such as ${example}.` };
  }
  const last = daysIn(month, year);
  if (day < 1 || day > last) {
    const name = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      utc({ year, month, day: 1 }),
    );
    return { ok: false, message: `There is no day ${day} in ${name}: it has ${last} days.` };
  }
  return { ok: true, value: toIso({ year, month, day }) };
}

/** Today in the person's own calendar (not UTC's). */
export function localToday(now: Date = new Date()): CalendarDay {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}
