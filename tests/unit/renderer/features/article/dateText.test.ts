import { describe, expect, it } from 'vitest';

import { addDays, datePattern, formatDate, readDate } from '../../../../../renderer/features/article/dateText';

const TODAY = { year: 2026, month: 12, day: 6 };
const read = (text: string, locale = 'en-GB') => readDate(text, locale, TODAY);

describe('readDate', () => {
  it.each([
    ['6 Dec 2026', '2026-12-06'],
    ['06/12/2026', '2026-12-06'],
    ['6/12/26', '2026-12-06'],
    ['06.12.2026', '2026-12-06'],
    ['2026-12-06', '2026-12-06'],
    ['20261206', '2026-12-06'],
    ['Sunday 6th December 2026', '2026-12-06'],
    ['December 6, 2026', '2026-12-06'],
    ['6 december', '2026-12-06'],
    ['  6 Sept 2026 ', '2026-09-06'],
    ['today', '2026-12-06'],
    ['Yesterday', '2026-12-05'],
    ['', ''],
  ])('reads “%s” in en-GB as %s', (text, date) => {
    expect(read(text)).toEqual({ ok: true, value: date });
  });

  it('reads numbers in the order of the person’s locale, and ISO dates in any', () => {
    expect(read('06/12/2026', 'en-GB')).toEqual({ ok: true, value: '2026-12-06' });
    expect(read('06/12/2026', 'en-US')).toEqual({ ok: true, value: '2026-06-12' });
    expect(read('2026-06-12', 'en-US')).toEqual({ ok: true, value: '2026-06-12' });
    expect(read('06.12.26', 'ja-JP')).toEqual({ ok: true, value: '2006-12-26' });
  });

  it('reads back what it shows, in every locale', () => {
    for (const locale of ['en-GB', 'en-US', 'de-DE', 'fr-FR', 'pl-PL', 'ja-JP', 'ar-EG', 'ur-PK']) {
      expect(read(formatDate('2026-02-28', locale), locale), locale).toEqual({ ok: true, value: '2026-02-28' });
    }
    expect(read('6. Dezember 2026', 'de-DE')).toEqual({ ok: true, value: '2026-12-06' });
  });

  it('refuses a year no story is dated in, showing how to write a date', () => {
    expect(read('252025-12-06')).toEqual({
      ok: false,
      message: 'The year 252025 is not a year a story is dated in: write a date such as 6 December 2026 or 06/12/2026.',
    });
    expect(read('6/12/1066')).toMatchObject({ ok: false, message: /^The year 1066 is not a year a story/ });
    expect(read('6 Dec 202')).toMatchObject({ ok: false, message: /^The year 202 is not/ });
  });

  it('says when it cannot read the words, or when the day is not in the month', () => {
    expect(read('6 Decmber 2026')).toEqual({
      ok: false,
      message: 'Copydesk cannot read “6 Decmber 2026” as a date: write it like 6 December 2026 or 06/12/2026.',
    });
    expect(read('Dec 2026')).toMatchObject({ ok: false, message: /^Copydesk cannot read/ });
    expect(read('31/06/2026')).toEqual({ ok: false, message: 'There is no day 31 in June 2026: it has 30 days.' });
    expect(read('29/02/2026')).toMatchObject({ ok: false, message: /it has 28 days/ });
    expect(read('29/02/2028')).toEqual({ ok: true, value: '2028-02-29' });
    expect(read('12/13/2026')).toMatchObject({ ok: false, message: /^There is no month 13/ });
  });
});

describe('how a date is shown', () => {
  it('in the locale’s own form and pattern', () => {
    expect(formatDate('2026-12-06', 'en-GB')).toBe('6 Dec 2026');
    expect(formatDate('2026-12-06', 'en-US')).toBe('Dec 6, 2026');
    expect(formatDate('', 'en-GB')).toBe('');
    expect(datePattern('en-GB')).toBe('dd/mm/yyyy');
    expect(datePattern('en-US')).toBe('mm/dd/yyyy');
    expect(datePattern('de-DE')).toBe('dd.mm.yyyy');
  });

  it('steps a day across months and years', () => {
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addDays({ year: 2028, month: 3, day: 1 }, -1)).toEqual({ year: 2028, month: 2, day: 29 });
  });
});
