import { describe, expect, it } from 'vitest';

import { readStoredBody } from '../../../shared/body/readStoredBody';
import type { StoredBody } from '../../../shared/domain';
import type { ChecklistInput } from '../../../shared/exportChecklist';
import {
  appliedOverrides,
  overrideReasonProblem,
  OverrideSchema,
  runChecklist,
  unresolvedItems,
} from '../../../shared/exportChecklist';
import { bodyFromParagraphs, bodyToPlainText, countWords } from '../../../shared/text';

const CLAIM = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a51';
const OTHER_CLAIM = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a52';
const LINKED = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a53';
/** A picture of the library, as a lead image carries it. */
const PICTURE = {
  id: LINKED,
  sha256: 'a'.repeat(64),
  mimeType: 'image/png',
  byteLength: 1,
  width: 1,
  height: 1,
  originalName: 'lead.png',
  createdAt: '2026-03-02T09:00:00.000Z',
} as NonNullable<ChecklistInput['article']['leadImage']>['asset'];

type Node = { type: string; [key: string]: unknown };

function paragraph(...children: Node[]): Node {
  return { type: 'paragraph', version: 1, children };
}
const run = (text: string): Node => ({ type: 'text', version: 1, text });
const mark = (id: string, text: string): Node => ({ type: 'mark', version: 1, ids: [id], children: [run(text)] });

function input(body: StoredBody, overrides: Partial<ChecklistInput['article']> = {}): ChecklistInput['article'] {
  const bodyText = bodyToPlainText(readStoredBody(body).body);
  return {
    headline: 'Talks resume in Beijing',
    dek: 'Both sides meet on Monday.',
    byline: 'Amna Riaz',
    body,
    bodyText,
    wordCount: countWords(bodyText),
    lengthTarget: null,
    dateline: 'ISLAMABAD',
    leadImage: null,
    ...overrides,
  };
}

const live = () => 'live' as const;

/** A paragraph of text and the pictures given, each as the editor keeps an inline image. */
function withPictures(...pictures: { caption: string; altText: string; credit: string }[]): StoredBody {
  return {
    root: {
      type: 'root',
      children: [
        paragraph(run('Text.')),
        ...pictures.map((picture, index) => ({ type: 'inline-image', version: 1, assetId: `${index}`, ...picture })),
      ],
    },
  };
}

