import { describe, expect, it } from 'vitest';

import { regionOrder, type RegionName } from '../../../../../renderer/features/layout/regions';

const ALL: RegionName[] = ['library', 'editor', 'panels'];

describe('the parts F6 and Shift+F6 visit', () => {
  it('goes forward from each part to the next, round the window', () => {
    expect(regionOrder(ALL, 'library', 1)[0]).toBe('editor');
    expect(regionOrder(ALL, 'editor', 1)[0]).toBe('panels');
    expect(regionOrder(ALL, 'panels', 1)[0]).toBe('library');
  });

  it('goes back the other way', () => {
    expect(regionOrder(ALL, 'library', -1)[0]).toBe('panels');
    expect(regionOrder(ALL, 'editor', -1)[0]).toBe('library');
    expect(regionOrder(ALL, 'panels', -1)[0]).toBe('editor');
  });

  it('offers every part once, the one with focus last, so a part still loading is passed over', () => {
    expect(regionOrder(ALL, 'editor', 1)).toEqual(['panels', 'library', 'editor']);
    expect(regionOrder(ALL, 'editor', -1)).toEqual(['library', 'panels', 'editor']);
  });

  it('starts at the first part (the last going back) when focus is in none, as on the skip link', () => {
    expect(regionOrder(ALL, undefined, 1)).toEqual(['library', 'editor', 'panels']);
    expect(regionOrder(ALL, undefined, -1)).toEqual(['panels', 'editor', 'library']);
  });

  it('moves between the library and the editor alone when no article is open', () => {
    expect(regionOrder(['library', 'editor'], 'editor', 1)).toEqual(['library', 'editor']);
    expect(regionOrder(['library', 'editor'], 'panels', 1)).toEqual(['library', 'editor']);
    expect(regionOrder([], undefined, 1)).toEqual([]);
  });
});
