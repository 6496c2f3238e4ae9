import fs from 'node:fs';
import path from 'node:path';

import type { Page } from '@playwright/test';

import { formatStoryTimeShort, zoneAbbreviation, zonedToUtc } from '../../shared/storyTimes';
import { expectSaved, library, startStory } from '../helpers/editorPage';
import { pngImage } from '../helpers/images';
import { expect, test } from '../helpers/webServer';

// The person works in London, in British English: times are typed and shown there.
const ZONE = 'Europe/London';
test.use({ timezoneId: ZONE, locale: 'en-GB' });

const HEADLINE = 'Night ferry trial approved';
const ALT = 'Two ferries moored side by side at a quay at dawn, gulls over the water';
const SEO_HEADLINE = 'Port Ellis approves a six-month night ferry trial: what changes for its commuters?';

/** A day about a month ahead, as a person in London writes it ("6 January 2027"), and the instant of 09:00 on it. */
function embargoAhead(): { day: string; iso: string } {
  const ahead = new Date(Date.now() + 30 * 24 * 3_600_000);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).formatToParts(ahead);
  const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value);
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  const month = months.indexOf(parts.find((entry) => entry.type === 'month')?.value ?? '') + 1;
  const reading = zonedToUtc({ year: part('year'), month, day: part('day'), hour: 9, minute: 0 }, ZONE);
  if (!reading.ok) throw new Error(reading.message);
  return { day: parts.map((entry) => entry.value).join(''), iso: reading.iso };
}

/** A new story typed in a window of `size`, with its Publishing fields opened by the mouse, as a person does. */
async function storyWithPublishingOpen(
  page: Page,
  url: string,
  size: { width: number; height: number },
): Promise<void> {
  await page.setViewportSize(size);
  await page.goto(url);
  await startStory(page, HEADLINE, ['The council approved night crossings on Monday.']);
  const embargoDay = page.getByRole('textbox', { name: 'Embargo until: day' });
  if (!(await embargoDay.isVisible())) await page.getByText('Publishing', { exact: true }).click();
  await expect(embargoDay).toBeVisible();
}

/** Types the embargo's day and time in their boxes with the keyboard, and presses Enter to set it. */
async function typeEmbargo(page: Page, day: string, time: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Embargo until: day' }).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(day);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Embargo until: time' })).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(time);
  await page.keyboard.press('Enter');
}

