import { describe, expect, it } from 'vitest';

import { createArticle, saveArticle } from '../../../../electron/services/articles';
import {
  addEvidence,
  createClaim,
  dismissClaim,
  getClaim,
  listClaims,
  removeEvidence,
  setVerdict,
  setVerdictNote,
  verdictHistory,
} from '../../../../electron/services/claims';
import {
  addSource,
  articleSources,
  detachSource,
  findSources,
  getSnapshot,
  recaptureSource,
} from '../../../../electron/services/sources';
import type { Body } from '../../../../shared/domain';
import { bodyFromParagraphs } from '../../../../shared/text';
import { apiErrorFrom, dumpDatabase } from '../../../helpers/library';
import { libraryPerTest } from '../../../helpers/libraryPerTest';
import { markNode, textNode } from '../../../helpers/lexicalNodes';

const { library, clock } = libraryPerTest();

const CHECKER = { clock: () => clock(), userName: 'Amna Riaz' };

const text = textNode;
const mark = markNode;

/** A one-paragraph body whose children are given as they would be serialised. */
function bodyOf(...children: object[]): Body {
  const body = bodyFromParagraphs(['']);
  const paragraph = body.root.children[0] as { children: object[] };
  paragraph.children = children;
  return body;
}

const STATEMENT = [
  'Joint statement',
  'The two sides held an in-depth exchange of views on terrorism in Afghanistan and the region.',
  'The next meeting will be held in 2026.',
].join('\n\n');

async function articleWithSource() {
  const article = createArticle(library.lib, {
    headline: 'Pakistan and Russia deepen cooperation',
    body: bodyFromParagraphs(['The two sides held an in-depth exchange of views, the ministry said.']),
  });
  const source = await addSource(
    library.lib,
    { kind: 'paste', text: STATEMENT, label: 'Ministry statement' },
    { kind: 'official-statement', publisher: 'Ministry of Foreign Affairs' },
    article.id,
    clock,
  );
  const snapshot = getSnapshot(library.lib, source.snapshots[0]?.id ?? '');
  return { article, source, snapshot };
}

describe('claims and the text they mark', () => {
  it('follow their span through edits, become orphans when it is deleted, and come back with it', () => {
    const article = createArticle(library.lib, { headline: 'Attack toll', body: bodyFromParagraphs(['x']) });
    const claim = createClaim(library.lib, article.id, 'figure', 'killed over 140 people', CHECKER);
    let version = 1;
    const save = (body: Body) => {
      version = saveArticle(library.lib, article.id, version, { body }, CHECKER).version;
      return getClaim(library.lib, claim.id);
    };

    const marked = save(bodyOf(text('An attack '), mark([claim.id], text('killed over 140 people')), text('.')));
    expect(marked).toMatchObject({ state: 'attached', text: 'killed over 140 people' });

    // Typing inside the span, and bold splitting it into two marks, keep the claim.
    const edited = save(
      bodyOf(
        mark([claim.id], text('killed more than '), { ...text('140'), format: 1 }),
        mark([claim.id], text(' people')),
      ),
    );
    expect(edited).toMatchObject({ state: 'attached', text: 'killed more than 140 people' });

    expect(save(bodyOf(text('An attack near Moscow.')))).toMatchObject({
      state: 'orphaned',
      text: 'killed more than 140 people',
    });
    expect(listClaims(library.lib, article.id).map((c) => c.state)).toEqual(['orphaned']);

    // Re-attached by marking new text with the same claim.
    expect(save(bodyOf(mark([claim.id], text('killed at least 145 people'))))).toMatchObject({
      state: 'attached',
      text: 'killed at least 145 people',
    });
  });

  it('lets overlapping claims each keep the words they cover', () => {
    const article = createArticle(library.lib, { headline: 'Quote', body: bodyFromParagraphs(['x']) });
    const quote = createClaim(library.lib, article.id, 'quote', 'x', CHECKER);
    const figure = createClaim(library.lib, article.id, 'figure', 'x', CHECKER);
    saveArticle(
      library.lib,
      article.id,
      1,
      { body: bodyOf(mark([quote.id], text('“Over '), mark([quote.id, figure.id], text('140 died')), text('”'))) },
      CHECKER,
    );
    expect(getClaim(library.lib, quote.id).text).toBe('“Over 140 died”');
    expect(getClaim(library.lib, figure.id).text).toBe('140 died');
  });

  it('keeps a dismissed claim dismissed until its marks come back', () => {
    const article = createArticle(library.lib, { headline: 'x', body: bodyFromParagraphs(['x']) });
    const claim = createClaim(library.lib, article.id, 'other', 'gone', CHECKER);
    saveArticle(library.lib, article.id, 1, { body: bodyFromParagraphs(['Nothing marked.']) }, CHECKER);
    expect(getClaim(library.lib, claim.id).state).toBe('orphaned');
    expect(dismissClaim(library.lib, claim.id, CHECKER).state).toBe('dismissed');
    saveArticle(library.lib, article.id, 2, { body: bodyFromParagraphs(['Still nothing.']) }, CHECKER);
    expect(getClaim(library.lib, claim.id).state).toBe('dismissed');
  });

  it('are refused in an article in the trash or one that does not exist', () => {
    expect(
      apiErrorFrom(() => createClaim(library.lib, '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', 'quote', 'x')).code,
    ).toBe('not-found');
  });
});

