const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' });
const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayAndMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const fullDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const precise = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A short, glanceable time for a list row: "2 min. ago", "14:05", "12 Mar", "12 Mar 2024". */
export function formatWhen(iso: string, now: Date = new Date()): string {
  const then = new Date(iso);
  const elapsed = now.getTime() - then.getTime();
  if (elapsed >= 0 && elapsed < MINUTE) return 'just now';
  if (elapsed >= 0 && elapsed < HOUR) return relative.format(-Math.floor(elapsed / MINUTE), 'minute');
  if (then.toDateString() === now.toDateString()) return timeOfDay.format(then);
  if (then.getFullYear() === now.getFullYear()) return dayAndMonth.format(then);
  return fullDate.format(then);
}

/** The same time in full, for a tooltip. */
export function formatPrecisely(iso: string): string {
  return precise.format(new Date(iso));
}
