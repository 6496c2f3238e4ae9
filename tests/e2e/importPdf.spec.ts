import { body, library } from '../helpers/editorPage';
import { chooseFiles, importPanel } from '../helpers/importPage';
import { pressReleasePdf, RELEASE, scannedPdf } from '../helpers/pressRelease';
import { expect, test } from '../helpers/webServer';

/**
 * A press release that arrived as a PDF, imported through the window as a desk editor does it
 * (Import, Files…, the PDF): it becomes a story with the release's headline, dek, dateline and
 * text, and the PDF stays beside it as its source, readable as the text of the PDF. A scan
 * chosen with it is refused, saying what to do.
 */

test.use({ viewport: { width: 1440, height: 900 } });

test('a press release PDF chosen with Import becomes a story, with the PDF as its source; a scan beside it is refused', async ({
  page,
  copydesk,
}) => {
  await page.goto(copydesk.url);
  await chooseFiles(page, 'Files…', [
    { name: 'nha-night-ferries.pdf', mimeType: 'application/pdf', buffer: pressReleasePdf() },
    { name: 'scanned-letter.pdf', mimeType: 'application/pdf', buffer: scannedPdf() },
  ]);
  const panel = importPanel(page);
  await expect(panel.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByText('1 article imported')).toBeVisible();
  // The scan has no text to make a story of: refused, saying what to do.
  await expect(panel.getByText('1 file not imported')).toBeVisible();
  await expect(panel.getByRole('group').filter({ hasText: 'Not imported' })).toContainText(
    'scanned-letter.pdf has no text to quote: it is probably a scanned image. Run it through text recognition (OCR) first, or paste the passage.',
  );
  // The notes say what stood above the headline; the story opens from them.
  await panel.getByText('Notes', { exact: true }).click();
  const notes = panel.getByRole('group').filter({ hasText: /^Notes/ });
  await expect(notes).toContainText(`Left out of the text, from above the headline: "${RELEASE.issuer}"`);
  await notes.getByRole('link', { name: RELEASE.headline }).click();
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue(RELEASE.headline);
  await expect(page.getByRole('textbox', { name: 'Dek' })).toHaveValue(RELEASE.dek);
  await expect(page.getByRole('textbox', { name: 'Dateline place' })).toHaveValue('PORTSMOUTH');
  await expect(page.getByRole('textbox', { name: 'Dateline date' })).toHaveValue(/2026/);
  await expect(library(page).getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(1);

  // The text reads as the release does: the paragraph the first page broke off whole, no page furniture.
  await expect(body(page).getByRole('paragraph').first()).toHaveText(RELEASE.first);
  await expect(body(page).getByText(RELEASE.overThePage, { exact: true })).toBeVisible();
  await expect(body(page)).not.toContainText('Page 1 of 2');
  await expect(body(page)).not.toContainText(RELEASE.runningHead);
  await expect(body(page)).not.toContainText('PRESS RELEASE');

  // The PDF is the story's source: named after the headline, from the harbour authority, on the day of issue.
  await page.getByRole('tab', { name: 'Sources' }).click();
  const cited = page.getByRole('region', { name: 'Sources' }).getByRole('list', { name: 'Cited sources' });
  await expect(cited.getByRole('listitem')).toHaveCount(1);
  const source = cited.getByRole('listitem');
  await expect(source).toContainText(RELEASE.headline);
  await expect(source).toContainText(`Document · ${RELEASE.issuer} · 2026-03-12`);
  await expect(source).toContainText('1 snapshot');
  await page.screenshot({ path: 'test-results/import-press-release-pdf.png' });

  // Its snapshot is the text of the PDF, letterhead and all, for claims to point into.
  await source.getByRole('button', { name: `Read ${RELEASE.headline}` }).click();
  const reader = page.getByRole('dialog', { name: 'Read a source' });
  const snapshot = reader.getByRole('document', { name: 'Snapshot text' });
  await expect(snapshot).toContainText(RELEASE.issuer);
  await expect(snapshot).toContainText(RELEASE.wheelchairs);
  await expect(snapshot).not.toContainText('Page 2 of 2');
  await page.screenshot({ path: 'test-results/import-press-release-pdf-snapshot.png' });
  await reader.getByRole('button', { name: 'Done' }).click();
  await expect(reader).toBeHidden();
});
