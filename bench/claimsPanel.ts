/**
 * Fact-check panel benchmark: a library holding FEVER's 9,999 real claims with their verdicts,
 * spread over ten articles, one of which carries 1,000 of them, each marked in its text; and a
 * 10,000-word story of BBC copy with no claim yet. In Chromium (browser mode): how long the
 * Fact check panel takes to open on the first and to filter by verdict, and typing latency in
 * it; on the story, how long until its suggested claims are drawn, how many are drawn, and
 * typing latency beside them. Prints its figures; asserts nothing.
 *
 *   npm run bench -- claims
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { createArticle, saveArticle } from '../electron/services/articles';
import { createClaim, setVerdict } from '../electron/services/claims';
import { LibraryHost } from '../electron/services/LibraryHost';
import type { Body } from '../shared/domain';
import type { ClaimKind, Verdict } from '../shared/sources';
import { bodyFromParagraphs } from '../shared/text';
import { markNode, textNode } from '../tests/helpers/lexicalNodes';
import { bbcParagraphs } from '../tests/helpers/newsCopy';
import { call, ms, runBenchmark, typingLatency, withServerAndBrowser } from './browser';
import { feverClaims } from '../tests/helpers/corpora';

const FEVER = feverClaims();
const PER_ARTICLE = 1000;
const KEYSTROKES = 100;
const ROUNDS = 7;

type FeverClaim = { claim: string; label: 'SUPPORTS' | 'REFUTES' | 'NOT ENOUGH INFO' };
const VERDICT_OF: Record<FeverClaim['label'], Verdict> = {
  SUPPORTS: 'verified',
  REFUTES: 'false',
  'NOT ENOUGH INFO': 'unchecked',
};

/** A body of one paragraph per claim: the claim's words marked, then a sentence of context. */
function markedBody(claims: readonly { id: string; text: string }[]): Body {
  const body = bodyFromParagraphs(claims.map(() => ''));
  body.root.children.forEach((paragraph, index) => {
    const claim = claims[index];
    if (claim === undefined) return;
    (paragraph as { children: object[] }).children = [
      markNode([claim.id], textNode(claim.text)),
      textNode(' Officials did not respond to a request for comment on the matter.'),
    ];
  });
  return body;
}

