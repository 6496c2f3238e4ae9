import fs from 'node:fs';

import type { Locator, Page } from '@playwright/test';

import { bodyFromParagraphs } from '../../shared/text';
import { body, callApi, expectSaved, library, MOD, selectText, setUserName, startStory } from '../helpers/editorPage';
import { factCheck, pasteSource, readerDialog, sourcesPanel } from '../helpers/factCheckPage';
import { bbcParagraphs } from '../helpers/newsCopy';
import { expect, test } from '../helpers/webServer';

/**
 * Fact-checking that can be trusted: a verdict that knows when its claim's words changed, a
 * note that is kept however the checker leaves it, sources graded and described in the window,
 * words inside quotation marks checked as quotes, suggestions a checker can read, and a reader
 * that shows what is linked.
 */

const claimCard = (page: Page, name: string | RegExp): Locator =>
  factCheck(page).getByRole('listitem', { name: typeof name === 'string' ? `Claim: ${name}` : name });

/** Marks the words `words` of the body as a claim, from the keyboard, and waits for its card. */
async function markClaim(page: Page, words: string, card: string | RegExp = words): Promise<Locator> {
  await selectText(page, '[aria-label="Body"]', words);
  await page.keyboard.press(`${MOD}+Shift+M`);
  const found = claimCard(page, card);
  await expect(found).toBeVisible();
  return found;
}

/** Opens the Export dialog and returns its checklist's blocking items and warnings. */
async function openChecklist(page: Page): Promise<{ dialog: Locator; blocking: Locator; warnings: Locator }> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export package' });
  const checklist = dialog.getByRole('region', { name: 'Checklist' });
  await expect(checklist).toBeVisible();
  return {
    dialog,
    blocking: checklist.getByRole('list', { name: 'Blocking items' }),
    warnings: checklist.getByRole('list', { name: 'Warnings' }),
  };
}

const QUOTE = '“We will rebuild every school in the valley,”';
const CHANGED_QUOTE = '“We will rebuild some schools in the valley,”';
const FIGURE = 'killed 212 people';

