import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';

import { runCopydesk } from '../helpers/cli';
import { factCheck, pasteSource, sourcesPanel } from '../helpers/factCheckPage';
import {
  body,
  callApi,
  dekField,
  expectSaved,
  headlineField,
  library,
  MOD,
  selectText,
  setUserName,
  startStory,
  tool,
} from '../helpers/editorPage';
import { startSilentServer } from '../helpers/silentServer';
import { expect, startCopydesk, test } from '../helpers/webServer';
import { bodyFromParagraphs } from '../../shared/text';

/**
 * A desk: `copydesk desk serve` shares one library; each person signs in with the key
 * `copydesk desk add-person` printed for them, and the server holds them to their role.
 */

const CLAIM = 'voted 7 to 2';

type Desk = Awaited<ReturnType<typeof startCopydesk>> & { keys: Record<string, string> };

/** A desk with a reporter, a fact-checker and an editor, each with their key. */
async function startDesk(options: readonly string[] = []): Promise<Desk> {
  const keys: Record<string, string> = {};
  const running = await startCopydesk({
    desk: true,
    options,
    prepare: (libraryPath) => {
      for (const [name, role] of [
        ['Rita Reporter', 'reporter'],
        ['Fatima Checker', 'fact-checker'],
        ['Ed Editor', 'editor'],
      ] as const) {
        const run = runCopydesk(['desk', 'add-person', name, '--role', role, '--library', libraryPath], {});
        const key = /\b(cdk_[\w-]+)/.exec(run.stdout)?.[1];
        if (key === undefined) throw new Error(`desk add-person failed: ${run.stderr}`);
        keys[role] = key;
      }
    },
  });
  return { ...running, keys };
}

/** axe-core's WCAG 2.1 A and AA findings on the page as it stands, by rule and place. */
async function accessibilityFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} at ${node.target.join(' ')}`),
  );
}

async function signIn(page: Page, key: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Sign in to the desk' });
  await form.getByLabel('Personal key').fill(key);
  await form.getByLabel('Personal key').press('Enter');
  await expect(library(page)).toBeVisible();
}

async function personPage(browser: Browser, url: string, size: { width: number; height: number }) {
  const context = await browser.newContext({ viewport: size });
  const page = await context.newPage();
  await page.goto(url);
  return { context, page };
}

/**
 * Rita (a reporter, at 1440×900) and Ed (an editor, at `edSize`) signed in, both in a story Rita
 * started with one paragraph of `text`, live.
 */
async function bothInOneStory(
  browser: Browser,
  desk: Desk,
  headline: string,
  text: string,
  edSize: { width: number; height: number },
) {
  const rita = await personPage(browser, desk.server.url, { width: 1440, height: 900 });
  const ed = await personPage(browser, desk.server.url, edSize);
  await signIn(rita.page, desk.keys.reporter ?? '');
  await signIn(ed.page, desk.keys.editor ?? '');
  const created = await callApi(rita.page, 'articles:create', { headline, body: bodyFromParagraphs([text]) });
  const id = (created.value as { id: string }).id;
  for (const person of [rita, ed]) {
    await person.page.goto(`${desk.server.url}#/article/${id}`);
    await expect(body(person.page)).toHaveText(text);
  }
  return { rita, ed, id };
}

