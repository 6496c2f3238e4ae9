import { capturePdf } from '../sources/captureSnapshot';
import { readPdfText } from '../sources/pdfText';
import type { ImportedArticle } from './importedArticle';
import { collapseSpace, cutAtWord, headlineKey } from './importedArticle';
import { checkFileSize } from './importFormats';
import { parsePlainText } from './plainText';

/** Titles that word processors and PDF printers write for a document that was never given one. */
const NO_TITLE =
  /^(?:untitled|document\d*|microsoft (?:word|powerpoint|excel)\b.*|.*\.(?:docx?|pdf|odt|rtf|pages|txt))$/iu;

/** A page's number printed at its foot or head: "3", "Page 2", "2 of 5", "- 4 -". */
const PAGE_NUMBER = /^(?:page\s*)?[-–—]?\s*\d{1,4}\s*(?:(?:of|\/)\s*\d{1,4})?\s*[-–—]?$/iu;

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

/**
 * The paragraphs of the story: page numbers and the running heads and feet a PDF repeats on
 * every page (a short line printed again and again) are left out.
 */
function storyParagraphs(paragraphs: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const paragraph of paragraphs) counts.set(paragraph, (counts.get(paragraph) ?? 0) + 1);
  const seen = new Set<string>();
  return paragraphs.filter((paragraph) => {
    if (PAGE_NUMBER.test(paragraph)) return false;
    const repeated = paragraph.length <= 120 && (counts.get(paragraph) ?? 0) > 1;
    if (repeated && seen.has(paragraph)) return false;
    seen.add(paragraph);
    return true;
  });
}

/**
 * Reads a PDF (a press release, a statement, a report) as an article: the headline is the
 * title its properties give or else its first line, its text the paragraphs as a reader sees
 * them, read as the desk's plain text is (a dateline, a "By" line and a syndication line are
 * recognised). The PDF itself comes with the article, to be kept as the story's source with
 * its snapshot.
 */
export async function parsePdf(bytes: Uint8Array, name: string): Promise<ImportedArticle> {
  checkFileSize(name, 'pdf', bytes.length);
  const pdf = await readPdfText(bytes, name);
  const paragraphs = storyParagraphs(pdf.paragraphs);
  const title = givenTitle(pdf.title);
  // The title printed again as the first line is the headline once, not also the text.
  const body =
    title !== '' && headlineKey(paragraphs[0] ?? '') === headlineKey(title) ? paragraphs.slice(1) : paragraphs;
  const article = parsePlainText([title, ...body].filter((part) => part !== '').join('\n\n'), name);
  article.format = 'pdf';
  if (title !== '') article.headline = cutAtWord(title, 500);
  const author = givenAuthor(pdf.author);
  if (article.authors.length === 0 && author !== '') article.authors = [{ name: author, bio: '' }];
  // The source is called what a reader sees first: its title, or its first line.
  article.keepAsSource = capturePdf(name, bytes, { ...pdf, title: title || article.headline });
  return article;
}