describe('the pre-export checklist', () => {
  it('passes a complete story with nothing to report', () => {
    const result = runChecklist({
      article: input(bodyFromParagraphs(['The talks resume.'])),
      claims: [],
      linked: live,
    });
    expect(result).toEqual({ items: [], ready: true });
  });

  it('blocks a story without headline, byline or text, saying what to add', () => {
    const result = runChecklist({
      article: input(bodyFromParagraphs([]), { headline: ' ', byline: '' }),
      claims: [],
      linked: live,
    });
    expect(result.ready).toBe(false);
    expect(result.items.map((item) => [item.id, item.level])).toEqual([
      ['headline', 'blocking'],
      ['byline', 'blocking'],
      ['body', 'blocking'],
    ]);
    expect(result.items[1]?.message).toMatch(/no byline/);
  });

  it('blocks every image without a credit, the lead image and each one in the body', () => {
    const body = withPictures(
      { caption: 'The quay', altText: 'Cranes', credit: 'AP' },
      { caption: 'The port at night', altText: 'Lit ships', credit: '  ' },
    );
    const leadImage = {
      asset: PICTURE,
      caption: 'Delegates',
      credit: '',
      altText: 'Two delegations at a long table',
    } as ChecklistInput['article']['leadImage'];
    const items = runChecklist({ article: input(body, { leadImage }), claims: [], linked: live }).items;
    expect(items.map((item) => [item.id, item.where])).toEqual([
      ['credit:lead', 'Lead image'],
      ['credit:image-2', 'Body, image 2'],
    ]);
    expect(items[1]?.message).toContain('The port at night');
  });

  it('blocks a false or unsupported claim still in the text, not one dismissed', () => {
    const body: StoredBody = {
      root: { type: 'root', children: [paragraph(mark(CLAIM, 'over 140 people'), run(' died.'))] },
    };
    const claims = [
      { id: CLAIM, text: 'over 140 people', state: 'attached', verdict: 'false', verdictText: 'over 140 people' },
      { id: OTHER_CLAIM, text: 'in May', state: 'dismissed', verdict: 'unsupported', verdictText: 'in May' },
    ] as const;
    const items = runChecklist({ article: input(body), claims, linked: live }).items;
    expect(items).toEqual([
      {
        id: `claim:${CLAIM}`,
        level: 'blocking',
        where: 'Fact check',
        message: 'The claim "over 140 people" is marked false and is still in the text. Correct or remove it.',
      },
    ]);
  });

  it('lists every claim whose words changed after its verdict: blocking when it was verified, else a warning', () => {
    const QUOTE = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a54';
    const DATE = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a55';
    const body: StoredBody = {
      root: {
        type: 'root',
        children: [
          paragraph(mark(QUOTE, '“We will rebuild some schools,”'), run(' she said.')),
          paragraph(mark(CLAIM, 'killed over 145 people'), run(' in March.')),
          paragraph(mark(OTHER_CLAIM, 'Talks resume on Monday'), run(', in '), mark(DATE, '"Beijing"'), run('.')),
        ],
      },
    };
    const claims = [
      // Verified for other words: the body's words are what counts, not the claim's last saved text.
      {
        id: QUOTE,
        text: '“We will rebuild every school,”',
        state: 'attached',
        verdict: 'verified',
        verdictText: '“We will rebuild every school,”',
      },
      {
        id: CLAIM,
        text: 'killed over 145 people',
        state: 'attached',
        verdict: 'partly-true',
        verdictText: 'killed 140',
      },
      { id: OTHER_CLAIM, text: 'x', state: 'attached', verdict: 'false', verdictText: 'Talks resume on Sunday' },
      // Only the quote marks differ: not a change.
      { id: DATE, text: '"Beijing"', state: 'attached', verdict: 'verified', verdictText: '“Beijing”' },
    ] as const;
    const result = runChecklist({ article: input(body), claims, linked: live });
    expect(result.ready).toBe(false);
    expect(result.items.map((item) => [item.id, item.level])).toEqual([
      [`claim:${OTHER_CLAIM}`, 'blocking'],
      [`claim-changed:${QUOTE}`, 'blocking'],
      [`claim-changed:${CLAIM}`, 'warning'],
    ]);
    expect(result.items[0]?.message).toBe(
      'The claim "Talks resume on Monday" is marked false and is still in the text. Its words changed since the verdict (it was "Talks resume on Sunday"): if they are corrected, give it a new verdict in the Fact check panel.',
    );
    expect(result.items[1]?.message).toBe(
      'The claim “We will rebuild some schools,” changed after it was verified (it was “We will rebuild every school,”). Confirm the verdict for the new words or give a new one in the Fact check panel.',
    );
    expect(result.items[2]?.message).toBe(
      'The claim "killed over 145 people" changed after its verdict (partly true, given to "killed 140"). Look at it again in the Fact check panel.',
    );
  });

  it('blocks an Also See block whose article is gone or trashed', () => {
    const body: StoredBody = {
      root: {
        type: 'root',
        children: [
          paragraph(run('Text.')),
          { type: 'also-see', version: 1, articleId: LINKED },
          { type: 'also-see', version: 1, articleId: CLAIM },
        ],
      },
    };
    const items = runChecklist({
      article: input(body),
      claims: [],
      linked: (id) => (id === LINKED ? 'trashed' : 'missing'),
    }).items;
    expect(items.map((item) => item.id)).toEqual([`also-see:${LINKED}`, `also-see:${CLAIM}`]);
    expect(items[0]?.message).toMatch(/in the trash/);
    expect(items[1]?.message).toMatch(/no longer in the library/);
  });

  it('takes a story outside the library by its address, and blocks one without a web address or headline', () => {
    const outside = (url: string, headline: string) => ({ type: 'also-see', version: 1, articleId: '', url, headline });
    const body: StoredBody = {
      root: {
        type: 'root',
        children: [
          paragraph(run('Text.')),
          outside('https://www.example.org/news/ferries', 'Ferries cut night crossings'),
          outside('javascript:alert(1)', 'A trap'),
          outside('https://www.example.org/news/other', ' '),
        ],
      },
    };
    const items = runChecklist({ article: input(body), claims: [], linked: () => 'missing' }).items;
    expect(items.filter((item) => item.level === 'blocking').map((item) => [item.id, item.where])).toEqual([
      ['also-see-outside:2', 'Body, Also See 2'],
      ['also-see-outside:3', 'Body, Also See 3'],
    ]);
    expect(items[0]?.message).toMatch(/^Also See 2: Only a web page can be an Also See/);
    expect(items[1]?.message).toMatch(/^Also See 3: Give the story’s headline/);
  });

  it('warns of unchecked claims, TK markers, a length off target and a missing dateline', () => {
    const body: StoredBody = {
      root: { type: 'root', children: [paragraph(mark(CLAIM, 'TK people'), run(' were hurt, police said TK.'))] },
    };
    const result = runChecklist({
      article: input(body, { lengthTarget: 600, dateline: '' }),
      claims: [{ id: CLAIM, text: 'TK people', state: 'attached', verdict: 'unchecked', verdictText: null }],
      linked: live,
    });
    expect(result.ready).toBe(true);
    expect(result.items.map((item) => [item.id, item.level])).toEqual([
      ['claims:unchecked', 'warning'],
      ['tk', 'warning'],
      ['length', 'warning'],
      ['dateline', 'warning'],
    ]);
    expect(result.items[0]?.message).toBe('1 claim is not checked yet. Give each a verdict in the Fact check panel.');
    expect(result.items[1]?.message).toBe('2 TK markers left in the body. Fill in what is missing.');
    expect(result.items[2]?.message).toMatch(/^The story is 7 words, under its target of 600/);
  });

  it('warns of comments still open, and is quiet once every one is resolved', () => {
    const article = input(bodyFromParagraphs(['Police said TK people were hurt.']));
    const warnings = (resolved: boolean[]) =>
      runChecklist({ article, claims: [], comments: resolved.map((done) => ({ resolved: done })), linked: live });
    const three = warnings([false, true, false, false]);
    expect(three.ready).toBe(true);
    expect(three.items.map((item) => [item.id, item.level, item.where])).toEqual([
      ['comments', 'warning', 'Body, comments'],
      ['tk', 'warning', 'Body'],
    ]);
    expect(three.items[0]?.message).toBe(
      '3 comments are still open. Resolve them in the Comments panel, or export with them open: comments are not exported.',
    );
    expect(warnings([true, false]).items[0]?.message).toBe(
      '1 comment is still open. Resolve it in the Comments panel, or export with it open: comments are not exported.',
    );
    expect(warnings([true, true]).items.map((item) => item.id)).toEqual(['tk']);
    expect(runChecklist({ article, claims: [], linked: live }).items.map((item) => item.id)).toEqual(['tk']);
  });

  it('takes a length within 10% of the target, and "tk" in running text is not a marker', () => {
    const words = Array.from({ length: 91 }, () => 'word').join(' ');
    const result = runChecklist({
      article: input(bodyFromParagraphs([`${words} tk`]), { lengthTarget: 100 }),
      claims: [],
      linked: live,
    });
    expect(result.items).toEqual([]);
  });
});

