import type { RelatedHeadline } from '../../shared/imports';
import { bodyFromParagraphs } from '../../shared/text';
import type { ImportedArticle, ImportedAuthor } from './importedArticle';
import { blankImport, calendarDate, collapseSpace, cutAtWord, headlineFromFileName } from './importedArticle';

const MAX_HEADLINE = 500;
const MAX_DEK = 2000;

/**
 * "[Image via MOFA Pakistan]" at the end of a line (or alone on it): the lead image's credit,
 * kept in the page's own words ("Image via MOFA Pakistan"), as a syndication credit is.
 */
const IMAGE_CREDIT =
  /\s*\[\s*((?:image|photo|photograph|picture|pic)(?:\s+(?:via|by|courtesy(?:\s+of)?|credit:?)|\s*:)?\s+[^\]]+?)\s*\]\s*$/iu;

/** "This news is sourced from Arab News and is intended for informational purposes only." */
const SYNDICATION =
  /^(?:this\s+(?:news|story|article|report|piece|content)\s+(?:is|was|has\s+been)\s+(?:sourced|taken|republished|syndicated|adapted)\s+from|sourced\s+from)\s+(.+?)(?:\s+and\s+(?:is|was|has|may|does)\b.*|\s*[.;]\s.*|\s*[.;]?)$/iu;

