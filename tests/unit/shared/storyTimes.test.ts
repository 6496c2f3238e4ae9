import { describe, expect, it } from 'vitest';

import { StoryTimeInputSchema } from '../../../shared/domain';
import {
  formatStoryTime,
  formatStoryTimeShort,
  isEmbargoed,
  isTimeZone,
  utcWords,
  wallTimeOf,
  zonedToUtc,
} from '../../../shared/storyTimes';

const at = (year: number, month: number, day: number, hour: number, minute: number) => ({
  year,
  month,
  day,
  hour,
  minute,
});

describe('a time typed in a zone, kept in UTC', () => {
  it('is the instant the zone’s clocks show it, in summer and in winter', () => {
    expect(zonedToUtc(at(2026, 6, 9, 9, 0), 'Europe/London')).toEqual({ ok: true, iso: '2026-06-09T08:00:00.000Z' });
    expect(zonedToUtc(at(2026, 1, 9, 9, 0), 'Europe/London')).toEqual({ ok: true, iso: '2026-01-09T09:00:00.000Z' });
    expect(zonedToUtc(at(2026, 6, 9, 9, 0), 'Asia/Karachi')).toEqual({ ok: true, iso: '2026-06-09T04:00:00.000Z' });
    expect(zonedToUtc(at(2026, 1, 1, 0, 0), 'Asia/Kolkata')).toEqual({ ok: true, iso: '2025-12-31T18:30:00.000Z' });
    expect(zonedToUtc(at(2026, 6, 9, 9, 0), 'America/New_York')).toEqual({
      ok: true,
      iso: '2026-06-09T13:00:00.000Z',
    });
  });

  it('refuses a time the clocks skip when they go forward, saying so', () => {
    const london = zonedToUtc(at(2026, 3, 29, 1, 30), 'Europe/London', 'en-GB');
    expect(london).toEqual({
      ok: false,
      reason: 'skipped',
      message:
        'There is no 01:30 on 29 March 2026 in Europe/London: the clocks go forward then. Choose a time before or after the change.',
    });
    expect(zonedToUtc(at(2026, 3, 8, 2, 30), 'America/New_York')).toMatchObject({ ok: false, reason: 'skipped' });
    // Either side of the gap is a time like any other.
    expect(zonedToUtc(at(2026, 3, 29, 0, 59), 'Europe/London')).toEqual({ ok: true, iso: '2026-03-29T00:59:00.000Z' });
    expect(zonedToUtc(at(2026, 3, 29, 2, 0), 'Europe/London')).toEqual({ ok: true, iso: '2026-03-29T01:00:00.000Z' });
  });

  it('takes a time that happens twice, when the clocks go back, the first time it happens', () => {
    // 01:30 on 25 October 2026 is first BST (00:30 UTC), then an hour later GMT (01:30 UTC).
    expect(zonedToUtc(at(2026, 10, 25, 1, 30), 'Europe/London')).toEqual({
      ok: true,
      iso: '2026-10-25T00:30:00.000Z',
    });
    expect(zonedToUtc(at(2026, 11, 1, 1, 30), 'America/New_York')).toEqual({
      ok: true,
      iso: '2026-11-01T05:30:00.000Z',
    });
  });

  it('refuses a day the month does not have or an hour no clock shows', () => {
    expect(zonedToUtc(at(2026, 6, 31, 9, 0), 'Europe/London')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(zonedToUtc(at(2026, 2, 29, 9, 0), 'Europe/London')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(zonedToUtc(at(2028, 2, 29, 9, 0), 'Europe/London')).toMatchObject({ ok: true });
    expect(zonedToUtc(at(2026, 6, 9, 24, 0), 'Europe/London')).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('reads back as the wall time it was typed as, in its own zone', () => {
    for (const zone of ['Europe/London', 'America/New_York', 'Asia/Karachi', 'Australia/Lord_Howe']) {
      for (const wall of [at(2026, 6, 9, 9, 0), at(2026, 12, 24, 23, 45), at(2026, 10, 25, 3, 15)]) {
        const reading = zonedToUtc(wall, zone);
        if (!reading.ok) throw new Error(reading.message);
        expect(wallTimeOf(reading.iso, zone), zone).toEqual(wall);
      }
    }
  });
});

describe('a story time shown', () => {
  it('in the person’s zone and language, with the zone named', () => {
    expect(formatStoryTime('2026-06-09T08:00:00.000Z', 'Europe/London', 'en-GB')).toBe('Tue, 9 Jun 2026, 09:00 BST');
    expect(formatStoryTime('2026-06-09T08:00:00.000Z', 'America/New_York', 'en-US')).toBe(
      'Tue, Jun 9, 2026, 4:00 AM EDT',
    );
    expect(utcWords('2026-06-09T08:00:00.000Z')).toBe('2026-06-09 08:00 UTC');
  });

  it('shorter in a list, with the year only when it is not this year’s', () => {
    const now = new Date('2026-06-05T10:00:00Z');
    expect(formatStoryTimeShort('2026-06-09T08:00:00.000Z', 'Europe/London', now, 'en-GB')).toBe('9 Jun, 09:00');
    expect(formatStoryTimeShort('2027-01-09T08:00:00.000Z', 'Europe/London', now, 'en-GB')).toBe('9 Jan 2027, 08:00');
  });

  it('an embargo holds until its time, and not from then on', () => {
    const embargo = '2026-06-09T08:00:00.000Z';
    expect(isEmbargoed(embargo, new Date('2026-06-09T07:59:59Z'))).toBe(true);
    expect(isEmbargoed(embargo, new Date('2026-06-09T08:00:00Z'))).toBe(false);
    expect(isEmbargoed(null, new Date('2026-06-09T07:00:00Z'))).toBe(false);
  });
});

describe('the contract’s times and zones', () => {
  it('takes a UTC timestamp in the years a story is dated in, or none', () => {
    expect(StoryTimeInputSchema.safeParse('2026-06-09T08:00:00Z').success).toBe(true);
    expect(StoryTimeInputSchema.safeParse('2026-06-09T08:00:00.000Z').success).toBe(true);
    expect(StoryTimeInputSchema.safeParse(null).success).toBe(true);
    const offset = StoryTimeInputSchema.safeParse('2026-06-09T09:00:00+01:00');
    expect(offset.error?.issues[0]?.message).toBe('A time must be a UTC date and time (2026-06-09T08:00:00Z).');
    expect(StoryTimeInputSchema.safeParse('9 June').success).toBe(false);
    expect(StoryTimeInputSchema.safeParse('2301-01-01T00:00:00Z').error?.issues[0]?.message).toMatch(
      /^The year 2301 is not a year a story is dated in/,
    );
  });

  it('knows a zone by its IANA name', () => {
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
