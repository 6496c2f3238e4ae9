import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

import { bodyFromParagraphs } from '../../shared/text';
import { body, callApi, caretIn, expectSaved, MOD, openSettings, watchForProblems } from '../helpers/editorPage';
import { expect, test } from '../helpers/webServer';

/** The window on a desktop (1440×900) and on a 13-inch laptop (1024×700). */
const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'laptop', width: 1024, height: 700 },
] as const;

/** The words underlined for spelling now, A to Z. */
function underlined(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...(CSS.highlights.get('copydesk-spelling') ?? [])]
      .map((range) => (range instanceof Range ? range.toString() : ''))
      .sort(),
  );
}

/** Right-clicks the middle of an underlined word, as a person points at it. */
async function rightClickUnderlined(page: Page, word: string): Promise<void> {
  const point = await page.evaluate((wanted) => {
    const range = [...(CSS.highlights.get('copydesk-spelling') ?? [])].find(
      (candidate) => candidate instanceof Range && candidate.toString() === wanted,
    );
    if (!(range instanceof Range)) throw new Error(`“${wanted}” is not underlined`);
    // In the middle of the window, clear of the notices at its foot, as a person scrolls it.
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const box = range.getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  }, word);
  await page.mouse.click(point.x, point.y, { button: 'right' });
}

/** Puts the caret inside a word of the body (its second letter), as a click there would. */
const caretInside = (page: Page, word: string) => caretIn(page, word, 1);

/** A story made in the library, opened in the window. */
async function openStory(page: Page, url: string, language: string, paragraphs: string[]): Promise<string> {
  await page.goto(url);
  const created = await callApi(page, 'articles:create', {
    headline: 'Ferry trial',
    language,
    body: bodyFromParagraphs(paragraphs),
  });
  expect(created.ok, created.error?.message).toBe(true);
  const { id } = created.value as { id: string };
  await page.goto(`${url}#/article/${id}`);
  await expect(body(page)).toContainText(paragraphs[0] ?? '');
  return id;
}

