import fs from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createArticle } from '../../electron/services/articles';
import { createClaim, setVerdict } from '../../electron/services/claims';
import { LibraryHost } from '../../electron/services/LibraryHost';
import { contract } from '../../shared/api';
import type { Article } from '../../shared/domain';
import { bodyFromParagraphs } from '../../shared/text';
import { pdfDocument } from '../helpers/pdf';
import { runCopydesk } from '../helpers/cli';
import { tempDir } from '../helpers/tempLibrary';

const tmp = tempDir('copydesk-sources-cli-');
const library = tmp.file('desk.sqlite3');

function copydesk(args: string[]) {
  return runCopydesk([...args, '--library', library], { COPYDESK_DATA_DIR: tmp.file('data') });
}

let article: Article;

beforeAll(() => {
  const host = LibraryHost.open(library);
  try {
    article = createArticle(host.current, {
      headline: 'Pakistan and Russia deepen cooperation',
      body: bodyFromParagraphs(['An attack killed over 140 people.']),
    });
    const claim = createClaim(host.current, article.id, 'figure', 'killed over 140 people');
    setVerdict(host.current, claim.id, 'verified', 'Official toll.', { userName: 'Amna Riaz' });
    createClaim(host.current, article.id, 'attribution', 'the ministry said');
  } finally {
    host.close();
  }
});
afterAll(() => tmp.cleanup());

describe('copydesk sources and claims', () => {
  it('adds a PDF as a source cited by an article, and lists and finds it', () => {
    const file = tmp.file('press-release.pdf');
    fs.writeFileSync(
      file,
      pdfDocument([[['The foreign ministry said the talks were productive.']]], { title: 'MOFA release' }),
    );
    const added = copydesk(['sources', 'add', file, '--kind', 'official-statement', '--article', article.id, '--json']);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const [source] = contract['sources:forArticle'].result.parse(JSON.parse(added.stdout));
    expect(source).toMatchObject({ title: 'MOFA release', kind: 'official-statement', articleCount: 1 });
    expect(source?.snapshots[0]).toMatchObject({ format: 'pdf', fileName: 'press-release.pdf' });

    const listed = copydesk(['sources', 'list']);
    expect(listed.stdout).toContain(`${source?.id ?? ''}  MOFA release`);
    expect(listed.stdout).toContain('Official statement · ');
    const found = copydesk(['sources', 'talks productive', '--json']);
    expect(found.code).toBe(2);
    const searched = copydesk(['sources', 'list', 'talks productive', '--json']);
    expect(contract['sources:list'].result.parse(JSON.parse(searched.stdout)).sources).toHaveLength(1);
  });

  it('refuses a file it cannot keep with one line, and a wrong kind as a usage error', () => {
    const junk = tmp.file('scan.pdf');
    fs.writeFileSync(junk, 'not a pdf');
    const run = copydesk(['sources', 'add', junk]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'copydesk: scan.pdf is not a PDF file (it does not start as one). Choose the PDF itself.\n',
    );
    const kind = copydesk(['sources', 'add', junk, '--kind', 'rumour']);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(/^copydesk: A source is one of: official-statement, /);
  });

  it('lists an article’s claims with their verdicts and the coverage', () => {
    const run = copydesk(['claims', article.id]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('[figure] Verified\n    “killed over 140 people”\n    checked by Amna Riaz, ');
    expect(run.stdout).toContain('[attribution] Unchecked\n    “the ministry said”');
    expect(run.stdout).toMatch(/1 of 2 claims checked\.\n$/);
    const json = JSON.parse(copydesk(['claims', article.id, '--json']).stdout) as { coverage: unknown };
    expect(json.coverage).toEqual({ checked: 1, total: 2 });
  });

  it('writes the fact-check report to a file, or into a folder under its own name', () => {
    const file = tmp.file('report.html');
    const run = copydesk(['claims', article.id, '--report', file]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Wrote the fact-check report to ${file}\n`);
    const html = fs.readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('1 of 2 claims checked');
    expect(html).toContain('killed over 140 people');

    const folder = tmp.file('reports');
    fs.mkdirSync(folder);
    const intoFolder = copydesk(['claims', article.id, '--report', folder, '--json']);
    const written = (JSON.parse(intoFolder.stdout) as { file: string }).file;
    expect(written).toBe(`${folder}/fact-check-${article.slug}.html`);
    expect(fs.readdirSync(folder)).toEqual([`fact-check-${article.slug}.html`]);

    const missing = copydesk(['claims', article.id, '--report', tmp.file('no-such-folder/report.html')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot be written to .*no-such-folder\/report\.html \(its folder does not exist\)/);
  });
});
