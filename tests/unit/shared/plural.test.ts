import { describe, expect, it } from 'vitest';

import { plural } from '../../../shared/plural';

describe('plural', () => {
  it('writes one thing in the singular and any other count, none included, in the plural', () => {
    expect(plural(1, 'claim')).toBe('1 claim');
    expect(plural(0, 'claim')).toBe('0 claims');
    expect(plural(2, 'file was', 'files were')).toBe('2 files were');
  });

  it('groups a large count as English does, or as the format it is given', () => {
    expect(plural(2225, 'file')).toBe('2,225 files');
    expect(plural(2225, 'file', 'files', new Intl.NumberFormat('de'))).toBe('2.225 files');
  });
});
