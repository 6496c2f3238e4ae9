/**
 * A story's embargo and publication time: entered and shown in the zone of the person looking
 * at them, kept as UTC instants. Pure: Intl gives each zone's offsets (its daylight saving
 * rules included), nothing else is read.
 */

/** A moment on a wall clock: the calendar day and the time of day, in some zone. */
export type WallTime = { year: number; month: number; day: number; hour: number; minute: number };

/** What a wall time in a zone is as an instant, or why it is none. */
export type ZonedReading =
  | { ok: true; iso: string }
  /** The clocks went forward past it: nobody's watch showed that time that day. */
  | { ok: false; reason: 'skipped'; message: string }
  | { ok: false; reason: 'invalid'; message: string };

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether `timeZone` names a zone this runtime knows ("Europe/London", "UTC", "Asia/Karachi"). */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone === '' || timeZone.length > 100) return false;
  try {
    partsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall time an instant shows in `timeZone`, to the minute. */
export function wallTimeOf(instant: Date | string, timeZone: string): WallTime {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const parts = partsFormatter(timeZone).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((entry) => entry.type === type)?.value ?? 0);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute') };
}

function wallMillis(wall: WallTime): number {
  const date = new Date(Date.UTC(2000, wall.month - 1, wall.day, wall.hour, wall.minute));
  date.setUTCFullYear(wall.year);
  return date.getTime();
}

/** How far `timeZone` is ahead of UTC at `millis`, in milliseconds (negative west of Greenwich). */
function offsetAt(millis: number, timeZone: string): number {
  const wall = wallTimeOf(new Date(millis), timeZone);
  return wallMillis(wall) - Math.floor(millis / 60_000) * 60_000;
}

const sameWall = (a: WallTime, b: WallTime) =>
  a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute;

const two = (value: number) => String(value).padStart(2, '0');

/** "29 March 2026": the day of a wall time, for a message. */
function dayWords(wall: WallTime, locale?: string): string {
  const day = new Date(wallMillis({ ...wall, hour: 12, minute: 0 }));
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    day,
  );
}

/** How many days `month` (1 to 12) has in `year`. */
export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/**
 * The instant a wall time in `timeZone` stands for. A time the clocks skip when they go forward
 * (01:30 in London on the last Sunday of March) is no instant: refused, with a sentence that says
 * so. A time that happens twice when they go back is taken the first time it happens.
 */
export function zonedToUtc(wall: WallTime, timeZone: string, locale?: string): ZonedReading {
  if (
    !Number.isInteger(wall.year) ||
    wall.month < 1 ||
    wall.month > 12 ||
    wall.day < 1 ||
    wall.day > daysInMonth(wall.year, wall.month) ||
    wall.hour < 0 ||
    wall.hour > 23 ||
    wall.minute < 0 ||
    wall.minute > 59
  ) {
    return { ok: false, reason: 'invalid', message: 'That is not a date and time.' };
  }
  const local = wallMillis(wall);
  // The zone's offset a day either side: a change of the clocks between them shows as two offsets.
  const offsets = new Set([offsetAt(local - 86_400_000, timeZone), offsetAt(local + 86_400_000, timeZone)]);
  const matches = [...offsets]
    .map((offset) => local - offset)
    .filter((millis) => sameWall(wallTimeOf(new Date(millis), timeZone), wall))
    .sort((a, b) => a - b);
  const first = matches[0];
  if (first === undefined) {
    return {
      ok: false,
      reason: 'skipped',
      message: `There is no ${two(wall.hour)}:${two(wall.minute)} on ${dayWords(wall, locale)} in ${zoneName(timeZone)}: the clocks go forward then. Choose a time before or after the change.`,
    };
  }
  return { ok: true, iso: new Date(first).toISOString() };
}

/** The zone as a person knows it: "Europe/London", with the city's underscores as spaces. */
export function zoneName(timeZone: string): string {
  return timeZone.replace(/_/g, ' ');
}

/** The zone's short name at `instant` ("BST", "GMT+5", "UTC"), as the person's locale writes it. */
export function zoneAbbreviation(instant: Date | string, timeZone: string, locale?: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short', hour: 'numeric' })
    .formatToParts(date)
    .find((entry) => entry.type === 'timeZoneName');
  return part?.value ?? zoneName(timeZone);
}

/** Whether the locale writes times of day with AM and PM (en-US) rather than on a 24-hour clock (en-GB). */
export function usesTwelveHourClock(locale?: string): boolean {
  const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  return cycle === 'h11' || cycle === 'h12';
}

/** The hour as the locale's clock writes it: "09:00" on a 24-hour clock, "9:00 AM" on a 12-hour one. */
export function hourStyle(locale?: string): 'numeric' | '2-digit' {
  return usesTwelveHourClock(locale) ? 'numeric' : '2-digit';
}

/**
 * A story time as a person reads it, in their zone and their locale's way: "Tue 9 Jun 2026,
 * 09:00 BST" (en-GB), "Tue, Jun 9, 2026, 9:00 AM EDT" (en-US).
 */
export function formatStoryTime(iso: string, timeZone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: hourStyle(locale),
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** The same moment, shorter, for a list row: "9 Jun, 09:00" ("9 Jun 2027, 09:00" in another year). */
export function formatStoryTimeShort(iso: string, timeZone: string, now: Date = new Date(), locale?: string): string {
  const sameYear = wallTimeOf(iso, timeZone).year === wallTimeOf(now, timeZone).year;
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
    hour: hourStyle(locale),
    minute: '2-digit',
  }).format(new Date(iso));
}

/** Whether the embargo `embargoUntil` still holds at `now`. */
export function isEmbargoed(embargoUntil: string | null, now: Date): boolean {
  return embargoUntil !== null && new Date(embargoUntil).getTime() > now.getTime();
}

/** "2026-06-09 08:00 UTC": an instant as the package and its receivers read it, whoever exports it. */
export function utcWords(iso: string): string {
  const wall = wallTimeOf(iso, 'UTC');
  return `${wall.year}-${two(wall.month)}-${two(wall.day)} ${two(wall.hour)}:${two(wall.minute)} UTC`;
}
