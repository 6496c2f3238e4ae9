/**
 * Fuzz targets for every importer (text, web page, Markdown, Word, ninjs, package as .zip,
 * package folder dropped or on disk) and for source snapshots: each input must be imported or
 * refused with a clear message, in time, without writing outside the library and without
 * storing anything when refused.
 */
import fs from 'node:fs';
import path from 'node:path';

import fc from 'fast-check';
import { zipSync } from 'fflate';

import { buildPackageFiles } from '../../electron/export/buildPackage';
import type { Db } from '../../electron/db/connection';
import { importFiles } from '../../electron/import/importFiles';
import type { ImportInput } from '../../electron/import/importFiles';
import { parseImportFile } from '../../electron/import/parseImportFile';
import { storeImportedArticle } from '../../electron/import/storeImportedArticle';
import { LibraryHost } from '../../electron/services/LibraryHost';
import type { Library } from '../../electron/services/LibraryHost';
import { RecentLibraries } from '../../electron/services/RecentLibraries';
import { addSource } from '../../electron/services/sources';
import type { ImportFormat } from '../../shared/imports';
import { PACKAGE_ARTICLE_FILE } from '../../shared/imports';
import { manualClock, openTempLibrary } from '../helpers/library';
import { pdfDocument } from '../helpers/pdf';
import { buildSeedArticle, SEED_ARTICLE } from '../helpers/seedPackage';
import { docxFile } from '../unit/electron/import/fixtures';
import type { FuzzTarget } from './fuzzRunner';
import type { Sandbox } from './fuzzRunner';
import { acceptedOrRefused } from './fuzzRunner';
import {
  deepHtml,
  ESCAPE_MARKER,
  hugeAttributes,
  invalidUtf8,
  malformedJson,
  mutated,
  randomBytes,
  utf8,
  ZIP_SLIP_NAMES,
} from './inputs';
import { bombEntry, deflatedEntry, rawZip } from './zipFiles';

/** Valid files of every kind, to mutate. */
export type Seeds = {
  text: Uint8Array[];
  html: Uint8Array[];
  markdown: Uint8Array[];
  docx: Uint8Array[];
  ninjs: Uint8Array[];
  pdf: Uint8Array[];
  /** The seed article's export package, by path inside it. */
  packageFiles: Record<string, Uint8Array>;
  packageZip: Uint8Array;
};

const WEB_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Night ferry trial approved | Port Ellis Herald</title>
<meta property="og:site_name" content="Port Ellis Herald"><meta name="author" content="Maria Okafor">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Night ferry trial approved","datePublished":"2026-03-02T09:00:00Z"}</script>
</head><body><nav><a href="/">Home</a></nav><article><h1>Night ferry trial approved</h1><p class="byline">By Maria Okafor</p>
<p>PORT ELLIS: The council approved a six-month trial of a night ferry on Monday, after a vote of seven to two.</p>
<p>The service will run from the old quay to the islands, <a href="https://example.org/timetable">timetable here</a>, with <b>three</b> crossings a night.</p>
<ul><li>First sailing in May</li><li>Fares as by day</li></ul><blockquote>"It is long overdue," said a councillor.</blockquote>
<figure><img src="quay.jpg" alt="The quay"><figcaption>The old quay. Photo: Amna Riaz</figcaption></figure></article></body></html>`;

const MARKDOWN = `---
title: Night ferry trial approved
author: Maria Okafor
date: 2026-03-02
tags: [transport, council]
---

# Night ferry trial approved

PORT ELLIS: The council approved a six-month trial of a night ferry on Monday.

- First sailing in May
- Fares as by day

> "It is long overdue," said a councillor.

