import type { Body } from '../../shared/domain';
import { datelineYearProblem } from '../../shared/domain';
import type { ImportFormat, RelatedHeadline } from '../../shared/imports';
import type { Capture } from '../sources/captureSnapshot';

/** A picture that came with an import (a package's assets/), stored in the library with the article. */
export type ImportedImage = {
  name: string;
  bytes: Uint8Array;
  caption: string;
  credit: string;
  altText: string;
  /** The body paragraph that marks where an inline image goes; null for the lead image. */
  placeholder: string | null;
};

/** The body paragraph that holds an inline picture's place until the picture is stored. */
export const imagePlaceholder = (index: number): string => `\uE000copydesk-image-${index}\uE000`;

/** An author as a file names them; matched to the library's authors by name when stored. */
export type ImportedAuthor = { name: string; bio: string };

/**
 * An article read from a file, before it is stored: every structured field the file gave,
 * plus what the library has no field for yet (the lead image's address and credit when there
 * are no image bytes, the related headlines, where a web page came from).
 */
export type ImportedArticle = {
  format: ImportFormat;
  headline: string;
  dek: string;
  authors: ImportedAuthor[];
  /** The dateline's place, as printed ("ISLAMABAD"). */
  dateline: string;
  /** YYYY-MM-DD, or '' when the file gives no date. */
  datelineDate: string;
  /** A BCP 47 tag, or null for the library's default. */
  language: string | null;
  section: string;
  tags: string[];
  /** A slug the file asks for, or null to derive one from the headline. */
  slug: string | null;
  syndicationCredit: string;
  /**
   * When the story may run and its headlines for search and social posts, when the file gives
   * them (a Copydesk package does): times are UTC timestamps.
   */
  publishing?: {
    embargoUntil: string | null;
    publishAt: string | null;
    seoHeadline: string;
    socialHeadline: string;
    seoDescription: string;
  };
  /** The lead image as the file describes it when the import has no picture for it. */
  leadImage: { url: string; caption: string; credit: string } | null;
  /** Pictures that came with the file (a package): the lead image first when there is one. */
  images: ImportedImage[];
  /** "Also See: <headline>" lines are plain paragraphs here; storing links them. */
  body: Body;
  related: RelatedHeadline[];
  /**
   * Library articles the file names by identifier (a Copydesk package's Also See and related
   * stories), by their headline as headlineKey folds it: preferred to a match by headline when
   * the library still has them.
   */
  linkedIds?: ReadonlyMap<string, string>;
  /** Stories outside the library the file's Also See blocks point at: the web address by headlineKey. */
  linkedAddresses?: ReadonlyMap<string, string>;
  source: { url: string; siteName: string; publishedTime: string };
  /** A web page's article as sanitised HTML (see pageArticle); absent for other files. */
  contentHtml?: string;
  /** The file itself as a source snapshot, kept as the story's source (a PDF: the document the story is about). */
  keepAsSource?: Capture;
  notes: string[];
};

/** An imported article with nothing in it but its format and body. */
export function blankImport(format: ImportFormat, body: Body): ImportedArticle {
  return {
    format,
    headline: '',
    dek: '',
    authors: [],
    dateline: '',
    datelineDate: '',
    language: null,
    section: '',
    tags: [],
    slug: null,
    syndicationCredit: '',
    leadImage: null,
    images: [],
    body,
    related: [],
    source: { url: '', siteName: '', publishedTime: '' },
    notes: [],
  };
}

/** Runs of white space (including no-break spaces) become one space; the ends are trimmed. */
export function collapseSpace(text: string): string {
  return text.replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/gu, ' ').trim();
}

/** A headline as the library compares them: case and runs of space ignored. */
export function headlineKey(headline: string): string {
  return collapseSpace(headline.normalize('NFC')).toLocaleLowerCase();
}

/**
 * `text` cut to at most `max` characters at a word boundary, with an ellipsis when cut: a
 * headline or dek longer than the library allows is shortened rather than refused.
 */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const space = room.lastIndexOf(' ');
  return `${(space > max / 2 ? room.slice(0, space) : room).replace(/[\s,;:.-]+$/u, '')}…`;
}

/** The file's name without folders or extension, as a last-resort headline. */
export function headlineFromFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return collapseSpace(base.replace(/\.[^.]+$/, '').replace(/[_]+/g, ' '));
}

/** YYYY-MM-DD from a date as files write it (ISO 8601, "2019-04-28 06:01:07", a Date), or ''. */
export function calendarDate(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return '';
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (match === null) return '';
  const [, year, month, day] = match;
  const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
  // A page's placeholder date (0001-01-01) is no dateline: the story imports without one.
  if (datelineYearProblem(Number(year)) !== null) return '';
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${year}-${month}-${day}`
    ? ''
    : `${year}-${month}-${day}`;
}
