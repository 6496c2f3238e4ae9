import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Page } from '@playwright/test';

import { body, callApi as callPageApi, expectSaved, library, startStory } from '../helpers/editorPage';
import { expect, test } from '../helpers/webServer';
import { hostileDocx, hostileMarkdown, hostileNinjs, hostilePage, inTens } from '../fixtures/xssFiles';
import { XSS_ACTION, XSS_PAYLOADS } from '../fixtures/xssPayloads';

/**
 * The XSS corpus pasted into the editor, imported from every kind of file, kept as sources and
 * read in both views of the reader, and exported: every payload would set `__xss` on the top
 * window or open a dialog if it ran, and neither ever happens.
 */

/** Calls the API from inside the page, expecting it to answer with a value. */
async function callApi(page: Page, channel: string, args: unknown): Promise<unknown> {
  const reply = await callPageApi(page, channel, args);
  expect(reply.ok, `${channel}: ${reply.error?.message ?? ''}`).toBe(true);
  return reply.value;
}

/** Whether anything ran: the flag a payload sets, or a dialog it opened. */
async function ran(page: Page, dialogs: readonly string[]): Promise<unknown> {
  const flag = await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss ?? null);
  return flag ?? (dialogs.length > 0 ? `dialog: ${dialogs.join(', ')}` : null);
}

const base64 = (text: string | Uint8Array) => Buffer.from(text).toString('base64');

let scratch: string;
test.beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-xss-e2e-'));
});
test.afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

test('no payload of the XSS corpus runs: pasted, imported, read as a source in both views, or exported', async ({
  page,
  copydesk,
}) => {
  test.setTimeout(240_000);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(copydesk.url);

  // Pasted into a story, as HTML and as plain text.
  await startStory(page, 'Pasted payloads', ['The corpus follows.']);
  const html = XSS_PAYLOADS.map((payload, i) => `<p>Payload ${i}: ${payload}</p>`).join('');
  const pastes: Record<string, string>[] = [
    { 'text/html': html, 'text/plain': 'Payloads' },
    { 'text/plain': XSS_PAYLOADS.join('\n') },
  ];
  await page.evaluate((items: Record<string, string>[]) => {
    const target = document.querySelector('[contenteditable="true"][aria-label="Body"]');
    if (target === null) throw new Error('The body is not on the page.');
    for (const item of items) {
      const transfer = new DataTransfer();
      for (const [type, value] of Object.entries(item)) transfer.setData(type, value);
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    }
  }, pastes);
  await expect(body(page)).toContainText('Payload 7:');
  await expect(body(page)).toContainText(XSS_PAYLOADS[0] ?? '');
  await expectSaved(page);
  expect(await ran(page, dialogs)).toBeNull();
  const storyId = /#\/article\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';

  // Imported from web pages, ninjs, Markdown and Word, through the Import button.
  const files = [
    ...XSS_PAYLOADS.map((payload, i) => ({ name: `page-${i}.html`, content: hostilePage(payload, i) })),
    ...inTens(XSS_PAYLOADS).map((payloads, i) => ({ name: `story-${i}.json`, content: hostileNinjs(payloads, i) })),
    { name: 'hostile.md', content: hostileMarkdown() },
  ].map(({ name, content }) => {
    fs.writeFileSync(path.join(scratch, name), content);
    return path.join(scratch, name);
  });
  fs.writeFileSync(path.join(scratch, 'hostile.docx'), hostileDocx());
  files.push(path.join(scratch, 'hostile.docx'));
  await library(page).getByRole('button', { name: 'Import files or a folder…' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: 'Files…' }).click();
  await (await chooser).setFiles(files);
  const importPanel = page.getByRole('region', { name: 'Import' });
  await expect(importPanel.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 60_000 });
  await expect(importPanel.getByText(`${files.length} articles imported`)).toBeVisible();
  expect(await ran(page, dialogs)).toBeNull();

  // Every imported article opened in the editor.
  const listed = (await callApi(page, 'articles:list', { limit: 500 })) as { items: { id: string }[] };
  expect(listed.items.length).toBe(files.length + 1);
  for (const { id } of listed.items) {
    await page.evaluate((hash) => {
      location.hash = hash;
    }, `#/article/${id}`);
    await expect(body(page)).toBeVisible();
    await expect(body(page)).not.toBeEmpty();
  }
  expect(await ran(page, dialogs)).toBeNull();

  // Kept as sources of the pasted story: web pages and pasted text, read in both views.
  for (const [i, payload] of XSS_PAYLOADS.entries()) {
    await callApi(page, 'sources:add', {
      from:
        i % 2 === 0
          ? { file: { name: `source-${i}.html`, dataBase64: base64(hostilePage(payload, i)) } }
          : { paste: { text: `Statement ${i}: ${payload}\n\nThe council said so.`, label: payload.slice(0, 300) } },
      fields: { title: `Source ${i} ${payload}`.slice(0, 300), notes: payload, url: `https://example.org/${i}` },
      articleId: storyId,
    });
  }
  await page.evaluate((hash) => {
    location.hash = hash;
  }, '#/');
  await page.evaluate((hash) => {
    location.hash = hash;
  }, `#/article/${storyId}`);
  await page.getByRole('tab', { name: 'Sources' }).click();
  const cited = page.getByRole('region', { name: 'Sources' }).getByRole('list', { name: 'Cited sources' });
  await expect(cited.getByRole('listitem')).toHaveCount(XSS_PAYLOADS.length);
  await cited
    .getByRole('button', { name: /^Read / })
    .first()
    .click();
  const reader = page.getByRole('dialog', { name: 'Read a source' });
  const choice = reader.getByRole('combobox', { name: 'Source to read' });
  for (let i = 0; i < XSS_PAYLOADS.length; i += 1) {
    await choice.selectOption({ index: i });
    await expect(reader.getByRole('document', { name: 'Snapshot text' })).toContainText(/Payload|Statement/);
    const keptView = reader.getByRole('button', { name: 'Page as kept' });
    if ((await keptView.count()) > 0) {
      await keptView.click();
      await expect(reader.getByRole('document', { name: 'Page as kept' })).toContainText('Payload');
    }
  }
  expect(await ran(page, dialogs)).toBeNull();
  await page.keyboard.press('Escape');

  // Exported, and the article page and fact-check report opened as files, under their own policy.
  const check = (await callApi(page, 'export:check', { articleId: storyId })) as {
    items: { id: string; level: string }[];
  };
  const overrides = check.items
    .filter((item) => item.level === 'blocking')
    .map((item) => ({ itemId: item.id, reason: 'A test of the export.' }));
  const exported = (await callApi(page, 'export:run', { articleId: storyId, folder: scratch, overrides })) as {
    path: string;
  };
  for (const [file, words] of [
    ['article.html', '<img src=x onerror="top.__xss=1">'],
    ['factcheck-report.html', 'Source 7 <img src=x onerror="top.__xss=1">'],
  ] as const) {
    await page.goto(`file://${path.join(exported.path, file)}`);
    // The payloads are there as words to read, and nothing of them ran.
    await expect(page.locator('body')).toContainText(words);
    expect(await ran(page, dialogs), file).toBeNull();
  }
  expect(dialogs).toEqual([]);
  expect(XSS_ACTION).toBe('top.__xss=1');
});
