import { describe, expect, it } from 'vitest';

import { lengthCount } from '../../../../../renderer/features/article/articleFields';
import {
  clockPattern,
  formatClock,
  joinStoryTimeText,
  readClock,
  readStoryTime,
  splitStoryTimeText,
  storyTimeText,
} from '../../../../../renderer/features/article/storyTimeText';

const TODAY = { year: 2026, month: 6, day: 5 };

describe('readClock', () => {
  it.each([
    ['09:30', { hour: 9, minute: 30 }],
    ['9.30', { hour: 9, minute: 30 }],
    ['0930', { hour: 9, minute: 30 }],
    ['9', { hour: 9, minute: 0 }],
    ['21h30', { hour: 21, minute: 30 }],
    ['9:30 pm', { hour: 21, minute: 30 }],
    ['9am', { hour: 9, minute: 0 }],
    ['12 a.m.', { hour: 0, minute: 0 }],
    ['12pm', { hour: 12, minute: 0 }],
    ['noon', { hour: 12, minute: 0 }],
    ['midnight', { hour: 0, minute: 0 }],
  ])('reads “%s”', (text, time) => {
    expect(readClock(text, 'en-GB')).toEqual({ ok: true, value: time });
  });

  it('takes an empty box for no time', () => {
    expect(readClock('  ', 'en-GB')).toEqual({ ok: true, value: null });
  });

  it('refuses an hour or a minute no clock shows, and what is no time, showing how to write one', () => {
    expect(readClock('25:00', 'en-GB')).toEqual({
      ok: false,
      message: 'There is no hour 25 in a day: write a time such as 09:30 or 21:30.',
    });
    expect(readClock('9:75', 'en-GB')).toEqual({
      ok: false,
      message: 'There is no minute 75 in an hour: write a time such as 09:30 or 21:30.',
    });
    expect(readClock('13pm', 'en-US')).toEqual({
      ok: false,
      message: 'There is no 13 pm: write a time such as 9:30 AM or 9:30 PM.',
    });
    expect(readClock('half nine', 'en-GB')).toEqual({
      ok: false,
      message: 'Copydesk cannot read “half nine” as a time: write it like 09:30 or 21:30.',
    });
  });

  it('writes a time the locale’s way, and shows the pattern to type', () => {
    expect(formatClock({ hour: 21, minute: 5 }, 'en-GB')).toBe('21:05');
    expect(formatClock({ hour: 21, minute: 5 }, 'en-US')).toBe('9:05 PM');
    expect(clockPattern('en-GB')).toBe('hh:mm');
    expect(clockPattern('en-US')).toBe('h:mm am/pm');
  });
});

describe('readStoryTime', () => {
  const read = (date: string, time: string, zone = 'Europe/London', locale = 'en-GB') =>
    readStoryTime({ date, time }, locale, zone, TODAY);

  it('reads a day and a time typed in the person’s zone as the UTC instant it is', () => {
    expect(read('9 Jun 2026', '09:00')).toEqual({ ok: true, value: '2026-06-09T08:00:00.000Z' });
    // Month first in en-US: 09/06 is the 6th of September.
    expect(read('09/06/2026', '9am', 'America/New_York', 'en-US')).toEqual({
      ok: true,
      value: '2026-09-06T13:00:00.000Z',
    });
    expect(read('06/09/2026', '9am', 'America/New_York', 'en-US')).toEqual({
      ok: true,
      value: '2026-06-09T13:00:00.000Z',
    });
    expect(read('tomorrow', '18:30', 'Asia/Karachi')).toEqual({ ok: true, value: '2026-06-06T13:30:00.000Z' });
  });

  it('takes two empty boxes for no time at all', () => {
    expect(read('', '')).toEqual({ ok: true, value: null });
  });

  it('asks for the part that is missing, at its box', () => {
    expect(read('9 Jun 2026', '')).toEqual({
      ok: false,
      message: 'Add the time of day as well, such as 09:30 or 21:30.',
      box: 'time',
    });
    expect(read('', '09:00')).toEqual({ ok: false, message: 'Add the day as well as the time.', box: 'date' });
  });

  it('refuses a day the month does not have, and a time the clocks skip that day', () => {
    expect(read('31 June 2026', '09:00')).toEqual({
      ok: false,
      message: 'There is no day 31 in June 2026: it has 30 days.',
      box: 'date',
    });
    expect(read('29 March 2026', '01:30')).toEqual({
      ok: false,
      message:
        'There is no 01:30 on 29 March 2026 in Europe/London: the clocks go forward then. Choose a time before or after the change.',
      box: 'time',
    });
  });

  it('shows a saved time back as it would be typed, in the person’s zone', () => {
    expect(storyTimeText('2026-06-09T08:00:00.000Z', 'Europe/London', 'en-GB')).toEqual({
      date: '9 Jun 2026',
      time: '09:00',
    });
    expect(storyTimeText('2026-06-09T08:00:00.000Z', 'Asia/Karachi', 'en-GB')).toEqual({
      date: '9 Jun 2026',
      time: '13:00',
    });
    expect(storyTimeText(null, 'Europe/London', 'en-GB')).toEqual({ date: '', time: '' });
    const typed = { date: '31 June', time: '9' };
    expect(splitStoryTimeText(joinStoryTimeText(typed))).toEqual(typed);
  });
});

describe('lengthCount', () => {
  it('counts against the length search results show, and says by how much a text is over', () => {
    expect(lengthCount(64, { from: 60, to: 70 })).toEqual({ label: '64 of 60–70 characters', over: 0 });
    expect(lengthCount(82, { from: 60, to: 70 })).toEqual({
      label: '82 of 60–70 characters: 12 over, search results cut it',
      over: 12,
    });
    expect(lengthCount(155, 155)).toEqual({ label: '155 of 155 characters', over: 0 });
  });
});
