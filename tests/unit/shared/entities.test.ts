import { describe, expect, it } from 'vitest';

import { entityKey } from '../../../shared/entities';

describe('entityKey', () => {
  it('merges the names of one country or body into one key, with one name to show', () => {
    for (const name of ['US', 'U.S.', 'USA', 'United States', 'America']) {
      expect(entityKey('place', name)).toEqual({ kind: 'place', name: 'United States', key: 'place:united states' });
    }
    expect(entityKey('place', 'Britain').key).toBe(entityKey('organisation', 'UK').key);
    expect(entityKey('place', 'UN')).toMatchObject({ kind: 'organisation', name: 'United Nations' });
  });

  it('keys other names by kind and folded case', () => {
    expect(entityKey('person', 'Tony  Blair').key).toBe('person:tony blair');
    expect(entityKey('person', 'Tony Blair').key).not.toBe(entityKey('place', 'Tony Blair').key);
  });
});
