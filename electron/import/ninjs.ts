import { createHash } from 'node:crypto';
import path from 'node:path';

import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

import { LanguageSchema, SlugSchema } from '../../shared/domain';
import { bodyFromParagraphs } from '../../shared/text';
import geoJsonSchema from '../export/schemas/GeoJSON-schema.json';
import ninjsSchema from '../export/schemas/ninjs-schema_2.2.json';
import { workWindow } from './domWindow';
import { htmlToBody } from './htmlToBody';
import type { ImportedArticle, ImportedAuthor, ImportedImage } from './importedArticle';
import { blankImport, calendarDate, collapseSpace, cutAtWord } from './importedArticle';
import { checkHtmlNesting, refuse } from './importFormats';

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
export const imagePlaceholder = (index: number) => `\uE000copydesk-image-${index}\uE000`;

/**
 * The body's HTML with every figure (or lone image) whose picture is in the package replaced by
 * a placeholder paragraph, and the images found.
 */
function extractImages(
  html: string,
  entries: PackageEntries | null,
  missing: string[],
): { html: string; images: ImportedImage[] } {
  const images: ImportedImage[] = [];
  if (entries === null) return { html, images };
  const { window } = workWindow();
  const container = window.document.createElement('div');
  container.innerHTML = html;
  for (const img of Array.from(container.querySelectorAll('img'))) {
    const found = findAsset(entries, img.getAttribute('src') ?? '');
    if (found === null) continue;
    if ('missing' in found) {
      missing.push(found.missing);
      continue;
    }
    const { file, bytes } = found;
    const figure = img.closest('figure') ?? img;
    const caption =
      figure.querySelector('.caption')?.textContent ?? figure.querySelector('figcaption')?.textContent ?? '';
    const credit = figure.querySelector('.credit')?.textContent ?? '';
    const placeholder = imagePlaceholder(images.length);
    images.push({
      name: path.posix.basename(file),
      bytes,
      caption: collapseSpace(caption.replace(credit, '')),
      credit: collapseSpace(credit),
      altText: collapseSpace(img.getAttribute('alt') ?? ''),
      placeholder,
    });
    const paragraph = window.document.createElement('p');
    paragraph.textContent = placeholder;
    figure.replaceWith(paragraph);
  }
  return { html: container.innerHTML, images };
}

/** Refuses a package whose manifest lists a file that is missing or whose bytes do not match its SHA-256. */
function checkManifest(name: string, entries: PackageEntries): void {
  const raw = entries.get('manifest.json');
  if (raw === undefined) return;
  let manifest: unknown;
  try {
    manifest = JSON.parse(new TextDecoder().decode(raw));
  } catch {
    throw refuse(`${name} is damaged: its manifest.json is not JSON.`);
  }
  for (const file of objects(isObject(manifest) ? manifest.files : undefined)) {
    const bytes = entries.get(str(file.path));
    if (bytes === undefined) continue;
    if (createHash('sha256').update(bytes).digest('hex') !== str(file.sha256)) {
      throw refuse(`${name} is damaged: ${str(file.path)} does not match the SHA-256 its manifest records.`);
    }
  }
}

/**
 * Reads an IPTC ninjs 2.2 document as an article: headlines (main, subhead), the body (rich
 * text preferred), by, located, language, slugline, infosources as the syndication credit, the
 * "featureimage" association as the lead image and text associations as related articles.
 * When the document comes with its package (`entries`), pictures named by relative address are
 * taken from it. Anything that is not valid ninjs 2.2 is refused with the first problem found.
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

  const richtext = objects(ninjs.bodies).find((body) => /html/i.test(str(body.contenttype)));
  const plain = byRole(ninjs.bodies, ['main', 'plain', 'text']);
  let images: ImportedImage[] = [];
  let body;
  if (richtext !== undefined) {
    const extracted = extractImages(str(richtext.value), entries, missing);
    images = extracted.images;
    checkHtmlNesting(name, extracted.html);
    body = htmlToBody(extracted.html);
  } else {
    body = bodyFromParagraphs(
      plain
        .split(/\n\s*\n/u)
        .map(collapseSpace)
        .filter((p) => p !== ''),
    );
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
  article.dateline = collapseSpace(str(ninjs.located)).slice(0, 200);
  const language = LanguageSchema.safeParse(str(ninjs.language));
  article.language = language.success ? language.data : null;
  const slug = SlugSchema.safeParse(str(ninjs.slugline));
  article.slug = slug.success && slug.data !== '' ? slug.data : null;
  article.syndicationCredit = collapseSpace(
    str(objects(ninjs.infosources).find((source) => str(source.name) !== '')?.name),
  ).slice(0, 300);
  article.source.publishedTime = str(ninjs.firstcreated) || str(ninjs.versioncreated);
  article.source.url = /^https?:/i.test(str(ninjs.uri)) ? str(ninjs.uri) : '';
  const dated = calendarDate(ninjs.contentcreated);
  if (dated !== '' && article.dateline !== '') article.datelineDate = dated;

  for (const association of objects(ninjs.associations)) {
    const type = str(association.type);
    const role = `${str(association.name)} ${str(association.role)}`.toLowerCase();
    if (type === 'picture' || type === 'graphic' || role.includes('featureimage')) {
      if (!role.includes('featureimage') || article.leadImage !== null) continue;
      const caption = collapseSpace(byRole(association.descriptions, ['caption']) || byRole(association.headlines, []));
      const credit = collapseSpace(str(association.copyrightholder) || str(association.by));
      const href = str(objects(association.renditions)[0]?.href);
      const found = findAsset(entries, href);
      if (found !== null && 'missing' in found) missing.push(found.missing);
      if (found !== null && 'bytes' in found) {
        const name = path.posix.basename(found.file);
        images.unshift({ name, bytes: found.bytes, caption, credit, altText: '', placeholder: null });
      } else {
        article.leadImage = { url: href || str(association.uri), caption, credit };
      }
    } else if (type === 'text' || type === 'composite' || role.includes('related')) {
      const headline = collapseSpace(byRole(association.headlines, ['main']));
      if (headline === '') continue;
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
  article.images = images;
  return article;
}

/**
 * Reads a package (a folder's or a .zip's files, by path): its article.ninjs.json, at the top
 * or inside the package's one folder, with the pictures it names.
 */
export function parsePackage(name: string, files: PackageEntries): ImportedArticle {
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
  return article;
}
