import type { Page } from '@playwright/test';

import { pngImage } from '../helpers/images';
import { body, expectSaved, library, MOD, openSettings, tool } from '../helpers/editorPage';
import { expect, test } from '../helpers/webServer';

/**
 * Builds ../shared/samples/seed-article.txt through the UI, the way a desk editor would, then
 * reloads and finds every part as it was typed.
 */

const HEADLINE = 'Facing TTP and Daesh Threats, Pakistan-Russia Deepen Counterterrorism Cooperation';
const DEK =
  'Pakistan and Russia vow to boost anti-terror cooperation amid rising threats from Afghanistan and regional militancy.';
const RELATED = 'Russia Warns UN: ISIS May Have Access to U.S. Weapons in Afghanistan';
const BIO =
  'Your trusted source for insightful journalism. Stay informed with our compelling coverage of global affairs, business, technology, and more.';
const CAPTION = 'Pakistan and Russia held the 11th meeting of their joint working group on counterterrorism in Moscow.';
const CREDIT = 'Image via MOFA Pakistan';
const SYNDICATION = 'Sourced from Arab News';

const BEFORE_QUOTE = [
  'Senior officials from Pakistan and Russia on Tuesday agreed to strengthen cooperation in the face of evolving “terrorism” in Afghanistan and the region, Pakistan’s foreign ministry said in a statement.',
  'Russia also faces threats from Daesh militants. On Mar. 22, 2024, a deadly attack at the Crocus City Hall concert venue near Moscow killed over 140 people and injured several.',
];
const QUOTE =
  '“The two sides held an in-depth exchange of views on the global and regional terrorism landscape, with particular attention to the evolving threat posed by terrorism in Afghanistan and the region,” Pakistan’s foreign affairs ministry said.';
const AFTER_ALSO_SEE = [
  'The meeting concluded with both sides reaffirming their resolve to strengthen cooperation amid shared challenges posed by militants.',
  'Both sides decided to hold the working group’s next meeting in 2026.',
];

const editorPane = (page: Page) => page.getByRole('main', { name: 'Editor' });

/** A dusk-coloured sky over a ridge, enough to look like a photograph in a screenshot. */
function dusk(x: number, y: number, height: number): readonly [number, number, number] {
  const t = y / height;
  const ridge = y > height * (0.62 + 0.08 * Math.sin(x / 23));
  return ridge ? [38, 52, 60] : [Math.round(40 + 170 * t), Math.round(70 + 90 * t), Math.round(120 - 40 * t)];
}

/** Types a paragraph into the body and starts the next one. Long text goes in as one insertion. */
async function paragraph(page: Page, text: string): Promise<void> {
  await page.keyboard.insertText(text);
  await page.keyboard.press('Enter');
}

