import { describe, expect, it } from 'vitest';

import { revisionKindLabel, revisionTitle } from '../../../../../renderer/features/history/revisionLabels';

describe('revisionTitle', () => {
  it('names a version by its label, else by its headline', () => {
    expect(revisionTitle({ kind: 'manual', label: ' Sent to legal ', headline: 'Ferry' })).toBe('Sent to legal');
    expect(revisionTitle({ kind: 'auto', label: '', headline: 'Ferry trial' })).toBe('Ferry trial');
    expect(revisionTitle({ kind: 'created', label: '', headline: '  ' })).toBe('Untitled');
  });

  it('writes a status version with the status as the desk says it', () => {
    expect(revisionTitle({ kind: 'status', label: 'Status: fact-check', headline: 'x' })).toBe('Status: Fact check');
    expect(revisionTitle({ kind: 'status', label: 'Status: unknown', headline: 'x' })).toBe('Status: unknown');
  });
});

describe('revisionKindLabel', () => {
  it('names every kind of version', () => {
    expect(revisionKindLabel('manual')).toBe('Saved version');
    expect(revisionKindLabel('restore')).toBe('Before restore');
  });
});
