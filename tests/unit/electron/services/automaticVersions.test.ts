import { describe, expect, it } from 'vitest';

import { getRevision as storedRevision } from '../../../../electron/db/queries/revisions';
import { createArticle, getArticle, saveArticle, trashArticle } from '../../../../electron/services/articles';
import { EDITING_BREAK_MS, LATE_SAVE_MS } from '../../../../electron/services/automaticVersions';
import { endEditingSession, getRevision, listRevisions, saveVersion } from '../../../../electron/services/revisions';
import type { ArticlePatch } from '../../../../shared/api';
import { BodySchema, type Article } from '../../../../shared/domain';
import { bodyFromParagraphs, bodyToPlainText } from '../../../../shared/text';
import { apiErrorFrom } from '../../../helpers/library';
import { libraryPerTest } from '../../../helpers/libraryPerTest';

const { library, clock } = libraryPerTest();

const MINUTE = 60_000;

/** One person editing one story: each save comes `afterMs` after the one before, as the window sends them. */
function desk(headline: string, userName = 'Amna Riaz') {
  const created = createArticle(library.lib, { headline, body: bodyFromParagraphs(['First words.']) }, { clock });
  let version = created.version;
  return {
    id: created.id,
    save(patch: ArticlePatch, afterMs = MINUTE, closing = false): Article {
      clock.advance(afterMs);
      const saved = saveArticle(library.lib, created.id, version, patch, { clock, userName, closing });
      version = saved.version;
      return saved;
    },
    /** Types one more sentence into the body. */
    type(sentence: string, afterMs = MINUTE, closing = false): Article {
      const text = getArticle(library.lib, created.id).bodyText;
      return this.save({ body: bodyFromParagraphs([`${text} ${sentence}`]) }, afterMs, closing);
    },
    leave(afterMs = 1000) {
      clock.advance(afterMs);
      return endEditingSession(library.lib, created.id, { clock, userName });
    },
  };
}

/** The automatic versions of a story, oldest first: why each was kept, when, and the text it holds. */
function automatic(id: string): { label: string; at: string; text: string; by: string }[] {
  return listRevisions(library.lib, id)
    .filter((revision) => revision.kind === 'auto')
    .reverse()
    .map((revision) => ({
      label: revision.label,
      at: revision.createdAt.slice(11, 19),
      text: getRevision(library.lib, revision.id).bodyText,
      by: revision.createdBy,
    }));
}

describe('a version kept when the person leaves the story', () => {
  it('holds everything typed up to the moment they left, signed, marked as kept on leaving', () => {
    const story = desk('Ferry trial');
    story.type('Crossings start in May.');
    story.type('Residents cheered.', 2000);
    const kept = story.leave();
    expect(kept).toMatchObject({ kind: 'auto', label: 'On leaving the story', createdBy: 'Amna Riaz' });
    // Why it was kept is stored as such, not only in the words shown.
    expect(kept === null ? undefined : storedRevision(library.lib.db, kept.id)?.reason).toBe('session-end');
    expect(automatic(story.id)).toEqual([
      {
        label: 'On leaving the story',
        at: '09:01:03',
        text: 'First words. Crossings start in May. Residents cheered.',
        by: 'Amna Riaz',
      },
    ]);
  });

  it('keeps nothing when nothing changed since the newest version: no pile of identical versions', () => {
    const story = desk('Ferry trial');
    expect(story.leave()).toBeNull(); // opened and left without a change
    story.type('Crossings start in May.');
    expect(story.leave()).not.toBeNull();
    expect(story.leave()).toBeNull(); // opened again and left again
    story.type('Residents cheered.');
    saveVersion(library.lib, story.id, 'Sent to legal', clock());
    expect(story.leave()).toBeNull(); // the hand-kept version already holds it
    expect(automatic(story.id)).toHaveLength(1);
  });

  it('counts a change of fields alone, or of formatting alone, as a change', () => {
    const story = desk('Ferry trial');
    story.save({ tags: ['transport'] });
    expect(story.leave()?.label).toBe('On leaving the story');
    // The same words, made bold.
    const stored = JSON.stringify(getArticle(library.lib, story.id).body);
    const bold = BodySchema.parse(JSON.parse(stored.replace('"format":0', '"format":1')));
    expect(bodyToPlainText(bold)).toBe('First words.');
    story.save({ body: bold });
    expect(story.leave()).not.toBeNull();
    expect(automatic(story.id)).toHaveLength(2);
  });

  it('keeps the words of a closing window’s last save that arrives just after the request to keep them', () => {
    const story = desk('Ferry trial');
    story.type('Crossings start in May.');
    // The window closes: its session-end request overtakes its last save on the way.
    const early = story.leave(300);
    story.type('Residents cheered.', 200, true);
    expect(automatic(story.id).map((version) => [version.label, version.text])).toEqual([
      ['On leaving the story', 'First words. Crossings start in May.'],
      ['On leaving the story', 'First words. Crossings start in May. Residents cheered.'],
    ]);
    expect(early).not.toBeNull();
  });

  it('does not take a later session’s first save for a late one', () => {
    const story = desk('Ferry trial');
    story.type('Crossings start in May.');
    story.leave();
    story.type('Residents cheered.', LATE_SAVE_MS + 1, true);
    expect(automatic(story.id)).toHaveLength(1);
  });

  it('takes a story opened again at once and typed in for a session of its own, not a late save', () => {
    const story = desk('Ferry trial');
    story.type('Crossings start in May.');
    story.leave();
    // Back in the story a second later: a claim marked, a verdict given, a word changed.
    story.type('Residents cheered.', 1000);
    story.type('The mayor spoke.', 1000);
    expect(automatic(story.id)).toHaveLength(1);
    expect(story.leave()?.label).toBe('On leaving the story');
    expect(automatic(story.id)).toHaveLength(2);
  });

  it('is kept for a story moved to the trash as it was left, and refuses an unknown story', () => {
    const story = desk('Ferry trial');
    story.type('Crossings start in May.');
    trashArticle(library.lib, story.id, clock);
    expect(story.leave()).not.toBeNull();
    const missing = apiErrorFrom(() => endEditingSession(library.lib, '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'));
    expect(missing.code).toBe('not-found');
  });
});

