import { readFile } from 'node:fs/promises';

import type { Page } from '@playwright/test';

import { bodyFromParagraphs } from '../../shared/text';
import {
  body,
  callApi,
  expectSaved,
  library,
  openNewStory,
  selectText,
  setUserName,
  tool,
} from '../helpers/editorPage';
import { expect, test } from '../helpers/webServer';

async function openComments(page: Page) {
  // The panels' tab, or its icon on the rail when the panels are collapsed.
  const tab = page.getByRole('tab', { name: 'Comments' }).or(page.getByRole('button', { name: 'Comments' }));
  await tab.click();
  return page.getByRole('list', { name: 'Comment threads' });
}

test('on the desktop, a comment thread on a story’s words is replied to, names a colleague, is resolved and reopened, and is right after a reload', async ({
  page,
  copydesk,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(copydesk.url);
  await setUserName(page, 'Ed Editor');
  await openNewStory(page, copydesk.url, 'Budget day', 'Taxes rise today. Pensions go up.');

  // Ed selects words and presses Comment in the toolbar: the words are highlighted, the box is ready.
  await selectText(page, '[aria-label="Body"]', 'rise today');
  await tool(page, 'Comment').click();
  const composer = page.getByRole('textbox', { name: 'Comment on “rise today”' });
  await expect(composer).toBeFocused();
  await expect(body(page).locator('.text-comment[data-comment="open"]')).toHaveText('rise today');
  await composer.fill('Which day exactly?');
  await page.getByRole('region', { name: 'New comment' }).getByRole('button', { name: 'Comment' }).click();
  const threads = await openComments(page);
  await expect(threads.getByRole('article')).toHaveCount(1);
  const thread = threads.getByRole('article', { name: 'Comment by Ed Editor on “rise today”' });
  await expect(thread).toContainText('Which day exactly?');
  await expect(page.getByRole('radio', { name: 'Open (1)' })).toBeChecked();
  await expectSaved(page);

  // An open comment is a warning before export, not a refusal.
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export package' });
  await expect(dialog).toContainText(
    '1 comment is still open. Resolve it in the Comments panel, or export with it open',
  );
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Rita, after a reload: the words are still highlighted; a click on them brings the thread forward.
  await page.reload();
  await setUserName(page, 'Rita Reporter');
  await body(page).locator('.text-comment[data-comment="open"]').click();
  await expect(thread).toHaveClass(/comment-thread--focused/u);
  await thread.getByRole('button', { name: 'Reply' }).click();
  const reply = page.getByRole('textbox', { name: 'Reply to Ed Editor on “rise today”' });
  await expect(reply).toBeFocused();
  // Ed has commented in this library, so the box offers his name.
  await expect(thread).toContainText('Name someone with @ to bring it to them: Ed Editor.');
  await reply.fill('@Ed Editor it is Tuesday, from the Treasury notice.');
  await page.keyboard.press('Control+Enter');
  await expect(thread.getByRole('list', { name: 'Comments' }).getByRole('listitem')).toHaveCount(2);
  await expect(thread.locator('.comment__mention')).toHaveText('@Ed Editor');
  await expect(page.getByRole('radio', { name: 'Mine (1)' })).toBeVisible();
  await page.screenshot({ path: 'test-results/comments-desktop.png' });

  // The marked-up copy for a printed proof: the commented words highlighted and numbered, the thread listed.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Marked-up copy' }).click();
  const proof = await readFile(await (await downloading).path(), 'utf8');
  expect(proof).toMatch(/<mark>(?:<span>)?rise today(?:<\/span>)?<sup>\[1\]<\/sup><\/mark>/u);
  expect(proof).toContain('<strong>Rita Reporter</strong>');
  expect(proof).toContain('@Ed Editor it is Tuesday, from the Treasury notice.');
  expect(proof).not.toMatch(/<script|data-comment-threads/u);

  // Resolved: gone from the open ones and from the text's highlights, listed under Resolved.
  await thread.getByRole('button', { name: 'Resolve' }).click();
  await expect(threads).toBeHidden();
  await expect(page.getByText('No open comments.')).toBeVisible();
  await expect(body(page).locator('.text-comment[data-comment="open"]')).toHaveCount(0);
  await page.getByRole('radio', { name: 'Resolved (1)' }).check();
  await expect(thread).toContainText('Rita Reporter resolved this');
  await thread.getByRole('button', { name: 'Reopen' }).click();
  await expect(page.getByText('No resolved comments.')).toBeVisible();
  await page.getByRole('radio', { name: 'Open (1)' }).check();
  await expect(thread).toContainText('Rita Reporter reopened this');
  await expect(body(page).locator('.text-comment[data-comment="open"]')).toHaveText('rise today');

  // Ed sees that he was named: in this story under For me, and from any other story.
  await setUserName(page, 'Ed Editor');
  await page.reload();
  await openComments(page);
  await page.getByRole('radio', { name: 'For me (1)' }).check();
  await expect(thread).toContainText('it is Tuesday');
  const entries = thread.getByRole('list', { name: 'Comments' }).getByRole('listitem');
  await expect(entries).toHaveText([
    /Ed Editor.*Which day exactly\?/u,
    /Rita Reporter.*@Ed Editor it is Tuesday/u,
    /Rita Reporter resolved this/u,
    /Rita Reporter reopened this/u,
  ]);
  await openNewStory(page, copydesk.url, 'Ferries', 'The night ferry stops.');
  await openComments(page);
  const named = page.getByRole('region', { name: 'You are named in other stories' });
  await expect(named.getByRole('link', { name: 'Budget day' })).toBeVisible();
  await named.getByRole('link', { name: 'Budget day' }).click();
  await expect(body(page)).toHaveText('Taxes rise today. Pensions go up.');

  // The words deleted: the thread stays, said to be without its words, until it is resolved.
  await selectText(page, '[aria-label="Body"]', 'rise today');
  await page.keyboard.press('Backspace');
  await expectSaved(page);
  await openComments(page);
  await expect(thread).toContainText('Its words were deleted from the text.');
  await expect(thread.getByRole('button', { name: 'Show in the text' })).toHaveCount(0);
});

test('on the laptop, a comment is begun and sent from the keyboard; an empty one is refused at its box, and a cancelled one leaves no mark', async ({
  page,
  copydesk,
}) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(copydesk.url);
  await setUserName(page, 'Ed Editor');
  await callApi(page, 'articles:create', { headline: 'Harbour wall repaired', body: bodyFromParagraphs(['Done.']) });
  await openNewStory(page, copydesk.url, 'Ferries', 'The night ferry stops in May.');

  await selectText(page, '[aria-label="Body"]', 'night ferry');
  await page.keyboard.press('Control+Alt+m');
  const composer = page.getByRole('textbox', { name: 'Comment on “night ferry”' });
  await expect(composer).toBeFocused();
  await expect(body(page).locator('.text-comment[data-comment="open"]')).toHaveText('night ferry');
  // Esc gives it up: the words are as they were.
  await page.keyboard.press('Escape');
  await expect(composer).toBeHidden();
  await expect(body(page).locator('.text-comment')).toHaveCount(0);
  await expect(body(page)).toHaveText('The night ferry stops in May.');

  await selectText(page, '[aria-label="Body"]', 'in May');
  await page.keyboard.press('Control+Alt+m');
  const second = page.getByRole('textbox', { name: 'Comment on “in May”' });
  await expect(second).toBeFocused();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('alert')).toHaveText('Write the comment first.');
  await page.keyboard.type('Early or late May?');
  await expect(page.getByRole('alert')).toHaveCount(0);
  // Another story opened before sending, and this one again: the comment is as it was left.
  await library(page)
    .getByRole('link', { name: /^Harbour wall repaired/u })
    .click();
  await expect(body(page)).toHaveText('Done.');
  await library(page)
    .getByRole('link', { name: /^Ferries/u })
    .click();
  await expect(second).toHaveValue('Early or late May?');
  await expect(body(page).locator('.text-comment[data-comment="open"]')).toHaveText('in May');
  await second.focus();
  await page.keyboard.press('Control+Enter');
  const threads = page.getByRole('list', { name: 'Comment threads' });
  await expect(threads.getByRole('article', { name: 'Comment by Ed Editor on “in May”' })).toContainText(
    'Early or late May?',
  );
  await expectSaved(page);
  await page.screenshot({ path: 'test-results/comments-laptop.png' });

  // Nothing selected: Comment says what to do.
  await body(page).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Control+Alt+m');
  await expect(page.getByText('Select the words to comment on first, then press Comment.')).toBeVisible();
});
