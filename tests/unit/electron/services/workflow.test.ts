import { describe, expect, it } from 'vitest';

import { importFiles } from '../../../../electron/import/importFiles';
import { createArticle, getArticle, saveArticle, trashArticle } from '../../../../electron/services/articles';
import { addPerson } from '../../../../electron/services/people';
import { listRevisions, restoreRevision } from '../../../../electron/services/revisions';
import { assignArticle, setOthersSuggest, setOwner, workflowHistory } from '../../../../electron/services/workflow';
import { ApiError } from '../../../../shared/errors';
import { bodyFromParagraphs } from '../../../../shared/text';
import { libraryPerTest } from '../../../helpers/libraryPerTest';

const { library, clock } = libraryPerTest();

const MISSING_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

/** A story Amna Riaz made at the clock's time. */
function story(headline = 'Night ferry trial approved') {
  return createArticle(
    library.lib,
    { headline, body: bodyFromParagraphs(['The council approved the trial.']) },
    { userName: 'Amna Riaz', clock },
  );
}

/** The ApiError `run` throws. */
function refusal(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('who owns a story', () => {
  it('is the person who made it; nobody when they gave no name', () => {
    expect(story().owner).toBe('Amna Riaz');
    const unsigned = createArticle(library.lib, { headline: 'Unsigned' }, { userName: '  ' });
    expect(unsigned.owner).toBe('');
  });

  it('is the person who imported it', async () => {
    const report = await importFiles(
      library.lib,
      [{ name: 'ferry.txt', bytes: Buffer.from('Ferry timetable published\n\nThe new timetable is out.') }],
      { context: { userName: 'Omar Khan' } },
    );
    const [imported] = report.imported;
    expect(imported).toBeDefined();
    expect(getArticle(library.lib, imported?.id ?? MISSING_ID)).toMatchObject({
      headline: 'Ferry timetable published',
      owner: 'Omar Khan',
      assignee: '',
      assignedStep: null,
      othersSuggest: false,
    });
  });

  it('changes hands, signed and kept in the history; the same owner again changes nothing', () => {
    const made = story();
    clock.advance(60_000);
    const handed = setOwner(library.lib, made.id, ' Omar Khan ', { userName: 'Ed Park', clock });
    expect(handed).toMatchObject({ owner: 'Omar Khan', version: made.version });
    setOwner(library.lib, made.id, 'Omar Khan', { userName: 'Ed Park', clock });
    expect(workflowHistory(library.lib, made.id)).toEqual([
      { kind: 'owner', from: 'Amna Riaz', to: 'Omar Khan', by: 'Ed Park', at: '2026-03-02T09:01:00.000Z' },
    ]);
    expect(refusal(() => setOwner(library.lib, made.id, '  ', { userName: 'Ed Park' })).message).toBe(
      'The owner needs a name: name the person the story belongs to.',
    );
  });
});

describe('assigning a story', () => {
  it('names the person and the step, and keeps who assigned it and when', () => {
    const made = story();
    clock.advance(60_000);
    const assigned = assignArticle(library.lib, made.id, 'Rita Okafor', 'fact-check', { userName: 'Ed Park', clock });
    expect(assigned).toMatchObject({
      assignee: 'Rita Okafor',
      assignedStep: 'fact-check',
      version: made.version,
      updatedAt: '2026-03-02T09:01:00.000Z',
    });
    expect(getArticle(library.lib, made.id)).toEqual(assigned);
    expect(workflowHistory(library.lib, made.id)).toEqual([
      {
        kind: 'assignment',
        from: '',
        to: 'Rita Okafor',
        step: 'fact-check',
        by: 'Ed Park',
        at: '2026-03-02T09:01:00.000Z',
      },
    ]);
  });

  it('is taken away with an empty name, the step going with it; a second clear changes nothing', () => {
    const made = story();
    assignArticle(library.lib, made.id, 'Rita Okafor', 'editing', { userName: 'Ed Park', clock });
    clock.advance(60_000);
    const cleared = assignArticle(library.lib, made.id, '', 'review', { userName: 'Rita Okafor', clock });
    expect(cleared).toMatchObject({ assignee: '', assignedStep: null });
    assignArticle(library.lib, made.id, '', undefined, { userName: 'Rita Okafor', clock });
    expect(workflowHistory(library.lib, made.id).map((entry) => [entry.kind, entry.from, entry.to, entry.by])).toEqual([
      ['assignment', '', 'Rita Okafor', 'Ed Park'],
      ['assignment', 'Rita Okafor', '', 'Rita Okafor'],
    ]);
    expect(workflowHistory(library.lib, made.id)[1]).toMatchObject({ step: null });
  });

  it('needs a step whenever someone is assigned, and keeps a change of step alone', () => {
    const made = story();
    const missing = refusal(() => assignArticle(library.lib, made.id, 'Rita Okafor', undefined));
    expect(missing.code).toBe('invalid-request');
    expect(missing.message).toBe('Choose the step Rita Okafor is assigned for: editing, fact-check or review.');
    expect(workflowHistory(library.lib, made.id)).toEqual([]);

    assignArticle(library.lib, made.id, 'Rita Okafor', 'editing', { userName: 'Ed Park', clock });
    assignArticle(library.lib, made.id, 'Rita Okafor', 'editing', { userName: 'Ed Park', clock });
    clock.advance(1000);
    assignArticle(library.lib, made.id, 'Rita Okafor', 'review', { userName: 'Ed Park', clock });
    expect(workflowHistory(library.lib, made.id).map((entry) => entry.kind === 'assignment' && entry.step)).toEqual([
      'editing',
      'review',
    ]);
  });

  it('gives a person on the desk the name the desk knows them by', () => {
    addPerson(library.lib, 'Rita Okafor', 'fact-checker');
    const made = story();
    expect(assignArticle(library.lib, made.id, 'rita okafor', 'fact-check').assignee).toBe('Rita Okafor');
    expect(setOwner(library.lib, made.id, 'RITA OKAFOR').owner).toBe('Rita Okafor');
    expect(assignArticle(library.lib, made.id, 'Someone Else', 'review').assignee).toBe('Someone Else');
  });

  it('refuses a story in the trash, and one that is not in the library', () => {
    const made = story();
    trashArticle(library.lib, made.id);
    const trashed = refusal(() => assignArticle(library.lib, made.id, 'Rita Okafor', 'editing'));
    expect(trashed.code).toBe('conflict');
    expect(trashed.message).toBe('This story is in the trash. Restore it from the trash to assign it.');
    expect(refusal(() => setOthersSuggest(library.lib, made.id, true)).code).toBe('conflict');
    expect(refusal(() => assignArticle(library.lib, MISSING_ID, 'Rita Okafor', 'editing')).code).toBe('not-found');
    expect(refusal(() => workflowHistory(library.lib, MISSING_ID)).code).toBe('not-found');
  });
});

describe('what a save, a restored version and a change of suggesting leave alone', () => {
  it('keeps the owner and the assignment through saves and a restored version, and a save meanwhile stays good', () => {
    const made = story();
    const kept = listRevisions(library.lib, made.id)[0];
    assignArticle(library.lib, made.id, 'Rita Okafor', 'fact-check', { userName: 'Ed Park', clock });
    // The window's save carries the version it had before the assignment, and is not refused.
    const saved = saveArticle(library.lib, made.id, made.version, { headline: 'Night ferry trial extended' });
    expect(saved).toMatchObject({ owner: 'Amna Riaz', assignee: 'Rita Okafor', assignedStep: 'fact-check' });
    const restored = restoreRevision(library.lib, made.id, kept?.id ?? MISSING_ID, saved.version);
    expect(restored).toMatchObject({
      headline: 'Night ferry trial approved',
      owner: 'Amna Riaz',
      assignee: 'Rita Okafor',
      assignedStep: 'fact-check',
    });
  });

  it('stores whether everyone but the owner suggests, without an entry in the history', () => {
    const made = story();
    expect(made.othersSuggest).toBe(false);
    expect(setOthersSuggest(library.lib, made.id, true).othersSuggest).toBe(true);
    expect(getArticle(library.lib, made.id).othersSuggest).toBe(true);
    expect(setOthersSuggest(library.lib, made.id, false).othersSuggest).toBe(false);
    expect(workflowHistory(library.lib, made.id)).toEqual([]);
  });
});

describe('a story’s workflow history', () => {
  it('merges its status changes, assignments and changes of owner, oldest first', () => {
    const made = story();
    const step = () => clock.advance(60_000);
    step();
    const editing = saveArticle(
      library.lib,
      made.id,
      made.version,
      { status: 'editing' },
      { userName: 'Amna Riaz', clock },
    );
    step();
    assignArticle(library.lib, made.id, 'Ed Park', 'editing', { userName: 'Amna Riaz', clock });
    step();
    const checking = saveArticle(
      library.lib,
      made.id,
      editing.version,
      { status: 'fact-check' },
      { userName: 'Ed Park', clock },
    );
    assignArticle(library.lib, made.id, 'Rita Okafor', 'fact-check', { userName: 'Ed Park', clock });
    step();
    setOwner(library.lib, made.id, 'Ed Park', { userName: 'Amna Riaz', clock });
    expect(checking.updatedAt).toBe('2026-03-02T09:03:00.000Z');
    expect(workflowHistory(library.lib, made.id)).toEqual([
      { kind: 'status', from: 'draft', to: 'editing', by: 'Amna Riaz', at: '2026-03-02T09:01:00.000Z' },
      {
        kind: 'assignment',
        from: '',
        to: 'Ed Park',
        step: 'editing',
        by: 'Amna Riaz',
        at: '2026-03-02T09:02:00.000Z',
      },
      { kind: 'status', from: 'editing', to: 'fact-check', by: 'Ed Park', at: '2026-03-02T09:03:00.000Z' },
      // Made in the same millisecond as the status change before it, and after it.
      {
        kind: 'assignment',
        from: 'Ed Park',
        to: 'Rita Okafor',
        step: 'fact-check',
        by: 'Ed Park',
        at: '2026-03-02T09:03:00.000Z',
      },
      { kind: 'owner', from: 'Amna Riaz', to: 'Ed Park', by: 'Amna Riaz', at: '2026-03-02T09:04:00.000Z' },
    ]);
  });
});
