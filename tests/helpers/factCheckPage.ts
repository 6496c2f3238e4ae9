import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export const sourcesPanel = (page: Page): Locator => page.getByRole('region', { name: 'Sources' });
export const factCheck = (page: Page): Locator => page.getByRole('region', { name: 'Fact check' });
export const readerDialog = (page: Page): Locator => page.getByRole('dialog', { name: 'Read a source' });

/** Pastes `text` as a source of the open article, with its title and kind, in the Sources panel. */
export async function pasteSource(page: Page, title: string, kind: string, text: string): Promise<void> {
  await page.getByRole('tab', { name: 'Sources' }).click();
  await sourcesPanel(page).getByRole('button', { name: 'Paste text…' }).click();
  const form = sourcesPanel(page).getByRole('form', { name: 'Paste a source' });
  await form.getByRole('textbox', { name: 'Title' }).fill(title);
  await form.getByRole('combobox', { name: 'Kind' }).selectOption({ label: kind });
  await form.getByRole('textbox', { name: 'Text (kept exactly as pasted)' }).fill(text);
  await form.getByRole('button', { name: 'Keep as source' }).click();
  await expect(sourcesPanel(page).getByRole('list', { name: 'Cited sources' })).toContainText(title);
}
