import Database from 'better-sqlite3';

import { body, callApi, expectCaret, expectSaved, library } from '../helpers/editorPage';
import { dropFiles, importPanel } from '../helpers/importPage';
import { expect, test } from '../helpers/webServer';

const FERRIES_MD = [
  '---',
  'title: Night ferry stops in May',
  '---',
  '# Overview',
  '',
  'The night ferry stops running in May.',
  '',
  '---',
  '',
  '### What changes',
  '',
  'Two crossings a day instead of four.',
].join('\n');

test('a Markdown story with a rule and headings opens as the editor makes them, and the editor’s own shortcuts add more', async ({
  page,
  copydesk,
}) => {
  await page.goto(copydesk.url);
  await dropFiles(page, [{ name: 'ferries.md', bytes: new TextEncoder().encode(FERRIES_MD), type: 'text/markdown' }]);
  const panel = importPanel(page);
  await expect(panel.getByText('1 article imported')).toBeVisible();
  await panel.getByText('Imported', { exact: true }).click();
  await panel.getByRole('link', { name: 'Night ferry stops in May' }).click();

  const text = body(page);
  await expect(text.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();
  await expect(text.getByRole('separator')).toHaveCount(1);
  await expect(text.getByRole('heading', { level: 3, name: 'What changes' })).toBeVisible();

  // Typed at the end of the story, the same Markdown makes the same blocks, and they save.
  await text.getByText('Two crossings a day instead of four.').click();
  await expectCaret(page);
  await page.keyboard.press('End');
  await expectCaret(page);
  await page.keyboard.press('Enter');
  await page.keyboard.type('--- ');
  await expect(text.getByRole('separator')).toHaveCount(2);
  await page.keyboard.type('## Timetable');
  await expect(text.getByRole('heading', { level: 2, name: 'Timetable' })).toBeVisible();
  await expectSaved(page);
  await page.screenshot({ path: 'test-results/story-body-markdown.png' });

  await page.reload();
  await expect(body(page).getByRole('separator')).toHaveCount(2);
  await expect(body(page).getByRole('heading', { level: 2 })).toHaveText(['Overview', 'Timetable']);
});

test('a story an earlier version stored in a form this one does not edit opens with every word, and says so', async ({
  page,
  copydesk,
}) => {
  await page.goto(copydesk.url);
  const created = await callApi(page, 'articles:create', { headline: 'Ferry timetable' });
  expect(created.ok, created.error?.message).toBe(true);
  const { id } = created.value as { id: string };
  // What an earlier version left in the library: a table, which this version has no node for.
  const older = {
    root: {
      type: 'root',
      children: [
        { type: 'paragraph', children: [{ type: 'text', text: 'The timetable changes in May.' }] },
        {
          type: 'table',
          children: [
            {
              type: 'tablerow',
              children: [{ type: 'tablecell', children: [{ type: 'text', text: 'Karachi 06:40' }] }],
            },
          ],
        },
      ],
    },
  };
  const db = new Database(copydesk.libraryPath);
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('UPDATE articles SET body_json = ? WHERE id = ?').run(JSON.stringify(older), id);
  } finally {
    db.close();
  }

  await page.reload();
  await library(page)
    .getByRole('list', { name: 'Articles' })
    .getByRole('link', { name: /Ferry timetable/ })
    .click();
  const notice = page.getByRole('alert').filter({ hasText: 'Part of this story’s text' });
  await expect(notice).toContainText(
    'Part of this story’s text was stored in a form this version of Copydesk does not edit (“table”, “tablerow” and “tablecell”). Its words are kept here as plain text; the stored story changes only when you edit it.',
  );
  await expect(body(page)).toContainText('The timetable changes in May.');
  await expect(body(page)).toContainText('Karachi 06:40');
  await page.screenshot({ path: 'test-results/story-body-older.png' });

  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  await body(page).getByText('Karachi 06:40').click();
  await expectCaret(page);
  await page.keyboard.press('End');
  await expectCaret(page);
  await page.keyboard.type(' and 18:10');
  await expectSaved(page);

  // Saved by this version, the story opens as any other.
  await page.reload();
  await expect(body(page)).toContainText('Karachi 06:40 and 18:10');
  await expect(notice).toHaveCount(0);
});
