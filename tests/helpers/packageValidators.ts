/**
 * Validators for the files of an export package, each against the official definition kept in
 * ../shared/corpora/schemas (see its SOURCES.md): IPTC's ninjs JSON Schema and NewsML-G2 XML
 * Schema, W3C's Web Annotation test definitions, the schema.org vocabulary, and CSL-JSON's
 * item types and fields.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import type { AnySchema, ErrorObject, Schema } from 'ajv';
import addFormats from 'ajv-formats';
import { schemas } from './corpora';

/** The shared test material, next to the repository: ../shared from the repository's root. */
export const SCHEMAS = schemas();

export type Validation = { valid: boolean; errors: string[] };

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));

function describe(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`.trim());
}

// ——— IPTC ninjs 2.2 ———

/** Where the ninjs schemas refer to GeoJSON; registered locally so validation works offline. */
const GEOJSON_URI = 'https://geojson.org/schema/GeoJSON.json';

let ninjsValidator: ((value: unknown) => Validation) | null = null;

/**
 * Validates a ninjs 2.2 document as IPTC's own test script does: JSON Schema 2020-12 with
 * format checks (ajv-formats), the bundled GeoJSON schema registered under its URI.
 */
export function validateNinjs(value: unknown): Validation {
  ninjsValidator ??= (() => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addSchema(
      readJson(path.join(SCHEMAS, 'ninjs', 'specification', 'GeoJSON-schema.json')) as AnySchema,
      GEOJSON_URI,
    );
    const validate = ajv.compile(
      readJson(path.join(SCHEMAS, 'ninjs', 'specification', 'ninjs-schema_2.2.json')) as Schema,
    );
    return (candidate: unknown): Validation => ({ valid: validate(candidate), errors: describe(validate.errors) });
  })();
  return ninjsValidator(value);
}

/** IPTC's ninjs 2.2 test suite: the files that must pass and those that must fail. */
export function ninjsTestSuite(): { shouldPass: string[]; shouldFail: string[] } {
  const folder = path.join(SCHEMAS, 'ninjs', 'test_suite', '2.2');
  const list = (name: string) =>
    fs
      .readdirSync(path.join(folder, name))
      .filter((file) => file.endsWith('.json'))
      .map((file) => path.join(folder, name, file));
  return { shouldPass: list('should_pass'), shouldFail: list('should_fail') };
}

// ——— NewsML-G2 2.35 ———

/** IPTC's single-file NewsML-G2 2.35 schema (Power conformance); xml.xsd sits beside it. */
export const NEWSML_XSD = path.join(SCHEMAS, 'newsml-g2', 'specification', 'NewsML-G2_2.35-spec-All-Power.xsd');

/** Validates NewsML-G2 XML with xmllint (Debian's libxml2-utils) against IPTC's 2.35 XSD. */
export function validateNewsml(xml: string): Validation {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-newsml-'));
  try {
    const file = path.join(dir, 'item.xml');
    fs.writeFileSync(file, xml);
    const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', NEWSML_XSD, file], { encoding: 'utf8' });
    if (run.error !== undefined)
      throw new Error(`xmllint could not run (${run.error.message}); install libxml2-utils.`);
    const errors = run.stderr.split('\n').filter((line) => line.trim() !== '' && !line.endsWith(' validates'));
    return { valid: run.status === 0, errors };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ——— W3C Web Annotation ———

const ANNOTATION_DEFINITIONS = [
  'annotations.json',
  'bodyTarget.json',
  'choiceSet.json',
  'collections.json',
  'id.json',
  'otherProperties.json',
  'specificResource.json',
];

/**
 * The W3C test definitions are JSON Schema draft-04, which Ajv 8 reads as draft-07 once the
 * draft-04 spellings are updated: `id` → `$id` at the root, boolean exclusiveMinimum → number.
 */
function asDraft07(node: unknown, root: boolean): unknown {
  if (Array.isArray(node)) return node.map((item) => asDraft07(item, false));
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  const record = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (key === '$schema') continue;
    if (root && key === 'id') out.$id = value;
    else if (key === 'exclusiveMinimum' && typeof value === 'boolean') {
      if (value) out.exclusiveMinimum = record.minimum;
    } else if (key === 'minimum' && record.exclusiveMinimum === true) continue;
    else out[key] = key === 'properties' || key === 'definitions' ? mapValues(value) : asDraft07(value, false);
  }
  return out;
}

function mapValues(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, asDraft07(inner, false)]));
}

/**
 * The MUST-level checks of the W3C Web Annotation test suite, each a definition of its test
 * schemas applied to the annotation (or to each body or target).
 */
const ANNOTATION_MUSTS = [
  'id.json#/definitions/idValueFound',
  'annotations.json#/definitions/annotationTypeValueFound',
  'annotations.json#/definitions/motivationRecognizedIfPresent',
  'annotations.json#/definitions/bodyValueValidIfPresent',
  'annotations.json#/definitions/stylesheetValueDefinition',
  'otherProperties.json#/definitions/createdValidIfPresent',
  'otherProperties.json#/definitions/modifiedValidIfPresent',
  'otherProperties.json#/definitions/generatedValidIfPresent',
  'otherProperties.json#/definitions/creatorValidIfPresent',
  'otherProperties.json#/definitions/generatorValidIfPresent',
  'otherProperties.json#/definitions/audienceValidIfPresent',
  'otherProperties.json#/definitions/rightsValidIfPresent',
  'otherProperties.json#/definitions/canonicalValidIfPresent',
  'otherProperties.json#/definitions/viaValidIfPresent',
];
const RESOURCE_MUSTS = {
  body: 'bodyTarget.json#/definitions/bodyResourcesFound',
  target: 'bodyTarget.json#/definitions/targetResourcesFound',
};
/** The rules for the optional keys of one resource (not a Choice or Set of resources, and not a bare IRI). */
const OPTIONAL_KEY_MUSTS = {
  body: 'bodyTarget.json#/definitions/optionalBodyPropertiesMust',
  target: 'bodyTarget.json#/definitions/optionalTargetPropertiesMust',
};
const SPECIFIC_RESOURCE_MUSTS = [
  'specificResource.json#/definitions/selectorDefined',
  'specificResource.json#/definitions/stateDefined',
  'specificResource.json#/definitions/checkForRefinedBy',
  'specificResource.json#/definitions/textQuoteSelectorTypeValidIfPresent',
  'specificResource.json#/definitions/textPositionSelectorTypeValidIfPresent',
  'specificResource.json#/definitions/timeStateTypeValidIfPresent',
];

let annotationAjv: Ajv | null = null;

function webAnnotationAjv(): Ajv {
  if (annotationAjv === null) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    for (const file of ANNOTATION_DEFINITIONS) {
      const schema = asDraft07(readJson(path.join(SCHEMAS, 'web-annotation', 'test-definitions', file)), true);
      ajv.addSchema(schema as AnySchema);
    }
    annotationAjv = ajv;
  }
  return annotationAjv;
}

function check(ref: string, value: unknown, where: string, errors: string[]): void {
  const validate = webAnnotationAjv().getSchema(ref);
  if (validate === undefined) throw new Error(`No W3C test definition ${ref}`);
  if (!validate(value))
    errors.push(`${where}: fails ${ref.replace(/^.*\//, '')} (${describe(validate.errors).join('; ')})`);
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/**
 * Validates one annotation against the W3C test definitions: its @context (which an annotation
 * `embedded` in a collection may leave to the collection), the annotation-level MUSTs, the
 * body and target rules for each body and target, and the selector and state rules for each
 * Specific Resource among them.
 */
export function validateAnnotation(annotation: unknown, where = 'annotation', embedded = false): Validation {
  const errors: string[] = [];
  const record = (typeof annotation === 'object' && annotation !== null ? annotation : {}) as Record<string, unknown>;
  if (!embedded && !('@context' in record)) errors.push(`${where}: has no @context`);
  if ('@context' in record) {
    const context = record['@context'];
    check(
      Array.isArray(context)
        ? 'annotations.json#/definitions/contextValueInArrayFound'
        : 'annotations.json#/definitions/contextValueFound',
      context,
      `${where} @context`,
      errors,
    );
  }
  for (const ref of ANNOTATION_MUSTS) check(ref, annotation, where, errors);
  if (!('target' in record)) errors.push(`${where}: has no target`);
  for (const kind of ['body', 'target'] as const) {
    asList(record[kind]).forEach((resource, index) => {
      const at = `${where} ${kind}[${index}]`;
      if (typeof resource === 'object' && resource !== null && 'items' in resource) {
        // A Choice, Composite, List or Independents: the set itself, then each resource in it.
        check('choiceSet.json#/definitions/choiceOrSetDetected', resource, at, errors);
        for (const item of asList(resource.items)) check(RESOURCE_MUSTS[kind], item, `${at} item`, errors);
        return;
      }
      check(RESOURCE_MUSTS[kind], resource, at, errors);
      if (typeof resource !== 'object' || resource === null) return;
      check(OPTIONAL_KEY_MUSTS[kind], resource, at, errors);
      if ('source' in resource) for (const ref of SPECIFIC_RESOURCE_MUSTS) check(ref, resource, at, errors);
    });
  }
  return { valid: errors.length === 0, errors };
}

/** Validates an AnnotationCollection with its embedded first page, and every annotation in it. */
export function validateAnnotationCollection(collection: unknown): Validation {
  const errors: string[] = [];
  check(
    'collections.json#/definitions/contextValueFound',
    (collection as Record<string, unknown>)['@context'],
    '@context',
    errors,
  );
  for (const ref of [
    'id.json#/definitions/idValueFound',
    'collections.json#/definitions/annotationCollectionTypeValueFound',
    'collections.json#/definitions/labelDefinition',
    'collections.json#/definitions/totalDefinition',
    'collections.json#/definitions/firstValidIfPresent',
  ]) {
    check(ref, collection, 'collection', errors);
  }
  const first = (collection as { first?: { items?: unknown[] } }).first;
  if (first !== undefined) {
    check('collections.json#/definitions/annotationPageTypeValueFound', first, 'page', errors);
    (first.items ?? []).forEach((item, index) =>
      errors.push(...validateAnnotation(item, `items[${index}]`, true).errors),
    );
  }
  return { valid: errors.length === 0, errors };
}

// ——— schema.org ———

type VocabularyNode = {
  '@id': string;
  '@type': string | string[];
  'rdfs:subClassOf'?: { '@id': string } | { '@id': string }[];
  'schema:domainIncludes'?: { '@id': string } | { '@id': string }[];
};

let vocabulary: Map<string, VocabularyNode> | null = null;

function schemaOrg(): Map<string, VocabularyNode> {
  if (vocabulary === null) {
    const file = readJson(path.join(SCHEMAS, 'schema.org', 'schemaorg-current-https.jsonld')) as {
      '@graph': VocabularyNode[];
    };
    vocabulary = new Map(file['@graph'].map((node) => [node['@id'], node]));
  }
  return vocabulary;
}

const ids = (value: { '@id': string } | { '@id': string }[] | undefined): string[] =>
  value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((entry) => entry['@id']);

/** A type and every type it is a subclass of. */
function ancestors(type: string): Set<string> {
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const parent of ids(schemaOrg().get(id)?.['rdfs:subClassOf'])) visit(parent);
  };
  visit(type);
  return seen;
}

/**
 * Every schema.org type and property a JSON-LD document uses that the schema.org vocabulary
 * (v30.0) does not define, or uses on a type outside the property's domain. Empty when the
 * document speaks only schema.org.
 */
export function schemaOrgProblems(document: unknown): string[] {
  const problems: string[] = [];
  const visit = (node: unknown, where: string) => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, `${where}[${index}]`));
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    const types = asList(record['@type']).filter((type): type is string => typeof type === 'string');
    const known = new Set<string>();
    for (const type of types) {
      const entry = schemaOrg().get(`schema:${type}`);
      if (entry === undefined || !asList(entry['@type']).includes('rdfs:Class'))
        problems.push(`${where}: unknown type ${type}`);
      else for (const ancestor of ancestors(`schema:${type}`)) known.add(ancestor);
    }
    for (const [key, value] of Object.entries(record)) {
      if (key.startsWith('@')) {
        if (key === '@graph') visit(value, `${where}.@graph`);
        continue;
      }
      const property = schemaOrg().get(`schema:${key}`);
      if (property === undefined || !asList(property['@type']).includes('rdf:Property')) {
        problems.push(`${where}: unknown property ${key}`);
      } else if (types.length > 0 && !ids(property['schema:domainIncludes']).some((domain) => known.has(domain))) {
        problems.push(`${where}: ${key} is not a property of ${types.join('/')}`);
      }
      visit(value, `${where}.${key}`);
    }
  };
  visit(document, '$');
  return problems;
}

