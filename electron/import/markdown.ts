import { parse as parseYaml, YAMLParseError } from 'yaml';

import { LanguageSchema, SlugSchema } from '../../shared/domain';
import { slugify } from '../../shared/text';
import type { ImportedArticle, ImportedAuthor } from './importedArticle';
import { blankImport, calendarDate, collapseSpace, cutAtWord, headlineFromFileName } from './importedArticle';
import { refuse } from './importFormats';
import { bodyFromMarkdown } from './lexicalBody';

/** The front-matter keys Copydesk reads, each with the field it fills. */
const KNOWN_KEYS = new Set([
  'title',
  'dek',
  'description',
  'subtitle',
  'author',
  'authors',
  'date',
  'tags',
  'section',
  'language',
  'lang',
  'slug',
  'dateline',
]);

type Yaml = unknown;

function asText(value: Yaml): string {
  if (typeof value === 'string') return collapseSpace(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  return '';
}

function asList(value: Yaml): Yaml[] {
  if (Array.isArray(value)) return value as Yaml[];
  return value === undefined || value === null ? [] : [value];
}

/** "Jane Doe", { name: "Jane Doe", bio: "…" }, or a list of either. */
function authorsOf(value: Yaml): ImportedAuthor[] {
  const authors: ImportedAuthor[] = [];
  for (const item of asList(value)) {
    if (typeof item === 'object' && item !== null && !(item instanceof Date)) {
      const record = item as Record<string, Yaml>;
      const name = asText(record.name);
      if (name !== '') authors.push({ name: cutAtWord(name, 200), bio: cutAtWord(asText(record.bio), 2000) });
    } else {
      const name = asText(item);
      if (name !== '') authors.push({ name: cutAtWord(name, 200), bio: '' });
    }
  }
  return authors.slice(0, 20);
}

function tagsOf(value: Yaml): string[] {
  const raw = typeof value === 'string' ? value.split(',') : asList(value).map(asText);
  return [...new Set(raw.map(collapseSpace).filter((tag) => tag !== '' && tag.length <= 100))].slice(0, 50);
}

/** The front matter between "---" lines at the very top, and the Markdown after it. */
function splitFrontMatter(text: string): { yaml: string | null; markdown: string } {
  if (!/^---[ \t]*\n/.test(text)) return { yaml: null, markdown: text };
  const start = text.indexOf('\n') + 1;
  const closing = /^(?:---|\.\.\.)[ \t]*$/m;
  const rest = text.slice(start);
  const match = closing.exec(rest);
  if (match === null) return { yaml: null, markdown: text };
  return { yaml: rest.slice(0, match.index), markdown: rest.slice(match.index + match[0].length).replace(/^\n/, '') };
}

/** A line that is only emphasis markers and spaces: a rule ("* * *", "-----"), left as it is. */
const RULE_LINE = /^[ \t]*(?:[*_~][ \t]*)+$/;

/**
 * Runs of four or more emphasis markers ("*****", "____", "~~~~") mark no emphasis anyone
 * means, and Lexical's Markdown reader takes time growing with the square of their length and
 * then overflows its stack (20,000 of them: 20 s, then a crash). They are escaped, so they
 * read as the characters they are; a line of nothing else (a rule) is left alone.
 */
export function escapeMarkerRuns(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) =>
      RULE_LINE.test(line) ? line : line.replace(/(?<!\\)([*_~])\1{3,}/g, (run) => run.replace(/./g, '\\$&')),
    )
    .join('\n');
}

/**
 * Reads a Markdown article with optional YAML front matter: title, dek (or description or
 * subtitle), author or authors (names, or objects with name and bio), date, tags, section,
 * language, slug and dateline. Without a title, a leading "# Heading" is the headline. The
 * body keeps headings, quotes, lists, links, bold, italic and strikethrough.
 */
export function parseMarkdown(text: string, fileName: string): ImportedArticle {
  const { yaml, markdown } = splitFrontMatter(text);
  let front: Record<string, Yaml> = {};
  const notes: string[] = [];
  if (yaml !== null) {
    let parsed: Yaml;
    try {
      parsed = parseYaml(yaml, { maxAliasCount: 100 }) as Yaml;
    } catch (error) {
      const why = error instanceof YAMLParseError ? error.message.split('\n')[0] : String(error);
      throw refuse(`${fileName} has front matter (between the --- lines) that is not valid YAML: ${why}`);
    }
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      front = parsed as Record<string, Yaml>;
    } else if (parsed !== null && parsed !== undefined) {
      notes.push('The front matter is not a list of "key: value" lines; it was ignored.');
    }
  }
  const unknown = Object.keys(front).filter((key) => !KNOWN_KEYS.has(key.toLowerCase()));
  if (unknown.length > 0) notes.push(`Front-matter keys not used: ${unknown.join(', ')}.`);
  const field = (key: string): Yaml => {
    const found = Object.keys(front).find((name) => name.toLowerCase() === key);
    return found === undefined ? undefined : front[found];
  };

  let headline = asText(field('title'));
  let bodyMarkdown = markdown;
  if (headline === '') {
    const heading = /^\s*#[ \t]+(.+?)[ \t]*#*[ \t]*(?:\n|$)/.exec(markdown);
    if (heading !== null) {
      headline = collapseSpace((heading[1] ?? '').replace(/[*_`]/g, ''));
      bodyMarkdown = markdown.slice(heading[0].length);
    }
  }
  if (headline === '') headline = headlineFromFileName(fileName);

  const article = blankImport('markdown', bodyFromMarkdown(escapeMarkerRuns(bodyMarkdown)));
  article.notes = notes;
  article.headline = cutAtWord(headline, 500);
  article.dek = cutAtWord(asText(field('dek') ?? field('description') ?? field('subtitle')), 2000);
  article.authors = authorsOf(field('authors') ?? field('author'));
  article.datelineDate = calendarDate(field('date'));
  article.tags = tagsOf(field('tags'));
  article.section = cutAtWord(asText(field('section')), 100);
  article.dateline = cutAtWord(asText(field('dateline')), 200);
  const language = asText(field('language') ?? field('lang')).replace(/_/g, '-');
  if (language !== '') {
    if (LanguageSchema.safeParse(language).success) article.language = language;
    else article.notes.push(`"${language}" is not a language tag such as en or pt-BR; the library's default was used.`);
  }
  const slug = asText(field('slug'));
  if (slug !== '') {
    if (SlugSchema.safeParse(slug).success) {
      article.slug = slug;
    } else {
      const derived = slugify(slug);
      article.slug = derived === '' ? null : derived;
      article.notes.push(`The slug "${slug}" was written as "${derived}".`);
    }
  }
  return article;
}
