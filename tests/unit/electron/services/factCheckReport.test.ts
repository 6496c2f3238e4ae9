import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';

import { createArticle, saveArticle } from '../../../../electron/services/articles';
import { createAuthor } from '../../../../electron/services/authors';
import { addEvidence, createClaim, dismissClaim, listClaims, setVerdict } from '../../../../electron/services/claims';
import { reply, resolveThread, startThread } from '../../../../electron/services/comments';
import { factCheckReport, REPORT_CSP, reportFileName } from '../../../../electron/services/factCheckReport';
import { addSource, createSource, getSnapshot } from '../../../../electron/services/sources';
import type { Body } from '../../../../shared/domain';
import { RELIABILITY_LABELS } from '../../../../shared/sources';
import { bodyFromParagraphs } from '../../../../shared/text';
import { commentNode as comment, markNode as mark, textNode as text } from '../../../helpers/lexicalNodes';
import { libraryPerTest } from '../../../helpers/libraryPerTest';

const { library, clock } = libraryPerTest();

const NOW = new Date('2026-03-04T16:30:00.000Z');
const STATEMENT = [
  'Joint statement',
  'The two sides held an in-depth exchange of views on terrorism in Afghanistan and the region.',
  'The attack near Moscow killed 145 people, officials said.',
].join('\n\n');

const parse = (html: string) => new JSDOM(html).window.document;

/** A one-paragraph body whose children are given as they would be serialised. */
function bodyOf(...children: object[]): Body {
  const body = bodyFromParagraphs(['']);
  (body.root.children[0] as { children: object[] }).children = children;
  return body;
}

/** An article with three claims: one verified then revised with evidence, one unchecked, one dismissed. */
async function checkedArticle() {
  const author = createAuthor(library.lib, 'Amna Riaz', '');
  const article = createArticle(library.lib, {
    headline: 'Pakistan and Russia deepen cooperation',
    slug: 'pakistan-russia-cooperation',
    authorIds: [author.id],
    body: bodyFromParagraphs(['An attack killed over 140 people, the ministry said.']),
  });
  const source = await addSource(
    library.lib,
    { kind: 'paste', text: STATEMENT, label: 'Ministry statement' },
    {
      kind: 'official-statement',
      title: 'Joint statement on counter-terrorism',
      publisher: 'Ministry of Foreign Affairs',
      url: 'https://mofa.gov.pk/statement',
      reliability: 'B',
    },
    article.id,
    clock,
  );
  const snapshot = getSnapshot(library.lib, source.snapshots[0]?.id ?? '');
  const checker = { clock: () => clock(), userName: 'Omar Khan' };
  const toll = createClaim(library.lib, article.id, 'figure', 'killed over 140 people', checker);
  const start = snapshot.text.indexOf('killed 145 people');
  addEvidence(library.lib, toll.id, { snapshotId: snapshot.id, start, end: start + 17, note: 'Paragraph 3.' }, checker);
  setVerdict(library.lib, toll.id, 'verified', 'Matches the statement.', checker);
  clock.advance(60_000);
  setVerdict(library.lib, toll.id, 'partly-true', 'The statement says 145.', checker);
  createClaim(library.lib, article.id, 'attribution', 'the ministry said', checker);
  const dropped = createClaim(library.lib, article.id, 'date', 'on Tuesday', checker);
  dismissClaim(library.lib, dropped.id, checker);
  return { article, source, snapshot };
}

