import {
  body,
  expectCaret,
  expectSaved,
  headlineField,
  MOD,
  openSettings,
  pasteIntoBody,
  startArticle,
  watchForProblems,
} from '../helpers/editorPage';
import { exportThroughDialog, packageFile } from '../helpers/exportPackage';
import { expect, test } from '../helpers/webServer';

/** Paragraphs of the seed story, as an agency sends them: wrapped at 70 columns, a blank line between. */
const WIRE_PARAGRAPHS = [
  'ISLAMABAD: Senior officials from Pakistan and Russia on Tuesday agreed to strengthen cooperation in the face of evolving terrorism in Afghanistan and the region, Pakistan’s foreign ministry said in a statement.',
  'Russia also faces threats from Daesh militants. On Mar. 22, 2024, a deadly attack at the Crocus City Hall concert venue near Moscow killed over 140 people and injured several.',
  'Pakistan and Russia held the last meeting of the working group on Nov. 16, 2023, during which Moscow and Islamabad discussed national strategies and measures in combating “terrorism.”',
];

/** `paragraph` broken into lines of at most `width` characters, as a mail program does. */
function hardWrap(paragraph: string, width: number): string {
  const lines: string[] = [];
  for (const word of paragraph.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

test('pasted text keeps its paragraphs, wrapped or spaced, and the exported page and Markdown have no line breaks for them', async ({
  page,
  copydesk,
}) => {
  const problems = await watchForProblems(page);
  await page.goto(copydesk.url);
  await startArticle(page, 'Pakistan and Russia deepen counterterrorism cooperation');

  // Wire copy: lines broken at 70 columns (one of them ends with "Nov."), a blank line between paragraphs.
  const wire = WIRE_PARAGRAPHS.map((paragraph) => hardWrap(paragraph, 70)).join('\n\n');
  expect(wire).toContain('working group on Nov.\n16, 2023');
  await pasteIntoBody(page, { 'text/plain': wire });
  await expect(body(page).locator('p')).toHaveText(WIRE_PARAGRAPHS);
  await expect(body(page).locator('br')).toHaveCount(0);

  // An old web page writes its paragraphs with <br><br>: they become paragraphs too.
  await body(page).press(`${MOD}+End`);
  await page.keyboard.press('Enter');
  await pasteIntoBody(page, {
    'text/html': '<p>The talks go on till Wednesday.<br><br>A joint statement is expected.</p>',
    'text/plain': 'The talks go on till Wednesday.\n\nA joint statement is expected.',
  });
  await expect(body(page).locator('p')).toHaveText([
    ...WIRE_PARAGRAPHS,
    'The talks go on till Wednesday.',
    'A joint statement is expected.',
  ]);
  await expectSaved(page);

  const packagePath = await exportThroughDialog(page, { Byline: 'Wire copy: the agency carries no byline.' });
  const html = packageFile(packagePath, 'article.html');
  const articleBody = /<div class="article-body">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
  expect(articleBody.match(/<p>/g)).toHaveLength(5);
  expect(articleBody).not.toContain('<br');
  const markdown = packageFile(packagePath, 'article.md').split('\n---\n')[1] ?? '';
  expect(markdown).toContain(WIRE_PARAGRAPHS[2]);
  expect(markdown).not.toMatch(/\\$/m);
  expect(problems()).toEqual([]);
});

test('straight quotes become typographic as they are typed in an English story, Ctrl+Z gives the straight one back, and pastes are left as they are', async ({
  page,
  copydesk,
}) => {
  await page.goto(copydesk.url);
  await startArticle(page, `Talks "on track", minister's aide says`);
  await expect(headlineField(page)).toHaveValue('Talks “on track”, minister’s aide says');
  await page.keyboard.type(`"The talks," she said, "went well." It's the '90s again (the 'new' era).`);
  const first = body(page).locator('p').first();
  await expect(first).toHaveText('“The talks,” she said, “went well.” It’s the ’90s again (the ‘new’ era).');

  // Ctrl+Z right after takes back the curling only.
  await page.keyboard.type(' "');
  await expect(first).toHaveText(/era\)\. “$/);
  await page.keyboard.press(`${MOD}+z`);
  await expect(first).toHaveText(/era\)\. "$/);
  await page.keyboard.type('Yes');
  await expect(first).toHaveText(/era\)\. "Yes$/);

  // A pasted quotation keeps its own quotes.
  await page.keyboard.press('Enter');
  await pasteIntoBody(page, { 'text/plain': `He said "fine" and 'no'.` });
  await expect(body(page).locator('p').nth(1)).toHaveText(`He said "fine" and 'no'.`);
  await expectSaved(page);

  // A story in French is left alone: its quotes are not English ones.
  await page.getByText('Details', { exact: true }).click();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await body(page).click();
  await body(page).press(`${MOD}+End`);
  await expectCaret(page);
  await page.keyboard.type(' "oui"');
  await expect(body(page).locator('p').nth(1)).toHaveText(`He said "fine" and 'no'. "oui"`);

  // The setting turns it off for English stories too.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('en');
  const settings = await openSettings(page);
  const checkbox = settings.getByRole('checkbox', { name: 'Typographic quotes as I type' });
  await expect(checkbox).toBeChecked();
  await checkbox.uncheck();
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings).toBeHidden();
  await body(page).click();
  await body(page).press(`${MOD}+End`);
  await expectCaret(page);
  await page.keyboard.type(' "non"');
  await expect(body(page).locator('p').nth(1)).toHaveText(`He said "fine" and 'no'. "oui" "non"`);
  await expectSaved(page);
});
