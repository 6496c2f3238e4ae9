import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';

import { runCopydesk } from '../helpers/cli';
import { factCheck } from '../helpers/factCheckPage';
import {
  body,
  callApi,
  expectSaved,
  expectSelection,
  library,
  MOD,
  selectText,
  setUserName,
  startStory,
} from '../helpers/editorPage';
import { expect, startCopydesk, test } from '../helpers/webServer';
import { bodyFromParagraphs } from '../../shared/text';

/**
 * Find and replace in a story's body: Ctrl+F and Ctrl+H, the count and the matches painted
 * as the query is typed, match case and whole words, replace one and replace all, each one
 * step of undo; a replacement inside a claim's words keeps the claim.
 */

const findBar = (page: Page) => page.getByRole('search', { name: 'Find and replace' });
const findField = (page: Page) => findBar(page).getByRole('textbox', { name: 'Find', exact: true });
const replaceField = (page: Page) => findBar(page).getByRole('textbox', { name: 'Replace with' });
const count = (page: Page) => findBar(page).getByRole('status');
const button = (page: Page, name: string) => findBar(page).getByRole('button', { name, exact: true });

/** The words the find bar paints over the page: every match, and the current one apart. */
async function painted(page: Page): Promise<{ others: string[]; current: string[] }> {
  return page.evaluate(() => {
    const words = (name: string) =>
      [...(CSS.highlights.get(name) ?? [])].map((painted) => {
        const range = document.createRange();
        range.setStart(painted.startContainer, painted.startOffset);
        range.setEnd(painted.endContainer, painted.endOffset);
        return range.toString();
      });
    return { others: words('copydesk-find'), current: words('copydesk-find-current') };
  });
}

const paragraphs = (page: Page) => body(page).locator('p');

