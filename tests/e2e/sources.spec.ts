import fs from 'node:fs';
import path from 'node:path';

import type { Page } from '@playwright/test';

import { pdfDocument } from '../helpers/pdf';
import { body, expectSaved, MOD, selectText, startStory } from '../helpers/editorPage';
import { expect, test } from '../helpers/webServer';
import { docxFile, PAGES } from '../unit/electron/import/fixtures';

/**
 * Sources kept from files through the Sources panel: a saved web page, a Word file and a PDF,
 * each read back in the reader; one of them cited again, from the library, by a second story;
 * and a click on a claim's words in the text bringing its card forward in the Fact check panel.
 */

const sourcesPanel = (page: Page) => page.getByRole('region', { name: 'Sources' });
const factCheck = (page: Page) => page.getByRole('region', { name: 'Fact check' });
const cited = (page: Page) => sourcesPanel(page).getByRole('list', { name: 'Cited sources' });

const PAGE_TITLE = (
  JSON.parse(fs.readFileSync(path.join(PAGES, 'bbc-1', 'expected-metadata.json'), 'utf8')) as { title: string }
).title;
const PAGE_SENTENCE = 'common sense gun safety laws';
const BRIEFING = 'Ministry briefing notes';
const BRIEFING_LINE = 'The ministry counted 212 licensed gun shops in the capital.';
const REPORT = 'Provincial firearms report';
const REPORT_LINE = 'Registrations rose by 14 percent in the year to June.';

test('sources are kept from a web page, a Word file and a PDF, read back, and cited again from the library', async ({
  page,
  copydesk,
}) => {
  await page.goto(copydesk.url);
  await startStory(page, 'Gun laws abroad', ['Registrations rose by 14 percent, the provincial report says.']);

  await page.getByRole('tab', { name: 'Sources' }).click();
  await sourcesPanel(page)
    .getByLabel('Source files to add')
    .setInputFiles([
      {
        name: 'obama-interview.html',
        mimeType: 'text/html',
        buffer: fs.readFileSync(path.join(PAGES, 'bbc-1', 'source.html')),
      },
      {
        name: 'briefing.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: docxFile([{ style: 'Title', runs: [BRIEFING] }, { runs: [BRIEFING_LINE] }], { title: BRIEFING }),
      },
      {
        name: 'report.pdf',
        mimeType: 'application/pdf',
        buffer: pdfDocument([[[REPORT], [REPORT_LINE]]], { title: REPORT }),
      },
    ]);
  // Each file shows as it is kept; reading a PDF starts its reader, which takes a moment.
  await expect(cited(page).getByRole('listitem')).toHaveCount(3, { timeout: 30_000 });
  await expect(sourcesPanel(page).getByText(/^Keeping /)).toHaveCount(0);
  await expect(cited(page).getByRole('listitem').filter({ hasText: PAGE_TITLE })).toContainText('Web page');
  await expect(cited(page).getByRole('listitem').filter({ hasText: BRIEFING })).toContainText('Document');
  await expect(cited(page).getByRole('listitem').filter({ hasText: REPORT })).toContainText('1 snapshot');

  // The web page, read as text and as the page was kept.
  await cited(page)
    .getByRole('button', { name: `Read ${PAGE_TITLE}` })
    .click();
  const reader = page.getByRole('dialog', { name: 'Read a source' });
  await expect(reader.getByRole('document', { name: 'Snapshot text' })).toContainText(PAGE_SENTENCE);
  await reader.getByRole('button', { name: 'Page as kept' }).click();
  const kept = reader.getByRole('document', { name: 'Page as kept' });
  await expect(kept.getByRole('heading', { level: 1 })).toHaveText(PAGE_TITLE);
  await expect(kept).toContainText(PAGE_SENTENCE);
  await expect(reader.getByRole('document', { name: 'Snapshot text' })).toBeHidden();
  await expect(reader.getByRole('status')).toContainText('Switch to Text to select the passage');
  await page.screenshot({ path: 'test-results/reader-page-as-kept.png' });

  // The Word file and the PDF, each read back as its text.
  await reader.getByRole('combobox', { name: 'Source to read' }).selectOption({ label: BRIEFING });
  await expect(reader.getByRole('document', { name: 'Snapshot text' })).toContainText(BRIEFING_LINE);
  await expect(reader.getByRole('button', { name: 'Page as kept' })).toHaveCount(0);
  await reader.getByRole('combobox', { name: 'Source to read' }).selectOption({ label: REPORT });
  await expect(reader.getByRole('document', { name: 'Snapshot text' })).toContainText(REPORT_LINE);
  await reader.getByRole('button', { name: 'Done' }).click();

  // A second story cites the Word file, found in the library by a word of its text.
  await startStory(page, 'Gun shops in the capital', ['There are 212 licensed gun shops in the capital.']);
  await page.getByRole('tab', { name: 'Sources' }).click();
  await expect(sourcesPanel(page).getByText('No sources yet.')).toBeVisible();
  await sourcesPanel(page).getByRole('button', { name: 'Cite from library…' }).click();
  await sourcesPanel(page).getByRole('searchbox', { name: 'Find a source in the library' }).fill('licensed');
  const found = sourcesPanel(page).getByRole('list', { name: 'Sources found' });
  await expect(found.getByRole('listitem')).toHaveCount(1);
  await found.getByRole('button', { name: `Cite ${BRIEFING}` }).click();
  await expect(cited(page).getByRole('listitem')).toHaveCount(1);
  await expect(cited(page)).toContainText(BRIEFING);

  await page.reload();
  await page.getByRole('tab', { name: 'Sources' }).click();
  await expect(cited(page)).toContainText(BRIEFING);
});

test('a click on a claim’s words in the text brings its card forward in the Fact check panel', async ({
  page,
  copydesk,
}) => {
  await page.goto(copydesk.url);
  await startStory(page, 'Toll rises', ['The flood killed 212 people in six districts, officials said on Monday.']);
  for (const words of ['killed 212 people', 'six districts']) {
    await selectText(page, '[aria-label="Body"]', words);
    await page.keyboard.press(`${MOD}+Shift+M`);
    await expect(factCheck(page).getByRole('listitem', { name: `Claim: ${words}` })).toBeVisible();
  }
  await expectSaved(page);

  await page.getByRole('tab', { name: 'Sources' }).click();
  await expect(factCheck(page)).toBeHidden();
  await body(page).locator('mark', { hasText: 'six districts' }).click();
  await expect(page.getByRole('tab', { name: 'Fact check' })).toHaveAttribute('aria-selected', 'true');
  const card = factCheck(page).getByRole('listitem', { name: 'Claim: six districts' });
  await expect(card).toHaveAttribute('aria-current', 'true');
  await expect(factCheck(page).getByRole('listitem', { name: 'Claim: killed 212 people' })).not.toHaveAttribute(
    'aria-current',
    'true',
  );

  await body(page).locator('mark', { hasText: 'killed 212 people' }).click();
  await expect(factCheck(page).getByRole('listitem', { name: 'Claim: killed 212 people' })).toHaveAttribute(
    'aria-current',
    'true',
  );
  await expect(card).not.toHaveAttribute('aria-current', 'true');
});