test('the seed article can be built through the UI and reads back as typed', async ({ page, copydesk }) => {
  test.setTimeout(180_000);
  await page.goto(copydesk.url);

  // The story the "Also See" block will point to.
  await library(page).getByRole('button', { name: 'New article' }).click();
  await expect(page.getByRole('textbox', { name: 'Headline' })).toBeFocused();
  await page.keyboard.type(RELATED);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(
    'Moscow told the Security Council that weapons left behind may have reached militants.',
  );
  await expectSaved(page);

  // The seed article itself.
  await library(page).getByRole('button', { name: 'New article' }).click();
  const headline = page.getByRole('textbox', { name: 'Headline' });
  await expect(headline).toBeFocused();
  await page.keyboard.insertText(HEADLINE);
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(DEK);

  await page.getByRole('textbox', { name: 'Section' }).fill('World');

  // Byline: a new author, with the bio every article of theirs will share.
  const addAuthor = page.getByRole('combobox', { name: 'Add author' });
  await addAuthor.click();
  await page.keyboard.type('News Desk');
  await page.getByRole('option', { name: /Create author “News Desk”/ }).click();
  const newAuthor = page.getByRole('group', { name: 'New author' });
  await expect(newAuthor.getByLabel('Short bio')).toBeFocused();
  await page.keyboard.insertText(BIO);
  await newAuthor.getByRole('button', { name: 'Create author' }).click();
  const byline = page.getByRole('list', { name: 'Authors, in byline order' });
  await expect(byline.getByRole('listitem')).toHaveText(['News Desk']);

  await page.getByRole('textbox', { name: 'Dateline place' }).fill('ISLAMABAD');
  await page.getByLabel('Dateline date').fill('2025-07-15');

  // Lead image, from a file picked on disk.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose lead image' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'moscow-meeting.png',
    mimeType: 'image/png',
    buffer: pngImage(640, 360, (x, y) => dusk(x, y, 360)),
  });
  const leadImage = page.getByRole('figure', { name: 'Lead image' });
  await expect(leadImage.getByText('640 × 360 px')).toBeVisible();
  await leadImage.getByRole('textbox', { name: 'Image caption' }).fill(CAPTION);
  await leadImage.getByRole('textbox', { name: 'Image credit' }).fill(CREDIT);

  // The details a desk sets once per story.
  await page.getByText('Details', { exact: true }).click();
  const addTag = page.getByRole('textbox', { name: 'Add tag' });
  await addTag.fill('Pakistan');
  await addTag.press('Enter');
  await addTag.fill('Russia, Counterterrorism');
  await addTag.press('Enter');
  await expect(page.getByRole('list', { name: 'Tags' }).getByRole('listitem')).toHaveText([
    'Pakistan',
    'Russia',
    'Counterterrorism',
  ]);
  await page.getByRole('textbox', { name: 'Syndication credit' }).fill(SYNDICATION);
  await page.getByRole('spinbutton', { name: 'Length target' }).fill('450');
  await expect(page.getByRole('textbox', { name: 'Slug' })).toHaveValue(
    'facing-ttp-and-daesh-threats-pakistan-russia-deepen-counterterrorism-cooperation',
  );
  await expect(page.getByText('Follows the headline')).toBeVisible();

  // The body: paragraphs, a quote block, an "Also See" block and more paragraphs.
  await body(page).click();
  for (const text of BEFORE_QUOTE) await paragraph(page, text);
  await tool(page, 'Quote').click();
  await page.keyboard.insertText(QUOTE);
  await page.keyboard.press('Enter');
  await expect(tool(page, 'Quote')).toHaveAttribute('aria-pressed', 'false');
  await tool(page, 'Also See').click();
  const alsoSee = page.getByRole('dialog', { name: 'Insert Also See' });
  await alsoSee.getByRole('searchbox', { name: 'Find an article' }).fill('Russia Warns');
  await alsoSee.getByRole('button', { name: new RegExp(`^${RELATED.slice(0, 20)}`) }).click();
  await expect(alsoSee).toBeHidden();
  for (const text of AFTER_ALSO_SEE) await paragraph(page, text);

  await expectSaved(page);
  const footer = page.getByRole('contentinfo');
  await expect(footer).toContainText(/\d+ \/ 450 words/);
  await expect(footer).toContainText('min read');

  await page.reload();

  // Everything reads back as typed.
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue(HEADLINE);
  await expect(page.getByRole('textbox', { name: 'Dek' })).toHaveValue(DEK);
  await expect(page.getByRole('textbox', { name: 'Section' })).toHaveValue('World');
  await expect(byline.getByRole('listitem')).toHaveText(['News Desk']);
  await expect(page.getByRole('textbox', { name: 'Dateline place' })).toHaveValue('ISLAMABAD');
  // Typed as ISO, shown the person's way (the browser's locale here is en-US).
  await expect(page.getByLabel('Dateline date')).toHaveValue('Jul 15, 2025');
  await expect(leadImage.getByRole('img')).toHaveAttribute('src', /^blob:/);
  await expect(leadImage.getByText('640 × 360 px')).toBeVisible();
  await expect(leadImage.getByRole('textbox', { name: 'Image caption' })).toHaveValue(CAPTION);
  await expect(leadImage.getByRole('textbox', { name: 'Image credit' })).toHaveValue(CREDIT);
  await expect(page.getByRole('list', { name: 'Tags' }).getByRole('listitem')).toHaveText([
    'Pakistan',
    'Russia',
    'Counterterrorism',
  ]);
  await expect(page.getByRole('textbox', { name: 'Syndication credit' })).toHaveValue(SYNDICATION);
  await expect(page.getByRole('spinbutton', { name: 'Length target' })).toHaveValue('450');

  const paragraphs = body(page).locator('p.ed-paragraph');
  for (const text of [...BEFORE_QUOTE, ...AFTER_ALSO_SEE]) {
    await expect(paragraphs.filter({ hasText: text })).toHaveCount(1);
  }
  await expect(body(page).locator('blockquote')).toHaveText(QUOTE);
  const alsoSeeBlock = body(page).locator('.ed-also-see');
  await expect(alsoSeeBlock).toContainText('Also See:');
  await expect(alsoSeeBlock.getByRole('link', { name: RELATED })).toBeVisible();

  // The author's bio is kept with the author, and offered when the byline chip is opened.
  await byline.getByRole('button', { name: 'News Desk: edit author' }).click();
  const authorCard = page.getByRole('dialog', { name: 'Edit author News Desk' });
  await expect(authorCard.getByLabel('Bio')).toHaveValue(BIO);
  await expect(authorCard).toContainText('shared');
  await authorCard.getByRole('button', { name: 'Cancel' }).click();
  await expect(authorCard).toBeHidden();

  await expectSaved(page);
  // Folded, the details read as one line under the lead image.
  await page.getByText('Details', { exact: true }).click();
  await expect(page.getByText(`Pakistan, Russia, Counterterrorism · ${SYNDICATION}`)).toBeVisible();
  await editorPane(page).evaluate((element) => element.scrollTo(0, 0));
  await page.screenshot({ path: '/tmp/seed-article.png' });
  await body(page).locator('blockquote').scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/seed-article-body.png' });
});

