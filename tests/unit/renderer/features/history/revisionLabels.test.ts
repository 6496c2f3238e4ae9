import { describe, expect, it } from 'vitest';

import {
  revisionKindLabel,
  revisionReason,
  revisionSigner,
  revisionTitle,
} from '../../../../../renderer/features/history/revisionLabels';

describe('revisionTitle', () => {
  it('names a version by its label, else by its headline', () => {
    expect(revisionTitle({ kind: 'manual', label: ' Sent to legal ', headline: 'Ferry' })).toBe('Sent to legal');
    expect(revisionTitle({ kind: 'created', label: '', headline: '  ' })).toBe('Untitled');
  });

  it('names an automatic version by its headline: its label says why it was kept', () => {
    const kept = { kind: 'auto', label: 'On leaving the story', headline: 'Ferry trial' } as const;
    expect(revisionTitle(kept)).toBe('Ferry trial');
    expect(revisionReason(kept)).toBe('On leaving the story');
    expect(revisionReason({ kind: 'manual', label: 'Sent to legal' })).toBe('');
  });

  it('writes a status version with the status as the desk says it', () => {
    expect(revisionTitle({ kind: 'status', label: 'Status: fact-check', headline: 'x' })).toBe('Status: Fact check');
    expect(revisionTitle({ kind: 'status', label: 'Status: unknown', headline: 'x' })).toBe('Status: unknown');
  });
});

describe('revisionKindLabel and revisionSigner', () => {
  it('names every kind of version, automatic ones as Automatic', () => {
    expect(revisionKindLabel('auto')).toBe('Automatic');
    expect(revisionKindLabel('manual')).toBe('Saved version');
    expect(revisionKindLabel('restore')).toBe('Before restore');
  });

  it('says who kept a version, and nothing for one kept without a name', () => {
    expect(revisionSigner({ createdBy: ' Amna Riaz ' })).toBe('by Amna Riaz');
    expect(revisionSigner({ createdBy: '' })).toBe('');
  });
});