/** Builds the library; returns the id of the first article (1,000 claims) and the counts. */
function buildLibrary(file: string): {
  articleId: string;
  storyId: string;
  claims: number;
  verdicts: Map<Verdict, number>;
} {
  const fever = fs
    .readFileSync(FEVER, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as FeverClaim);
  const host = LibraryHost.open(file);
  const verdicts = new Map<Verdict, number>();
  let first = '';
  let story: string;
  try {
    const lib = host.current;
    story = createArticle(lib, {
      headline: 'Round-up of the week',
      body: bodyFromParagraphs(bbcParagraphs(10_000).paragraphs),
    }).id;
    for (let from = 0; from < fever.length; from += PER_ARTICLE) {
      const batch = fever.slice(from, from + PER_ARTICLE);
      const article = createArticle(lib, {
        headline: `Fact check round-up ${from / PER_ARTICLE + 1}`,
        body: bodyFromParagraphs(['']),
      });
      if (first === '') first = article.id;
      const made = batch.map((item) => {
        const kind: ClaimKind = /\d/.test(item.claim) ? 'figure' : 'other';
        const claim = createClaim(lib, article.id, kind, item.claim);
        const verdict = VERDICT_OF[item.label];
        if (verdict !== 'unchecked')
          setVerdict(lib, claim.id, verdict, 'FEVER label.', { userName: 'FEVER annotators' });
        verdicts.set(verdict, (verdicts.get(verdict) ?? 0) + 1);
        return { id: claim.id, text: item.claim };
      });
      saveArticle(lib, article.id, article.version, { body: markedBody(made) });
    }
  } finally {
    host.close();
  }
  return { articleId: first, storyId: story, claims: fever.length, verdicts };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-claims-'));
  const library = path.join(dir, 'library.sqlite3');
  const built = performance.now();
  const { articleId, storyId, claims, verdicts } = buildLibrary(library);
  console.log(
    `Library: ${claims.toLocaleString('en')} FEVER claims in ${Math.ceil(claims / PER_ARTICLE)} articles (${[
      ...verdicts,
    ]
      .map(([verdict, count]) => `${count} ${verdict}`)
      .join(', ')}), built in ${((performance.now() - built) / 1000).toFixed(1)} s`,
  );

  await withServerAndBrowser(dir, library, async (server, browser) => {
    const listed: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const from = performance.now();
      await call(server, 'claims:list', { articleId });
      listed.push(performance.now() - from);
    }
    console.log(`claims:list, 1,000 claims over HTTP: p50 ${ms(listed, 50)}, p95 ${ms(listed, 95)}`);

    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // tsx keeps function names with a helper the page does not have.
    await page.addInitScript({ content: 'window.__name = (target) => target;' });
    await page.goto(`${server.url}#/article/${articleId}`);
    await page.getByRole('textbox', { name: 'Body', exact: true }).waitFor();

    // Opening the panel: the tab clicked → the coverage and every card on screen.
    const opened: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      await page.getByRole('tab', { name: 'Sources' }).click();
      await page.waitForTimeout(200);
      opened.push(
        await page.evaluate(async () => {
          const tab = [...document.querySelectorAll<HTMLElement>('[role="tab"]')].find((element) =>
            element.textContent.includes('Fact check'),
          );
          const from = performance.now();
          tab?.click();
          await new Promise<void>((resolve) => {
            const ready = () =>
              document.querySelector('[aria-label="Claims"]') !== null &&
              /of \d+ claims checked/.test(document.querySelector('.factcheck__coverage')?.textContent ?? '')
                ? resolve()
                : requestAnimationFrame(ready);
            ready();
          });
          return performance.now() - from;
        }),
      );
    }

    // Filtering: a verdict chosen → the list redrawn with only those claims.
    const filtered: number[] = [];
    const shown: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const verdict of ['false', 'all']) {
        const result = await page.evaluate(async (value) => {
          const select = document.querySelector<HTMLSelectElement>('select[aria-label="Show claims with the verdict"]');
          if (select === null) throw new Error('no verdict filter');
          // The cards carry the length of the list shown: the list is redrawn when it changes.
          const size = () =>
            document.querySelector('[aria-label="Claims"] > [aria-setsize]')?.getAttribute('aria-setsize');
          const before = size();
          const from = performance.now();
          select.value = value;
          select.dispatchEvent(new Event('change', { bubbles: true }));
          await new Promise<void>((resolve) => {
            const done = () =>
              size() !== before ? requestAnimationFrame(() => resolve()) : requestAnimationFrame(done);
            done();
          });
          return { time: performance.now() - from, count: Number(size()) };
        }, verdict);
        filtered.push(result.time);
        shown.push(result.count);
      }
    }
    console.log(`Fact check panel, 1,000 claims: open p50 ${ms(opened, 50)}, p95 ${ms(opened, 95)}`);
    console.log(
      `Filter by verdict (False: ${shown[0] ?? 0} cards, then All: ${shown[1] ?? 0}): p50 ${ms(filtered, 50)}, p95 ${ms(filtered, 95)}`,
    );

    for (const tab of ['Fact check', 'Sources']) {
      await page.getByRole('tab', { name: tab }).click();
      const latency = await typingLatency(page, KEYSTROKES);
      console.log(
        `Typing in the article with 1,000 marked claims, ${tab} panel shown (${KEYSTROKES} keys): keydown→committed p50 ${ms(latency.commit, 50)}, p95 ${ms(latency.commit, 95)}; keydown→next frame p50 ${ms(latency.paint, 50)}, p95 ${ms(latency.paint, 95)}`,
      );
    }
    await page.close();

    // The 10,000-word story: its suggestions, from a fresh page, drawn in the Fact check panel.
    const opened10k: number[] = [];
    let drawn = 0;
    let summary = '';
    const story = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await story.addInitScript({ content: 'window.__name = (target) => target;' });
    for (let round = 0; round < ROUNDS; round += 1) {
      await story.addInitScript({ content: "localStorage.setItem('copydesk.panel', 'factcheck');" });
      const from = performance.now();
      await story.goto(`${server.url}#/article/${storyId}`);
      await story.getByText(/^Suggested claims \(\d+\)$/).waitFor();
      opened10k.push(performance.now() - from);
      summary = (await story.getByText(/^Suggested claims \(\d+\)$/).textContent()) ?? '';
      drawn = await story.locator('.suggestions li').count();
    }
    console.log(
      `10,000-word story: opened to its suggestions drawn p50 ${ms(opened10k, 50)}, p95 ${ms(opened10k, 95)}; ${summary}, ${drawn} drawn until a group is opened`,
    );
    const latency = await typingLatency(story, KEYSTROKES);
    console.log(
      `Typing in the 10,000-word story beside its suggestions (${KEYSTROKES} keys): keydown→committed p50 ${ms(latency.commit, 50)}, p95 ${ms(latency.commit, 95)}; keydown→next frame p50 ${ms(latency.paint, 50)}, p95 ${ms(latency.paint, 95)}`,
    );
    await story.close();
  });
}

runBenchmark(main);
