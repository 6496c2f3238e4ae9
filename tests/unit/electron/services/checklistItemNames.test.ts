import { describe, expect, it } from 'vitest';

import { createArticle } from '../../../../electron/services/articles';
import { checklistItemName, firstWords, readableLabel } from '../../../../electron/services/checklistItemNames';
import { createClaim } from '../../../../electron/services/claims';
import { libraryPerTest } from '../../../helpers/libraryPerTest';

const { library, clock } = libraryPerTest();

const GONE = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

describe('checklist items named in words', () => {
  it('names a claim by its first words and an Also See link by its headline', () => {
    const story = createArticle(library.lib, { headline: 'Budget vote delayed' }, { clock });
    const linked = createArticle(
      library.lib,
      { headline: 'Council publishes its spending plan for next year' },
      { clock },
    );
    const claim = createClaim(
      library.lib,
      story.id,
      'figure',
      'More than 40 officials signed the letter to the minister on Monday',
    );
    expect(checklistItemName(library.lib, `claim:${claim.id}`)).toBe(
      'the claim “More than 40 officials signed the letter to…”',
    );
    expect(checklistItemName(library.lib, `also-see:${linked.id}`)).toBe(
      'the Also See link to “Council publishes its spending plan for next year”',
    );
    expect(checklistItemName(library.lib, `claim:${GONE}`)).toBe('a claim since removed');
    expect(checklistItemName(library.lib, `also-see:${GONE}`)).toBe(
      'an Also See link to an article no longer in the library',
    );
    expect(checklistItemName(library.lib, 'credit:image-2')).toBe('image 2’s missing credit');
    expect(checklistItemName(library.lib, 'credit:lead')).toBe('the lead image’s missing credit');
    expect(checklistItemName(library.lib, 'byline')).toBe('the missing byline');
  });

  it('rewrites the ids in an export label written before items had names, and leaves the reasons as typed', () => {
    const story = createArticle(library.lib, { headline: 'Budget vote delayed' }, { clock });
    const claim = createClaim(library.lib, story.id, 'quote', 'We will not sign');
    const stored = `Exported by Amna Riaz as 2026-03-02-budget.zip; checklist overridden: claim:${claim.id} (“Quoted as said; body (“x”) stays”); byline (“Desk copy”)`;
    const label = readableLabel(library.lib, stored);
    expect(label).toBe(
      'Exported by Amna Riaz as 2026-03-02-budget.zip; checklist overridden: the claim “We will not sign” (“Quoted as said; body (“x”) stays”); the missing byline (“Desk copy”)',
    );
    expect(label).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    expect(readableLabel(library.lib, 'Sent to legal: byline (“x”)')).toBe('Sent to legal: byline (“x”)');
  });

  it('cuts long text at a word', () => {
    expect(firstWords('  one two\nthree  ', 8)).toBe('one two three');
    expect(firstWords('one two three four', 2)).toBe('one two…');
  });
});