describe('overrides', () => {
  const checklist = runChecklist({
    article: input(bodyFromParagraphs(['Text.']), { byline: '', dateline: '' }),
    claims: [],
    linked: live,
  });

  it('leave only the blocking items without a reason, and record each with its item', () => {
    expect(unresolvedItems(checklist, []).map((item) => item.id)).toEqual(['byline']);
    const overrides = [
      { itemId: 'byline', reason: 'Wire copy: the agency carries no byline.' },
      { itemId: 'dateline', reason: 'Warnings need no override.' },
      { itemId: 'headline', reason: 'Fixed since the check.' },
    ];
    expect(unresolvedItems(checklist, overrides)).toEqual([]);
    expect(appliedOverrides(checklist, overrides)).toEqual([
      {
        itemId: 'byline',
        message: checklist.items[0]?.message,
        reason: 'Wire copy: the agency carries no byline.',
      },
    ]);
  });

  it('need a real written reason: a few words, at most 500 characters', () => {
    expect(OverrideSchema.safeParse({ itemId: 'byline', reason: '   ' }).success).toBe(false);
    expect(OverrideSchema.safeParse({ itemId: 'byline', reason: 'x'.repeat(501) }).success).toBe(false);
    expect(OverrideSchema.parse({ itemId: 'byline', reason: '  Wire copy, no byline.  ' })).toEqual({
      itemId: 'byline',
      reason: 'Wire copy, no byline.',
    });
    // Too few words, or too short, or words of one letter: no reason a colleague could read later.
    for (const reason of ['x', 'n/a', 'ok', 'Wire copy.', 'ok ok ok', 'a b c d e f g h i j']) {
      expect(overrideReasonProblem(reason), reason).toMatch(/^Give a real reason, in a few words/);
      expect(OverrideSchema.safeParse({ itemId: 'byline', reason }).success, reason).toBe(false);
    }
    for (const reason of ['Agency copy carries none', 'Flash: text to follow.', 'Sin firma: despacho de agencia.']) {
      expect(overrideReasonProblem(reason), reason).toBeNull();
    }
  });
});

