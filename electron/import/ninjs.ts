import path from 'node:path';

import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';

import { storyAddressProblem } from '../../shared/alsoSee';
import { LanguageSchema, SlugSchema, StoryTimeInputSchema } from '../../shared/domain';
import { MANIFEST_FILE } from '../../shared/exports';
import { bodyFromParagraphs } from '../../shared/text';
import { sha256Hex } from '../base/sha256Hex';
import geoJsonSchema from '../export/schemas/GeoJSON-schema.json';
import ninjsSchema from '../export/schemas/ninjs-schema_2.2.json';
import { workWindow } from './domWindow';
import { htmlToBody } from './htmlToBody';
import type { ImportedArticle, ImportedAuthor, ImportedImage } from './importedArticle';
import { blankImport, calendarDate, collapseSpace, cutAtWord, headlineKey, imagePlaceholder } from './importedArticle';
import { checkHtmlNesting, refuse } from './importFormats';
import { writtenDate } from './plainText';
import { unsafeEntryName } from './zipDirectory';

/** The file at the top of a package that describes the article. */
export const NINJS_FILE = 'article.ninjs.json';

let validator: ValidateFunction | null = null;

/** ninjs 2.2 (JSON Schema 2020-12, formats checked), with the GeoJSON schema it refers to registered offline. */
export function ninjsValidator(): ValidateFunction {
  if (validator === null) {
    const ajv = new Ajv2020({ allErrors: false, strict: false });
    addFormats(ajv);
    ajv.addSchema(geoJsonSchema, 'https://geojson.org/schema/GeoJSON.json');
    validator = ajv.compile(ninjsSchema);
  }
  return validator;
}