/** axe-core's WCAG 2.1 A and AA findings on the find bar, by rule and place. */
async function findBarFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include('.find-bar')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} at ${node.target.join(' ')}`),
  );
}

const STRIKE = 'The port strike closed the port for a week.';
const OFFICIALS = 'Port officials said the strike cost the port millions; imports fell.';
const DOCKERS = 'Dockers returned to the port on Monday.';
const STORY = [STRIKE, OFFICIALS, DOCKERS];

test('find with Ctrl+F, replace one and all, and undo each in one step (1440×900)', async ({ page, copydesk }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(copydesk.url);
  await startStory(page, 'Port strike ends', STORY);

  await page.keyboard.press(`${MOD}+f`);
  await expect(findBar(page)).toBeVisible();
  await expect(findField(page)).toBeFocused();
  await expect(replaceField(page)).toBeHidden();

  // Matches are counted and painted as the query is typed.
  await page.keyboard.type('po');
  await expect(count(page)).toHaveText('1 of 6');
  await expect.poll(() => painted(page)).toEqual({ others: ['po', 'Po', 'po', 'po', 'po'], current: ['po'] });
  await page.keyboard.type('rt');
  await expect
    .poll(() => painted(page))
    .toEqual({ others: ['port', 'Port', 'port', 'port', 'port'], current: ['port'] });
  await expect(count(page)).toHaveText('1 of 6');

  await findBar(page).getByRole('checkbox', { name: 'Whole words' }).check();
  await expect(count(page)).toHaveText('1 of 5');
  await findBar(page).getByRole('checkbox', { name: 'Match case' }).check();
  await expect(count(page)).toHaveText('1 of 4');
  await findBar(page).getByRole('checkbox', { name: 'Match case' }).uncheck();
  await expect(count(page)).toHaveText('1 of 5');

  // Enter and Shift+Enter in the field move through the matches, and around.
  await findField(page).press('Enter');
  await expect(count(page)).toHaveText('2 of 5');
  await findField(page).press('Shift+Enter');
  await findField(page).press('Shift+Enter');
  await expect(count(page)).toHaveText('5 of 5');
  await button(page, 'Next match').click();
  await expect(count(page)).toHaveText('1 of 5');
  await page.screenshot({ path: 'test-results/find-bar-1440.png' });

  // Ctrl+H opens the replace field, the query still there.
  await findField(page).press(`${MOD}+h`);
  await expect(replaceField(page)).toBeFocused();
  await page.keyboard.type('harbour');
  await button(page, 'Replace').click();
  await expect(count(page)).toHaveText('1 of 4');
  await expect(paragraphs(page)).toHaveText(['The harbour strike closed the port for a week.', OFFICIALS, DOCKERS]);

  await button(page, 'Replace all').click();
  await expect(count(page)).toHaveText('4 replaced');
  await expect(paragraphs(page)).toHaveText([
    'The harbour strike closed the harbour for a week.',
    'harbour officials said the strike cost the harbour millions; imports fell.',
    'Dockers returned to the harbour on Monday.',
  ]);
  expect(await painted(page)).toEqual({ others: [], current: [] });
  await page.screenshot({ path: 'test-results/find-bar-replaced-1440.png' });

  // Escape closes the bar and puts the person back in the text; one undo takes back all four.
  await page.keyboard.press('Escape');
  await expect(findBar(page)).toBeHidden();
  await expect(body(page)).toBeFocused();
  await expect.poll(() => painted(page)).toEqual({ others: [], current: [] });
  await page.keyboard.press(`${MOD}+z`);
  await expect(paragraphs(page)).toHaveText(['The harbour strike closed the port for a week.', OFFICIALS, DOCKERS]);
  await page.keyboard.press(`${MOD}+z`);
  await expect(paragraphs(page)).toHaveText(STORY);
  await expectSaved(page);

  // Opened again on selected words, it searches for them.
  await selectText(page, '[aria-label="Body"]', 'strike');
  await expectSelection(page, 'strike');
  await page.keyboard.press(`${MOD}+f`);
  await expect(findField(page)).toHaveValue('strike');
  await expect(count(page)).toHaveText(/^\d of 2$/);
  expect(await findBarFindings(page)).toEqual([]);

  // The shortcuts are in the list of them.
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts.getByRole('term').filter({ hasText: /^Find and replace$/ })).toBeVisible();
  await expect(shortcuts.getByRole('region', { name: 'Finding and replacing in the body' })).toBeVisible();
});

test('a replacement inside a claim keeps the claim, its mark around the new words (1024×700)', async ({
  page,
  copydesk,
}) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(copydesk.url);
  await setUserName(page, 'Amna Riaz');
  await startStory(page, 'Concert hall attack toll', [
    'An attack near Moscow killed over 140 people, the ministry said.',
    'Officials later said over 140 people were hurt.',
  ]);

  // "over 140 people" in the first sentence is a claim, checked and verified.
  await selectText(page, '[aria-label="Body"]', '140 people');
  await expectSelection(page, '140 people');
  await page.keyboard.press(`${MOD}+Shift+M`);
  const claims = factCheck(page).getByRole('list', { name: 'Claims' });
  await expect(claims.getByRole('listitem', { name: 'Claim: 140 people' })).toBeVisible();
  await claims
    .getByRole('listitem', { name: 'Claim: 140 people' })
    .getByRole('combobox', { name: 'Verdict on “140 people”' })
    .selectOption({ label: 'Verified' });
  await expect(body(page).locator('mark')).toHaveAttribute('data-verdict', 'verified');
  await expectSaved(page);

  // Find and replace, from the toolbar's button: a match that starts before the claim and ends in it.
  await body(page).click();
  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Find and replace' }).click();
  await expect(findField(page)).toBeFocused();
  await page.keyboard.type('killed over 140');
  await expect.poll(() => painted(page)).toEqual({ others: [], current: ['killed over 140'] });
  await expect(count(page)).toHaveText('1 of 1');
  await replaceField(page).fill('killed over 145');
  await page.screenshot({ path: 'test-results/find-bar-claim-1024.png' });
  expect(await findBarFindings(page)).toEqual([]);
  await replaceField(page).press('Enter');
  await expect(count(page)).toHaveText('No matches');

  // The claim's mark holds the new figure; the claim is still listed, and reads as changed.
  await expect(body(page).locator('mark')).toHaveCount(1);
  await expect(body(page).locator('mark')).toHaveText('145 people');
  await expectSaved(page);
  const card = claims.getByRole('listitem', { name: 'Claim: 145 people' });
  await expect(card).toBeVisible();
  await expect(card).toContainText('Changed since the verdict');
  await expect(body(page).locator('mark')).toHaveAttribute('data-changed', 'true');

  // Replace all over both sentences, one match ending inside the claim: the mark stays.
  await findField(page).fill('over 1');
  await expect(count(page)).toHaveText(/^\d of 2$/);
  await replaceField(page).fill('over 2');
  await button(page, 'Replace all').click();
  await expect(count(page)).toHaveText('2 replaced');
  await expect(paragraphs(page)).toHaveText([
    'An attack near Moscow killed over 245 people, the ministry said.',
    'Officials later said over 240 people were hurt.',
  ]);
  await expect(body(page).locator('mark')).toHaveText('245 people');
  await page.screenshot({ path: 'test-results/find-bar-claim-replaced-1024.png' });

  await page.keyboard.press('Escape');
  await expect(body(page)).toBeFocused();
  await page.keyboard.press(`${MOD}+z`);
  await expect(body(page).locator('mark')).toHaveText('145 people');
  await expect(paragraphs(page)).toHaveText([
    'An attack near Moscow killed over 145 people, the ministry said.',
    'Officials later said over 140 people were hurt.',
  ]);
  await expectSaved(page);
  await expect(claims.getByRole('listitem', { name: 'Claim: 145 people' })).toBeVisible();
});

/** A person of the desk at their own browser, signed in with the key `desk add-person` gave them. */
async function signedIn(browser: Browser, url: string, key: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.goto(url);
  await page.getByRole('form', { name: 'Sign in to the desk' }).getByLabel('Personal key').fill(key);
  await page.getByRole('form', { name: 'Sign in to the desk' }).getByLabel('Personal key').press('Enter');
  await expect(library(page)).toBeVisible();
  return page;
}

test('in a story edited live, Replace all reaches the others, and one undo takes it back', async ({ browser }) => {
  const keys: string[] = [];
  const desk = await startCopydesk({
    desk: true,
    prepare: (libraryPath) => {
      for (const name of ['Ed Editor', 'Rita Reporter']) {
        const added = runCopydesk(['desk', 'add-person', name, '--role', 'editor', '--library', libraryPath], {});
        keys.push(/\b(cdk_[\w-]+)/.exec(added.stdout)?.[1] ?? '');
      }
    },
  });
  const people: Page[] = [];
  try {
    const [ed, rita] = [
      await signedIn(browser, desk.server.url, keys[0] ?? ''),
      await signedIn(browser, desk.server.url, keys[1] ?? ''),
    ];
    people.push(ed, rita);
    const created = await callApi(ed, 'articles:create', {
      headline: 'Port strike ends',
      body: bodyFromParagraphs([STRIKE, DOCKERS]),
    });
    const id = (created.value as { id: string }).id;
    for (const page of [ed, rita]) {
      await page.goto(`${desk.server.url}#/article/${id}`);
      await expect(paragraphs(page)).toHaveText([STRIKE, DOCKERS]);
    }

    await body(ed).click();
    await ed.keyboard.press(`${MOD}+h`);
    await findField(ed).fill('port');
    await expect(count(ed)).toHaveText(/^\d of 3$/);
    await replaceField(ed).fill('harbour');
    await button(ed, 'Replace all').click();
    await expect(count(ed)).toHaveText('3 replaced');
    const replaced = [
      'The harbour strike closed the harbour for a week.',
      'Dockers returned to the harbour on Monday.',
    ];
    await expect(paragraphs(rita)).toHaveText(replaced);

    await ed.keyboard.press('Escape');
    await expect(body(ed)).toBeFocused();
    await ed.keyboard.press(`${MOD}+z`);
    await expect(paragraphs(ed)).toHaveText([STRIKE, DOCKERS]);
    await expect(paragraphs(rita)).toHaveText([STRIKE, DOCKERS]);
  } finally {
    for (const page of people) await page.context().close();
    await desk.stop();
  }
});