See [the timetable](https://example.org/timetable) and ![the quay](quay.jpg).
`;

/** Builds the valid files: the seed article as text, a page, Markdown, Word and PDF files, and its export package. */
export async function buildSeeds(): Promise<Seeds> {
  const library = openTempLibrary();
  try {
    const clock = manualClock('2026-11-28T08:00:00.000Z');
    const seed = await buildSeedArticle(library.lib, clock);
    const files = buildPackageFiles(library.lib, seed.article.id, new Date('2026-11-28T10:00:00.000Z'));
    const packageFiles: Record<string, Uint8Array> = {};
    for (const file of files) packageFiles[file.path] = new Uint8Array(file.bytes);
    const seedText = fs.readFileSync(SEED_ARTICLE);
    return {
      text: [new Uint8Array(seedText), utf8('Ferry\n\nBy Maria Okafor\n\nPORT ELLIS: The trial begins.\n')],
      html: [utf8(WEB_PAGE)],
      markdown: [utf8(MARKDOWN)],
      docx: [
        new Uint8Array(
          docxFile(
            [
              { style: 'Title', runs: ['Night ferry trial approved'] },
              { style: 'Subtitle', runs: ['A six-month trial'] },
              { runs: ['By Maria Okafor'] },
              { runs: ['PORT ELLIS: The council ', { text: 'approved', format: 'bold' }, ' the trial.'] },
              { style: 'Heading2', runs: ['What happens next'] },
              { runs: [{ text: 'First sailing in May.', format: 'italic' }] },
            ],
            { title: 'Night ferry', language: 'en-GB' },
          ),
        ),
      ],
      ninjs: [packageFiles[PACKAGE_ARTICLE_FILE] ?? utf8('{}')],
      pdf: [new Uint8Array(pdfDocument([[['Statement on the ferry trial'], ['The council approved the trial.']]]))],
      packageFiles,
      packageZip: zipSync(packageFiles),
    };
  } finally {
    library.close();
  }
}

/** One file as the UI sends it. */
export type ImportCase = { name: string; bytes: Uint8Array };

const EXTENSION: Record<Exclude<ImportFormat, 'package'>, string> = {
  text: 'txt',
  html: 'html',
  markdown: 'md',
  docx: 'docx',
  pdf: 'pdf',
  ninjs: 'json',
};

/** The library the fuzzing writes to, inside the sandbox; reopened fresh now and then so it stays small. */
export class FuzzLibrary {
  readonly sandbox: Sandbox;
  #host: LibraryHost;
  #uses = 0;
  #generation = 0;

  constructor(sandbox: Sandbox) {
    this.sandbox = sandbox;
    this.#host = this.#open();
  }

  #open(): LibraryHost {
    this.#generation += 1;
    const file = path.join(this.sandbox.libraryDir, `library-${this.#generation}.sqlite3`);
    return LibraryHost.open(file, { recent: new RecentLibraries(path.join(this.sandbox.libraryDir, 'data')) });
  }

  get host(): LibraryHost {
    return this.#host;
  }

  /** The library for the next input: a fresh one after every `every` inputs. */
  next(every = 150): Library {
    this.#uses += 1;
    if (this.#uses % every === 0) {
      this.#host.close();
      for (const name of fs.readdirSync(this.sandbox.libraryDir)) {
        if (name.startsWith(`library-${this.#generation}.`)) {
          fs.rmSync(path.join(this.sandbox.libraryDir, name), { recursive: true, force: true });
        }
      }
      this.#host = this.#open();
    }
    return this.#host.current;
  }

  close(): void {
    this.#host.close();
  }
}