function describeError(error: ErrorObject | undefined): string {
  if (error === undefined) return 'it does not match the schema';
  const where = error.instancePath === '' ? 'the top level' : error.instancePath;
  const extra =
    error.keyword === 'unevaluatedProperties' || error.keyword === 'additionalProperties'
      ? ` ("${String((error.params as Record<string, unknown>).unevaluatedProperty ?? (error.params as Record<string, unknown>).additionalProperty)}")`
      : '';
  return `${where} ${error.message ?? 'is not valid'}${extra}`;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const objects = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The value of the first entry with one of `roles`, else of the first entry. */
function byRole(list: unknown, roles: readonly string[], fallback = true): string {
  const entries = objects(list);
  for (const role of roles) {
    const found = entries.find((entry) => str(entry.role).toLowerCase() === role);
    if (found !== undefined) return str(found.value);
  }
  return fallback ? str(entries[0]?.value) : '';
}

/** "Amna Riaz, Omar Khan and Li Wei" as three names. */
function namesOf(by: string): string[] {
  return by
    .replace(/^\s*by\s+/i, '')
    .split(/\s*(?:,|;|\band\b|&)\s*/u)
    .map(collapseSpace)
    .filter((name) => name !== '');
}

/** A package's files by their path inside it, for images referred to by relative address. */
export type PackageEntries = ReadonlyMap<string, Uint8Array>;

type Found = { file: string; bytes: Uint8Array } | { missing: string } | null;

/**
 * The package file an address names. A relative address ("assets/01-quay.jpg") must be in the
 * package; an absolute one (ninjs renditions need absolute URIs) names the package's picture of
 * the same file name in assets/, if there is one, and is otherwise a picture elsewhere.
 */
function findAsset(entries: PackageEntries | null, href: string): Found {
  if (entries === null || href === '') return null;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('/')) {
    let decoded = href.split(/[?#]/)[0] ?? '';
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      return { missing: href };
    }
    const file = path.posix.normalize(decoded);
    if (file.startsWith('../') || file === '..') return null;
    const bytes = entries.get(file);
    return bytes === undefined ? { missing: file } : { file, bytes };
  }
  const base = href.split(/[?#]/)[0]?.split(/[/:]/).pop() ?? '';
  const bytes = base === '' ? undefined : entries.get(`assets/${base}`);
  return bytes === undefined ? null : { file: `assets/${base}`, bytes };
}

/** Marks the place of an inline image in the body until it is stored (private-use characters never typed). */

/**
 * The date of a dateline as Copydesk's exports print it ("ISLAMABAD, June 10, 2025:") as
 * YYYY-MM-DD, or '' when the dateline carries no date Copydesk can read.
 */
export function datelineLabelDate(label: string): string {
  const match = /,\s*([A-Za-z]+\.?\s+\d{1,2},\s*\d{4})\s*:?\s*$/u.exec(label.trim());
  return match === null ? '' : writtenDate((match[1] ?? '').replace(/\s+/gu, ' '));
}

/** A package path as the exporter writes one ("assets/01-quay.jpg"): relative, no scheme. */
const isPackagePath = (href: string) => href !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('/');

/** What the rich body of a ninjs document holds besides its text. */
type RichBody = {
  html: string;
  images: ImportedImage[];
  /** The dateline Copydesk's export put at the start of the text ("ISLAMABAD, June 10, 2025:"), if any. */
  datelineLabel: string | null;
  /** Also See blocks: the linked article's identifier by its headline. */
  alsoSeeIds: Map<string, string>;
  /** Also See blocks pointing outside the library: the story's web address by its headline. */
  alsoSeeAddresses: Map<string, string>;
  /** Pictures the body names in the package that did not come with the file. */
  absent: string[];
};

/**
 * The body's HTML prepared for the editor: the dateline Copydesk put at the start taken out
 * (the article has a field for it), each Also See block made an "Also See: <headline>" line
 * (storing links it), and every figure (or lone image) whose picture is in the package replaced
 * by a placeholder paragraph. Without a package, pictures that name a file of one are left out
 * and listed as absent.
 */
function readRichBody(html: string, entries: PackageEntries | null, missing: string[]): RichBody {
  const images: ImportedImage[] = [];
  const alsoSeeIds = new Map<string, string>();
  const alsoSeeAddresses = new Map<string, string>();
  const absent: string[] = [];
  const { window } = workWindow();
  const container = window.document.createElement('div');
  container.innerHTML = html;

  let datelineLabel: string | null = null;
  const firstParagraph = container.querySelector('p');
  const dateline = firstParagraph?.querySelector(':scope > span.dateline');
  if (dateline !== null && dateline !== undefined && dateline.previousSibling === null) {
    datelineLabel = collapseSpace(dateline.textContent);
    const next = dateline.nextSibling;
    if (next !== null && next.nodeType === window.Node.TEXT_NODE)
      next.textContent = (next.textContent ?? '').trimStart();
    dateline.remove();
  }

  for (const aside of Array.from(container.querySelectorAll('aside.also-see'))) {
    // The headline is a link, or text (a library story with no public address).
    const headline = collapseSpace(aside.querySelector('a, cite')?.textContent ?? '');
    const id = aside.getAttribute('data-also-see') ?? '';
    const href = aside.querySelector('a')?.getAttribute('href') ?? '';
    if (headline === '') continue;
    if (id !== '') alsoSeeIds.set(headlineKey(headline), id);
    else if (storyAddressProblem(href) === null) alsoSeeAddresses.set(headlineKey(headline), href);
    const paragraph = window.document.createElement('p');
    paragraph.textContent = `Also See: ${headline}`;
    aside.replaceWith(paragraph);
  }

  for (const img of Array.from(container.querySelectorAll('img'))) {
    const src = img.getAttribute('src') ?? '';
    const figure = img.closest('figure') ?? img;
    if (entries === null) {
      if (isPackagePath(src)) {
        absent.push(src);
        figure.remove();
      }
      continue;
    }
    const found = findAsset(entries, src);
    if (found === null) continue;
    if ('missing' in found) {
      missing.push(found.missing);
      continue;
    }
    const { file, bytes } = found;
    const caption = collapseSpace(
      (figure.querySelector('.caption')?.textContent ?? figure.querySelector('figcaption')?.textContent ?? '').replace(
        figure.querySelector('.credit')?.textContent ?? '',
        '',
      ),
    );
    const credit = figure.querySelector('.credit')?.textContent ?? '';
    const alt = collapseSpace(img.getAttribute('alt') ?? '');
    const placeholder = imagePlaceholder(images.length);
    images.push({
      name: path.posix.basename(file),
      bytes,
      caption,
      credit: collapseSpace(credit),
      // Copydesk's export reads a picture without alt text by its caption: that is no alt text of its own.
      altText: alt === caption ? '' : alt,
      placeholder,
    });
    const paragraph = window.document.createElement('p');
    paragraph.textContent = placeholder;
    figure.replaceWith(paragraph);
  }
  return { html: container.innerHTML, images, datelineLabel, alsoSeeIds, alsoSeeAddresses, absent };
}

/**
 * The package file a picture rendition names. Copydesk writes the file's path inside the
 * package as the rendition's title and its SHA-256 as an RFC 6920 "ni" URI in href (ninjs wants
 * absolute URIs): the path is used when the package holds it, and must hold the bytes the hash
 * names; otherwise the package's picture with that hash; otherwise the href as any address.
 */
function renditionAsset(name: string, entries: PackageEntries | null, rendition: Json | undefined): Found {
  if (rendition === undefined) return null;
  const href = str(rendition.href);
  const title = str(rendition.title);
  const ni = /^ni:\/\/\/sha-256;([A-Za-z0-9_-]{43})$/.exec(href);
  const hash = ni === null ? null : Buffer.from(ni[1] ?? '', 'base64url').toString('hex');
  if (entries === null) return title !== '' && isPackagePath(title) && hash !== null ? { missing: title } : null;
  const byTitle = isPackagePath(title) ? findAsset(entries, title) : null;
  if (byTitle !== null && 'bytes' in byTitle) {
    if (hash !== null && sha256Hex(byTitle.bytes) !== hash) {
      throw refuse(`${name} is damaged: ${byTitle.file} is not the picture its ninjs names (its SHA-256 differs).`);
    }
    return byTitle;
  }
  if (hash !== null) {
    for (const [file, bytes] of entries) {
      if (file.startsWith('assets/') && sha256Hex(bytes) === hash) return { file, bytes };
    }
    return { missing: title !== '' ? title : href };
  }
  return findAsset(entries, href);
}

/** Files an archiver or a file manager adds beside a package's own: ".DS_Store", "__MACOSX/…". */
const isJunk = (file: string) => file.split('/').some((part) => part.startsWith('.') || part === '__MACOSX');

/**
 * Refuses a package whose manifest does not vouch for what it holds: a file it lists that is
 * missing or whose bytes do not match its SHA-256, or a file it does not list. A package
 * without a manifest is read as it is.
 */
function checkManifest(name: string, entries: PackageEntries): void {
  const raw = entries.get(MANIFEST_FILE);
  if (raw === undefined) return;
  let manifest: unknown;
  try {
    manifest = JSON.parse(new TextDecoder().decode(raw));
  } catch {
    throw refuse(`${name} is damaged: its manifest.json is not JSON.`);
  }
  if (!isObject(manifest) || !Array.isArray(manifest.files)) {
    throw refuse(`${name} is damaged: its manifest.json does not list the package's files.`);
  }
  const listed = new Set<string>();
  for (const file of objects(manifest.files)) {
    const listedPath = str(file.path);
    listed.add(listedPath);
    const bytes = entries.get(listedPath);
    if (bytes === undefined) {
      throw refuse(`${name} is incomplete: its manifest lists ${listedPath}, which is not in the package.`);
    }
    if (sha256Hex(bytes) !== str(file.sha256)) {
      throw refuse(`${name} is damaged: ${listedPath} does not match the SHA-256 its manifest records.`);
    }
  }
  for (const file of entries.keys()) {
    if (file !== MANIFEST_FILE && !listed.has(file) && !isJunk(file)) {
      throw refuse(`${name} is damaged: it holds ${file}, which its manifest does not list.`);
    }
  }
}

/** The plain-text body's paragraphs, without the dateline label an export put before the first. */
function plainParagraphs(plain: string, located: string): { paragraphs: string[]; datelineLabel: string | null } {
  const paragraphs = plain
    .split(/\n\s*\n/u)
    .map(collapseSpace)
    .filter((p) => p !== '');
  const first = paragraphs[0] ?? '';
  if (located === '' || !first.startsWith(located)) return { paragraphs, datelineLabel: null };
  // Only what the export prints: "PLACE: " or "PLACE, Month D, YYYY: ".
  const label = /^(?:,\s*[A-Za-z]+\.?\s+\d{1,2},\s*\d{4})?:\s/u.exec(first.slice(located.length));
  if (label === null) return { paragraphs, datelineLabel: null };
  const cut = located.length + label[0].length;
  paragraphs[0] = first.slice(cut);
  return { paragraphs, datelineLabel: first.slice(0, cut).trim() };
}

/** A timestamp a ninjs document gives, as the library keeps one (UTC); null when it gives none it can keep. */
function storyTimeOf(value: string): string | null {
  if (value === '') return null;
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) return null;
  const iso = time.toISOString();
  return StoryTimeInputSchema.safeParse(iso).success ? iso : null;
}

/**
 * When a ninjs document's story may run, and its headlines for search and social posts: the
 * embargo from `embargoed`, the publication time from the editor's note Copydesk's export writes
 * ("Scheduled for publication at … (2026-06-09T09:00:00.000Z)"), the `seo` and `social`
 * headlines and the `seo` description.
 */
function publishingOf(ninjs: Json): NonNullable<ImportedArticle['publishing']> {
  const scheduled = /Scheduled for publication at [^(]*\(([^)\s]+)\)/u.exec(str(ninjs.ednote))?.[1] ?? '';
  return {
    embargoUntil: storyTimeOf(str(ninjs.embargoed)),
    publishAt: storyTimeOf(scheduled),
    seoHeadline: cutAtWord(collapseSpace(byRole(ninjs.headlines, ['seo'], false)), 300),
    socialHeadline: cutAtWord(collapseSpace(byRole(ninjs.headlines, ['social'], false)), 300),
    seoDescription: cutAtWord(collapseSpace(byRole(ninjs.descriptions, ['seo'], false)), 1000),
  };
}

/** The library article a ninjs association names by Copydesk's identifier, if it does. */
function copydeskId(association: Json): string | null {
  const value = str(objects(association.altids).find((altid) => str(altid.role) === 'copydesk-article')?.value);
  return value === '' ? null : value;
}

/**
 * Reads an IPTC ninjs 2.2 document as an article: headlines (main, subhead, seo, social), the
 * embargo and the publication time Copydesk's export notes, the body (rich
 * text preferred), by and people, located, the dated dateline Copydesk's export puts in the
 * text, language, slugline, subjects as section and tags, infosources as the syndication
 * credit, the "featureimage" association as the lead image with its alt text, the "alsosee" association and Also
 * See blocks, and text associations as related articles. When the document comes with its
 * package (`entries`), pictures named by package path or by the SHA-256 of their bytes are taken
 * from it. Anything that is not valid ninjs 2.2 is refused with the first problem found.
 */
export function parseNinjs(text: string, name: string, entries: PackageEntries | null = null): ImportedArticle {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw refuse(`${name} is not JSON: it cannot be read as a ninjs article.`);
  }
  const validate = ninjsValidator();
  if (!validate(value) || !isObject(value)) {
    throw refuse(`${name} is not a valid IPTC ninjs 2.2 document: ${describeError(validate.errors?.[0])}.`);
  }
  if (entries !== null) checkManifest(name, entries);
  const ninjs = value;
  const missing: string[] = [];
  const located = collapseSpace(str(ninjs.located)).slice(0, 200);

  const richtext = objects(ninjs.bodies).find((body) => /html/i.test(str(body.contenttype)));
  const plain = byRole(ninjs.bodies, ['main', 'plain', 'text']);
  let images: ImportedImage[] = [];
  let absent: string[] = [];
  let datelineLabel: string | null;
  const linkedIds = new Map<string, string>();
  let linkedAddresses = new Map<string, string>();
  let body;
  if (richtext !== undefined) {
    const rich = readRichBody(str(richtext.value), entries, missing);
    images = rich.images;
    absent = rich.absent;
    datelineLabel = rich.datelineLabel;
    for (const [headline, id] of rich.alsoSeeIds) linkedIds.set(headline, id);
    linkedAddresses = rich.alsoSeeAddresses;
    checkHtmlNesting(name, rich.html);
    body = htmlToBody(rich.html);
  } else {
    const read = plainParagraphs(plain, located);
    datelineLabel = read.datelineLabel;
    body = bodyFromParagraphs(read.paragraphs);
  }

  const article = blankImport('ninjs', body);
  article.headline = cutAtWord(collapseSpace(byRole(ninjs.headlines, ['main', 'headline'])), 500);
  article.dek = cutAtWord(
    collapseSpace(byRole(ninjs.headlines, ['subhead', 'sub'], false) || byRole(ninjs.descriptions, ['summary', 'dek'])),
    2000,
  );
  const people = objects(ninjs.people).filter((person) => /author|creator|by/i.test(str(person.rel)));
  const authors: ImportedAuthor[] =
    people.length > 0
      ? people.map((person) => ({ name: collapseSpace(str(person.name)), bio: '' })).filter((a) => a.name !== '')
      : namesOf(str(ninjs.by)).map((author) => ({ name: author, bio: '' }));
  article.authors = authors.slice(0, 20);
  article.dateline = located;
  const language = LanguageSchema.safeParse(str(ninjs.language));
  article.language = language.success ? language.data : null;
  const slug = SlugSchema.safeParse(str(ninjs.slugline));
  article.slug = slug.success && slug.data !== '' ? slug.data : null;
  // Copydesk keeps the whole credit line as the infosource's literal, the organisation as its name.
  const infosource = objects(ninjs.infosources).find((source) => str(source.literal) !== '' || str(source.name) !== '');
  article.syndicationCredit = collapseSpace(str(infosource?.literal) || str(infosource?.name)).slice(0, 300);
  article.publishing = publishingOf(ninjs);
  for (const subject of objects(ninjs.subjects)) {
    const subjectName = collapseSpace(str(subject.name));
    if (subjectName === '') continue;
    const rel = str(subject.rel).toLowerCase();
    if (rel === 'section' && article.section === '') article.section = subjectName.slice(0, 100);
    else if (rel === 'about' && !article.tags.includes(subjectName) && article.tags.length < 50)
      article.tags.push(subjectName.slice(0, 100));
  }
  article.source.publishedTime = str(ninjs.firstcreated) || str(ninjs.versioncreated);
  article.source.url = /^https?:/i.test(str(ninjs.uri)) ? str(ninjs.uri) : '';
  // A dateline printed by Copydesk's export says whether it had a date; other ninjs dates the
  // dateline by when the content was made.
  const dated = datelineLabel !== null ? datelineLabelDate(datelineLabel) : calendarDate(ninjs.contentcreated);
  if (dated !== '' && article.dateline !== '') article.datelineDate = dated;

  for (const association of objects(ninjs.associations)) {
    const type = str(association.type);
    const role = `${str(association.name)} ${str(association.role)}`.toLowerCase();
    if (type === 'picture' || type === 'graphic' || role.includes('featureimage')) {
      if (!role.includes('featureimage') || article.leadImage !== null) continue;
      const caption = collapseSpace(byRole(association.descriptions, ['caption']) || byRole(association.headlines, []));
      const credit = collapseSpace(
        byRole(association.descriptions, ['creditline'], false) ||
          str(association.copyrightholder) ||
          str(association.by),
      );
      const rendition = objects(association.renditions)[0];
      const found = renditionAsset(name, entries, rendition);
      if (found !== null && 'missing' in found) {
        if (entries === null) absent.unshift(found.missing);
        else missing.push(found.missing);
      }
      if (found !== null && 'bytes' in found) {
        const fileName = path.posix.basename(found.file);
        const altText = collapseSpace(byRole(association.descriptions, ['alttext'], false));
        images.unshift({ name: fileName, bytes: found.bytes, caption, credit, altText, placeholder: null });
      } else {
        const href = str(rendition?.href);
        const url = found !== null && 'missing' in found ? found.missing : href || str(association.uri);
        article.leadImage = { url, caption, credit };
      }
    } else if (type === 'text' || type === 'composite' || role.includes('related')) {
      const headline = collapseSpace(byRole(association.headlines, ['main']));
      if (headline === '') continue;
      const id = copydeskId(association);
      if (id !== null && !linkedIds.has(headlineKey(headline))) linkedIds.set(headlineKey(headline), id);
      // Also See blocks are in the text; their association only says which article they link.
      if (str(association.name).toLowerCase() === 'alsosee') continue;
      article.related.push({
        headline: cutAtWord(headline, 500),
        teaser: cutAtWord(collapseSpace(byRole(association.descriptions, ['teaser', 'summary'])), 2000),
      });
    }
  }
  if (missing.length > 0) {
    throw refuse(
      `${name} is incomplete: it names ${missing.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not in the package.`,
    );
  }
  if (absent.length > 0) {
    article.notes.push(
      `The pictures of the package (${absent.join(', ')}) did not come with this file: import the package's folder or .zip to bring them.`,
    );
  }
  article.images = images;
  article.linkedIds = linkedIds;
  article.linkedAddresses = linkedAddresses;
  return article;
}

/**
 * Reads a package (a folder's or a .zip's files, by path): its article.ninjs.json, at the top
 * or inside the package's one folder, with the pictures it names.
 */
export function parsePackage(name: string, files: PackageEntries): ImportedArticle {
  for (const file of files.keys()) {
    if (unsafeEntryName(file)) {
      throw refuse(
        `${name} is not a safe package: it holds a file named "${file.slice(0, 120)}", which would land outside the package. Nothing of it was imported.`,
      );
    }
  }
  let prefix: string | null = null;
  for (const file of files.keys()) {
    if (file === NINJS_FILE) {
      prefix = '';
      break;
    }
    if (file.endsWith(`/${NINJS_FILE}`) && file.split('/').length === 2) prefix ??= file.slice(0, -NINJS_FILE.length);
  }
  if (prefix === null) {
    throw refuse(
      `${name} is not a Copydesk package: it has no ${NINJS_FILE}. Import the package's folder or .zip as exported.`,
    );
  }
  const entries = new Map<string, Uint8Array>();
  for (const [file, bytes] of files) if (file.startsWith(prefix)) entries.set(file.slice(prefix.length), bytes);
  const ninjs = entries.get(NINJS_FILE) ?? new Uint8Array();
  const article = parseNinjs(new TextDecoder().decode(ninjs), name, entries);
  article.format = 'package';
  // ninjs has no place for an author's bio: the package's article.md carries them.
  const bios = frontMatterBios(entries.get('article.md'));
  article.authors = article.authors.map((author) => ({ ...author, bio: author.bio || (bios.get(author.name) ?? '') }));
  return article;
}

/** The authors' bios in article.md's front matter (`authors: [{name, bio}]`), by name; none if it cannot be read. */
function frontMatterBios(bytes: Uint8Array | undefined): Map<string, string> {
  const bios = new Map<string, string>();
  if (bytes === undefined) return bios;
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(new TextDecoder().decode(bytes));
  if (match === null) return bios;
  let front: unknown;
  try {
    front = parseYaml(match[1] ?? '');
  } catch {
    return bios;
  }
  for (const author of objects(isObject(front) ? front.authors : undefined)) {
    const authorName = collapseSpace(str(author.name));
    const bio = str(author.bio).trim();
    if (authorName !== '' && bio !== '') bios.set(authorName, bio.slice(0, 2000));
  }
  return bios;
}
