import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { ManifestSchema } from '../../shared/exports';
import { startStory } from '../helpers/editorPage';
import { expect, test } from '../helpers/webServer';

test('a story without a byline is exported with a written reason, and the package checks out on disk', async ({
  page,
  copydesk,
}) => {
  await page.goto(copydesk.url);
  await startStory(page, 'Pakistan and China resume talks', ['Delegations met in Beijing on Monday.']);

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export package' });
  const blocking = dialog.getByRole('list', { name: 'Blocking items' });
  await expect(blocking).toContainText('The story has no byline.');
  await expect(dialog.getByRole('list', { name: 'Warnings' })).toContainText('The story has no dateline.');
  const exportButton = dialog.getByRole('button', { name: 'Export package' });
  await expect(exportButton).toBeDisabled();

  const reason = 'Wire copy: the agency carries no byline.';
  await dialog.getByRole('textbox', { name: 'Reason to export anyway: Byline' }).fill(reason);
  const exports = path.join(path.dirname(copydesk.libraryPath), 'Exports');
  await expect(dialog.getByRole('textbox', { name: 'Export folder' })).toHaveValue(exports);
  await dialog.getByRole('radio', { name: 'A folder' }).check();
  await page.screenshot({ path: '/tmp/export-dialog.png' });
  await exportButton.click();

  const done = page.getByRole('dialog', { name: 'Package exported' });
  const result = done.getByRole('status', { name: 'Export result' });
  await expect(result).toContainText(/\d+ files \(.+\) written to/);
  await expect(result).toContainText('1 overridden item with the reasons given');
  const desk = path.basename(copydesk.libraryPath).replace(/\.[^.]+$/, '');
  await expect(result).toContainText(new RegExp(`Signed by ${desk} \\(key ([0-9a-f]{4} ){7}[0-9a-f]{4}\\)`));
  const packagePath = (await result.locator('code').textContent()) ?? '';
  expect(path.dirname(packagePath)).toBe(exports);
  expect(path.basename(packagePath)).toMatch(/^\d{4}-\d{2}-\d{2}-pakistan-and-china-resume-talks$/);

  const manifest = ManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(packagePath, 'manifest.json'), 'utf8')));
  expect(manifest.checklist.overrides).toMatchObject([{ itemId: 'byline', reason }]);
  expect(manifest.files.length).toBeGreaterThan(0);
  for (const file of manifest.files) {
    const bytes = fs.readFileSync(path.join(packagePath, file.path));
    expect(createHash('sha256').update(bytes).digest('hex'), file.path).toBe(file.sha256);
    expect(bytes.length).toBe(file.size);
  }
  expect(fs.readdirSync(exports)).toEqual([path.basename(packagePath)]);

  await done.getByRole('button', { name: 'Done' }).click();
  await expect(done).toBeHidden();
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByRole('region', { name: 'History' })).toContainText(
    `checklist overridden: the missing byline (“${reason}”)`,
  );
});