describe('a lead image credit kept without its picture', () => {
  it('is a warning that says the credit is not exported and how to resolve it, and nothing once a picture has it', () => {
    const body = bodyFromParagraphs(['The talks resume.']);
    const kept = runChecklist({
      article: { ...input(body), leadImageCredit: 'Image via MOFA Pakistan' },
      claims: [],
      linked: live,
    });
    expect(kept.ready).toBe(true);
    expect(kept.items).toEqual([
      {
        id: 'credit:no-picture',
        level: 'warning',
        where: 'Lead image',
        message:
          'The lead image credit "Image via MOFA Pakistan" is kept, but the story has no picture, so the credit is not exported. Add the picture (it takes the credit), or clear the credit.',
      },
    ]);
    expect(
      runChecklist({ article: { ...input(body), leadImageCredit: '  ' }, claims: [], linked: live }).items,
    ).toEqual([]);
  });
});

describe('an embargo', () => {
  const body = bodyFromParagraphs(['The talks resume.']);
  const now = new Date('2026-06-05T10:00:00.000Z');

  it('is a warning while it is ahead, first of the warnings, with its end in the person’s zone; the story can still be exported', () => {
    const result = runChecklist({
      article: { ...input(body, { dateline: '' }), embargoUntil: '2026-06-09T08:00:00.000Z' },
      claims: [],
      linked: live,
      now,
      timeZone: 'Europe/London',
    });
    expect(result.ready).toBe(true);
    expect(result.items.map((item) => [item.id, item.level])).toEqual([
      ['embargo', 'warning'],
      ['dateline', 'warning'],
    ]);
    expect(result.items[0]).toMatchObject({
      where: 'Embargo',
      message:
        'The story is embargoed until Tue, 9 Jun 2026, 09:00 BST (in 3 days). The package says so to everyone it goes to; it must not be published before then.',
    });
  });

  it('is told in UTC when no zone is given, and in hours or minutes when it is near', () => {
    const soon = runChecklist({
      article: { ...input(body), embargoUntil: '2026-06-05T15:30:00.000Z' },
      claims: [],
      linked: live,
      now,
    });
    expect(soon.items[0]?.message).toContain('until Fri, 5 Jun 2026, 15:30 UTC (in 5 hours)');
    const minutes = runChecklist({
      article: { ...input(body), embargoUntil: '2026-06-05T10:20:00.000Z' },
      claims: [],
      linked: live,
      now,
    });
    expect(minutes.items[0]?.message).toContain('(in 20 minutes)');
  });

  it('says nothing once it has passed', () => {
    const items = runChecklist({
      article: { ...input(body), embargoUntil: '2026-06-05T09:59:00.000Z' },
      claims: [],
      linked: live,
      now,
    }).items;
    expect(items).toEqual([]);
  });

  it('warns of a publication time set before the embargo ends, and of none after it', () => {
    const article = { ...input(body), embargoUntil: '2026-06-09T08:00:00.000Z' };
    const early = runChecklist({
      article: { ...article, publishAt: '2026-06-09T07:00:00.000Z' },
      claims: [],
      linked: live,
      now,
      timeZone: 'Europe/London',
    });
    expect(early.items.map((item) => item.id)).toEqual(['embargo', 'embargo:publish-time']);
    expect(early.items[1]?.message).toBe(
      'The story is set to be published at Tue, 9 Jun 2026, 08:00 BST, before its embargo ends. Move the publication time or the embargo.',
    );
    const after = runChecklist({
      article: { ...article, publishAt: '2026-06-09T08:00:00.000Z' },
      claims: [],
      linked: live,
      now,
    });
    expect(after.items.map((item) => item.id)).toEqual(['embargo']);
  });
});

describe('a picture without alt text', () => {
  it('is a warning for the lead image and each picture in the body, saying where to write it; one with alt text is not', () => {
    const body = withPictures(
      { caption: 'The quay', altText: ' ', credit: 'AP' },
      { caption: 'The port', altText: 'Ships at night', credit: 'AP' },
    );
    const result = runChecklist({
      article: input(body, { leadImage: { asset: PICTURE, caption: 'Delegates', credit: 'Reuters', altText: '' } }),
      claims: [],
      linked: live,
    });
    expect(result.ready).toBe(true);
    expect(result.items).toEqual([
      {
        id: 'alt:lead',
        level: 'warning',
        where: 'Lead image',
        message:
          'The lead image has no alt text. Write what it shows for readers who cannot see it, under the caption.',
      },
      {
        id: 'alt:image-1',
        level: 'warning',
        where: 'Body, image 1',
        message:
          'Image 1 in the body ("The quay") has no alt text. Write what it shows for readers who cannot see it, under the picture.',
      },
    ]);
    const described = runChecklist({
      article: input(bodyFromParagraphs(['Text.']), {
        leadImage: {
          asset: PICTURE,
          caption: 'Delegates',
          credit: 'Reuters',
          altText: 'Two delegations at a long table',
        },
      }),
      claims: [],
      linked: live,
    });
    expect(described.items).toEqual([]);
  });
});