test('a claim edited after its verdict is flagged in its card, its mark, the report and the checklist until confirmed', async ({
  page,
  copydesk,
}) => {
  await page.goto(copydesk.url);
  await setUserName(page, 'Amna Riaz');
  await startStory(page, 'Valley rebuilds', [
    `The mayor said: ${QUOTE} and left.`,
    'The storm killed 212 people in six districts.',
  ]);
  await page.getByRole('tab', { name: 'Fact check' }).click();
  const quote = await markClaim(page, QUOTE, /^Claim: “We will rebuild every school/);
  await quote.getByRole('combobox', { name: /^Verdict on/ }).selectOption({ label: 'Verified' });
  await expect(quote).toContainText('Verified · Amna Riaz');
  const figure = await markClaim(page, FIGURE);
  await figure.getByRole('combobox', { name: /^Verdict on/ }).selectOption({ label: 'Partly true' });
  await expect(factCheck(page).getByRole('status')).toHaveText('2 of 2 claims checked');
  await expectSaved(page);

  // The words of both claims edited in the text.
  await selectText(page, '[aria-label="Body"]', 'every school');
  await page.keyboard.type('some schools');
  await selectText(page, '[aria-label="Body"]', '212');
  await page.keyboard.type('214');
  await expectSaved(page);

  const changedQuote = claimCard(page, /^Claim: “We will rebuild some schools/);
  await expect(changedQuote).toContainText(`Changed since the verdict: was ${QUOTE}, now ${CHANGED_QUOTE}`);
  await expect(changedQuote.locator('del')).toHaveText(['every', 'school']);
  await expect(changedQuote.locator('ins')).toHaveText(['some', 'schools']);
  const changedFigure = claimCard(page, 'killed 214 people');
  await expect(changedFigure).toContainText(`Changed since the verdict: was “${FIGURE}”, now “killed 214 people”`);
  await expect(changedFigure.locator('del')).toHaveText(['212']);
  await expect(changedFigure.locator('ins')).toHaveText(['214']);
  await expect(factCheck(page).getByRole('status')).toHaveText(
    '2 of 2 claims checked · 2 changed since their verdicts',
  );
  // In the text, the marks of both read as changed, not as checked.
  const quoteMark = body(page).locator('mark', { hasText: 'some schools' });
  await expect(quoteMark).toHaveCSS('border-bottom-style', 'dashed');
  await expect(body(page).locator('mark', { hasText: 'killed 214 people' })).toHaveCSS('border-bottom-style', 'dashed');
  await page.screenshot({ path: 'test-results/claim-changed-since-verdict.png' });

  // The report says so.
  const download = page.waitForEvent('download');
  await factCheck(page).getByRole('button', { name: 'Save report' }).click();
  const report = fs.readFileSync(await (await download).path(), 'utf8');
  expect(report).toContain(`Changed since the verdict:</strong> was ${QUOTE}, now ${CHANGED_QUOTE}`);
  expect(report).toContain('2 changed since their verdicts');

  // The checklist: the quote that was verified blocks, the partly true figure is to look at again.
  let checklist = await openChecklist(page);
  await expect(checklist.blocking).toContainText(
    `The claim ${CHANGED_QUOTE} changed after it was verified (it was ${QUOTE}).`,
  );
  await expect(checklist.warnings).toContainText(
    `The claim "killed 214 people" changed after its verdict (partly true, given to "${FIGURE}").`,
  );
  await page.keyboard.press('Escape');
  await expect(checklist.dialog).toBeHidden();

  // Confirmed for the new words, and a new verdict for the other: nothing left to look at.
  await changedQuote.getByRole('button', { name: 'Confirm: still Verified' }).click();
  await expect(changedQuote).not.toContainText('Changed since the verdict');
  await expect(quoteMark).toHaveCSS('border-bottom-style', 'solid');
  await changedFigure.getByRole('combobox', { name: /^Verdict on/ }).selectOption({ label: 'Verified' });
  await expect(changedFigure).not.toContainText('Changed since the verdict');
  await expect(factCheck(page).getByRole('status')).toHaveText('2 of 2 claims checked');
  checklist = await openChecklist(page);
  await expect(checklist.blocking).toContainText('no byline');
  await expect(checklist.dialog).not.toContainText('changed after');
});

test('a verdict note is kept when its field is left by Tab, by a click elsewhere, by opening another story or a reload', async ({
  page,
  copydesk,
}) => {
  await page.goto(copydesk.url);
  await setUserName(page, 'Amna Riaz');
  await startStory(page, 'Harbour news', ['The ferry runs on Sundays.']);
  await startStory(page, 'Storm toll', ['The storm killed 212 people in six districts.']);
  await page.getByRole('tab', { name: 'Fact check' }).click();
  const card = await markClaim(page, FIGURE);
  const note = card.getByRole('textbox', { name: `Note on “${FIGURE}”` });
  const unsaved = card.getByText('Not saved yet');

  // Tab.
  await note.click();
  await page.keyboard.type('Asked the ministry.');
  await expect(unsaved).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(unsaved).toBeHidden();

  // A click in the text.
  await note.press('Control+End');
  await page.keyboard.type(' They confirm 212.');
  await body(page).click();
  await expect(unsaved).toBeHidden();
  await page.reload();
  await page.getByRole('tab', { name: 'Fact check' }).click();
  await expect(note).toHaveValue('Asked the ministry. They confirm 212.');

  // Another story opened straight from the note.
  await note.click();
  await note.press('Control+End');
  await page.keyboard.type(' The governor agrees.');
  await library(page)
    .getByRole('link', { name: /Harbour news/ })
    .click();
  await expect(body(page)).toContainText('The ferry runs on Sundays.');
  await library(page)
    .getByRole('link', { name: /Storm toll/ })
    .click();
  await page.getByRole('tab', { name: 'Fact check' }).click();
  await expect(note).toHaveValue('Asked the ministry. They confirm 212. The governor agrees.');
  await expect(unsaved).toBeHidden();

  // A reload in mid-sentence: the words come back and are kept in the library.
  await note.press('Control+End');
  await page.keyboard.type(' Checked twice');
  await page.reload();
  await page.getByRole('tab', { name: 'Fact check' }).click();
  await expect(note).toHaveValue('Asked the ministry. They confirm 212. The governor agrees. Checked twice');
  await expect(unsaved).toBeHidden();
  await card.getByText('Verdict history').click();
  const history = card.getByRole('list', { name: `Verdicts given to “${FIGURE}”` });
  await expect(history.getByRole('listitem').last()).toContainText('The governor agrees. Checked twice');
});