test('new articles start from the Settings defaults, and a taken slug is refused with the reason', async ({
  page,
  copydesk,
}) => {
  await page.goto(copydesk.url);

  const settings = await openSettings(page);
  await settings.getByRole('textbox', { name: 'Default byline' }).fill('News Desk');
  await settings.getByRole('textbox', { name: 'Default dateline place' }).fill('ISLAMABAD');
  await settings.getByRole('spinbutton', { name: 'Autosave delay (ms)' }).fill('600');
  // The theme changes as it is picked.
  await settings.getByText('Dark', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await settings.getByRole('button', { name: 'Add term' }).click();
  await expect(settings.getByRole('textbox', { name: 'Term 3' })).toBeFocused();
  await page.keyboard.type('Kabul regime');
  await settings.getByRole('textbox', { name: 'House form for Kabul regime' }).fill('Taliban administration');
  await page.screenshot({ path: '/tmp/settings.png' });
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings).toBeHidden();

  // The default byline is found or created as an author; the dateline place is filled in.
  await library(page).getByRole('button', { name: 'New article' }).click();
  await expect(page.getByRole('textbox', { name: 'Headline' })).toBeFocused();
  await page.keyboard.type('Ferry trial begins');
  const byline = page.getByRole('list', { name: 'Authors, in byline order' });
  await expect(byline.getByRole('listitem')).toHaveText(['News Desk']);
  await expect(page.getByRole('textbox', { name: 'Dateline place' })).toHaveValue('ISLAMABAD');
  await expectSaved(page);

  await library(page).getByRole('button', { name: 'New article' }).click();
  await expect(page.getByRole('textbox', { name: 'Headline' })).toBeFocused();
  await page.keyboard.type('Harbour reopens');
  await expect(byline.getByRole('listitem')).toHaveText(['News Desk']);
  await expectSaved(page);

  // A second author, created with a bio; chips move and go with the keyboard.
  await page.getByRole('combobox', { name: 'Add author' }).click();
  await page.keyboard.type('Amna Riaz');
  await page.keyboard.press('Enter');
  const newAuthor = page.getByRole('group', { name: 'New author' });
  await expect(newAuthor.getByLabel('Short bio')).toBeFocused();
  await page.keyboard.type('Covers the harbour.');
  await page.keyboard.press(`${MOD}+Enter`);
  await expect(byline.getByRole('listitem')).toHaveText(['News Desk', 'Amna Riaz']);
  await expect(page.getByRole('combobox', { name: 'Add author' })).toBeFocused();
  await byline.getByRole('button', { name: 'Amna Riaz: edit author' }).focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(byline.getByRole('listitem')).toHaveText(['Amna Riaz', 'News Desk']);
  await expect(byline.getByRole('button', { name: 'Amna Riaz: edit author' })).toBeFocused();
  await expectSaved(page);

  // A name left empty is refused with the reason; Escape leaves the author as it was.
  await byline.getByRole('button', { name: 'News Desk: edit author' }).click();
  const card = page.getByRole('dialog', { name: 'Edit author News Desk' });
  await card.getByLabel('Name').fill('');
  await page.keyboard.press(`${MOD}+Enter`);
  await expect(card.getByRole('alert')).toHaveText('An author needs a name.');
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  await expect(byline.getByRole('listitem')).toHaveText(['Amna Riaz', 'News Desk']);

  // The bio belongs to the author: changed here, it is changed for every article they sign.
  await byline.getByRole('button', { name: 'News Desk: edit author' }).click();
  await expect(card).toContainText('shared by the 2 articles');
  await card.getByLabel('Bio').fill('The desk that files breaking news.');
  await card.getByRole('button', { name: 'Save author' }).click();
  await expect(card).toBeHidden();

  // An unusable file is refused with a reason; nothing changes.
  const refused = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose lead image' }).click();
  await (await refused).setFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') });
  await expect(page.getByRole('alert').filter({ hasText: 'notes.txt is not an image Copydesk can use' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Lead image' })).toHaveCount(0);

  const details = page.getByText('Details', { exact: true });
  if (!(await page.getByRole('textbox', { name: 'Slug' }).isVisible())) await details.click();
  const slug = page.getByRole('textbox', { name: 'Slug' });
  await expect(slug).toHaveValue('harbour-reopens');
  await slug.fill('ferry-trial-begins');
  await slug.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'already used by another article' })).toBeVisible();
  await expect(slug).toHaveAttribute('aria-invalid', 'true');
  // The refusal is about the slug alone: the article itself saves on.
  await expectSaved(page);
  await slug.fill('harbour-reopens-today');
  await slug.press('Enter');
  await expectSaved(page);
  await expect(page.getByText('Set by hand')).toBeVisible();

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('textbox', { name: 'Slug' })).toHaveValue('harbour-reopens-today');
  await expect(byline.getByRole('listitem')).toHaveText(['Amna Riaz', 'News Desk']);

  // The first article shows the bio as changed from the second.
  await library(page)
    .getByRole('link', { name: /^Ferry trial begins/ })
    .click();
  await byline.getByRole('button', { name: 'News Desk: edit author' }).click();
  await expect(page.getByRole('dialog', { name: 'Edit author News Desk' }).getByLabel('Bio')).toHaveValue(
    'The desk that files breaking news.',
  );
  await page.keyboard.press('Escape');
  await library(page)
    .getByRole('link', { name: /^Harbour reopens/ })
    .click();
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue('Harbour reopens');
  await page.screenshot({ path: '/tmp/seed-dark.png' });

  // The shortcut list: ? outside a text field, F1 anywhere.
  await page.getByRole('textbox', { name: 'Headline' }).click();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue('Harbour reopens?');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('F1');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  const editing = shortcuts.getByRole('region', { name: 'Editing the body' });
  await expect(editing.getByRole('term').filter({ hasText: /^Bold$/ })).toBeVisible();
  await page.screenshot({ path: '/tmp/shortcuts.png' });
  await page.keyboard.press('Escape');
  await expect(shortcuts).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Headline' })).toBeFocused();
  await page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  });
  await page.keyboard.press('?');
  await expect(shortcuts).toBeVisible();
  await shortcuts.getByRole('button', { name: 'Close' }).click();
  await expect(shortcuts).toBeHidden();
});