/** The number of rows in every table: a refused import must leave every count as it was. */
export function rowCounts(db: Db): string {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  return tables
    .map(
      (table) =>
        `${table}=${String(
          db
            .prepare(`SELECT count(*) FROM "${table.replace(/"/g, '""')}"`)
            .pluck()
            .get(),
        )}`,
    )
    .join(' ');
}

/** Runs one import: parsed and stored as importFiles does, refused cleanly, nothing written outside, nothing stored on refusal. */
async function checkImport(
  fuzz: FuzzLibrary,
  label: string,
  action: (lib: Library) => Promise<boolean>,
): Promise<void> {
  const lib = fuzz.next();
  const outside = fuzz.sandbox.outsideFiles();
  const before = rowCounts(lib.db);
  const result = { stored: false };
  const outcome = await acceptedOrRefused(label, async () => {
    result.stored = await action(lib);
  });
  if (outcome === 'refused' || !result.stored) {
    const after = rowCounts(lib.db);
    if (after !== before) throw new Error(`${label}: refused, yet the library changed: ${before} → ${after}`);
  }
  fuzz.sandbox.expectNoEscape(label, outside);
}

/** Parses a file and stores the article, as importFiles does for each file; true when an article was stored. */
async function parseAndStore(lib: Library, input: ImportCase, format: ImportFormat): Promise<boolean> {
  const article = await parseImportFile(input.name, format, input.bytes);
  const outcome = storeImportedArticle(lib, article, input.name, { analyseLater: true });
  return outcome.kind === 'imported';
}

/** The inputs every format gets: its valid files mutated, random bytes and invalid UTF-8. */
function commonInputs(valid: readonly Uint8Array[]): fc.Arbitrary<Uint8Array>[] {
  return [mutated(valid), mutated(valid), randomBytes(), invalidUtf8(), fc.constant(new Uint8Array())];
}

/** A target per file format, through parseImportFile and storeImportedArticle. */
export function formatTargets(fuzz: FuzzLibrary, seeds: Seeds): FuzzTarget<ImportCase>[] {
  const hostileHtml = fc.oneof(deepHtml(), hugeAttributes()).map(utf8);
  const text = fc.oneof(
    ...commonInputs(seeds.text),
    fc.string({ unit: 'binary', maxLength: 2000 }).map(utf8),
    fc
      .constantFrom('\r\n\r\n', '\u2028\u2029', '\ufeff', 'A'.repeat(300_000), `${'x'.repeat(9000)}\n`.repeat(30))
      .map(utf8),
  );
  const html = fc.oneof(...commonInputs(seeds.html), hostileHtml, hostileHtml);
  const markdown = fc.oneof(
    ...commonInputs(seeds.markdown),
    fc
      .constantFrom(
        `---\n${'a: &a [*a]\n'.repeat(50)}---\n# x`,
        `---\nx: ${'['.repeat(5000)}\n---\n# x`,
        `${'> '.repeat(10_000)}deep quote`,
        `${'- '.repeat(5000)}deep list`,
        `${'*'.repeat(20_000)}x${'*'.repeat(20_000)}`,
        `[${'['.repeat(10_000)}x](y)`,
        '---\ntitle: !!js/function "function () {}"\n---\n# x',
        '---\n---\n---\n',
      )
      .map(utf8),
    hostileHtml,
  );
  const docx = fc.oneof(
    ...commonInputs(seeds.docx),
    fc.constantFrom(
      rawZip([bombEntry('word/document.xml', 1024, 2000)]),
      rawZip([bombEntry('word/document.xml', 4096, 0xffffffff)]),
      rawZip([deflatedEntry('word/document.xml', '<w:document/>'), bombEntry('word/styles.xml', 1024, 300)]),
      rawZip([deflatedEntry('word/document.xml', '<w:document/>'), bombEntry('docProps/core.xml', 256, 300)]),
      rawZip([
        deflatedEntry(
          'word/document.xml',
          `<!DOCTYPE x [<!ENTITY a "${'a'.repeat(100)}">]><w:document>&a;</w:document>`,
        ),
      ]),
      rawZip(ZIP_SLIP_NAMES.map((name) => deflatedEntry(name, 'x')).concat(deflatedEntry('word/document.xml', '<x/>'))),
    ),
  );
  const ninjs = fc.oneof(...commonInputs(seeds.ninjs), malformedJson().map(utf8), malformedJson().map(utf8));
  const target = (format: Exclude<ImportFormat, 'package'>, arbitrary: fc.Arbitrary<Uint8Array>) => ({
    name: `import ${format}`,
    arbitrary: arbitrary.map((bytes) => ({ name: `fuzzed.${EXTENSION[format]}`, bytes })),
    check: (input: ImportCase) => checkImport(fuzz, `import ${format}`, (lib) => parseAndStore(lib, input, format)),
  });
  return [
    target('text', text),
    target('html', html),
    target('markdown', markdown),
    target('docx', docx),
    target('pdf', fc.oneof(...commonInputs(seeds.pdf))),
    target('ninjs', ninjs),
  ];
}