// ——— CSL-JSON ———

/** The item types of CSL 1.0.2 (citationstyles.org, csl-data.json). */
export const CSL_TYPES = new Set([
  'article',
  'article-journal',
  'article-magazine',
  'article-newspaper',
  'bill',
  'book',
  'broadcast',
  'chapter',
  'classic',
  'collection',
  'dataset',
  'document',
  'entry',
  'entry-dictionary',
  'entry-encyclopedia',
  'event',
  'figure',
  'graphic',
  'hearing',
  'interview',
  'legal_case',
  'legislation',
  'manuscript',
  'map',
  'motion_picture',
  'musical_score',
  'pamphlet',
  'paper-conference',
  'patent',
  'performance',
  'periodical',
  'personal_communication',
  'post',
  'post-weblog',
  'regulation',
  'report',
  'review',
  'review-book',
  'software',
  'song',
  'speech',
  'standard',
  'thesis',
  'treaty',
  'webpage',
]);

const CSL_NAME_FIELDS = new Set([
  'author',
  'chair',
  'collection-editor',
  'compiler',
  'composer',
  'container-author',
  'contributor',
  'curator',
  'director',
  'editor',
  'editorial-director',
  'executive-producer',
  'guest',
  'host',
  'interviewer',
  'illustrator',
  'narrator',
  'organizer',
  'original-author',
  'performer',
  'producer',
  'recipient',
  'reviewed-author',
  'script-writer',
  'series-creator',
  'translator',
]);
const CSL_DATE_FIELDS = new Set(['accessed', 'available-date', 'event-date', 'issued', 'original-date', 'submitted']);
const CSL_TEXT_FIELDS = new Set([
  'id',
  'type',
  'citation-key',
  'categories',
  'language',
  'journalAbbreviation',
  'shortTitle',
  'abstract',
  'annote',
  'archive',
  'archive_collection',
  'archive_location',
  'archive-place',
  'authority',
  'call-number',
  'chapter-number',
  'citation-number',
  'citation-label',
  'collection-number',
  'collection-title',
  'container-title',
  'container-title-short',
  'dimensions',
  'division',
  'DOI',
  'edition',
  'event',
  'event-title',
  'event-place',
  'first-reference-note-number',
  'genre',
  'ISBN',
  'ISSN',
  'issue',
  'jurisdiction',
  'keyword',
  'locator',
  'medium',
  'note',
  'number',
  'number-of-pages',
  'number-of-volumes',
  'original-publisher',
  'original-publisher-place',
  'original-title',
  'page',
  'page-first',
  'part',
  'part-title',
  'PMCID',
  'PMID',
  'printing',
  'publisher',
  'publisher-place',
  'references',
  'reviewed-genre',
  'reviewed-title',
  'scale',
  'section',
  'source',
  'status',
  'supplement',
  'title',
  'title-short',
  'URL',
  'version',
  'volume',
  'volume-title',
  'volume-title-short',
  'year-suffix',
  'custom',
]);
const CSL_NAME_PARTS = new Set([
  'family',
  'given',
  'dropping-particle',
  'non-dropping-particle',
  'suffix',
  'comma-suffix',
  'static-ordering',
  'literal',
  'parse-names',
]);

