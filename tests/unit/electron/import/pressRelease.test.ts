import { describe, expect, it } from 'vitest';

import { pressDateline } from '../../../../electron/import/pressRelease';

describe('a press release’s dateline', () => {
  it('is read as wires and issuers print it, with its date, in capitals or not', () => {
    const datelines: [string, { place: string; date: string; rest: string }][] = [
      [
        'LONDON, March 12, 2026 /PRNewswire/ -- Kestrel Rail has ordered',
        { place: 'LONDON', date: '2026-03-12', rest: 'Kestrel Rail has ordered' },
      ],
      [
        'SAN FRANCISCO, Calif., March 3, 2026 -- Acme today said',
        { place: 'SAN FRANCISCO, Calif.', date: '2026-03-03', rest: 'Acme today said' },
      ],
      ['London (12 March 2026) – The council', { place: 'London', date: '2026-03-12', rest: 'The council' }],
      ['Islamabad, 10 June 2025: Pakistan and', { place: 'Islamabad', date: '2025-06-10', rest: 'Pakistan and' }],
    ];
    for (const [paragraph, dateline] of datelines) expect(pressDateline(paragraph), paragraph).toEqual(dateline);
  });

  it('is not a sentence that opens with a day, nor a place without a date', () => {
    for (const paragraph of [
      'On Thursday, 12 March 2026 - the council met.',
      'ISLAMABAD: Senior officials met.',
      'Kestrel Rail, the operator, said on Thursday that it would order trains.',
    ]) {
      expect(pressDateline(paragraph), paragraph).toBeNull();
    }
  });
});