test.describe('a desk shared by several people', () => {
  let desk: Desk;
  test.beforeEach(async () => {
    desk = await startDesk();
  });
  test.afterEach(async () => {
    await desk.stop();
  });

  test('each person signs in with their own key; a wrong key is told so; changes carry their name', async ({
    browser,
  }) => {
    const { context, page } = await personPage(browser, desk.server.url, { width: 1440, height: 900 });
    await expect(page.getByRole('heading', { name: 'Sign in to the desk' })).toBeVisible();
    const form = page.getByRole('form', { name: 'Sign in to the desk' });
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect(form.getByRole('alert')).toHaveText(/Paste the personal key/);
    await form.getByLabel('Personal key').fill(`${desk.keys.reporter ?? ''}x`);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect(form.getByRole('alert')).toHaveText(/That key does not open this desk/);
    await page.screenshot({ path: 'test-results/desk-sign-in.png' });
    expect(await accessibilityFindings(page)).toEqual([]);

    await signIn(page, desk.keys.reporter ?? '');
    await expect(library(page).getByText('Rita Reporter (reporter)')).toBeVisible();
    // The key is in a cookie the page's scripts cannot read, and nowhere in its storage.
    expect(await page.evaluate(() => document.cookie)).toBe('');
    expect(
      await page.evaluate(() => JSON.stringify([Object.entries(sessionStorage), Object.entries(localStorage)])),
    ).not.toContain('cdk_');

    await startStory(page, 'Council backs the bridge', [`The council ${CLAIM} for the bridge on Tuesday.`]);
    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.getByRole('region', { name: 'History' });
    await history.getByRole('button', { name: 'Save version' }).click();
    await history.getByRole('textbox', { name: 'Version name' }).fill('First draft');
    await history.getByRole('textbox', { name: 'Version name' }).press('Enter');
    await expect(history.getByRole('button', { name: /^Saved version .* First draft/ })).toContainText('Rita Reporter');
    await page.screenshot({ path: 'test-results/desk-reporter.png' });

    // A reload keeps the person signed in. Signing out straight after typing keeps the words:
    // the story's last save goes before the key.
    await page.reload();
    await expect(library(page).getByText('Rita Reporter (reporter)')).toBeVisible();
    // Until the story's document has come from the desk, the body waits, read-only.
    await expect(body(page)).toContainText('on Tuesday.');
    await expect(body(page)).toHaveAttribute('contenteditable', 'true');
    await body(page).click();
    await page.keyboard.press(`${MOD}+End`);
    await page.keyboard.type(' Residents cheered.');
    await library(page).getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in to the desk' })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('You have signed out of the desk.');
    await signIn(page, desk.keys.reporter ?? '');
    await library(page)
      .getByRole('link', { name: /Council backs the bridge/ })
      .click();
    await expect(body(page)).toContainText('on Tuesday. Residents cheered.');
    await context.close();
  });

  test('a reporter is offered no verdict, the desk refuses one sent anyway in a sentence, and a fact-checker gives it', async ({
    browser,
  }) => {
    const reporter = await personPage(browser, desk.server.url, { width: 1024, height: 700 });
    await signIn(reporter.page, desk.keys.reporter ?? '');
    await startStory(reporter.page, 'Council backs the bridge', [`The council ${CLAIM} for the bridge on Tuesday.`]);
    await body(reporter.page).click();
    await selectText(reporter.page, '[aria-label="Body"]', CLAIM);
    await reporter.page.keyboard.press(`${MOD}+Shift+M`);
    await expectSaved(reporter.page);
    const articleUrl = reporter.page.url();

    await reporter.page.getByRole('tab', { name: 'Fact check' }).click();
    const card = factCheck(reporter.page).getByRole('listitem', { name: `Claim: ${CLAIM}` });
    // The window offers a reporter no verdict, and says who gives them…
    const verdict = card.getByRole('combobox', { name: `Verdict on “${CLAIM}”` });
    await expect(verdict).toBeDisabled();
    await expect(verdict).toHaveAccessibleDescription('On this desk, verdicts are given by fact-checkers and editors.');
    await reporter.page.screenshot({ path: 'test-results/desk-verdict-refused.png' });
    // …and the desk refuses one sent anyway, in a sentence.
    const claims = await callApi(reporter.page, 'claims:list', { articleId: articleUrl.split('/').pop() });
    const [claim] = claims.value as { id: string }[];
    const refused = await callApi(reporter.page, 'claims:setVerdict', { id: claim?.id, verdict: 'verified', note: '' });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        message:
          'Rita Reporter is a reporter on this desk, and giving a verdict is for fact-checkers and editors. Ask one of them to do it.',
      },
    });
    await expect(factCheck(reporter.page).getByRole('status')).toHaveText('0 of 1 claims checked');
    // The reporter opens the story again, now the desk has it: it is live in her window.
    await reporter.page.reload();
    await expect(reporter.page.getByRole('contentinfo').locator('.live-status')).toHaveText('Live');
    await reporter.page.getByRole('tab', { name: 'Fact check' }).click();

    const checker = await personPage(browser, articleUrl, { width: 1440, height: 900 });
    await signIn(checker.page, desk.keys['fact-checker'] ?? '');
    await checker.page.getByRole('tab', { name: 'Fact check' }).click();
    const checkerCard = factCheck(checker.page).getByRole('listitem', { name: `Claim: ${CLAIM}` });
    await checkerCard.getByRole('combobox', { name: `Verdict on “${CLAIM}”` }).selectOption({ label: 'Verified' });
    await expect(checkerCard).toContainText('Verified · Fatima Checker');
    // The reporter, in the story all along, is told at once: the card and the mark in the text.
    await expect(card).toContainText('Verified · Fatima Checker');
    await expect(body(reporter.page).locator('mark[data-verdict="verified"]')).toHaveText(CLAIM);
    await expect(factCheck(reporter.page).getByRole('status')).toHaveText('1 of 1 claims checked');
    await reporter.context.close();
    await checker.context.close();
  });

  test('two people type in one story at once, see each other, and both their words are kept', async ({ browser }) => {
    const { rita, ed, id } = await bothInOneStory(
      browser,
      desk,
      'Council backs the bridge',
      'The council voted on Tuesday.',
      {
        width: 1024,
        height: 700,
      },
    );

    // Rita types at the end while Ed types at the start.
    await body(rita.page).click();
    await rita.page.keyboard.press(`${MOD}+End`);
    await body(ed.page).click();
    await ed.page.keyboard.press(`${MOD}+Home`);
    await Promise.all([
      rita.page.keyboard.type(' Seven members voted for it.', { delay: 20 }),
      ed.page.keyboard.type('Update: ', { delay: 20 }),
    ]);
    const merged = 'Update: The council voted on Tuesday. Seven members voted for it.';
    await expect(body(rita.page)).toHaveText(merged);
    await expect(body(ed.page)).toHaveText(merged);
    // Each sees where the other is, by name: at the cursor in the text, and in the library's list.
    const cursorName = ed.page
      .getByText('Rita Reporter', { exact: true })
      .and(ed.page.locator(':not(.people-in-story__person)'));
    await expect(cursorName).toBeVisible();
    await expect(library(ed.page).locator('.people-in-story')).toHaveText('Open now by Rita Reporter');
    await rita.page.screenshot({ path: 'test-results/desk-live-rita.png' });
    expect(await accessibilityFindings(ed.page)).toEqual([]);
    await ed.page.screenshot({ path: 'test-results/desk-live-ed.png' });

    // A claim Rita marks shows in Ed's fact check, without a reload.
    await ed.page.getByRole('tab', { name: 'Fact check' }).click();
    await selectText(rita.page, '[aria-label="Body"]', 'Seven members');
    await rita.page.keyboard.press(`${MOD}+Shift+M`);
    await expect(body(ed.page).locator('mark')).toHaveText('Seven members');
    await expect(factCheck(ed.page).getByRole('listitem', { name: 'Claim: Seven members' })).toBeVisible();

    // Ed's undo takes back his own words only.
    await body(ed.page).click();
    await ed.page.keyboard.press(`${MOD}+z`);
    const withoutEds = 'The council voted on Tuesday. Seven members voted for it.';
    await expect(body(ed.page)).toHaveText(withoutEds);
    await expect(body(rita.page)).toHaveText(withoutEds);

    // What both typed is the desk's: a reload shows it, and the library has it.
    await ed.page.reload();
    await expect(body(ed.page)).toHaveText(withoutEds);
    await expect
      .poll(() => runCopydesk(['show', id, '--library', desk.server.libraryPath], {}).stdout, { timeout: 20_000 })
      .toContain(withoutEds);
    await rita.context.close();
    await ed.context.close();
  });

  test('a story whose document has not yet come from the desk waits, read-only, and opens where it is when it comes', async ({
    browser,
  }) => {
    const { context, page } = await personPage(browser, desk.server.url, { width: 1024, height: 700 });
    await signIn(page, desk.keys.reporter ?? '');
    const text = 'The council voted on Tuesday.';
    const created = await callApi(page, 'articles:create', {
      headline: 'Council votes',
      body: bodyFromParagraphs([text]),
    });
    const id = (created.value as { id: string }).id;
    // The live connection is held back until the test lets it through.
    let letThrough: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      letThrough = resolve;
    });
    await page.routeWebSocket(/\/desk\/live$/, async (socket) => {
      await held;
      socket.connectToServer();
    });
    await page.goto(`${desk.server.url}#/article/${id}`);
    await expect(body(page)).toHaveAttribute('aria-busy', 'true');
    await expect(body(page)).toHaveAttribute('contenteditable', 'false');
    await expect(page.getByText('The story is on its way from the desk…')).toBeVisible();
    await body(page).click();
    await page.keyboard.type('Too early ');
    await page.screenshot({ path: 'test-results/desk-story-arriving.png' });
    letThrough();
    await expect(body(page)).toHaveText(text);
    await expect(body(page)).toHaveAttribute('contenteditable', 'true');
    await expect(body(page)).not.toHaveAttribute('aria-busy', 'true');
    await body(page).click();
    await page.keyboard.press(`${MOD}+End`);
    await page.keyboard.type(' Work starts in May.');
    await expect(body(page)).toHaveText(`${text} Work starts in May.`);
    await context.close();
  });

  test('a story written in a library of one’s own is sent to the desk whole, with its source, claim and history', async ({
    browser,
  }) => {
    const laptop = await startCopydesk();
    try {
      const { context, page } = await personPage(browser, laptop.server.url, { width: 1440, height: 900 });
      await setUserName(page, 'Fatima Checker');
      await startStory(page, 'Council backs the bridge', [`The council ${CLAIM} for the bridge on Tuesday.`]);
      await pasteSource(page, 'Council minutes', 'Document', 'Motion carried, seven votes to two.');
      await body(page).click();
      await selectText(page, '[aria-label="Body"]', CLAIM);
      await page.keyboard.press(`${MOD}+Shift+M`);
      await expect(body(page).locator('mark')).toHaveText(CLAIM);
      await expectSaved(page);

      await page.getByRole('button', { name: 'Send to a desk…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Send to a desk' });
      const address = dialog.getByRole('textbox', { name: 'Desk address' });
      const key = dialog.getByLabel('Personal key');
      // Each field says what is wrong with it; nothing is sent.
      await dialog.getByRole('button', { name: 'Send' }).click();
      await expect(address).toHaveAccessibleDescription(/^The desk’s address is empty/);
      await expect(key).toHaveAccessibleDescription(/^The key is empty/);
      await address.fill('desk.example.org');
      await key.fill(`${desk.keys.editor ?? ''}x`);
      await key.press('Enter');
      await expect(address).toHaveAccessibleDescription(/^That is not a desk’s address: it begins with https:\/\//);
      // The desk's own refusal, in its words.
      await address.fill(desk.server.origin);
      await key.press('Enter');
      await expect(dialog.getByRole('alert')).toHaveText(
        /^The desk refused the story: That key does not open this desk/,
      );
      // A desk that takes the story in and never answers: the person stops the send.
      const silent = await startSilentServer();
      try {
        await address.fill(silent.origin);
        await key.press('Enter');
        await silent.arrived;
        await expect(dialog.getByRole('button', { name: 'Sending…' })).toBeDisabled();
        await dialog.getByRole('button', { name: 'Stop sending' }).click();
        await expect(dialog.getByRole('alert')).toHaveText(/^Sending stopped\. The story is still here\./);
        await expect(dialog.getByRole('button', { name: 'Send' })).toBeEnabled();
        await page.screenshot({ path: 'test-results/send-to-desk-stopped.png' });
      } finally {
        silent.close();
      }
      // Stopped while the editor was still saving, the story never leaves.
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/api/articles%3Asave', async (route) => {
        await held;
        await route.continue();
      });
      await body(page).press('End');
      await page.keyboard.type(' Quorum held.');
      await expect(page.getByRole('contentinfo')).toContainText('Saving');
      await page.getByRole('button', { name: 'Send to a desk…' }).click();
      await address.fill(desk.server.origin);
      await key.fill(desk.keys['fact-checker'] ?? '');
      await key.press('Enter');
      await dialog.getByRole('button', { name: 'Stop sending' }).click();
      release();
      await expect(dialog.getByRole('alert')).toHaveText(
        'Sending stopped before the story left. Nothing was sent; the story is here.',
      );
      await page.unroute('**/api/articles%3Asave');
      await expectSaved(page);
      await page.screenshot({ path: 'test-results/send-to-desk-form.png' });
      await dialog.getByRole('button', { name: 'Send' }).click();
      const sent = page.getByRole('dialog', { name: 'Sent to the desk' });
      await expect(sent.getByRole('status')).toContainText(
        '“Council backs the bridge” is on the desk, with 1 source, 1 claim and',
      );
      await expect(sent.getByRole('link')).toHaveText(new RegExp(`^${desk.server.origin}/#/article/`));
      await page.screenshot({ path: 'test-results/send-to-desk-sent.png' });
      expect(await accessibilityFindings(page)).toEqual([]);
      await sent.getByRole('button', { name: 'Done' }).click();
      await context.close();

      // On the desk, an editor opens it, with its source and its claim.
      const ed = await personPage(browser, desk.server.url, { width: 1024, height: 700 });
      await signIn(ed.page, desk.keys.editor ?? '');
      await library(ed.page)
        .getByRole('link', { name: /Council backs the bridge/ })
        .click();
      await expect(body(ed.page)).toHaveText(`The council ${CLAIM} for the bridge on Tuesday. Quorum held.`);
      await expect(body(ed.page).locator('mark')).toHaveText(CLAIM);
      await ed.page.getByRole('tab', { name: 'Fact check' }).click();
      await expect(factCheck(ed.page).getByRole('listitem', { name: `Claim: ${CLAIM}` })).toBeVisible();
      await ed.page.getByRole('tab', { name: 'Sources' }).click();
      await expect(sourcesPanel(ed.page).getByRole('list', { name: 'Cited sources' })).toContainText('Council minutes');
      await ed.page.screenshot({ path: 'test-results/send-to-desk-arrived.png' });
      // History shows it as it arrived, and who sent it.
      await ed.page.getByRole('tab', { name: 'History' }).click();
      await expect(ed.page.getByRole('region', { name: 'History' })).toContainText('Sent here by Fatima Checker');
      // On the desk there is nowhere further to send it.
      await expect(ed.page.getByRole('button', { name: 'Send to a desk…' })).toHaveCount(0);
      await ed.context.close();
    } finally {
      await laptop.stop();
    }
  });

  test('named in a comment by a colleague on the desk, a person sees it in their own list without reloading', async ({
    browser,
  }) => {
    const { rita, ed, id } = await bothInOneStory(browser, desk, 'Budget day', 'Taxes rise today. Pensions go up.', {
      width: 1024,
      height: 700,
    });
    // Rita moves on to another story of hers and keeps its Comments panel open.
    const other = await callApi(rita.page, 'articles:create', {
      headline: 'Ferries',
      body: bodyFromParagraphs(['The night ferry stops.']),
    });
    await rita.page.goto(`${desk.server.url}#/article/${(other.value as { id: string }).id}`);
    await expect(body(rita.page)).toHaveText('The night ferry stops.');
    await rita.page.getByRole('tab', { name: 'Comments' }).click();
    await expect(rita.page.getByRole('radio', { name: 'Open (0)' })).toBeChecked();
    const named = rita.page.getByRole('region', { name: 'You are named in other stories' });
    await expect(named).toHaveCount(0);

    // Ed, in the budget story, names her.
    await selectText(ed.page, '[aria-label="Body"]', 'rise today');
    await tool(ed.page, 'Comment').click();
    const composer = ed.page.getByRole('textbox', { name: 'Comment on “rise today”' });
    await expect(composer).toBeFocused();
    await composer.fill('@Rita Reporter which day exactly?');
    await ed.page.getByRole('region', { name: 'New comment' }).getByRole('button', { name: 'Comment' }).click();
    await expect(ed.page.getByRole('article', { name: 'Comment by Ed Editor on “rise today”' })).toBeVisible();

    // Rita comes back to her window (the browser tells the page it is seen again): the list asks.
    await rita.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await expect(named.getByRole('link', { name: 'Budget day' })).toBeVisible();
    await rita.page.screenshot({ path: 'test-results/desk-mentioned.png' });
    await named.getByRole('link', { name: 'Budget day' }).click();
    await expect(rita.page).toHaveURL(new RegExp(`#/article/${id}$`));
    await expect(body(rita.page)).toHaveText('Taxes rise today. Pensions go up.');
    await rita.context.close();
    await ed.context.close();
  });

  test('a version restored in a live story reaches everyone in it at once, and History keeps what was there', async ({
    browser,
  }) => {
    const text = 'The council voted on Tuesday.';
    const { rita, ed } = await bothInOneStory(browser, desk, 'Council votes', text, { width: 1024, height: 700 });
    // Ed keeps a version, then Rita's words come on.
    await ed.page.getByRole('tab', { name: 'History' }).click();
    const history = ed.page.getByRole('region', { name: 'History' });
    await history.getByRole('button', { name: 'Save version' }).click();
    await history.getByRole('textbox', { name: 'Version name' }).fill('First draft');
    await history.getByRole('textbox', { name: 'Version name' }).press('Enter');
    const firstDraft = history.getByRole('button', { name: /^Saved version .* First draft/ });
    await expect(firstDraft).toBeVisible();
    await body(rita.page).click();
    await rita.page.keyboard.press(`${MOD}+End`);
    await rita.page.keyboard.type(' Work starts in May.');
    await expect(body(ed.page)).toHaveText(`${text} Work starts in May.`);

    // Ed restores the first draft: Rita sees it arrive, without a reload.
    await firstDraft.click();
    const comparison = ed.page.getByRole('dialog', { name: 'Compare: First draft' });
    await expect(comparison.locator('ins')).toHaveText(['Work starts in May.']);
    await comparison.getByRole('button', { name: 'Restore this version' }).click();
    await expect(body(rita.page)).toHaveText(text);
    await expect(body(ed.page)).toHaveText(text);
    await rita.page.screenshot({ path: 'test-results/desk-restored-rita.png' });
    // What was there before is in History, signed by Ed.
    await ed.page.getByRole('tab', { name: 'History' }).click();
    const before = history.getByRole('button', { name: /^Before restore .*Before restoring the version/ });
    await expect(before).toContainText('9 words');
    await expect(before).toContainText('by Ed Editor');
    await ed.page.screenshot({ path: 'test-results/desk-restored-ed.png' });
    // Both keep typing in the restored text.
    await body(rita.page).click();
    await rita.page.keyboard.press(`${MOD}+End`);
    await rita.page.keyboard.type(' Again.');
    await expect(body(ed.page)).toHaveText(`${text} Again.`);
    await rita.context.close();
    await ed.context.close();
  });

  test('a library on this computer connects to a desk with its address and a key, and the desk’s page leads back', async ({
    browser,
  }) => {
    const laptop = await startCopydesk();
    try {
      const { context, page } = await personPage(browser, laptop.server.url, { width: 1024, height: 700 });
      await startStory(page, 'Ferry timetable', ['The night ferry stops in May.']);
      await library(page).getByRole('button', { name: 'Libraries' }).click();
      const dialog = page.getByRole('dialog', { name: 'Libraries' });
      const address = dialog.getByRole('textbox', { name: 'Desk address' });
      const key = dialog.getByLabel('Personal key');
      await dialog.getByRole('button', { name: 'Connect to the desk' }).click();
      await expect(address).toHaveAccessibleDescription(/^The desk’s address is empty/);
      await expect(key).toHaveAccessibleDescription(/^The key is empty/);
      await page.screenshot({ path: 'test-results/connect-to-desk-form.png' });
      await address.fill(desk.server.origin);
      await key.fill(desk.keys.reporter ?? '');
      await key.press('Enter');

      // On the desk, signed in, the key gone from the address and from the page's storage.
      await expect(library(page).getByText('Rita Reporter (reporter)')).toBeVisible();
      expect(page.url()).not.toContain('cdk_');
      expect(
        await page.evaluate(() => JSON.stringify([Object.entries(sessionStorage), Object.entries(localStorage)])),
      ).not.toContain('cdk_');
      await expect(library(page).getByRole('link', { name: /Ferry timetable/ })).toHaveCount(0);
      await page.screenshot({ path: 'test-results/connect-to-desk-signed-in.png' });

      // And back to the library on this computer, as it was.
      await library(page).getByRole('link', { name: 'Back to this computer’s library' }).click();
      await expect(library(page).getByRole('link', { name: /Ferry timetable/ })).toBeVisible();
      await context.close();

      // A wrong key is told so on the desk's page, which asks for the key again.
      const other = await personPage(browser, laptop.server.url, { width: 1440, height: 900 });
      await library(other.page).getByRole('button', { name: 'Libraries' }).click();
      const again = other.page.getByRole('dialog', { name: 'Libraries' });
      await again.getByRole('textbox', { name: 'Desk address' }).fill(`${desk.server.origin}/`);
      await again.getByLabel('Personal key').fill('cdk_not-a-key');
      await again.getByRole('button', { name: 'Connect to the desk' }).click();
      await expect(other.page.getByRole('heading', { name: 'Sign in to the desk' })).toBeVisible();
      await expect(other.page.getByRole('status')).toHaveText(/^That key does not open this desk/);
      await other.context.close();
    } finally {
      await laptop.stop();
    }
  });

  test('two people edit one headline and dek at once: both their words are kept, and each one’s caret stays put', async ({
    browser,
  }) => {
    const { rita, ed, id } = await bothInOneStory(browser, desk, 'Council backs the bridge', 'The vote was close.', {
      width: 1024,
      height: 700,
    });

    // Rita's caret is after "Council" when Ed puts words in front of it…
    await headlineField(rita.page).click();
    await rita.page.keyboard.press('Home');
    for (let step = 0; step < 'Council'.length; step += 1) await rita.page.keyboard.press('ArrowRight');
    await headlineField(ed.page).click();
    await ed.page.keyboard.press('Home');
    await ed.page.keyboard.type('Live: ', { delay: 15 });
    await expect(headlineField(rita.page)).toHaveValue('Live: Council backs the bridge');
    // …and what she types next goes where her caret was, not at the end.
    await rita.page.keyboard.type(' members', { delay: 15 });
    const both = 'Live: Council members backs the bridge';
    await expect(headlineField(ed.page)).toHaveValue(both);
    await expect(headlineField(rita.page)).toHaveValue(both);

    // Both type in the dek at the same moment, at either end.
    await dekField(rita.page).click();
    await rita.page.keyboard.type('Seven to two.', { delay: 15 });
    await expect(dekField(ed.page)).toHaveValue('Seven to two.');
    await dekField(ed.page).click();
    await ed.page.keyboard.press('Home');
    await Promise.all([
      rita.page.keyboard.type(' Residents cheered.', { delay: 20 }),
      ed.page.keyboard.type('Tuesday: ', { delay: 20 }),
    ]);
    const dek = 'Tuesday: Seven to two. Residents cheered.';
    await expect(dekField(rita.page)).toHaveValue(dek);
    await expect(dekField(ed.page)).toHaveValue(dek);
    await rita.page.screenshot({ path: 'test-results/desk-live-headline.png' });

    // The library has them: its list, the command line, and a reload.
    await expect
      .poll(() => runCopydesk(['show', id, '--library', desk.server.libraryPath], {}).stdout, { timeout: 20_000 })
      .toMatch(new RegExp(`${both}[\\s\\S]*${dek}`));
    await ed.page.reload();
    await expect(headlineField(ed.page)).toHaveValue(both);
    await expect(dekField(ed.page)).toHaveValue(dek);
    // The list says who else has the story open: Ed, not Rita herself; and no one once he leaves.
    const row = library(rita.page).getByRole('link', { name: new RegExp(both) });
    await expect(row).toBeVisible({ timeout: 20_000 });
    await expect(row.locator('.people-in-story')).toHaveText('Open now by Ed Editor');
    await rita.page.screenshot({ path: 'test-results/desk-people-in-story.png' });
    await ed.context.close();
    await expect(row.locator('.people-in-story')).toHaveCount(0);
    await rita.context.close();
  });

  test('the desk killed mid-typing and restarted: nothing acknowledged is lost, and what was typed meanwhile arrives', async ({
    browser,
  }) => {
    const { rita, ed } = await bothInOneStory(browser, desk, 'Harbour fire', 'Fire crews were called at noon.', {
      width: 1024,
      height: 700,
    });
    const liveStatus = (page: Page) => page.getByRole('contentinfo').locator('.live-status');
    await expect(liveStatus(rita.page)).toHaveText('Live with Ed Editor');

    await body(rita.page).click();
    await rita.page.keyboard.press(`${MOD}+End`);
    await rita.page.keyboard.type(' Two boats burned.', { delay: 15 });
    // Acknowledged: nothing waits.
    await expect(liveStatus(rita.page)).toHaveText('Live with Ed Editor');
    await expect(body(ed.page)).toHaveText('Fire crews were called at noon. Two boats burned.');

    await desk.kill();
    await expect(liveStatus(rita.page)).toContainText('Offline');
    await rita.page.keyboard.type(' No one was hurt.', { delay: 15 });
    await expect(liveStatus(rita.page)).toHaveText(
      /^Offline: \d+ changes? waiting, kept here and sent when the desk is back$/,
    );
    await rita.page.screenshot({ path: 'test-results/desk-offline.png' });

    await desk.restart();
    const whole = 'Fire crews were called at noon. Two boats burned. No one was hurt.';
    await expect(liveStatus(rita.page)).toHaveText('Live with Ed Editor', { timeout: 20_000 });
    await expect(body(ed.page)).toHaveText(whole, { timeout: 20_000 });
    await expect(body(rita.page)).toHaveText(whole);
    await ed.page.reload();
    await expect(body(ed.page)).toHaveText(whole);
    await rita.context.close();
    await ed.context.close();
  });

  test('one person offline keeps typing, and their words merge with the others’ when they are back', async ({
    browser,
  }) => {
    const { rita, ed } = await bothInOneStory(browser, desk, 'Storm warning', 'Winds reached gale force.', {
      width: 1440,
      height: 900,
    });
    const liveStatus = (page: Page) => page.getByRole('contentinfo').locator('.live-status');

    await rita.context.setOffline(true);
    await expect(liveStatus(rita.page)).toContainText('Offline');
    await body(rita.page).click();
    await rita.page.keyboard.press(`${MOD}+End`);
    await rita.page.keyboard.type(' Ferries stayed in port.', { delay: 15 });
    await body(ed.page).click();
    await ed.page.keyboard.press(`${MOD}+Home`);
    await ed.page.keyboard.type('Overnight: ', { delay: 15 });
    await expect(body(ed.page)).toHaveText('Overnight: Winds reached gale force.');
    await expect(liveStatus(rita.page)).toHaveText(/^Offline: \d+ changes? waiting/);
    // Closing the page now would lose what waits: the browser asks first, and staying keeps it.
    const asked = new Promise<string>((resolve) =>
      rita.page.once('dialog', (dialog) => {
        resolve(dialog.type());
        void dialog.dismiss();
      }),
    );
    await rita.page.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');
    await expect(body(rita.page)).toHaveText('Winds reached gale force. Ferries stayed in port.');

    await rita.context.setOffline(false);
    const merged = 'Overnight: Winds reached gale force. Ferries stayed in port.';
    await expect(body(rita.page)).toHaveText(merged, { timeout: 20_000 });
    await expect(body(ed.page)).toHaveText(merged);
    await expect(liveStatus(rita.page)).toHaveText('Live with Ed Editor');
    await rita.context.close();
    await ed.context.close();
  });

  test('a page closed while the desk is out of reach loses nothing: its words reach the desk when the story is next opened', async ({
    browser,
  }) => {
    const { rita, ed, id } = await bothInOneStory(browser, desk, 'Storm warning', 'Winds reached gale force.', {
      width: 1024,
      height: 700,
    });
    const liveStatus = (page: Page) => page.getByRole('contentinfo').locator('.live-status');
    await expect(liveStatus(rita.page)).toHaveText('Live with Ed Editor');
    await desk.kill();
    await expect(liveStatus(rita.page)).toContainText('Offline');
    await body(rita.page).click();
    await rita.page.keyboard.press(`${MOD}+End`);
    await rita.page.keyboard.type(' Ferries stayed in port.', { delay: 15 });
    await expect(liveStatus(rita.page)).toHaveText(/^Offline: \d+ changes? waiting/);
    // The tab is gone before the desk is back: nothing could be sent.
    await rita.page.close();

    await desk.restart();
    const again = await rita.context.newPage();
    await again.goto(`${desk.server.url}#/article/${id}`);
    const whole = 'Winds reached gale force. Ferries stayed in port.';
    await expect(body(again)).toHaveText(whole, { timeout: 20_000 });
    await expect(body(ed.page)).toHaveText(whole, { timeout: 20_000 });
    await expect(liveStatus(again)).toHaveText('Live with Ed Editor');
    await again.screenshot({ path: 'test-results/desk-kept-here.png' });
    // On the desk now, not only in that browser: a reload elsewhere shows them.
    await ed.page.reload();
    await expect(body(ed.page)).toHaveText(whole);
    await rita.context.close();
    await ed.context.close();
  });

  test('three people typing at once in one story end with the same text, every word kept', async ({ browser }) => {
    const { rita, ed, id } = await bothInOneStory(browser, desk, 'Budget day', 'Taxes rise.', {
      width: 1024,
      height: 700,
    });
    const fatima = await personPage(browser, `${desk.server.url}#/article/${id}`, { width: 1440, height: 900 });
    await signIn(fatima.page, desk.keys['fact-checker'] ?? '');
    await expect(body(fatima.page)).toHaveText('Taxes rise.');
    // Each puts their caret in turn: Ctrl+End taken after Fatima's new paragraph had arrived
    // would rightly put Rita in that paragraph, beside Fatima.
    const placeCaret = async (page: Page, keys: readonly string[]) => {
      await body(page).click();
      for (const key of keys) await page.keyboard.press(key);
    };
    await placeCaret(rita.page, [`${MOD}+End`]);
    await placeCaret(ed.page, [`${MOD}+Home`]);
    await placeCaret(fatima.page, [`${MOD}+End`, 'Enter']);
    // Fatima's empty paragraph reaches the others without moving their carets.
    for (const { page } of [rita, ed]) await expect(body(page).locator('p')).toHaveCount(2);
    await Promise.all([
      rita.page.keyboard.type(' Duty on fuel is frozen.', { delay: 20 }),
      ed.page.keyboard.type('Today: ', { delay: 20 }),
      fatima.page.keyboard.type('Pensions go up by 4%.', { delay: 20 }),
    ]);
    const texts = await Promise.all(
      [rita, ed, fatima].map(async ({ page }) => {
        await expect(body(page).locator('p')).toHaveText([
          'Today: Taxes rise. Duty on fuel is frozen.',
          'Pensions go up by 4%.',
        ]);
        return body(page).innerText();
      }),
    );
    expect(new Set(texts).size).toBe(1);
    for (const person of [rita, ed, fatima]) await person.context.close();
  });

  test('two people suggest in one story at once: each sees the other’s suggestions, signed, and one accepts them all for both', async ({
    browser,
  }) => {
    const { rita, ed } = await bothInOneStory(browser, desk, 'Rail strike', 'Trains stop on Monday.', {
      width: 1440,
      height: 900,
    });
    for (const { page } of [rita, ed]) {
      await tool(page, 'Suggesting').click();
      await expect(tool(page, 'Suggesting')).toHaveAttribute('aria-pressed', 'true');
    }
    const typeAt = async (page: Page, key: string, words: string) => {
      await body(page).click();
      await page.keyboard.press(key);
      await page.keyboard.type(words, { delay: 20 });
    };
    await Promise.all([
      typeAt(rita.page, `${MOD}+End`, ' Talks resume on Friday.'),
      typeAt(ed.page, `${MOD}+Home`, 'All '),
    ]);
    for (const { page } of [rita, ed]) {
      await expect(body(page).locator('ins[data-author="Rita Reporter"]')).toHaveText(' Talks resume on Friday.');
      await expect(body(page).locator('ins[data-author="Ed Editor"]')).toHaveText('All ');
    }
    await ed.page.getByRole('tab', { name: 'Suggestions' }).click();
    const list = ed.page.getByRole('list', { name: 'Suggested changes' });
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await ed.page.screenshot({ path: 'test-results/desk-suggestions.png' });
    await ed.page.getByRole('button', { name: 'Accept all', exact: true }).click();
    for (const { page } of [rita, ed]) {
      await expect(body(page)).toHaveText('All Trains stop on Monday. Talks resume on Friday.');
      await expect(body(page).locator('ins, del')).toHaveCount(0);
    }
    await rita.context.close();
    await ed.context.close();
  });

  test('a revoked key is asked for again at its next step', async ({ browser }) => {
    const { context, page } = await personPage(browser, desk.server.url, { width: 1440, height: 900 });
    await signIn(page, desk.keys.reporter ?? '');
    const revoked = runCopydesk(['desk', 'revoke', 'Rita Reporter', '--library', desk.server.libraryPath], {});
    expect(revoked.code).toBe(0);
    await library(page).getByRole('button', { name: 'New article' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in to the desk' })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText(/That key does not open this desk/);
    await context.close();
  });
});