for (const size of SIZES) {
  test(`spelling on the ${size.name}: underlined offline, corrected from the menu, a desk word kept across a reload`, async ({
    page,
    copydesk,
  }, testInfo) => {
    await page.setViewportSize(size);
    const problems = await watchForProblems(page);
    // Everything spelling needs comes from the app itself: no request leaves for the internet.
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(`${copydesk.origin}/`)) elsewhere.push(request.url());
    });

    await openStory(page, copydesk.url, 'en-US', [
      'The council recieved the report from Adaeze Okafor on Tuesday.',
      'Ferries will run tommorow, NATO said at https://example.org/ferrys.',
    ]);
    // The browser's own spellchecker stays off: one set of underlines, Copydesk's.
    await expect(body(page)).toHaveAttribute('spellcheck', 'false');
    await expect.poll(() => underlined(page)).toEqual(['Adaeze', 'Okafor', 'recieved', 'tommorow']);

    await page.context().setOffline(true);
    await body(page).click();
    await body(page).press(`${MOD}+End`);
    await page.keyboard.type(' The harbor was closd.');
    await expect.poll(() => underlined(page)).toEqual(['Adaeze', 'Okafor', 'closd', 'recieved', 'tommorow']);

    // A right-click on the word: its suggestions, and what else can be done with it.
    await rightClickUnderlined(page, 'closd');
    const menu = page.getByRole('menu', { name: 'Spelling of “closd”' });
    await expect(menu.getByRole('menuitem', { name: 'closed' })).toBeVisible();
    await expect(menu.getByRole('menuitem', { name: 'Add to the desk’s words' })).toBeVisible();
    await expect(menu.getByRole('menuitem', { name: 'Ignore in this story' })).toBeVisible();
    const box = await menu.boundingBox();
    expect(box).not.toBeNull();
    // The menu is inside the window, whatever its size.
    expect((box?.x ?? -1) + (box?.width ?? 0)).toBeLessThanOrEqual(size.width);
    expect((box?.y ?? -1) + (box?.height ?? 0)).toBeLessThanOrEqual(size.height);
    await page.screenshot({ path: testInfo.outputPath(`${size.name}-spelling-menu.png`) });
    // The menu passes axe's WCAG 2.1 A and AA checks.
    const audit = await new AxeBuilder({ page })
      .include('.spelling-menu')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(audit.passes.map((rule) => rule.id)).toContain('aria-required-children');
    expect(audit.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    await menu.getByRole('menuitem', { name: 'closed' }).click();
    await expect(menu).toBeHidden();
    await expect(body(page)).toContainText('The harbor was closed.');
    await expect.poll(() => underlined(page)).toEqual(['Adaeze', 'Okafor', 'recieved', 'tommorow']);

    // From the keyboard: Shift+F10 at the caret opens the same menu, its first suggestion focused.
    await caretInside(page, 'recieved');
    await page.keyboard.press('Shift+F10');
    const keyboardMenu = page.getByRole('menu', { name: 'Spelling of “recieved”' });
    await expect(keyboardMenu.getByRole('menuitem').first()).toBeFocused();
    await expect(keyboardMenu.getByRole('menuitem').first()).toHaveText('received');
    await page.keyboard.press('Enter');
    await expect(body(page)).toContainText('The council received the report');
    await expect.poll(() => underlined(page)).toEqual(['Adaeze', 'Okafor', 'tommorow']);
    // Escape closes the menu and leaves the word as it was.
    await caretInside(page, 'tommorow');
    await page.keyboard.press('Shift+F10');
    await expect(page.getByRole('menu', { name: 'Spelling of “tommorow”' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toBeHidden();
    await expect(body(page)).toBeFocused();
    // F7 goes on to the next misspelled word, back to the first after the last.
    await page.keyboard.press('F7');
    await expect(page.getByRole('menu', { name: 'Spelling of “Adaeze”' })).toBeVisible();
    await page.keyboard.press('Escape');
    await page.keyboard.press('F7');
    await expect(page.getByRole('menu', { name: 'Spelling of “Okafor”' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(body(page)).toBeFocused();

    // The desk's words are kept by the library: back online to reach it.
    await page.context().setOffline(false);
    await rightClickUnderlined(page, 'Okafor');
    await page
      .getByRole('menu', { name: 'Spelling of “Okafor”' })
      .getByRole('menuitem', { name: 'Add to the desk’s words' })
      .click();
    await expect.poll(() => underlined(page)).toEqual(['Adaeze', 'tommorow']);
    await rightClickUnderlined(page, 'Adaeze');
    await page
      .getByRole('menu', { name: 'Spelling of “Adaeze”' })
      .getByRole('menuitem', { name: 'Ignore in this story' })
      .click();
    await expect.poll(() => underlined(page)).toEqual(['tommorow']);
    await expectSaved(page);

    await page.reload();
    await expect(body(page)).toContainText('The harbor was closed.');
    // The word still misspelled comes back underlined; the desk's word does not.
    await expect.poll(() => underlined(page)).toContain('tommorow');
    expect(await underlined(page)).not.toContain('Okafor');
    expect((await callApi(page, 'deskWords:list', {})).value).toEqual(['Okafor']);
    // Nothing of spelling is written into the story.
    const saved = await callApi(page, 'articles:get', { id: /#\/article\/([0-9a-f-]+)/.exec(page.url())?.[1] });
    expect(JSON.stringify((saved.value as { body: unknown }).body)).not.toMatch(/spelling|highlight/);

    expect(elsewhere).toEqual([]);
    expect(problems().filter((line) => /CSP|uncaught/.test(line))).toEqual([]);
  });
}

test('the dictionary follows the story’s language; a language without one is said in the status bar', async ({
  page,
  copydesk,
}) => {
  await openStory(page, copydesk.url, 'en-GB', ['The harbour’s colour; the color of the harbor.']);
  await expect.poll(() => underlined(page)).toEqual(['color', 'harbor']);
  const statusBar = page.getByRole('contentinfo');
  await expect(statusBar).not.toContainText('No spelling dictionary');

  await page.getByText('Details', { exact: true }).click();
  const language = page.getByRole('combobox', { name: 'Language' });
  await language.selectOption('fr');
  await expect(statusBar).toContainText('No spelling dictionary for French');
  await expect.poll(() => underlined(page)).toEqual([]);

  await language.selectOption('en-US');
  await expect(statusBar).not.toContainText('No spelling dictionary');
  await expect.poll(() => underlined(page)).toEqual(['colour', 'harbour’s']);
});

test('the desk’s words in Settings: a name added ahead, another taken back, and the open story follows', async ({
  page,
  copydesk,
}, testInfo) => {
  await openStory(page, copydesk.url, 'en-GB', ['Adaeze Okafor met Shehbaz Sharif in Islamabad.']);
  await expect.poll(() => underlined(page)).toEqual(['Adaeze', 'Okafor', 'Shehbaz']);
  await rightClickUnderlined(page, 'Okafor');
  await page.getByRole('menuitem', { name: 'Add to the desk’s words' }).click();
  await expect.poll(() => underlined(page)).toEqual(['Adaeze', 'Shehbaz']);

  const settings = await openSettings(page);
  const words = settings.getByRole('list', { name: 'The desk’s words' });
  await expect(words.getByRole('listitem')).toHaveText(['Okafor']);
  const field = settings.getByRole('textbox', { name: 'A word for the desk' });
  // A phrase is refused with the reason, and nothing is kept.
  await field.fill('the minister of the interior');
  await field.press('Enter');
  await expect(settings.getByRole('alert')).toHaveText(
    'A desk word is one word, or a name of up to 4 words such as “Shehbaz Sharif”.',
  );
  await field.fill('Shehbaz Sharif');
  await field.press('Enter');
  await expect(words.getByRole('listitem')).toHaveText(['Okafor', 'Shehbaz Sharif']);
  await expect(field).toHaveValue('');
  await settings.getByRole('button', { name: 'Remove Okafor from the desk’s words' }).click();
  await expect(words.getByRole('listitem')).toHaveText(['Shehbaz Sharif']);
  await settings.screenshot({ path: testInfo.outputPath('settings-desk-words.png') });
  // The words are the library's at once: Cancel closes Settings without taking them back.
  await settings.getByRole('button', { name: 'Cancel' }).click();
  await expect(settings).toBeHidden();

  await expect.poll(() => underlined(page)).toEqual(['Adaeze', 'Okafor']);
  expect((await callApi(page, 'deskWords:list', {})).value).toEqual(['Shehbaz Sharif']);
});
