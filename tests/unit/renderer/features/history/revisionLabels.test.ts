import { describe, expect, it } from 'vitest';

import {
  revisionKindLabel,
  revisionReason,
  revisionSigner,
  revisionTitle,
} from '../../../../../renderer/features/history/revisionLabels';

describe('revisionTitle', () => {
  it('names a version by its label, else by its headline', () => {
    expect(revisionTitle({ kind: 'manual', label: ' Sent to legal ', headline: 'Ferry', status: 'draft' })).toBe(
      'Sent to legal',
    );
    expect(revisionTitle({ kind: 'created', label: '', headline: '  ', status: 'draft' })).toBe('Untitled');
  });

  it('names an automatic version by its headline: its label says why it was kept', () => {
    const kept = { kind: 'auto', label: 'On leaving the story', headline: 'Ferry trial', status: 'draft' } as const;
    expect(revisionTitle(kept)).toBe('Ferry trial');
    expect(revisionReason(kept)).toBe('On leaving the story');
    expect(revisionReason({ kind: 'manual', label: 'Sent to legal' })).toBe('');
  });

  it('writes a status version with the status it moved to, as the desk says it, whatever its label', () => {
    expect(revisionTitle({ kind: 'status', label: 'Status: fact-check', headline: 'x', status: 'fact-check' })).toBe(
      'Status: Fact check',
    );
    expect(revisionTitle({ kind: 'status', label: '', headline: 'x', status: 'ready' })).toBe('Status: Ready');
    // Only a status version is named by its status: a person's label is kept as typed.
    expect(revisionTitle({ kind: 'manual', label: 'Status: ready', headline: 'x', status: 'draft' })).toBe(
      'Status: ready',
    );
  });

  it('names an export version by its label, under the kind a saved version shows', () => {
    const exported = { kind: 'export', label: 'Exported as ferry.zip', headline: 'Ferry', status: 'exported' } as const;
    expect(revisionTitle(exported)).toBe('Exported as ferry.zip');
    expect(revisionReason(exported)).toBe('');
    expect(revisionKindLabel('export')).toBe(revisionKindLabel('manual'));
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
