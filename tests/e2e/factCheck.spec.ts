import fs from 'node:fs';
import path from 'node:path';

import type { Page } from '@playwright/test';

import { runCopydesk } from '../helpers/cli';
import { factCheck, pasteSource, sourcesPanel } from '../helpers/factCheckPage';
import { body, expectSaved, library, MOD, selectText, setUserName, startStory } from '../helpers/editorPage';
import { expect, startCopydesk, test } from '../helpers/webServer';
import { SEED_ARTICLE } from '../unit/electron/import/fixtures';

/**
 * A fact-checker's round: a source pasted and kept, a claim marked in the text, the
 * supporting passage chosen in the source's reader and linked, a verdict given; all of it
 * still there after a reload; and a claim whose words are deleted kept as an orphan.
 */

const STORY = 'An attack near Moscow killed over 140 people, the ministry said in a statement.';
const STATEMENT =
  'Statement of the ministry\n\nThe attack at the concert hall killed over 140 people and injured several hundred.';
const CLAIM = 'killed over 140 people';
const PASSAGE = 'killed over 140 people and injured several hundred';

/** Links the passage `words` of the source `sourceTitle` to the claim whose card is `card`. */
async function linkPassage(page: Page, card: ReturnType<Page['getByRole']>, sourceTitle: string, words: string) {
  await card.getByRole('button', { name: 'Add evidence…' }).click();
  const reader = page.getByRole('dialog', { name: 'Read a source' });
  await reader.getByRole('combobox', { name: 'Source to read' }).selectOption({ label: sourceTitle });
  await expect(reader.getByRole('document', { name: 'Snapshot text' })).toContainText(words);
  await selectText(page, '.reader__text', words);
  await reader.getByRole('button', { name: 'Link selected passage' }).click();
  await expect(card.getByRole('list', { name: /^Evidence for/ })).toContainText(words);
  await reader.getByRole('button', { name: 'Done' }).click();
}