/**
 * Checks CSL-JSON items against CSL 1.0.2's item types and fields: names as name objects,
 * dates as date-parts, everything else a string or number. Empty when every item is valid.
 */
export function cslProblems(items: unknown): string[] {
  if (!Array.isArray(items)) return ['CSL-JSON must be an array of items'];
  const problems: string[] = [];
  items.forEach((item: unknown, index) => {
    const at = `item ${index}`;
    if (typeof item !== 'object' || item === null) {
      problems.push(`${at}: not an object`);
      return;
    }
    const record = item as Record<string, unknown>;
    if (typeof record.id !== 'string' && typeof record.id !== 'number') problems.push(`${at}: no id`);
    if (typeof record.type !== 'string' || !CSL_TYPES.has(record.type))
      problems.push(`${at}: unknown type ${String(record.type)}`);
    for (const [key, value] of Object.entries(record)) {
      if (CSL_NAME_FIELDS.has(key)) {
        const names: unknown[] = Array.isArray(value) ? value : [];
        if (names.length === 0) problems.push(`${at}: ${key} must be a list of names`);
        for (const name of names) {
          const parts = typeof name === 'object' && name !== null ? Object.keys(name) : [];
          if (parts.length === 0 || parts.some((part) => !CSL_NAME_PARTS.has(part)))
            problems.push(`${at}: ${key} has a malformed name`);
        }
      } else if (CSL_DATE_FIELDS.has(key)) {
        const parts = (value as { 'date-parts'?: unknown })['date-parts'];
        const valid =
          Array.isArray(parts) &&
          parts.length >= 1 &&
          parts.length <= 2 &&
          parts.every(
            (date) => Array.isArray(date) && date.length >= 1 && date.length <= 3 && date.every(Number.isInteger),
          );
        if (!valid) problems.push(`${at}: ${key} is not a CSL date`);
      } else if (CSL_TEXT_FIELDS.has(key)) {
        if (typeof value !== 'string' && typeof value !== 'number')
          problems.push(`${at}: ${key} must be text or a number`);
      } else {
        problems.push(`${at}: ${key} is not a CSL field`);
      }
    }
  });
  return problems;
}