describe('verdicts', () => {
  it('are all kept, with who gave them, when and why; none is ever rewritten', () => {
    const article = createArticle(library.lib, { headline: 'x', body: bodyFromParagraphs(['x']) });
    const claim = createClaim(library.lib, article.id, 'figure', '140 people', CHECKER);
    expect(claim).toMatchObject({ verdict: 'unchecked', checker: '', checkedAt: null });

    setVerdict(library.lib, claim.id, 'partly-true', 'Officials say 139.', CHECKER);
    clock.advance(60_000);
    const second = setVerdict(library.lib, claim.id, 'verified', 'Updated toll: 145.', {
      ...CHECKER,
      userName: 'Omar Khan',
    });
    expect(second).toMatchObject({
      verdict: 'verified',
      checker: 'Omar Khan',
      note: 'Updated toll: 145.',
      checkedAt: '2026-03-02T09:01:00.000Z',
    });
    // The same verdict and note again is not a new entry.
    setVerdict(library.lib, claim.id, 'verified', 'Updated toll: 145.', CHECKER);
    expect(verdictHistory(library.lib, claim.id)).toEqual([
      {
        verdict: 'partly-true',
        checker: 'Amna Riaz',
        note: 'Officials say 139.',
        at: '2026-03-02T09:00:00.000Z',
        text: '140 people',
      },
      {
        verdict: 'verified',
        checker: 'Omar Khan',
        note: 'Updated toll: 145.',
        at: '2026-03-02T09:01:00.000Z',
        text: '140 people',
      },
    ]);
    expect(() => library.lib.db.prepare("UPDATE claim_verdicts SET verdict = 'false'").run()).toThrow(
      'verdicts cannot be changed',
    );
  });

  it('keep the words they were given to: a claim edited after its verdict is flagged until confirmed', () => {
    const article = createArticle(library.lib, { headline: 'Toll', body: bodyFromParagraphs(['x']) });
    const claim = createClaim(library.lib, article.id, 'quote', 'x', CHECKER);
    let version = 1;
    const save = (words: string) => {
      version = saveArticle(
        library.lib,
        article.id,
        version,
        { body: bodyOf(mark([claim.id], text(words))) },
        CHECKER,
      ).version;
      return getClaim(library.lib, claim.id);
    };
    save('“We will rebuild every school,” she said');
    const verified = setVerdict(library.lib, claim.id, 'verified', 'On the tape.', CHECKER);
    expect(verified).toMatchObject({
      verdictText: '“We will rebuild every school,” she said',
      changedSinceVerdict: false,
    });

    // Straight quotes and a doubled space are typography, not a change.
    expect(save('"We will rebuild  every school," she said')).toMatchObject({ changedSinceVerdict: false });
    const changed = save('“We will rebuild some schools,” she said');
    expect(changed).toMatchObject({
      verdict: 'verified',
      changedSinceVerdict: true,
      verdictText: '“We will rebuild every school,” she said',
      text: '“We will rebuild some schools,” she said',
    });

    // A note written afterwards does not vouch for the new words.
    clock.advance(60_000);
    expect(setVerdictNote(library.lib, claim.id, 'Check the tape again.', CHECKER)).toMatchObject({
      note: 'Check the tape again.',
      changedSinceVerdict: true,
    });
    // The same verdict given again confirms it for the words as they stand.
    clock.advance(60_000);
    const confirmed = setVerdict(library.lib, claim.id, 'verified', 'Check the tape again.', CHECKER);
    expect(confirmed).toMatchObject({
      changedSinceVerdict: false,
      verdictText: '“We will rebuild some schools,” she said',
      checkedAt: '2026-03-02T09:02:00.000Z',
    });
    expect(verdictHistory(library.lib, claim.id).map((change) => [change.note, change.text])).toEqual([
      ['On the tape.', '“We will rebuild every school,” she said'],
      ['Check the tape again.', '“We will rebuild every school,” she said'],
      ['Check the tape again.', '“We will rebuild some schools,” she said'],
    ]);

    // Back to unchecked: nothing to have changed against.
    expect(setVerdict(library.lib, claim.id, 'unchecked', '', CHECKER)).toMatchObject({
      verdictText: null,
      changedSinceVerdict: false,
    });
  });

  it('keep a note typed on an unchanged claim as a new entry, and nothing when the note is the same', () => {
    const article = createArticle(library.lib, { headline: 'x', body: bodyFromParagraphs(['x']) });
    const claim = createClaim(library.lib, article.id, 'figure', '140 people', CHECKER);
    setVerdictNote(library.lib, claim.id, 'Asked the ministry.', CHECKER);
    setVerdictNote(library.lib, claim.id, 'Asked the ministry.', CHECKER);
    expect(verdictHistory(library.lib, claim.id)).toEqual([
      expect.objectContaining({ verdict: 'unchecked', note: 'Asked the ministry.', text: '140 people' }),
    ]);
    expect(apiErrorFrom(() => setVerdictNote(library.lib, claim.id, 'x', { userName: '' })).code).toBe(
      'invalid-request',
    );
  });

  it('need the checker’s name, and change nothing without it', () => {
    const article = createArticle(library.lib, { headline: 'x', body: bodyFromParagraphs(['x']) });
    const claim = createClaim(library.lib, article.id, 'figure', '140 people', CHECKER);
    const before = dumpDatabase(library.lib.db);
    const error = apiErrorFrom(() => setVerdict(library.lib, claim.id, 'verified', '', { userName: '  ' }));
    expect(error.message).toBe('Set your name in Settings first: every verdict records who checked the claim.');
    expect(dumpDatabase(library.lib.db)).toEqual(before);
  });
});