/** A package's files with some replaced, added or renamed: zip-slip names, damaged JSON, pictures that are not pictures. */
function damagedPackage(seeds: Seeds): fc.Arbitrary<Record<string, Uint8Array>> {
  const names = Object.keys(seeds.packageFiles);
  return fc
    .record({
      replace: fc.dictionary(
        fc.constantFrom(...names),
        fc.oneof(mutated(Object.values(seeds.packageFiles)), malformedJson().map(utf8)),
        {
          maxKeys: 3,
        },
      ),
      add: fc.dictionary(
        fc.oneof(fc.constantFrom(...ZIP_SLIP_NAMES), fc.string({ maxLength: 30 })),
        fc.uint8Array({ maxLength: 64 }),
        {
          maxKeys: 3,
        },
      ),
      drop: fc.subarray(names, { maxLength: 2 }),
      rename: fc.option(fc.tuple(fc.constantFrom(...names), fc.constantFrom(...ZIP_SLIP_NAMES))),
    })
    .map(({ replace, add, drop, rename }) => {
      const files: Record<string, Uint8Array> = { ...seeds.packageFiles, ...replace, ...add };
      for (const name of drop) Reflect.deleteProperty(files, name);
      if (rename !== null) {
        const [from, to] = rename;
        const bytes = files[from];
        if (bytes !== undefined) {
          Reflect.deleteProperty(files, from);
          files[to] = bytes;
        }
      }
      return files;
    });
}

/** Package .zip files: mutated, with zip-slip entries, bombs that lie about their size and bombs that say it. */
function packageZips(seeds: Seeds): fc.Arbitrary<Uint8Array> {
  const ninjs = seeds.packageFiles[PACKAGE_ARTICLE_FILE] ?? utf8('{}');
  const entries = Object.entries(seeds.packageFiles).map(([name, bytes]) => deflatedEntry(name, bytes));
  return fc.oneof(
    mutated([seeds.packageZip]),
    mutated([seeds.packageZip]),
    randomBytes(),
    damagedPackage(seeds).map((files) =>
      rawZip(Object.entries(files).map(([name, bytes]) => deflatedEntry(name, bytes))),
    ),
    fc.constantFrom(
      rawZip([...entries, ...ZIP_SLIP_NAMES.map((name) => deflatedEntry(name, 'escaped'))]),
      rawZip(ZIP_SLIP_NAMES.map((name) => deflatedEntry(name, ninjs))),
      rawZip([deflatedEntry(`../${PACKAGE_ARTICLE_FILE}`, ninjs)]),
      rawZip([bombEntry(PACKAGE_ARTICLE_FILE, 1024, 100)]),
      rawZip([bombEntry(PACKAGE_ARTICLE_FILE, 4096, 0xffffffff)]),
      rawZip([deflatedEntry(PACKAGE_ARTICLE_FILE, ninjs), bombEntry('pictures/lead.png', 1024, 10)]),
      rawZip([
        deflatedEntry(PACKAGE_ARTICLE_FILE, ninjs),
        ...Array.from({ length: 20 }, (_, i) => bombEntry(`pictures/${i}.png`, 16, 16 * 1024 * 1024)),
      ]),
      rawZip(Array.from({ length: 3000 }, (_, i) => deflatedEntry(`f/${i}`, 'x'))),
    ),
  );
}

/** A package folder dropped on the window: its files sent with their paths, some hostile. */
function droppedFolders(seeds: Seeds): fc.Arbitrary<ImportInput[]> {
  return fc
    .tuple(
      damagedPackage(seeds),
      fc.constantFrom('pkg/', 'a/b/pkg/', '../pkg/', '/abs/pkg/', 'C:\\pkg\\', `${ESCAPE_MARKER}/`),
    )
    .map(([files, prefix]) => Object.entries(files).map(([name, bytes]) => ({ name: `${prefix}${name}`, bytes })));
}

