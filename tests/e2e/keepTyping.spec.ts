import type { Page, Route } from '@playwright/test';

import {
  body,
  callApi,
  expectSaved,
  headlineField,
  library,
  MOD,
  openSettings,
  saveState,
  startArticle,
  startStory,
  watchForProblems,
} from '../helpers/editorPage';
import { expect, test } from '../helpers/webServer';

const dateField = (page: Page) => page.getByRole('textbox', { name: 'Dateline date' });
const offer = (page: Page) => page.getByRole('region', { name: 'Changes not saved' });
const articleRows = (page: Page) => library(page).getByRole('list', { name: 'Articles' }).getByRole('link');
const articleLink = (page: Page, headline: string) =>
  library(page).getByRole('link', { name: new RegExp(`^${headline}`) });

/** No message a person sees names a request ("articles:save") or a schema path ("patch.datelineDate"). */
const MACHINE_WORDS = /[a-z]+:[a-z]+[A-Z]?|\bpatch\.|datelineDate|Invalid input/;

/** The library refuses every save as a full disk does, as long as the route stays. */
async function fillTheDisk(page: Page): Promise<void> {
  await page.route('**/api/articles%3Asave', (route: Route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        ok: false,
        error: {
          code: 'library-unavailable',
          message:
            'The disk is full: this change could not be saved. Free some space on the disk holding the library, then try again; everything saved before is intact.',
        },
      }),
    }),
  );
}

