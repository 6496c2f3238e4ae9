import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

import { library } from './editorPage';

/** The import's own panel: progress while it runs, then what became of every file. */
export const importPanel = (page: Page): Locator => page.getByRole('region', { name: 'Import' });

/** A file as the person's computer would hand it to the chooser, without writing it to disk first. */
export type ChosenFile = { name: string; mimeType: string; buffer: Buffer };

/** Picks files (or a folder) through the library's Import menu and the file chooser it opens. */
export async function chooseFiles(
  page: Page,
  item: 'Files…' | 'A folder…',
  files: string | string[] | ChosenFile[],
): Promise<void> {
  await library(page).getByRole('button', { name: 'Import files or a folder…' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: item }).click();
  await (await chooser).setFiles(files);
}

export type DroppedFile = { name: string; bytes: Uint8Array; type: string };

/** Drags files over the window, waits for "Drop to import", and drops them. */
export async function dropFiles(page: Page, files: readonly DroppedFile[]): Promise<void> {
  const transfer = await page.evaluateHandle(
    (sent) => {
      const data = new DataTransfer();
      for (const file of sent) data.items.add(new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
      return data;
    },
    files.map((file) => ({ name: file.name, type: file.type, bytes: Array.from(file.bytes) })),
  );
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
  await expect(page.getByText('Drop to import')).toBeVisible();
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  await expect(page.getByText('Drop to import')).toHaveCount(0);
}