describe('evidence', () => {
  it('anchors the passage by its words and the words around it, and by its offsets', async () => {
    const { article, snapshot } = await articleWithSource();
    const claim = createClaim(library.lib, article.id, 'attribution', 'the ministry said', CHECKER);
    const passage = 'held an in-depth exchange of views on terrorism';
    const start = snapshot.text.indexOf(passage);
    const linked = addEvidence(
      library.lib,
      claim.id,
      { snapshotId: snapshot.id, start, end: start + passage.length, note: 'Second paragraph.' },
      CHECKER,
    );
    expect(linked.evidence).toEqual([
      expect.objectContaining({
        snapshotId: snapshot.id,
        sourceTitle: 'Joint statement',
        exact: passage,
        prefix: 'Joint statement\n\nThe two sides ',
        suffix: ' in Afghanistan and the region.\n',
        start,
        end: start + passage.length,
        note: 'Second paragraph.',
        addedBy: 'Amna Riaz',
      }),
    ]);
  });

  it('refuses a passage outside the snapshot, and keeps a removed link on record', async () => {
    const { article, source, snapshot } = await articleWithSource();
    const claim = createClaim(library.lib, article.id, 'attribution', 'the ministry said', CHECKER);
    expect(
      apiErrorFrom(() =>
        addEvidence(library.lib, claim.id, { snapshotId: snapshot.id, start: 5, end: 99_999, note: '' }),
      ).message,
    ).toMatch(/^The passage is outside the snapshot/);

    const linked = addEvidence(library.lib, claim.id, { snapshotId: snapshot.id, start: 0, end: 15, note: '' });
    expect(apiErrorFrom(() => detachSource(library.lib, article.id, source.id)).code).toBe('conflict');
    const unlinked = removeEvidence(library.lib, linked.evidence[0]?.id ?? '', CHECKER);
    expect(unlinked.evidence).toEqual([]);
    expect(library.lib.db.prepare('SELECT removed_at FROM claim_evidence').pluck().all()).toEqual([
      '2026-03-02T09:00:00.000Z',
    ]);
    expect(detachSource(library.lib, article.id, source.id)).toEqual([]);
  });
});