test.describe('in a British English window', () => {
  test.use({ locale: 'en-GB' });

  test('a six-digit year is told at the dateline date, kept on screen and held back while the rest saves', async ({
    page,
    copydesk,
  }) => {
    const problems = await watchForProblems(page);
    await page.goto(copydesk.url);
    await startStory(page, 'Harbour reopens after storm', ['The harbour reopened on Tuesday.']);

    // Chromium's own date box took 252025 as a year; the story could not be saved after it.
    await dateField(page).click();
    await page.keyboard.type('252025-12-06');
    await page.keyboard.press('Tab');
    await expect(dateField(page)).toHaveValue('252025-12-06');
    await expect(dateField(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(dateField(page)).toHaveAccessibleDescription(
      /^The year 252025 is not a year a story is dated in: write a date such as \d{1,2} \w+ \d{4} or \d\d\/\d\d\/\d{4}\./,
    );
    await expect(saveState(page)).toHaveText(
      /^Everything else is saved\. Not saved: the dateline date — The year 252025 is not a year a story is dated in/,
    );

    // The rest of the story goes on saving.
    await body(page).click();
    await page.keyboard.press(`${MOD}+End`);
    await page.keyboard.type(' Ferries run again.');
    await expect(saveState(page)).toHaveText(/^Everything else is saved\. Not saved: the dateline date/);

    // A headline pasted too long stays whole, is told, and holds back only itself.
    await headlineField(page).click();
    await page.keyboard.press('End');
    await page.keyboard.insertText(` ${'and more '.repeat(60)}`);
    await expect(headlineField(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(headlineField(page)).toHaveAccessibleDescription('The headline is too long (at most 500 characters).');
    await expect(saveState(page)).toHaveText(
      'Everything else is saved. Not saved: the dateline date and the headline (see each field for why).',
    );
    await page.keyboard.press(`${MOD}+z`);
    await expect(headlineField(page)).toHaveValue('Harbour reopens after storm');
    await expect(headlineField(page)).toHaveAttribute('aria-invalid', 'false');

    // The fields under Details are checked where they are typed too.
    await page.getByText('Details', { exact: true }).click();
    const target = page.getByRole('spinbutton', { name: 'Length target' });
    await target.fill('0');
    await expect(target).toHaveAccessibleDescription('The length target must be at least 1 word.');
    await target.fill('450');
    await expect(target).toHaveAttribute('aria-invalid', 'false');
    const slug = page.getByRole('textbox', { name: 'Slug' });
    await slug.fill('Harbour Reopens');
    await slug.press('Enter');
    await expect(slug).toHaveValue('Harbour Reopens');
    await expect(slug).toHaveAccessibleDescription(
      /A slug is lower-case letters and digits separated by single hyphens/,
    );
    await slug.press('Escape');
    await expect(slug).toHaveValue('harbour-reopens-after-storm');
    await expect(saveState(page)).toHaveText(/^Everything else is saved\. Not saved: the dateline date — /);
    expect(await saveState(page).textContent()).not.toMatch(MACHINE_WORDS);

    // A reload keeps what was saved and offers back the date that was not.
    await page.reload();
    await expect(body(page)).toHaveText('The harbour reopened on Tuesday. Ferries run again.');
    await expect(dateField(page)).toHaveValue('');
    await expect(offer(page)).toContainText(/^Changes not saved from \d{1,2}:\d\d — the dateline date\./);
    await offer(page).getByRole('button', { name: 'Put them back' }).click();
    await expect(offer(page)).toBeHidden();
    await expect(dateField(page)).toHaveValue('252025-12-06');
    await expect(dateField(page)).toHaveAccessibleDescription(/^The year 252025 is not a year a story is dated in/);

    // Mended, it is saved like any other change.
    await dateField(page).fill('06/12/2026');
    await dateField(page).press('Enter');
    await expect(dateField(page)).toHaveValue('6 Dec 2026');
    await expectSaved(page);
    await page.reload();
    await expect(dateField(page)).toHaveValue('6 Dec 2026');
    await expect(offer(page)).toHaveCount(0);
    expect(problems()).toEqual([]);
  });

  test('the dateline date is read and shown the person’s way, and stored as one day whatever the locale', async ({
    page,
    copydesk,
    browser,
  }) => {
    await page.goto(copydesk.url);
    await startArticle(page, 'Ferry timetable changes');
    // The box shows the locale's own order while empty.
    await expect(dateField(page)).toHaveAttribute('placeholder', 'dd/mm/yyyy');

    // Day first in en-GB.
    await dateField(page).click();
    await page.keyboard.type('06/12/2026');
    await page.keyboard.press('Enter');
    await expect(dateField(page)).toHaveValue('6 Dec 2026');
    // The arrow keys move it a day.
    await page.keyboard.press('ArrowUp');
    await expect(dateField(page)).toHaveValue('7 Dec 2026');
    await page.keyboard.press('ArrowDown');
    await expect(dateField(page)).toHaveValue('6 Dec 2026');

    // Words and ISO dates are read too; what cannot be read is said, and Escape puts the date back.
    await page.keyboard.press(`${MOD}+a`);
    await page.keyboard.type('6 Decmber 2026');
    await page.keyboard.press('Enter');
    await expect(dateField(page)).toHaveValue('6 Decmber 2026');
    await expect(dateField(page)).toHaveAccessibleDescription(
      /^Copydesk cannot read “6 Decmber 2026” as a date: write it like \d{1,2} \w+ \d{4} or \d\d\/\d\d\/\d{4}\./,
    );
    await page.keyboard.press('Escape');
    await expect(dateField(page)).toHaveValue('6 Dec 2026');
    await expect(dateField(page)).toHaveAttribute('aria-invalid', 'false');
    await page.keyboard.press(`${MOD}+a`);
    await page.keyboard.type('31 June 2026');
    await page.keyboard.press('Enter');
    await expect(dateField(page)).toHaveAccessibleDescription(/^There is no day 31 in June 2026: it has 30 days\./);
    await page.keyboard.press(`${MOD}+a`);
    await page.keyboard.type('2026-11-28');
    await page.keyboard.press('Tab');
    await expect(dateField(page)).toHaveValue('28 Nov 2026');
    await expectSaved(page);

    // The same story in an American window: the same day, the American way.
    const american = await browser.newContext({ locale: 'en-US', viewport: { width: 1360, height: 860 } });
    const other = await american.newPage();
    await other.goto(copydesk.url);
    await articleLink(other, 'Ferry timetable changes').click();
    await expect(dateField(other)).toHaveValue('Nov 28, 2026');
    await expect(dateField(other)).toHaveAttribute('placeholder', 'mm/dd/yyyy');
    await dateField(other).fill('06/12/2026');
    await dateField(other).press('Tab');
    await expect(dateField(other)).toHaveValue('Jun 12, 2026');
    await expectSaved(other);
    await american.close();

    await page.reload();
    await expect(dateField(page)).toHaveValue('12 Jun 2026');
  });
});

test('edits the library refuses are kept through a switch of story, a reload and a closed window, and put back', async ({
  page,
  copydesk,
  context,
}) => {
  await page.goto(copydesk.url);
  await startStory(page, 'Council approves budget', ['The vote was close.']);
  await startStory(page, 'Ferry fares frozen', ['Fares stay the same this year.']);

  // The disk fills up: every save is refused.
  await fillTheDisk(page);
  await page.keyboard.type(' The minister said so on Monday.');
  await expect(saveState(page)).toHaveText(/^Not saved: The disk is full: this change could not be saved\./);
  await expect(page.getByRole('contentinfo').getByRole('button', { name: 'Retry' })).toBeVisible();

  // Another story opens: what could not be saved is kept, and offered when this one opens again.
  await articleLink(page, 'Council approves budget').click();
  await expect(headlineField(page)).toHaveValue('Council approves budget');
  await articleLink(page, 'Ferry fares frozen').click();
  await expect(body(page)).toHaveText('Fares stay the same this year.');
  await expect(offer(page)).toContainText(/^Changes not saved from \d{1,2}:\d\d( [AP]M)? — the text\./);

  // Typed on while the offer stands: neither is lost.
  await headlineField(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' again');
  await expect(saveState(page)).toHaveText(/^Not saved: The disk is full/);
  await articleLink(page, 'Council approves budget').click();
  await articleLink(page, 'Ferry fares frozen').click();
  await expect(offer(page)).toContainText('— the headline and the text.');

  // Room again on the disk: put back, and saved.
  await page.unroute('**/api/articles%3Asave');
  await offer(page).getByRole('button', { name: 'Put them back' }).click();
  await expect(headlineField(page)).toHaveValue('Ferry fares frozen again');
  await expect(body(page)).toHaveText('Fares stay the same this year. The minister said so on Monday.');
  await expectSaved(page);

  // Another desk saves the story meanwhile: what is typed here can no longer go on top of it.
  const id = /#\/article\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';
  const stored = await callApi(page, 'articles:get', { id });
  const { version } = stored.value as { version: number };
  await callApi(page, 'articles:save', { id, version, patch: { dek: 'Set by the other desk' } });
  await body(page).click();
  await page.keyboard.press(`${MOD}+End`);
  await page.keyboard.type(' Fuel costs fell.');
  await expect(saveState(page)).toHaveText(/^Not saved: This article was changed elsewhere/);

  // A reload brings the other desk's text, and offers what was typed here.
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Dek' })).toHaveValue('Set by the other desk');
  await expect(offer(page)).toContainText('— the text.');

  // So does a window closed and opened again.
  await page.close({ runBeforeUnload: true });
  const reopened = await context.newPage();
  await reopened.goto(copydesk.url);
  await articleLink(reopened, 'Ferry fares frozen again').click();
  await expect(offer(reopened)).toContainText('— the text.');
  await offer(reopened).getByRole('button', { name: 'Put them back' }).click();
  await expect(body(reopened)).toHaveText(
    'Fares stay the same this year. The minister said so on Monday. Fuel costs fell.',
  );
  await expectSaved(reopened);
  await reopened.reload();
  await expect(body(reopened)).toHaveText(
    'Fares stay the same this year. The minister said so on Monday. Fuel costs fell.',
  );
  await expect(reopened.getByRole('textbox', { name: 'Dek' })).toHaveValue('Set by the other desk');
  await expect(offer(reopened)).toHaveCount(0);

  // Discard forgets them for good.
  await fillTheDisk(reopened);
  await body(reopened).click();
  await reopened.keyboard.press(`${MOD}+End`);
  await reopened.keyboard.type(' Not wanted.');
  await expect(saveState(reopened)).toHaveText(/^Not saved/);
  await articleLink(reopened, 'Council approves budget').click();
  // The last save, made as the story closed, is refused too: the person is told.
  await expect(
    reopened.getByText(/^Changes to “Ferry fares frozen again” were not saved: The disk is full/),
  ).toBeVisible();
  await reopened.unroute('**/api/articles%3Asave');
  await articleLink(reopened, 'Ferry fares frozen again').click();
  await offer(reopened).getByRole('button', { name: 'Discard' }).click();
  await expect(offer(reopened)).toBeHidden();
  await reopened.reload();
  await expect(body(reopened)).toHaveText(
    'Fares stay the same this year. The minister said so on Monday. Fuel costs fell.',
  );
  await expect(offer(reopened)).toHaveCount(0);
});

test('a save the library refuses is told in words, without request names or field paths', async ({
  page,
  copydesk,
}) => {
  await page.goto(copydesk.url);
  await startStory(page, 'Language of the desk', ['Filed in English.']);

  // A window out of step with its library sends what the contract refuses: the library's own answer reaches the person.
  await page.route('**/api/articles%3Asave', async (route) => {
    const sent = route.request().postDataJSON() as { patch: Record<string, unknown> };
    await route.continue({ postData: JSON.stringify({ ...sent, patch: { ...sent.patch, language: 'English' } }) });
  });
  await page.keyboard.type(' More.');
  await expect(saveState(page)).toHaveText('Not saved: The language must be a language tag such as en, ur or pt-BR.');
  expect(await saveState(page).textContent()).not.toMatch(MACHINE_WORDS);
  await page.unroute('**/api/articles%3Asave');
  await page.getByRole('contentinfo').getByRole('button', { name: 'Retry' }).click();
  await expectSaved(page);
});

test('keys typed straight after New all land in the headline, with the defaults from Settings', async ({
  page,
  copydesk,
}) => {
  await page.goto(copydesk.url);
  const settings = await openSettings(page);
  await settings.getByRole('textbox', { name: 'Default byline' }).fill('News Desk');
  await settings.getByRole('textbox', { name: 'Default dateline place' }).fill('ISLAMABAD');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings).toBeHidden();

  // A fast typist does not wait for the library.
  await library(page).getByRole('button', { name: 'New article' }).click();
  await page.keyboard.type('Typed ahead');
  await page.keyboard.press('Enter');
  await page.keyboard.type('A dek typed ahead too');
  await expect(headlineField(page)).toHaveValue('Typed ahead');
  await expect(page.getByRole('textbox', { name: 'Dek' })).toHaveValue('A dek typed ahead too');
  await expect(page.getByRole('list', { name: 'Authors, in byline order' }).getByRole('listitem')).toHaveText([
    'News Desk',
  ]);
  await expect(page.getByRole('textbox', { name: 'Dateline place' })).toHaveValue('ISLAMABAD');
  await expectSaved(page);
  await expect(articleRows(page)).toHaveText([/^Typed ahead/]);

  // And again, on to the text at once.
  await page.reload();
  await expect(headlineField(page)).toHaveValue('Typed ahead');
  await expect(page.getByRole('list', { name: 'Authors, in byline order' }).getByRole('listitem')).toHaveText([
    'News Desk',
  ]);
  await library(page).getByRole('button', { name: 'New article' }).click();
  await page.keyboard.type('Second');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Straight into the text.');
  await expect(headlineField(page)).toHaveValue('Second');
  await expect(body(page)).toHaveText('Straight into the text.');
  await expectSaved(page);
  await expect(articleRows(page)).toHaveCount(2);
});

test('New keeps no empty Untitled draft: a story is stored with its first change, never before', async ({
  page,
  copydesk,
}) => {
  const problems = await watchForProblems(page);
  await page.goto(copydesk.url);
  await startStory(page, 'The only story', ['It has words.']);
  const creates: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/articles%3Acreate')) creates.push(request.url());
  });

  // Opened and left, three times over, and once across a reload: nothing is kept.
  const newArticle = library(page).getByRole('button', { name: 'New article' });
  await newArticle.click();
  await expect(headlineField(page)).toBeFocused();
  await expect(page).toHaveURL(/#\/new\//);
  await expect(saveState(page)).toHaveText('New story: kept from its first word');
  await newArticle.click();
  await expect(headlineField(page)).toHaveValue('');
  await page.reload();
  await expect(headlineField(page)).toHaveValue('');
  await expect(page.getByRole('region', { name: 'Sources' })).toContainText('This story is kept from its first word');
  await articleLink(page, 'The only story').click();
  await expect(body(page)).toHaveText('It has words.');
  await expect(articleRows(page)).toHaveText([/^The only story/]);
  await expect(library(page).getByRole('button', { name: /^Articles/ })).toHaveText('Articles 1');
  expect(creates).toEqual([]);

  // The first word stores it; its panels and actions come then.
  await newArticle.click();
  await page.keyboard.type('W');
  await expect(articleRows(page)).toHaveCount(2);
  await expect(page).toHaveURL(/#\/article\//);
  await expect(page.getByRole('button', { name: 'Move to trash' })).toBeVisible();
  await page.keyboard.type('ord by word');
  await expectSaved(page);
  await expect(articleRows(page).first()).toHaveAccessibleName(/^Word by word/);
  expect(creates).toHaveLength(1);
  await expect(library(page).getByRole('button', { name: /^Articles/ })).toHaveText('Articles 2');
  expect(problems()).toEqual([]);
});