/** Package targets: .zip through the parser, dropped folders and folders on disk through importFiles. */
export function packageTargets(fuzz: FuzzLibrary, seeds: Seeds): FuzzTarget<unknown>[] {
  const zip: FuzzTarget<ImportCase> = {
    name: 'import package (.zip)',
    arbitrary: packageZips(seeds).map((bytes) => ({ name: 'fuzzed.zip', bytes })),
    check: (input) => checkImport(fuzz, 'import package (.zip)', (lib) => parseAndStore(lib, input, 'package')),
  };
  const viaImportFiles = async (lib: Library, inputs: readonly ImportInput[]): Promise<boolean> => {
    const report = await importFiles(lib, inputs, { context: {} });
    for (const failure of report.failed) {
      if (failure.reason.trim() === '' || /could not be (imported|stored): /.test(failure.reason)) {
        throw new Error(`importFiles: not a clear refusal for ${failure.file}: ${failure.reason}`);
      }
    }
    return report.imported.length > 0;
  };
  const dropped: FuzzTarget<ImportInput[]> = {
    name: 'import package (dropped folder)',
    arbitrary: droppedFolders(seeds),
    check: (inputs) => checkImport(fuzz, 'import package (dropped folder)', (lib) => viaImportFiles(lib, inputs)),
  };
  let folders = 0;
  const onDisk: FuzzTarget<Record<string, Uint8Array>> = {
    name: 'import package (folder on disk)',
    arbitrary: damagedPackage(seeds),
    check: async (files) => {
      folders += 1;
      const dir = path.join(fuzz.sandbox.allowedDir, `package-${folders}`);
      try {
        for (const [name, bytes] of Object.entries(files)) {
          // Only names that stay inside the folder can be written to it: the escaping ones exist only in a .zip.
          const target = path.resolve(dir, name);
          if (!target.startsWith(`${dir}${path.sep}`) || name.includes('\u0000') || name.includes(ESCAPE_MARKER))
            continue;
          fs.mkdirSync(path.dirname(target), { recursive: true });
          if (!fs.existsSync(target) || fs.statSync(target).isFile()) fs.writeFileSync(target, bytes);
        }
        fs.mkdirSync(dir, { recursive: true });
        await checkImport(fuzz, 'import package (folder on disk)', (lib) => viaImportFiles(lib, [dir]));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  return [zip, dropped, onDisk] as FuzzTarget<unknown>[];
}

/** A snapshot to capture: a file of any kind a source keeps, or pasted text. */
export type SnapshotCase =
  { kind: 'file'; name: string; bytes: Uint8Array } | { kind: 'paste'; text: string; label: string };

/** Source snapshots: web pages, Word files, PDF files, text files and pasted text. */
export function snapshotTarget(fuzz: FuzzLibrary, seeds: Seeds): FuzzTarget<SnapshotCase> {
  const file = (extension: string, arbitrary: fc.Arbitrary<Uint8Array>) =>
    arbitrary.map((bytes): SnapshotCase => ({ kind: 'file', name: `source.${extension}`, bytes }));
  const arbitrary = fc.oneof(
    file('html', fc.oneof(...commonInputs(seeds.html), deepHtml().map(utf8), hugeAttributes().map(utf8))),
    file('docx', fc.oneof(...commonInputs(seeds.docx))),
    file('pdf', fc.oneof(...commonInputs(seeds.pdf))),
    file('txt', fc.oneof(...commonInputs(seeds.text))),
    file('exe', randomBytes()),
    fc
      .record({ text: fc.string({ unit: 'binary', maxLength: 3000 }), label: fc.string({ maxLength: 400 }) })
      .map(({ text, label }): SnapshotCase => ({ kind: 'paste', text, label })),
  );
  return {
    name: 'source snapshot',
    arbitrary,
    check: (input) =>
      checkImport(fuzz, `source snapshot (${input.kind === 'file' ? input.name : 'paste'})`, async (lib) => {
        await addSource(lib, input);
        return true;
      }),
  };
}