describe('sources and snapshots', () => {
  it('never change a snapshot: a new capture is a new snapshot, the same bytes are kept once', async () => {
    const { source, snapshot } = await articleWithSource();
    expect(() => library.lib.db.prepare("UPDATE source_snapshots SET text = 'forged'").run()).toThrow(
      'snapshots cannot be changed',
    );
    clock.advance(3_600_000);
    const again = await recaptureSource(
      library.lib,
      source.id,
      { kind: 'paste', text: STATEMENT, label: 'Again' },
      clock,
    );
    expect(again.snapshots).toHaveLength(1);
    const updated = await recaptureSource(
      library.lib,
      source.id,
      { kind: 'paste', text: `${STATEMENT}\n\nCorrection: the meeting is in 2027.`, label: 'Updated' },
      clock,
    );
    expect(updated.snapshots.map((s) => s.fileName)).toEqual(['Updated', 'Ministry statement']);
    expect(getSnapshot(library.lib, snapshot.id).text).toBe(STATEMENT);
  });

  it('are found by their fields and by the text of their snapshots, and cited by articles', async () => {
    const { article, source } = await articleWithSource();
    expect(source).toMatchObject({
      title: 'Joint statement',
      kind: 'official-statement',
      publisher: 'Ministry of Foreign Affairs',
      accessedDate: '2026-03-02',
      reliability: 'F',
      articleCount: 1,
    });
    expect(findSources(library.lib, 'exchange of views', 10).sources.map((s) => s.id)).toEqual([source.id]);
    expect(findSources(library.lib, 'ministry', 10).sources.map((s) => s.id)).toEqual([source.id]);
    expect(findSources(library.lib, 'cricket', 10)).toEqual({
      sources: [],
      hint: 'No source matches. Try fewer or shorter words.',
    });
    expect(articleSources(library.lib, article.id).map((s) => s.id)).toEqual([source.id]);
  });

  it('refuses a file it cannot read and leaves the library as it was', async () => {
    const article = createArticle(library.lib, { headline: 'x', body: bodyFromParagraphs(['x']) });
    const before = dumpDatabase(library.lib.db);
    await expect(
      addSource(library.lib, { kind: 'file', name: 'scan.pdf', bytes: Buffer.from('junk') }, {}, article.id),
    ).rejects.toThrow('scan.pdf is not a PDF file');
    expect(dumpDatabase(library.lib.db)).toEqual(before);
  });
});