/** "ISLAMABAD: Senior officials…", "WASHINGTON, D.C.: …", "GAZA CITY — …". */
const DATELINE =
  /^(\p{Lu}[\p{Lu}\p{M}'’.-]*(?: [\p{Lu}\p{M}'’.-]+)*?)(?:,\s+(\p{Lu}[\p{Lu}\p{M}'’. -]{1,30}|\p{L}+\.? \d{1,2},? \d{4}|\d{1,2} \p{L}+ \d{4}|\d{4}-\d{2}-\d{2}))?(?:\s*:|\s+[—–])\s+(?=\S)/u;

/** Upper-case words that open a paragraph with a colon without being a place. */
const NOT_PLACES = new Set([
  'UPDATE',
  'UPDATED',
  'NOTE',
  "EDITOR'S NOTE",
  'EDITOR’S NOTE',
  'WATCH',
  'BREAKING',
  'EXCLUSIVE',
  'ANALYSIS',
  'OPINION',
  'CORRECTION',
  'LIVE',
  'PHOTO',
  'PHOTOS',
  'VIDEO',
  'WARNING',
  'FAQ',
  'READ',
  'ALSO SEE',
  'SEE ALSO',
]);

const ALSO_SEE = /^also see:\s*(\S.*)$/iu;
const RECENT = /^(?:recent|recent (?:posts|articles|stories|news)|related (?:posts|articles|stories)|more stories)$/iu;
const READ_MORE = /^(?:read more|continue reading|read the full story)\s*[»›>…→]*$/iu;
const BY_LINE = /^[Bb][Yy]\s+(\p{Lu}.{1,80})$/u;

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTHS = MONTH_NAMES.map((name) => name.slice(0, 3));

/**
 * A date as a dateline or a press release writes it, "Mar. 22, 2024", "March 22 2024" or
 * "22 March 2024" (after a weekday, "Friday, 22 March 2024", too), as YYYY-MM-DD, or ''.
 */
export function writtenDate(text: string): string {
  const date = text.trim().replace(/^\p{L}+day,?\s+/iu, '');
  const monthFirst = /^(\p{L}+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/u.exec(date);
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)? (\p{L}+)\.?,? (\d{4})$/u.exec(date);
  const [monthName, day, year] = monthFirst
    ? [monthFirst[1], monthFirst[2], monthFirst[3]]
    : dayFirst
      ? [dayFirst[2], dayFirst[1], dayFirst[3]]
      : [];
  if (monthName === undefined) return calendarDate(date);
  const name = monthName.toLowerCase();
  const month = MONTHS.indexOf(name.slice(0, 3));
  // "Mar", "March" and "Sept" name a month; "Marching" does not.
  if (month < 0 || (name.length > 4 && !MONTH_NAMES[month]?.startsWith(name))) return '';
  return calendarDate(`${year}-${String(month + 1).padStart(2, '0')}-${(day ?? '').padStart(2, '0')}`);
}

/** A dateline: its place, its date (YYYY-MM-DD or ''), and the paragraph's text after it. */
export type Dateline = { place: string; date: string; rest: string };

/** The dateline opening a paragraph ("ISLAMABAD: …"), or null if it has none. */
export function parseDateline(paragraph: string): Dateline | null {
  const match = DATELINE.exec(paragraph);
  if (match === null) return null;
  const place = (match[1] ?? '').trim();
  if (place.replace(/[^\p{Lu}]/gu, '').length < 2 || place.length > 40 || NOT_PLACES.has(place)) return null;
  const qualifier = match[2]?.trim();
  let date = '';
  let fullPlace = place;
  if (qualifier !== undefined) {
    date = writtenDate(qualifier);
    if (date === '') fullPlace = `${place}, ${qualifier}`;
  }
  return { place: fullPlace, date, rest: paragraph.slice(match[0].length) };
}

/** A line that reads like a person's or desk's name rather than a sentence. */
function isName(text: string): boolean {
  const words = text.split(' ');
  return (
    text.length >= 2 &&
    text.length <= 80 &&
    words.length <= 6 &&
    /^\p{Lu}/u.test(text) &&
    !/[.!?:;,"“”]$/u.test(text) &&
    !/\d/.test(text)
  );
}

/**
 * The paragraphs of a text: blank lines separate paragraphs. When most paragraphs run over
 * several short lines (text wrapped by hand at 72 or 80 columns), those lines are joined;
 * otherwise each line is a paragraph of its own, as in the seed and the BBC files.
 */
export function paragraphsOf(lines: readonly string[]): string[] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else {
      current.push(line.trim());
    }
  }
  if (current.length > 0) blocks.push(current);
  const multiLine = blocks.filter((block) => block.length > 1);
  const wrappedLines = multiLine.flat();
  const shortLines = wrappedLines.filter((line) => line.length <= 100).length;
  const hardWrapped =
    multiLine.length >= 2 && multiLine.length >= blocks.length / 2 && shortLines >= wrappedLines.length * 0.9;
  const paragraphs = hardWrapped ? blocks.map((block) => block.join(' ')) : blocks.flat();
  return paragraphs.map(collapseSpace).filter((paragraph) => paragraph !== '');
}

/** The related stories after "Recent": each ends with "Read More »"; the teaser is its last line. */
function parseRelated(lines: readonly string[]): RelatedHeadline[] {
  const items: string[][] = [];
  let current: string[] = [];
  for (const raw of lines) {
    const line = collapseSpace(raw);
    if (line === '') continue;
    if (READ_MORE.test(line)) {
      if (current.length > 0) items.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) items.push(current);
  // A story's first line, when it has three, is its picture's description: often the headline again.
  return items.map((item) =>
    item.length === 1
      ? { headline: item[0] ?? '', teaser: '' }
      : { headline: item[item.length - 2] ?? '', teaser: item[item.length - 1] ?? '' },
  );
}

/** Where the "Recent" list starts: a line of its own followed by stories ending in "Read More". */
function recentStart(lines: readonly string[]): number {
  for (let i = lines.length - 1; i > 0; i -= 1) {
    const line = collapseSpace(lines[i] ?? '');
    if (RECENT.test(line) && lines.slice(i + 1).some((after) => READ_MORE.test(collapseSpace(after)))) return i;
  }
  return -1;
}

/**
 * Reads an article written as plain text, in the seed's form: the headline on the first line;
 * then optionally the dek, ending with the lead image's credit ("[Image via X]"); the body,
 * whose first paragraph may open with a dateline ("ISLAMABAD: "); "Also See: <headline>"
 * lines; a syndication line ("This news is sourced from X…"); the author's name and bio; and a
 * "Recent" list of related stories. Any part may be missing: a BBC-style file (headline,
 * blank line, paragraphs) is a headline and a body.
 */
export function parsePlainText(text: string, fileName: string): ImportedArticle {
  const lines = text.split('\n');
  const recentAt = recentStart(lines);
  const related = recentAt < 0 ? [] : parseRelated(lines.slice(recentAt + 1));
  const paragraphs = paragraphsOf(recentAt < 0 ? lines : lines.slice(0, recentAt));
  const article = blankImport('text', bodyFromParagraphs([]));
  article.related = related;

  let first = paragraphs[0] ?? '';
  let start = 1;
  if (first.length > MAX_HEADLINE) {
    // No headline line: the whole text is body, named after the file.
    first = headlineFromFileName(fileName);
    start = 0;
    article.notes.push('The first line is too long for a headline; the headline was taken from the file name.');
  }
  article.headline = first;

  // The body starts at the dateline if there is one among the next paragraphs.
  let bodyStart = start;
  const datelineAt = paragraphs.findIndex((paragraph, i) => i >= start && i <= start + 2 && parseDateline(paragraph));
  if (datelineAt >= 0) {
    bodyStart = datelineAt;
  } else {
    while (
      bodyStart < Math.min(paragraphs.length - 1, start + 2) &&
      (BY_LINE.test(paragraphs[bodyStart] ?? '') || IMAGE_CREDIT.test(paragraphs[bodyStart] ?? ''))
    ) {
      bodyStart += 1;
    }
  }
  const authors: ImportedAuthor[] = [];
  const dekParts: string[] = [];
  for (const paragraph of paragraphs.slice(start, bodyStart)) {
    const by = BY_LINE.exec(paragraph);
    if (by !== null && isName(by[1] ?? '')) {
      authors.push({ name: by[1] ?? '', bio: '' });
      continue;
    }
    const credit = IMAGE_CREDIT.exec(paragraph);
    if (credit !== null) {
      article.leadImage = { url: '', caption: '', credit: collapseSpace(credit[1] ?? '') };
      const rest = paragraph.slice(0, credit.index).trim();
      if (rest !== '') dekParts.push(rest);
    } else {
      dekParts.push(paragraph);
    }
  }
  const dek = dekParts.join(' ');
  if (dek.length > MAX_DEK) article.notes.push('The dek was longer than 2,000 characters and was shortened.');
  article.dek = cutAtWord(dek, MAX_DEK);

  // The foot: syndication line, then the author's name and bio.
  let bodyEnd = paragraphs.length;
  const footFrom = Math.max(bodyStart + 1, paragraphs.length - 6);
  let syndicationAt = -1;
  for (let i = paragraphs.length - 1; i >= footFrom; i -= 1) {
    if (SYNDICATION.test(paragraphs[i] ?? '')) {
      syndicationAt = i;
      break;
    }
  }
  const foot: string[] = [];
  if (syndicationAt >= 0) {
    const source = SYNDICATION.exec(paragraphs[syndicationAt] ?? '')?.[1]?.trim() ?? '';
    article.syndicationCredit = cutAtWord(`Sourced from ${source}`, 300);
    foot.push(...paragraphs.slice(syndicationAt + 1));
    bodyEnd = syndicationAt;
  } else if (recentAt >= 0 && paragraphs.length - bodyStart >= 3) {
    // Without a syndication line, the name and bio are the last two paragraphs before "Recent".
    const name = paragraphs[paragraphs.length - 2] ?? '';
    if (isName(name.replace(/^by\s+/iu, ''))) {
      foot.push(name, paragraphs[paragraphs.length - 1] ?? '');
      bodyEnd = paragraphs.length - 2;
    }
  }
  const footName = (foot[0] ?? '').replace(/^by\s+/iu, '');
  const trailing: string[] = [];
  if (foot.length > 0 && isName(footName)) {
    authors.push({ name: footName, bio: cutAtWord(foot.slice(1).join(' '), 2000) });
  } else {
    // Text after the syndication line that is not a byline stays in the story.
    trailing.push(...foot);
  }
  article.authors = authors;

  const body = paragraphs.slice(bodyStart, bodyEnd).concat(trailing);
  const dateline = body.length > 0 ? parseDateline(body[0] ?? '') : null;
  if (dateline !== null) {
    article.dateline = dateline.place;
    article.datelineDate = dateline.date;
    body[0] = dateline.rest;
  }
  article.body = bodyFromParagraphs(
    body.map((paragraph) => {
      const alsoSee = ALSO_SEE.exec(paragraph);
      return alsoSee === null ? paragraph : `Also See: ${alsoSee[1] ?? ''}`;
    }),
  );
  return article;
}
