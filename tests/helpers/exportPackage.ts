import fs from 'node:fs';
import path from 'node:path';

import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The open article's Export dialog, opened as a person does, once its checklist has run. */
export async function openExportDialog(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export package' });
  await expect(dialog.getByRole('region', { name: 'Checklist' })).toBeVisible();
  return dialog;
}

/**
 * Exports the open article through its dialog as a folder, writing `reasons` (by the item's
 * place, "Byline") for blocking items; returns the package's folder once the dialog says where it went.
 */
export async function exportThroughDialog(page: Page, reasons: Record<string, string> = {}): Promise<string> {
  const dialog = await openExportDialog(page);
  for (const [where, reason] of Object.entries(reasons)) {
    await dialog.getByRole('textbox', { name: `Reason to export anyway: ${where}` }).fill(reason);
  }
  await dialog.getByRole('radio', { name: 'A folder' }).check();
  await dialog.getByRole('button', { name: 'Export package' }).click();
  const done = page.getByRole('dialog', { name: 'Package exported' });
  const packagePath = (await done.getByRole('status', { name: 'Export result' }).locator('code').textContent()) ?? '';
  await done.getByRole('button', { name: 'Done' }).click();
  await expect(done).toBeHidden();
  return packagePath;
}

/** A text file of an exported package folder. */
export function packageFile(packagePath: string, name: string): string {
  return fs.readFileSync(path.join(packagePath, name), 'utf8');
}