test('a window the desk has no room for says why it waits, and goes live when another story is closed', async ({
  browser,
}) => {
  const desk = await startDesk(['--stories-per-person', '1']);
  try {
    const first = await personPage(browser, desk.server.url, { width: 1440, height: 900 });
    await signIn(first.page, desk.keys.reporter ?? '');
    const ids: string[] = [];
    for (const headline of ['Ferry timetable', 'Harbour dues']) {
      const created = await callApi(first.page, 'articles:create', {
        headline,
        body: bodyFromParagraphs([`${headline}: the council meets on Tuesday.`]),
      });
      ids.push((created.value as { id: string }).id);
    }
    const liveStatus = (page: Page) => page.getByRole('contentinfo').locator('.live-status');
    await first.page.goto(`${desk.server.url}#/article/${ids[0] ?? ''}`);
    await expect(liveStatus(first.page)).toHaveText('Live');

    // The same person, signed in, opens a second story in another window: one is all this desk allows.
    const second = await first.context.newPage();
    await second.setViewportSize({ width: 1024, height: 700 });
    await second.goto(`${desk.server.url}#/article/${ids[1] ?? ''}`);
    await expect(liveStatus(second)).toHaveText(
      'Offline: This key already has 1 story open on the desk. Close some windows, then reopen the story.',
    );
    await second.screenshot({ path: 'test-results/desk-full.png' });

    await first.page.close();
    await expect(liveStatus(second)).toHaveText('Live', { timeout: 20_000 });
    await expect(body(second)).toHaveText('Harbour dues: the council meets on Tuesday.');
    await first.context.close();
  } finally {
    await desk.stop();
  }
});