describe('factCheckReport', () => {
  it('is a standalone HTML5 document with a strict content security policy and no scripts', async () => {
    const { article } = await checkedArticle();
    const html = factCheckReport(library.lib, article.id, NOW);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    const document = parse(html);
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(
      REPORT_CSP,
    );
    expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(document.querySelectorAll('script, link, img, iframe')).toHaveLength(0);
    expect(document.querySelector('style')?.textContent).toContain('mark');
    expect(document.title).toBe('Fact-check report: Pakistan and Russia deepen cooperation');
  });

  it('gives the headline, byline, date of the report and the coverage', async () => {
    const { article } = await checkedArticle();
    const document = parse(factCheckReport(library.lib, article.id, NOW));
    expect(document.querySelector('h1')?.textContent).toBe('Pakistan and Russia deepen cooperation');
    expect(document.querySelector('.byline')?.textContent).toBe('By Amna Riaz');
    expect(document.querySelector('header')?.textContent).toContain('Report of 2026-03-04 16:30 UTC');
    expect(document.querySelector('.coverage')?.textContent).toBe('1 of 2 claims checked');
    expect(document.querySelector('.coverage-detail')?.textContent).toBe('Partly true: 1 · Unchecked: 1 · 1 dismissed');
  });

  it('lists every claim with its kind, state, verdict, checker, note and full verdict history', async () => {
    const { article } = await checkedArticle();
    const document = parse(factCheckReport(library.lib, article.id, NOW));
    const claims = [...document.querySelectorAll('article.claim')];
    expect(claims.map((claim) => claim.querySelector('.claim-text')?.textContent)).toEqual([
      'killed over 140 people',
      'the ministry said',
      'on Tuesday',
    ]);
    const [toll, attribution, dismissed] = claims;
    const fields = (claim: Element | undefined) =>
      Object.fromEntries(
        [...(claim?.querySelector('dl')?.querySelectorAll('dt') ?? [])].map((term) => [
          term.textContent,
          term.nextElementSibling?.textContent,
        ]),
      );
    expect(fields(toll)).toEqual({
      Kind: 'Figure',
      State: 'In the text',
      Verdict: 'Partly true',
      'Checked by': 'Omar Khan',
      Checked: '2026-03-02 09:01 UTC',
      Note: 'The statement says 145.',
    });
    const history = [...(toll?.querySelectorAll('tbody tr') ?? [])].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent),
    );
    expect(history).toEqual([
      ['2026-03-02 09:00 UTC', 'Verified', 'Omar Khan', 'Matches the statement.', 'killed over 140 people'],
      ['2026-03-02 09:01 UTC', 'Partly true', 'Omar Khan', 'The statement says 145.', 'killed over 140 people'],
    ]);
    expect(fields(attribution)).toMatchObject({ Kind: 'Attribution', Verdict: 'Unchecked' });
    expect(attribution?.textContent).toContain('No verdict has been given yet.');
    expect(attribution?.textContent).toContain('No evidence attached.');
    expect(fields(dismissed)).toMatchObject({ Kind: 'Date', State: 'Dismissed' });
  });

  it('flags a claim whose words changed after its verdict, with the words then and now', async () => {
    const { article } = await checkedArticle();
    const toll = listClaims(library.lib, article.id)[0];
    saveArticle(library.lib, article.id, article.version, {
      body: bodyOf(text('An attack '), mark([toll?.id ?? ''], text('killed 145 people')), text(', the ministry said.')),
    });
    const document = parse(factCheckReport(library.lib, article.id, NOW));
    const claim = document.querySelector('article.claim');
    expect(claim?.querySelector('h3')?.textContent).toBe('Claim 1 · Figure Partly true Changed since the verdict');
    expect(claim?.querySelector('.changed')?.textContent).toBe(
      'Changed since the verdict: was “killed over 140 people”, now “killed 145 people”. The verdict (Partly true) was given to the earlier words and has not been confirmed for these.',
    );
    expect(document.querySelector('.coverage-detail')?.textContent).toBe(
      'Partly true: 1 · Unchecked: 1 · 1 dismissed · 1 changed since its verdict',
    );
    // The unchanged claims say nothing of the kind.
    expect(document.querySelectorAll('.changed')).toHaveLength(1);
  });

  it('lists the suggested changes waiting in a claim’s words, who suggested them and what they would do', async () => {
    const { article } = await checkedArticle();
    const toll = listClaims(library.lib, article.id)[0];
    const suggestion = (kind: 'insert' | 'delete', words: string) => ({
      type: 'suggestion',
      kind,
      id: `s-${kind}`,
      author: 'Ed Editor',
      at: '2026-12-07T10:00:00.000Z',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [text(words)],
    });
    saveArticle(library.lib, article.id, article.version, {
      body: bodyOf(
        text('An attack '),
        mark(
          [toll?.id ?? ''],
          text('killed '),
          suggestion('delete', 'over '),
          suggestion('insert', 'at least '),
          text('140 people'),
        ),
        text(', the ministry said.'),
      ),
    });
    const document = parse(factCheckReport(library.lib, article.id, NOW));
    const claim = document.querySelector('article.claim');
    // The verdict stays with the words as they stand: a pending change is not a change yet.
    expect(claim?.querySelector('h3')?.textContent).toBe('Claim 1 · Figure Partly true');
    const notice = claim?.querySelector('.changed');
    expect(notice?.querySelector('p')?.textContent).toContain('Suggested changes wait in these words.');
    expect([...(notice?.querySelectorAll('li') ?? [])].map((item) => item.textContent.replace(/, .*$/u, ''))).toEqual([
      'Ed Editor suggests taking out “over”',
      'Ed Editor suggests adding “at least”',
    ]);
  });

  it('lists the comments on a claim’s words, with every entry and whether each is resolved, for the desk only', async () => {
    const { article } = await checkedArticle();
    const [toll, attribution] = listClaims(library.lib, article.id);
    const asked = '0190a1b2-c3d4-7e5f-8a9b-00000000c001';
    const answered = '0190a1b2-c3d4-7e5f-8a9b-00000000c002';
    const elsewhere = '0190a1b2-c3d4-7e5f-8a9b-00000000c003';
    saveArticle(library.lib, article.id, article.version, {
      body: bodyOf(
        comment([elsewhere], text('An attack ')),
        mark([toll?.id ?? ''], comment([asked], text('killed over 140')), text(' people')),
        text(', '),
        comment([answered], mark([attribution?.id ?? ''], text('the ministry said'))),
        text('.'),
      ),
    });
    const rita = { clock: () => clock(), userName: 'Rita Okafor' };
    const amna = { clock: () => clock(), userName: 'Amna Riaz' };
    const thread = (threadId: string, quote: string, said: string) =>
      startThread(library.lib, { articleId: article.id, threadId, quote, text: said }, rita);
    thread(asked, 'killed over 140', 'The statement says 145: <b>check</b>.');
    clock.advance(60_000);
    reply(library.lib, asked, 'Changing it.', amna);
    thread(answered, 'the ministry said', 'Which ministry?');
    clock.advance(60_000);
    resolveThread(library.lib, answered, amna);
    thread(elsewhere, 'An attack', 'Where?');

    const document = parse(factCheckReport(library.lib, article.id, NOW, { comments: true }));
    const [first, second, third] = [...document.querySelectorAll('article.claim')];
    const threadsOf = (claim: Element | undefined) =>
      [...(claim?.querySelectorAll('.comment-thread') ?? [])].map((item) => [
        item.querySelector('.meta')?.textContent,
        [...item.querySelectorAll('.comment-entries > li')].map((entry) => entry.textContent),
      ]);
    expect(threadsOf(first)).toEqual([
      [
        'On “killed over 140” · Open',
        [
          'Rita Okafor, 2026-03-02 09:01 UTCThe statement says 145: <b>check</b>.',
          'Amna Riaz, 2026-03-02 09:02 UTCChanging it.',
        ],
      ],
    ]);
    expect(threadsOf(second)).toEqual([
      [
        'On “the ministry said” · Resolved',
        ['Rita Okafor, 2026-03-02 09:02 UTCWhich ministry?', 'Resolved by Amna Riaz, 2026-03-02 09:03 UTC'],
      ],
    ]);
    expect(first?.querySelector('.comment-entries time')?.getAttribute('datetime')).toBe('2026-03-02T09:01:00.000Z');
    expect(third?.querySelector('.comments')).toBeNull();
    expect(document.body.textContent).not.toContain('Where?');

    // The report that goes out in a package keeps comments in Copydesk.
    const packaged = factCheckReport(library.lib, article.id, NOW);
    expect(parse(packaged).querySelector('.comments')).toBeNull();
    for (const word of ['Rita Okafor', 'Changing it.', 'Which ministry?', asked, answered]) {
      expect(packaged).not.toContain(word);
    }
  });

  it('shows each evidence passage with its context, the exact words marked, and its source and snapshot', async () => {
    const { article, snapshot } = await checkedArticle();
    const document = parse(factCheckReport(library.lib, article.id, NOW));
    const evidence = document.querySelector('article.claim ol.evidence > li');
    expect(evidence?.querySelector('mark')?.textContent).toBe('killed 145 people');
    expect(evidence?.querySelector('blockquote')?.textContent).toMatch(
      /^….*The attack near Moscow killed 145 people, officials said\.…$/su,
    );
    expect(evidence?.textContent).toContain('Paragraph 3.');
    expect(evidence?.querySelector('cite')?.textContent).toBe('Joint statement on counter-terrorism');
    const link = evidence?.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://mofa.gov.pk/statement');
    expect(evidence?.textContent).toContain(RELIABILITY_LABELS.B);
    expect(evidence?.textContent).toContain('Ministry of Foreign Affairs');
    expect(evidence?.querySelector('code')?.textContent).toBe(snapshot.sha256);
    expect(evidence?.textContent).toContain('Captured2026-03-02 09:00 UTC');
  });

  it('lists the sources cited', async () => {
    const { article } = await checkedArticle();
    const document = parse(factCheckReport(library.lib, article.id, NOW));
    const sources = [...document.querySelectorAll('ol.sources > li')];
    expect(sources.map((source) => source.querySelector('cite')?.textContent)).toEqual([
      'Joint statement on counter-terrorism',
    ]);
    expect(sources[0]?.textContent).toContain('Official statement');
    expect(sources[0]?.querySelectorAll('ul li')).toHaveLength(1);
  });

  it('escapes hostile text and leaves out addresses that are not web addresses', async () => {
    const hostile = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';
    const article = createArticle(library.lib, {
      headline: hostile,
      body: bodyFromParagraphs(['x']),
    });
    const source = createSource(
      library.lib,
      {
        kind: 'web-page',
        title: hostile,
        publisher: '<iframe src="javascript:alert(3)">',
        author: "' onmouseover='alert(4)",
        url: 'javascript:alert(5)',
        publishedDate: '',
        accessedDate: '',
        reliability: 'E',
        notes: '',
      },
      clock,
    );
    const pasted = await addSource(
      library.lib,
      { kind: 'paste', text: `Before ${hostile} after.`, label: 'x' },
      {},
      article.id,
      clock,
    );
    const snapshot = getSnapshot(library.lib, pasted.snapshots[0]?.id ?? '');
    const checker = { clock: () => clock(), userName: '<b onclick=alert(6)>Eve</b>' };
    const claim = createClaim(library.lib, article.id, 'quote', hostile, checker);
    addEvidence(
      library.lib,
      claim.id,
      { snapshotId: snapshot.id, start: 7, end: 7 + hostile.length, note: hostile },
      checker,
    );
    setVerdict(library.lib, claim.id, 'false', hostile, checker);

    const html = factCheckReport(library.lib, article.id, NOW);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<iframe/i);
    // The hostile words may appear as escaped text, never inside a tag.
    expect(html).not.toMatch(/<[^>]*\s(?:on\w+|src|href)\s*=\s*["']?(?:javascript:|alert|x\b)/i);
    expect(html).not.toMatch(/<[^>]*\sonerror/i);
    expect(html.match(/onerror/g)?.length).toBe(html.match(/&lt;img src=x onerror=alert\(2\)&gt;/g)?.length);
    expect(html).not.toContain('javascript:alert(5)');
    expect(source.url).toBe('javascript:alert(5)');

    const document = parse(html);
    expect(document.querySelectorAll('script, img, iframe, [onerror], [onclick], [onmouseover]')).toHaveLength(0);
    expect([...document.querySelectorAll('a')].every((link) => /^https?:/.test(link.getAttribute('href') ?? ''))).toBe(
      true,
    );
    // The hostile text is shown as text, as written.
    expect(document.querySelector('h1')?.textContent).toBe(hostile);
    expect(document.querySelector('.claim-text')?.textContent).toBe(hostile);
    expect(document.querySelector('mark')?.textContent).toBe(hostile);
  });

  it('says so when an article has no claims or sources', () => {
    const article = createArticle(library.lib, { headline: 'Empty', body: bodyFromParagraphs(['x']) });
    const document = parse(factCheckReport(library.lib, article.id, NOW));
    expect(document.querySelector('.coverage')?.textContent).toBe('0 of 0 claims checked');
    expect(document.body.textContent).toContain('No claims have been marked in this article.');
    expect(document.body.textContent).toContain('This article cites no sources.');
  });

  it('names the file after the article’s slug, or its id', () => {
    expect(reportFileName({ id: 'abc', slug: 'pakistan-russia' })).toBe('fact-check-pakistan-russia.html');
    expect(reportFileName({ id: 'abc', slug: '' })).toBe('fact-check-abc.html');
    expect(reportFileName({ id: 'abc', slug: '../../etc/passwd' })).toBe('fact-check-etc-passwd.html');
  });
});