describe('a version kept every ten minutes of editing', () => {
  it('comes with the save that completes ten minutes of editing, then the count starts again', () => {
    const story = desk('Ferry trial');
    for (let minute = 1; minute < 10; minute += 1) story.type(`Line ${minute}.`);
    expect(automatic(story.id)).toEqual([]);
    story.type('Line 10.');
    const [kept] = automatic(story.id);
    expect(automatic(story.id)).toHaveLength(1);
    expect(kept).toMatchObject({ label: 'After 10 minutes of editing', at: '09:10:00', by: 'Amna Riaz' });
    // It holds the text of the save that completed the ten minutes.
    expect(kept?.text.endsWith('Line 9. Line 10.')).toBe(true);
    for (let minute = 11; minute < 20; minute += 1) story.type(`Line ${minute}.`);
    expect(automatic(story.id)).toHaveLength(1);
    story.type('Line 20.');
    expect(automatic(story.id).map((version) => version.at)).toEqual(['09:10:00', '09:20:00']);
  });

  it('counts editing, not the time the story stood open: a break does not count', () => {
    const story = desk('Ferry trial');
    for (let minute = 1; minute <= 6; minute += 1) story.type(`Before lunch ${minute}.`);
    story.type('After lunch.', 90 * MINUTE);
    for (let minute = 1; minute < 4; minute += 1) story.type(`After lunch ${minute}.`);
    expect(automatic(story.id)).toEqual([]);
    story.type('Ten minutes now.');
    expect(automatic(story.id).map((version) => version.label)).toEqual(['After 10 minutes of editing']);
  });

  it('counts a pause to read back of up to five minutes as editing', () => {
    const story = desk('Ferry trial');
    story.type('One.', EDITING_BREAK_MS);
    story.type('Two.', EDITING_BREAK_MS);
    expect(automatic(story.id)).toHaveLength(1);
  });

  it('keeps nothing when the text after ten minutes is the newest version’s again', () => {
    const story = desk('Ferry trial');
    for (let minute = 1; minute <= 10; minute += 1)
      story.save({ headline: minute % 2 === 0 ? 'Ferry trial' : 'Ferry' });
    expect(automatic(story.id)).toEqual([]);
    const changed = story.save({ headline: 'Ferry trial delayed' });
    expect(automatic(story.id)).toHaveLength(1);
    expect(listRevisions(library.lib, story.id)[0]).toMatchObject({
      headline: 'Ferry trial delayed',
      articleVersion: changed.version,
    });
  });

  it('starts counting again from any newer version: a status change or one kept by hand', () => {
    const story = desk('Ferry trial');
    for (let minute = 1; minute <= 6; minute += 1) story.type(`Line ${minute}.`);
    story.save({ status: 'editing' });
    for (let minute = 1; minute <= 6; minute += 1) story.type(`More ${minute}.`);
    clock.advance(1000);
    saveVersion(library.lib, story.id, 'Sent to legal', clock());
    for (let minute = 1; minute <= 9; minute += 1) story.type(`Again ${minute}.`);
    expect(automatic(story.id)).toEqual([]);
    story.type('Ten.');
    expect(automatic(story.id)).toHaveLength(1);
  });

  it('starts counting again after a session-end version', () => {
    const story = desk('Ferry trial');
    for (let minute = 1; minute <= 8; minute += 1) story.type(`Line ${minute}.`);
    story.leave();
    for (let minute = 1; minute <= 8; minute += 1) story.type(`Again ${minute}.`);
    expect(automatic(story.id).map((version) => version.label)).toEqual(['On leaving the story']);
  });
});
