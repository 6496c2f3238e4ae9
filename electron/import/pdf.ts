import { MAX_PDF_PAGES } from '../../shared/imports';
import { capturePdf } from '../sources/captureSnapshot';
import { readPdfText } from '../sources/pdfText';
import type { ImportedArticle } from './importedArticle';
import { collapseSpace, cutAtWord, headlineKey } from './importedArticle';
import { checkFileSize } from './importFormats';
import { parsePlainText } from './plainText';
import { pressDateline, readPressRelease } from './pressRelease';

/** Titles that word processors and PDF printers write for a document that was never given one. */
const NO_TITLE =
  /^(?:untitled|document\d*|microsoft (?:word|powerpoint|excel)\b.*|.*\.(?:docx?|pdf|odt|rtf|pages|txt)|(?:press|news|media) release|statement|press statement)$/iu;

/** The title a PDF's properties give, when it is one a person wrote. */
function givenTitle(title: string): string {
  const clean = collapseSpace(title);
  return clean.length >= 3 && clean.length <= 500 && !NO_TITLE.test(clean) ? clean : '';
}

/** The author a PDF's properties give, when it reads as a person's or a body's name rather than an account. */
function givenAuthor(author: string): string {
  const clean = collapseSpace(author);
  const words = clean.split(' ');
  return words.length >= 2 &&
    words.length <= 6 &&
    words.every((word) => /^\p{Lu}/u.test(word)) &&
    !/[\d@\\/]/u.test(clean)
    ? clean
    : '';
}

/** A list of lines for a note, each quoted, shortened when long. */
function quoted(lines: readonly string[]): string {
  const shown = lines.slice(0, 6).map((line) => `"${cutAtWord(line, 80)}"`);
  return `${shown.join(', ')}${lines.length > 6 ? ` and ${lines.length - 6} more` : ''}`;
}

/**
 * Reads a PDF (a press release, a statement, a report) as an article. The headline is the
 * line its layout sets largest above the text, past the issuer's letterhead and labels such
 * as "PRESS RELEASE" (see readPressRelease); when nothing stands out, the title its properties
 * give, or else its first line. The text is its paragraphs as a reader sees them, whole across
 * lines and pages, without page numbers, running heads and feet; a dateline ("PORTSMOUTH,
 * March 12, 2026 --", "ISLAMABAD:") and a "By" line are recognised. The PDF itself comes with
 * the article, to be kept as the story's source with its text as the snapshot, named after
 * the headline, with the issuer as its publisher and the date of issue.
 */
export async function parsePdf(bytes: Uint8Array, name: string): Promise<ImportedArticle> {
  checkFileSize(name, 'pdf', bytes.length);
  const pdf = await readPdfText(bytes, name, { maxPages: MAX_PDF_PAGES });
  const release = readPressRelease(pdf.blocks, pdf.author);
  const title = givenTitle(pdf.title);
  let headline = release.headline;
  const body = [...release.body];
  if (!release.prominent && title !== '') {
    // Nothing in the layout stands out: the title the document was given is the headline, and
    // the first line, unless it is that title printed again, stays in the text.
    if (headline !== '' && headlineKey(headline) !== headlineKey(title)) body.unshift(headline);
    headline = title;
  }
  const dateline = pressDateline(body[0] ?? '');
  if (dateline !== null) body[0] = dateline.rest;

  const article = parsePlainText([headline, ...body].filter((part) => part !== '').join('\n\n'), name);
  article.format = 'pdf';
  if (headline !== '' && headline.length <= 500) article.headline = headline;
  if (article.dek === '' && release.dek !== '') article.dek = cutAtWord(release.dek, 2000);
  if (dateline !== null) {
    article.dateline = cutAtWord(dateline.place, 200);
    article.datelineDate = dateline.date;
  } else if (article.dateline !== '' && article.datelineDate === '') {
    article.datelineDate = release.issued;
  }
  const author = givenAuthor(pdf.author);
  if (article.authors.length === 0 && author !== '' && author !== release.issuer) {
    article.authors = [{ name: author, bio: '' }];
  }
  const issued = article.datelineDate || release.issued;
  const issuer = cutAtWord(release.issuer, 300);
  article.source = { url: '', siteName: issuer, publishedTime: issued };
  if (release.leftOut.length > 0) {
    article.notes.push(
      `Left out of the text, from above the headline: ${quoted(release.leftOut)}. The PDF, kept as the source, still has them.`,
    );
  }
  if (release.embargo !== '') {
    article.notes.push(
      `The release is under embargo ("${cutAtWord(release.embargo, 200)}"): check it before publishing.`,
    );
  }
  // The source is called what a reader sees first: the headline.
  article.keepAsSource = capturePdf(name, bytes, pdf, {
    title: article.headline,
    author,
    publisher: issuer,
    publishedDate: issued,
  });
  return article;
}