test('a claim is marked, linked to a passage of a kept source, given a verdict, and survives a reload', async ({
  page,
  copydesk,
}) => {
  await page.goto(copydesk.url);
  await setUserName(page, 'Amna Riaz');

  await startStory(page, 'Concert hall attack toll', [STORY]);

  // The statement, pasted and kept as a source of the article.
  await page.getByRole('tab', { name: 'Sources' }).click();
  await sourcesPanel(page).getByRole('button', { name: 'Paste text…' }).click();
  const form = sourcesPanel(page).getByRole('form', { name: 'Paste a source' });
  await form.getByRole('textbox', { name: 'Title' }).fill('Ministry statement');
  await form.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Official statement' });
  await form.getByRole('textbox', { name: 'Text (kept exactly as pasted)' }).fill(STATEMENT);
  await form.getByRole('button', { name: 'Keep as source' }).click();
  const cited = sourcesPanel(page).getByRole('list', { name: 'Cited sources' });
  await expect(cited.getByRole('listitem')).toHaveCount(1);
  await expect(cited).toContainText('Ministry statement');
  await expect(cited).toContainText('Official statement');

  // The figure marked as a claim from the keyboard.
  await body(page).click();
  await selectText(page, '[aria-label="Body"]', CLAIM);
  await page.keyboard.press(`${MOD}+Shift+M`);
  const claims = factCheck(page).getByRole('list', { name: 'Claims' });
  const card = claims.getByRole('listitem', { name: `Claim: ${CLAIM}` });
  await expect(card).toBeVisible();
  await expect(card.getByRole('combobox', { name: `Kind of “${CLAIM}”` })).toHaveValue('figure');
  await expect(factCheck(page).getByRole('status')).toHaveText('0 of 1 claims checked');
  await expect(body(page).locator('mark')).toHaveText(CLAIM);
  await expectSaved(page);

  // The supporting passage, chosen in the reader and linked.
  await card.getByRole('button', { name: 'Add evidence…' }).click();
  const reader = page.getByRole('dialog', { name: 'Read a source' });
  await expect(reader.getByRole('document', { name: 'Snapshot text' })).toContainText(PASSAGE);
  await expect(reader.getByRole('combobox', { name: 'Claim the passage supports' })).toHaveValue(/.+/);
  await selectText(page, '.reader__text', PASSAGE);
  await expect(reader.getByRole('status')).toContainText(`Selected: “${PASSAGE}”`);
  await reader.getByRole('button', { name: 'Link selected passage' }).click();
  await expect(card.getByRole('list', { name: `Evidence for “${CLAIM}”` })).toContainText(PASSAGE);
  await page.screenshot({ path: 'test-results/fact-check-reader.png' });
  await reader.getByRole('button', { name: 'Done' }).click();

  await card.getByRole('combobox', { name: `Verdict on “${CLAIM}”` }).selectOption({ label: 'Verified' });
  await expect(factCheck(page).getByRole('status')).toHaveText('1 of 1 claims checked');
  await expect(card).toContainText('Verified · Amna Riaz');
  await expect(body(page).locator('mark')).toHaveAttribute('data-verdict', 'verified');

  await page.reload();
  await page.getByRole('tab', { name: 'Fact check' }).click();
  await expect(card).toContainText('Verified · Amna Riaz');
  await expect(card.getByRole('list', { name: `Evidence for “${CLAIM}”` })).toContainText('Ministry statement');
  await expect(body(page).locator('mark')).toHaveText(CLAIM);
  await expect(body(page).locator('mark')).toHaveAttribute('data-verdict', 'verified');

  // A second verdict, with its reason: the history keeps both.
  await card.getByRole('textbox', { name: `Note on “${CLAIM}”` }).fill('The final toll was 145.');
  await card.getByRole('combobox', { name: `Verdict on “${CLAIM}”` }).selectOption({ label: 'Partly true' });
  await expect(card).toContainText('Partly true · Amna Riaz');
  await card.getByText('Verdict history').click();
  const verdicts = card.getByRole('list', { name: `Verdicts given to “${CLAIM}”` });
  await expect(verdicts.getByRole('listitem')).toHaveCount(2);
  await expect(verdicts.getByRole('listitem').nth(0)).toContainText('Verified · Amna Riaz');
  await expect(verdicts.getByRole('listitem').nth(1)).toContainText('Partly true · Amna Riaz');
  await expect(verdicts.getByRole('listitem').nth(1)).toContainText('The final toll was 145.');
  await page.screenshot({ path: 'test-results/fact-check-panel.png' });

  // The fact-check report, saved as a file of its own.
  const download = page.waitForEvent('download');
  await factCheck(page).getByRole('button', { name: 'Save report' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('fact-check-concert-hall-attack-toll.html');
  const report = fs.readFileSync(await saved.path(), 'utf8');
  expect(report).toContain('Concert hall attack toll');
  expect(report).toContain(CLAIM);
  expect(report).toContain('The final toll was 145.');
  expect(report).toContain('Ministry statement');
});

test('a claim whose words are deleted stays, as an orphan, until it is attached again or dismissed', async ({
  page,
  copydesk,
}) => {
  await page.goto(copydesk.url);
  await startStory(page, 'Toll', [STORY]);

  await page.getByRole('tab', { name: 'Fact check' }).click();
  await selectText(page, '[aria-label="Body"]', CLAIM);
  await factCheck(page).getByRole('button', { name: 'Mark selection as claim' }).click();
  const card = factCheck(page).getByRole('listitem', { name: `Claim: ${CLAIM}` });
  await expect(card).toBeVisible();
  await expectSaved(page);

  // The whole sentence replaced: the claim's words are gone.
  await body(page).click();
  await page.keyboard.press(`${MOD}+A`);
  await page.keyboard.type('The toll is not yet known.');
  await expectSaved(page);
  await expect(card).toContainText('Its words were deleted from the text.');

  // Attached to new words, then the text deleted again, then dismissed.
  await selectText(page, '[aria-label="Body"]', 'not yet known');
  await card.getByRole('button', { name: 'Attach to selected text' }).click();
  await expect(body(page).locator('mark')).toHaveText('not yet known');
  await expectSaved(page);
  await expect(factCheck(page).getByRole('listitem', { name: 'Claim: not yet known' })).not.toContainText(
    'Its words were deleted',
  );

  await body(page).click();
  await page.keyboard.press(`${MOD}+A`);
  await page.keyboard.type('Officials gave no figure.');
  await expectSaved(page);
  const orphan = factCheck(page).getByRole('listitem', { name: 'Claim: not yet known' });
  await expect(orphan).toContainText('Its words were deleted from the text.');
  await orphan.getByRole('button', { name: 'Dismiss' }).click();
  await expect(factCheck(page).getByText('Dismissed (1)')).toBeVisible();
  await expect(factCheck(page).getByRole('status')).toHaveText('No claims marked yet.');
});

test('suggested claims are marked or dismissed in one click, and a dismissal is remembered', async ({
  page,
  copydesk,
}) => {
  await page.goto(copydesk.url);
  const toll = 'On Mar. 22, 2024, an attack near Moscow killed over 140 people.';
  await startStory(page, 'Pakistan and Russia deepen cooperation', [
    'Senior officials agreed to strengthen cooperation, Pakistan’s foreign ministry said in a statement.',
    toll,
    'Police arrested two suspects at the border.',
  ]);

  await page.getByRole('tab', { name: 'Fact check' }).click();
  const suggested = factCheck(page).getByRole('list', { name: 'Suggested claims, most worth checking first' });
  // The sentence is offered once, with its figure and its date.
  await expect(
    suggested.getByRole('listitem').filter({ hasText: 'Figure: over 140 people · Date: Mar. 22, 2024' }),
  ).toContainText(toll);
  await expect(suggested).toContainText('Attributed: “Pakistan’s foreign ministry said in a statement”');
  await expect(suggested).toContainText('Assertion without attribution');
  await page.screenshot({ path: 'test-results/fact-check-suggestions.png' });

  await suggested.getByRole('button', { name: `Mark as claim: ${toll}` }).click();
  const card = factCheck(page).getByRole('listitem', { name: /^Claim: On Mar\. 22, 2024, an attack/ });
  await expect(card).toBeVisible();
  await expect(card.getByRole('combobox', { name: /^Kind of/ })).toHaveValue('figure');
  await expect(body(page).locator('mark')).toHaveText(toll);
  await expectSaved(page);

  await suggested
    .getByRole('button', { name: 'Dismiss suggestion: Police arrested two suspects at the border.' })
    .click();
  await expect(suggested).not.toContainText('Assertion without attribution');

  await page.reload();
  await page.getByRole('tab', { name: 'Fact check' }).click();
  await expect(card).toBeVisible();
  await expect(suggested).toContainText('Attributed: “Pakistan’s foreign ministry said in a statement”');
  await expect(suggested).not.toContainText('Assertion without attribution');
  await expect(suggested).not.toContainText('over 140 people');
});

test('a quotation is checked against its source: the words that differ are shown, and a corrected quote matches', async ({
  page,
  copydesk,
}) => {
  await page.goto(copydesk.url);
  await startStory(page, 'Talks in Moscow', ['“The two sides held a thorough exchange of views,” the ministry said.']);

  await page.getByRole('tab', { name: 'Sources' }).click();
  await sourcesPanel(page).getByRole('button', { name: 'Paste text…' }).click();
  const form = sourcesPanel(page).getByRole('form', { name: 'Paste a source' });
  await form.getByRole('textbox', { name: 'Title' }).fill('Ministry statement');
  await form
    .getByRole('textbox', { name: 'Text (kept exactly as pasted)' })
    .fill('The two sides held an in-depth exchange of views on terrorism in Afghanistan.');
  await form.getByRole('button', { name: 'Keep as source' }).click();
  await expect(sourcesPanel(page).getByRole('list', { name: 'Cited sources' })).toContainText('Ministry statement');

  const quote = '“The two sides held a thorough exchange of views,”';
  await selectText(page, '[aria-label="Body"]', quote);
  await page.keyboard.press(`${MOD}+Shift+M`);
  const card = factCheck(page).getByRole('listitem', { name: /^Claim: “The two sides/ });
  await expect(card.getByRole('combobox', { name: /^Kind of/ })).toHaveValue('quote');
  await card.getByRole('button', { name: 'Add evidence…' }).click();
  const reader = page.getByRole('dialog', { name: 'Read a source' });
  const passage = 'The two sides held an in-depth exchange of views';
  // The reader opens at once and fetches the source's text: the passage is selected once it is shown.
  await expect(reader.getByRole('document', { name: 'Snapshot text' })).toContainText(passage);
  await selectText(page, '.reader__text', passage);
  await reader.getByRole('button', { name: 'Link selected passage' }).click();
  await reader.getByRole('button', { name: 'Done' }).click();

  const check = card.getByLabel('Quote check');
  await expect(check).toContainText('The quotation differs from Ministry statement:');
  await expect(check.locator('del')).toHaveText(['an', 'in-depth']);
  await expect(check.locator('ins')).toHaveText(['a', 'thorough']);
  await page.screenshot({ path: 'test-results/quote-check.png' });

  // The quote corrected in the text: the claim follows its words, and now matches.
  await selectText(page, '[aria-label="Body"]', 'a thorough');
  await page.keyboard.type('an in-depth');
  await expectSaved(page);
  await expect(check).toHaveText('The quotation matches Ministry statement word for word.');
});

const SEED_QUOTE =
  '“The two sides held an in-depth exchange of views on the global and regional terrorism landscape, with particular attention to the evolving threat posed by terrorism in Afghanistan and the region,”';
const MINISTRY_WORDS =
  'The two sides held an in-depth exchange of views on the global and regional terrorism landscape, with particular attention to the evolving threat posed by terrorism in Afghanistan and the region.';
const TOLL = 'killed over 140 people';
const TOLL_SENTENCE =
  'On Mar. 22, 2024, a deadly attack at the Crocus City Hall concert venue near Moscow killed over 140 people and injured several.';

test('the seed article: its quote and its toll tied to the statements they rest on, checked, kept, and caught when changed', async ({
  page,
}) => {
  const running = await startCopydesk({
    prepare: (libraryPath) => {
      const run = runCopydesk(['import', SEED_ARTICLE, '--library', libraryPath], {
        COPYDESK_DATA_DIR: path.join(path.dirname(libraryPath), 'data'),
      });
      expect(run.code).toBe(0);
    },
  });
  try {
    await page.goto(running.server.url);
    await setUserName(page, 'Amna Riaz');
    await library(page)
      .getByRole('link', { name: /Pakistan-Russia Deepen Counterterrorism Cooperation/ })
      .click();
    await expect(body(page)).toContainText('Crocus City Hall');

    await pasteSource(
      page,
      'MOFA statement: 11th Pakistan-Russia JWG',
      'Official statement',
      [
        'Press release: 11th meeting of the Pakistan-Russia Joint Working Group on Counter Terrorism',
        `${MINISTRY_WORDS} The discussions focused around the increasingly transnational nature of terrorism.`,
      ].join('\n\n'),
    );
    await pasteSource(
      page,
      'Wire copy: Crocus City Hall attack',
      'Wire copy',
      'MOSCOW, March 23 — The attack at Crocus City Hall killed over 140 people and injured several hundred, officials said.',
    );

    await selectText(page, '[aria-label="Body"]', SEED_QUOTE);
    await page.keyboard.press(`${MOD}+Shift+M`);
    const quote = factCheck(page).getByRole('listitem', { name: /^Claim: “The two sides held/ });
    await expect(quote.getByRole('combobox', { name: /^Kind of/ })).toHaveValue('quote');
    await selectText(page, '[aria-label="Body"]', TOLL);
    await page.keyboard.press(`${MOD}+Shift+M`);
    const toll = factCheck(page).getByRole('listitem', { name: `Claim: ${TOLL}` });
    await expect(toll.getByRole('combobox', { name: /^Kind of/ })).toHaveValue('figure');
    await expectSaved(page);

    await linkPassage(page, quote, 'MOFA statement: 11th Pakistan-Russia JWG', MINISTRY_WORDS.slice(0, -1));
    await linkPassage(page, toll, 'Wire copy: Crocus City Hall attack', TOLL);
    await quote.getByRole('combobox', { name: /^Verdict on/ }).selectOption({ label: 'Verified' });
    await toll.getByRole('combobox', { name: /^Verdict on/ }).selectOption({ label: 'Verified' });
    await expect(factCheck(page).getByRole('status')).toHaveText('2 of 2 claims checked');
    await expect(quote.getByLabel('Quote check')).toHaveText(
      'The quotation matches MOFA statement: 11th Pakistan-Russia JWG word for word.',
    );

    await page.reload();
    await page.getByRole('tab', { name: 'Fact check' }).click();
    await expect(factCheck(page).getByRole('status')).toHaveText('2 of 2 claims checked');
    await expect(quote).toContainText('Verified · Amna Riaz');
    await expect(toll).toContainText('Verified · Amna Riaz');
    await expect(quote.getByRole('list', { name: /^Evidence for/ })).toContainText('MOFA statement');
    await expect(toll.getByRole('list', { name: /^Evidence for/ })).toContainText('Wire copy: Crocus City Hall attack');
    await expect(body(page).locator('mark')).toHaveCount(2);
    await expect(body(page).locator('mark[data-verdict="verified"]')).toHaveCount(2);

    // One word of the quote changed in the text: the checker shows the difference.
    await selectText(page, '[aria-label="Body"]', 'an in-depth');
    await page.keyboard.type('a frank');
    await expectSaved(page);
    const check = quote.getByLabel('Quote check');
    await expect(check).toContainText('The quotation differs from MOFA statement: 11th Pakistan-Russia JWG:');
    await expect(check.locator('del')).toHaveText(['an', 'in-depth']);
    await expect(check.locator('ins')).toHaveText(['a', 'frank']);
    // …and the verdict, given to the words before, no longer stands for these.
    await expect(quote).toContainText('Changed since the verdict: was “The two sides held an in-depth exchange');
    await expect(body(page).locator('mark[data-changed="true"]')).toHaveCount(1);
    await page.screenshot({ path: 'test-results/seed-quote-differs.png' });

    // The sentence with the toll deleted: its claim is kept, as an orphan.
    await selectText(page, '[aria-label="Body"]', TOLL_SENTENCE);
    await page.keyboard.press('Backspace');
    await expectSaved(page);
    await expect(body(page)).not.toContainText('Crocus City Hall');
    await expect(toll).toContainText('Its words were deleted from the text.');
    await expect(toll).toContainText('Verified · Amna Riaz');
    await expect(factCheck(page).getByRole('status')).toHaveText('2 of 2 claims checked · 1 changed since its verdict');
  } finally {
    await running.stop();
  }
});