test('an embargo set in the person’s zone is shown in the header and the library, and warned of at export; the lead picture’s alt text is in the package', async ({
  page,
  copydesk,
}) => {
  await storyWithPublishingOpen(page, copydesk.url, { width: 1440, height: 900 });
  const group = page.getByRole('group', { name: 'Embargo until' });
  await expect(group).toContainText('Europe/London');

  // An hour no clock shows is refused at the field, with a sentence; nothing is set.
  const { day, iso } = embargoAhead();
  await typeEmbargo(page, day, '25:00');
  await expect(page.getByRole('alert').filter({ hasText: 'There is no hour 25 in a day' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Embargo until: time' })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.story-times')).toHaveCount(0);

  await typeEmbargo(page, day, '9:00');
  await expect(page.getByRole('alert').filter({ hasText: 'There is no hour' })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Embargo until: time' })).toHaveValue('09:00');
  await expectSaved(page);

  // The header says it under the section, in London time.
  const when = page.locator('.story-times time');
  await expect(page.locator('.story-times')).toContainText('Embargoed until');
  await expect(when).toHaveAttribute('datetime', iso);
  await expect(when).toContainText('09:00');

  // The library's row says it too.
  const row = library(page).getByRole('link', { name: new RegExp(HEADLINE) });
  await expect(row).toContainText(`Embargo ${formatStoryTimeShort(iso, ZONE, new Date(), 'en-GB')}`);
  await page.screenshot({ path: '/tmp/publishing-embargo-1440.png' });

  // A lead picture with its credit; the checklist asks for its alt text, and warns of the embargo.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose lead image' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'ferries.png',
    mimeType: 'image/png',
    buffer: pngImage(640, 360, (x) => [20, 60 + (x % 120), 140]),
  });
  const figure = page.getByRole('figure', { name: 'Lead image' });
  await figure.getByRole('textbox', { name: 'Image credit' }).fill('Amna Riaz/Dawn');
  await expectSaved(page);

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export package' });
  const warnings = dialog.getByRole('list', { name: 'Warnings' });
  await expect(warnings).toContainText('The story is embargoed until');
  await expect(warnings).toContainText(`09:00 ${zoneAbbreviation(iso, ZONE, 'en-GB')}`);
  await expect(warnings).toContainText('The lead image has no alt text.');
  await page.screenshot({ path: '/tmp/publishing-export-warnings.png' });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The alt text, typed under the caption and credit.
  await figure.getByRole('textbox', { name: 'Alt text' }).click();
  await page.keyboard.type(ALT);
  await page.keyboard.press('Tab');
  await expectSaved(page);
  await expect(figure.locator('img')).toHaveAttribute('alt', ALT);

  // An SEO headline past what search results show is counted, in the warning colour, and saved all the same.
  const seo = page.getByRole('textbox', { name: 'SEO headline' });
  await seo.click();
  await page.keyboard.type(SEO_HEADLINE);
  await expect(page.getByText('82 of 60–70 characters: 12 over, search results cut it')).toBeVisible();
  await expect(seo).toHaveAttribute('aria-invalid', 'false');
  await expectSaved(page);
  await figure.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/publishing-alt-text-1440.png', fullPage: true });

  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(warnings).toContainText('The story is embargoed until');
  await expect(warnings).not.toContainText('alt text');
  await dialog
    .getByRole('textbox', { name: 'Reason to export anyway: Byline' })
    .fill('Desk copy: the story runs without a byline.');
  await dialog.getByRole('radio', { name: 'A folder' }).check();
  await dialog.getByRole('button', { name: 'Export package' }).click();
  const done = page.getByRole('dialog', { name: 'Package exported' });
  const packagePath = (await done.getByRole('status', { name: 'Export result' }).locator('code').textContent()) ?? '';

  const ninjs = JSON.parse(fs.readFileSync(path.join(packagePath, 'article.ninjs.json'), 'utf8')) as {
    embargoed: string;
    headlines: { role: string; contenttype: string; value: string }[];
    associations: { name: string; descriptions?: { role: string; value: string }[] }[];
  };
  expect(ninjs.embargoed).toBe(iso);
  expect(ninjs.headlines).toContainEqual({ role: 'seo', contenttype: 'text/plain', value: SEO_HEADLINE });
  const feature = ninjs.associations.find((association) => association.name === 'featureimage');
  expect(feature?.descriptions?.find((description) => description.role === 'alttext')?.value).toBe(ALT);
  const html = fs.readFileSync(path.join(packagePath, 'article.html'), 'utf8');
  expect(html).toContain(`alt="${ALT}"`);
  expect(html).toContain('Embargoed until');
  await done.getByRole('button', { name: 'Done' }).click();
});

test('on a small screen the embargo is set, shown and warned of the same, and a time the clocks skip is refused at its field', async ({
  page,
  copydesk,
}) => {
  await storyWithPublishingOpen(page, copydesk.url, { width: 1024, height: 700 });

  // 01:30 on the last Sunday of March 2027 never happens in London: the clocks go from 01:00 to 02:00.
  await typeEmbargo(page, '28 March 2027', '01:30');
  await expect(
    page.getByRole('alert').filter({
      hasText: 'There is no 01:30 on 28 March 2027 in Europe/London: the clocks go forward then.',
    }),
  ).toBeVisible();
  await page.screenshot({ path: '/tmp/publishing-skipped-1024.png' });

  const { day, iso } = embargoAhead();
  await typeEmbargo(page, day, '09:00');
  await expectSaved(page);
  await expect(page.locator('.story-times time')).toHaveAttribute('datetime', iso);
  await expect(page.locator('.story-times')).toBeInViewport();
  const row = library(page).getByRole('link', { name: new RegExp(HEADLINE) });
  await expect(row.locator('.badge--embargo')).toBeVisible();

  // The publishing fields fit the narrower header: nothing runs past its right edge.
  const overflow = await page.locator('.publishing').evaluate((element) => element.scrollWidth - element.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: '/tmp/publishing-embargo-1024.png', fullPage: true });

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export package' });
  await expect(dialog.getByRole('list', { name: 'Warnings' })).toContainText('The story is embargoed until');
  await page.screenshot({ path: '/tmp/publishing-export-1024.png' });
});