test('a source’s reliability, address, publisher, author and dates are set in the panel and in the reader, each checked where typed', async ({
  page,
  copydesk,
}) => {
  await page.goto(copydesk.url);
  await setUserName(page, 'Amna Riaz');
  await startStory(page, 'Talks resume', ['The two sides met in Moscow on Tuesday, the ministry said.']);
  await pasteSource(
    page,
    'Ministry statement',
    'Official statement',
    'The two sides met in Moscow on Tuesday and agreed to meet again in 2026.',
  );
  const cited = sourcesPanel(page).getByRole('list', { name: 'Cited sources' });
  await expect(cited).toContainText('Reliability F — Reliability cannot be judged');

  await cited.getByRole('button', { name: 'Edit Ministry statement' }).click();
  const form = sourcesPanel(page).getByRole('form', { name: 'Edit source: Ministry statement' });
  await expect(form.getByRole('textbox', { name: 'Title' })).toBeFocused();
  const reliability = form.getByRole('combobox', { name: 'Reliability' });
  await reliability.selectOption({ label: 'B — Usually reliable' });
  await expect(reliability).toHaveAccessibleDescription(/^Usually reliable: minor doubt; a history of mostly valid/);

  // Each field is checked as it is left, the message at the field.
  const address = form.getByRole('textbox', { name: 'Address (URL)' });
  await address.fill('mofa.gov.pk/statement');
  await address.press('Tab');
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await expect(address).toHaveAccessibleDescription(/The address must start with http:\/\/ or https:\/\//);
  await address.fill('https://mofa.gov.pk/statement');
  await expect(address).toHaveAttribute('aria-invalid', 'false');
  await form.getByRole('textbox', { name: 'Publisher' }).fill('Ministry of Foreign Affairs');
  await form.getByRole('textbox', { name: 'Author' }).fill('Mumtaz Zahra Baloch');
  const published = form.getByRole('textbox', { name: 'Published' });
  await published.fill('2024-02-30');
  await published.press('Tab');
  await expect(published).toHaveAccessibleDescription(/Not a date: write it as year-month-day/);
  await published.fill('2024-02-29');
  const title = form.getByRole('textbox', { name: 'Title' });
  await title.fill(' ');
  await form.getByRole('button', { name: 'Save source' }).click();
  // Not kept while a field is wrong: the title says why, and has the focus.
  await expect(title).toBeFocused();
  await expect(title).toHaveAccessibleDescription('A source needs a title.');
  await title.fill('MOFA statement on the talks');
  await form.getByRole('button', { name: 'Save source' }).click();
  await expect(form).toBeHidden();
  const source = cited.getByRole('listitem').filter({ hasText: 'MOFA statement on the talks' });
  await expect(source).toContainText('Ministry of Foreign Affairs · 2024-02-29');
  await expect(source).toContainText('Reliability B — Usually reliable');

  // In the reader too: Escape leaves the form, not the reader.
  await source.getByRole('button', { name: 'Read MOFA statement on the talks' }).click();
  const reader = readerDialog(page);
  await expect(reader).toContainText('Mumtaz Zahra Baloch');
  await expect(reader).toContainText('Reliability B — Usually reliable');
  await reader.getByRole('button', { name: 'Edit source: MOFA statement on the talks' }).click();
  const inReader = reader.getByRole('form', { name: 'Edit source: MOFA statement on the talks' });
  await inReader.getByRole('combobox', { name: 'Reliability' }).selectOption({ label: 'A — Completely reliable' });
  await page.keyboard.press('Escape');
  await expect(inReader).toBeHidden();
  await expect(reader).toBeVisible();
  await expect(reader).toContainText('Reliability B — Usually reliable');
  await reader.getByRole('button', { name: 'Edit source: MOFA statement on the talks' }).click();
  await inReader.getByRole('combobox', { name: 'Reliability' }).selectOption({ label: 'A — Completely reliable' });
  await inReader.getByRole('button', { name: 'Save source' }).click();
  await expect(reader).toContainText('Reliability A — Completely reliable');
  await page.screenshot({ path: 'test-results/reader-source-edited.png' });
  await reader.getByRole('button', { name: 'Done' }).click();
  await expect(source).toContainText('Reliability A — Completely reliable');

  // Kept, and in the report.
  await page.reload();
  await page.getByRole('tab', { name: 'Sources' }).click();
  await expect(source).toContainText('Reliability A — Completely reliable');
  await markClaim(page, 'met in Moscow on Tuesday');
  const download = page.waitForEvent('download');
  await factCheck(page).getByRole('button', { name: 'Save report' }).click();
  const report = fs.readFileSync(await (await download).path(), 'utf8');
  expect(report).toContain('A — Completely reliable: no doubt of authenticity or competence');
  expect(report).toContain('href="https://mofa.gov.pk/statement"');
  expect(report).toContain('Mumtaz Zahra Baloch');
});

/** The two boxes do not overlap, and both lie inside the third. */
async function expectApartInside(first: Locator, second: Locator, container: Locator): Promise<void> {
  const [a, b, c] = await Promise.all([first.boundingBox(), second.boundingBox(), container.boundingBox()]);
  if (a === null || b === null || c === null) throw new Error('A control is not on screen.');
  const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  expect(overlap).toBe(false);
  for (const box of [a, b]) {
    expect(box.x).toBeGreaterThanOrEqual(c.x);
    expect(box.x + box.width).toBeLessThanOrEqual(c.x + c.width);
  }
}

const SAID = 'We will hold talks with every neighbour this spring';

test('words inside quotation marks are a quote; in the reader the linked passage is highlighted and confirmed, at 1440×900 and 1024×700', async ({
  page,
  copydesk,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(copydesk.url);
  await startStory(page, 'Talks this spring', [`The minister said: "${SAID}," and left for Kabul.`]);
  await pasteSource(
    page,
    'Press briefing',
    'Interview',
    `Press briefing, 2 March\n\nThe minister told reporters: ${SAID}. Officials gave no date.`,
  );

  // The words selected without their (straight) quote marks.
  await page.getByRole('tab', { name: 'Fact check' }).click();
  const card = await markClaim(page, SAID);
  await expect(card.getByRole('combobox', { name: `Kind of “${SAID}”` })).toHaveValue('quote');

  await card.getByRole('button', { name: 'Add evidence…' }).click();
  const reader = readerDialog(page);
  const chooser = reader.getByRole('combobox', { name: 'Claim the passage supports' });
  const link = reader.getByRole('button', { name: 'Link selected passage' });
  await expect(chooser).toHaveValue(/.+/);
  await expectApartInside(chooser, link, reader);
  await page.setViewportSize({ width: 1024, height: 700 });
  await expectApartInside(chooser, link, reader);
  await expectApartInside(chooser, reader.getByRole('button', { name: 'Done' }), reader);

  const text = reader.getByRole('document', { name: 'Snapshot text' });
  await expect(text).toContainText(SAID);
  await selectText(page, '.reader__text', SAID);
  await link.click();
  await expect(reader.getByRole('status')).toHaveText(
    `Linked to claim “${SAID}”. Select another passage, or choose Done.`,
  );
  await expect(text.locator('mark')).toHaveText(SAID);
  await expect(text.locator('mark')).toHaveAttribute('title', `Evidence for “${SAID}”`);
  await page.screenshot({ path: 'test-results/reader-linked-1024.png' });
  await reader.getByRole('button', { name: 'Done' }).click();

  // The quote check ran on it.
  await expect(card.getByLabel('Quote check')).toHaveText('The quotation matches Press briefing word for word.');

  // Opened again, from the Sources panel: what is linked shows at once.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('tab', { name: 'Sources' }).click();
  await sourcesPanel(page).getByRole('button', { name: 'Read Press briefing' }).click();
  await expect(text.locator('mark')).toHaveText(SAID);
  await expect(reader.getByRole('status')).toHaveText(
    'Passages already linked to claims are highlighted. Select the words that support the claim.',
  );
  await expectApartInside(chooser, link, reader);
  await page.screenshot({ path: 'test-results/reader-reopened-1440.png' });
});

test('on a 10,000-word story the suggestions come best first, a few at a time, grouped by kind', async ({
  page,
  copydesk,
}) => {
  const { paragraphs } = bbcParagraphs(10_000);
  await page.goto(copydesk.url);
  const created = await callApi(page, 'articles:create', {
    headline: 'Round-up of the week',
    body: bodyFromParagraphs(paragraphs),
  });
  expect(created.ok).toBe(true);
  await page.reload();
  await library(page)
    .getByRole('link', { name: /Round-up of the week/ })
    .click();
  await page.getByRole('tab', { name: 'Fact check' }).click();

  const panel = factCheck(page);
  const summary = panel.getByText(/^Suggested claims \(\d+\)$/);
  await expect(summary).toBeVisible();
  const total = async () => Number(/\((\d+)\)/u.exec((await summary.textContent()) ?? '')?.[1]);
  const offered = await total();
  const best = panel.getByRole('list', { name: 'Suggested claims, most worth checking first' });
  await expect(best.getByRole('listitem')).toHaveCount(6);
  // The rest wait behind one closed group per kind, with its count; none is drawn yet.
  const groups = panel.locator('details.suggestions__group > summary');
  const counts = (await groups.allTextContents()).map((label) => Number(/\((\d+)\)$/u.exec(label)?.[1]));
  expect(counts.reduce((sum, count) => sum + count, 6)).toBe(offered);
  await expect(panel.getByRole('listitem')).toHaveCount(6);
  // The first page holds what a checker checks first: figures, quotations, named sources.
  for (const reason of await best.locator('.suggestion__reason').allTextContents()) {
    expect(reason).toMatch(/Figures?: |Direct quotation|Attributed: “.*\p{Lu}/u);
  }
  await page.screenshot({ path: 'test-results/suggestions-10000-words.png' });

  // A group opens a page at a time.
  await panel.getByText(/^Figures \(\d+\)$/).click();
  const figures = panel.getByRole('list', { name: 'Suggested claims: Figures' });
  await expect(figures.getByRole('listitem')).toHaveCount(20);
  await panel.getByRole('button', { name: /^Show 20 more/ }).click();
  await expect(figures.getByRole('listitem')).toHaveCount(40);

  // The best one marked: it leaves the suggestions, and the next moves up.
  const first = best.getByRole('listitem').first();
  const firstText = (await first.locator('.suggestion__text').textContent()) ?? '';
  const second = (await best.getByRole('listitem').nth(1).locator('.suggestion__text').textContent()) ?? '';
  await first.getByRole('button', { name: /^Mark as claim: / }).click();
  await expect(panel.getByRole('list', { name: 'Claims', exact: true }).getByRole('listitem')).toHaveCount(1);
  await expect(best.getByRole('listitem').first()).toContainText(second);
  await expect(best).not.toContainText(firstText);
  await expect(summary).toHaveText(`Suggested claims (${offered - 1})`);
  await expectSaved(page);

  // Words of a suggestion marked by hand: it is not suggested again.
  const next = (await best.getByRole('listitem').first().locator('.suggestion__text').textContent()) ?? '';
  const words = next.slice(6, 36);
  // Words found once in the story, so the selection is the suggestion's own.
  expect(paragraphs.join('\n').split(words)).toHaveLength(2);
  await selectText(page, '[aria-label="Body"]', words);
  await page.keyboard.press(`${MOD}+Shift+M`);
  await expect(panel.getByRole('list', { name: 'Claims', exact: true }).getByRole('listitem')).toHaveCount(2);
  await expect(summary).toHaveText(`Suggested claims (${offered - 2})`);
  await expect(best).not.toContainText(next);
});
