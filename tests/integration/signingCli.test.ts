import fs from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createArticle } from '../../electron/services/articles';
import { createAuthor } from '../../electron/services/authors';
import { LibraryHost } from '../../electron/services/LibraryHost';
import { bodyFromParagraphs } from '../../shared/text';
import { runCopydesk } from '../helpers/cli';
import { tempDir } from '../helpers/tempLibrary';

const tmp = tempDir('copydesk-signing-cli-');
const newsroom = tmp.file('newsroom.sqlite3');
const harbour = tmp.file('harbour.sqlite3');
const out = tmp.file('packages');

/** `copydesk ARGS --library LIBRARY`, run as a person would. */
function copydesk(library: string, args: string[]) {
  return runCopydesk([...args, '--library', library], {
    COPYDESK_LIBRARY: tmp.file('default-must-not-exist.sqlite3'),
    COPYDESK_DATA_DIR: tmp.file('data'),
  });
}

/** A story ready to export in `library`; returns its id. */
function readyStory(library: string, headline: string): string {
  const host = LibraryHost.open(library);
  try {
    const author = createAuthor(host.current, 'Amna Riaz', '');
    return createArticle(host.current, {
      headline,
      authorIds: [author.id],
      dateline: 'KARACHI',
      body: bodyFromParagraphs(['The council approved the trial on Monday.']),
    }).id;
  } finally {
    host.close();
  }
}

/** Exports the story and returns the package's path, from the --json result. */
function exportPackage(library: string, id: string, zip: boolean): string {
  const run = copydesk(library, ['export', id, '--out', out, '--json', ...(zip ? ['--zip'] : [])]);
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { path: string }).path;
}

const FINGERPRINT = /[0-9a-f]{4}( [0-9a-f]{4}){7}/;

let ownFolder: string;
let theirZip: string;
beforeAll(() => {
  fs.mkdirSync(out);
  ownFolder = exportPackage(newsroom, readyStory(newsroom, 'Night ferry trial approved'), false);
  theirZip = exportPackage(harbour, readyStory(harbour, 'Harbour dues to rise'), true);
});
afterAll(() => tmp.cleanup());

describe('copydesk verify', () => {
  it('verifies a package this desk signed, naming it, with exit code 0', () => {
    const run = copydesk(newsroom, ['verify', ownFolder]);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(ownFolder);
    expect(lines[1]).toMatch(/^ {2}“Night ferry trial approved”, exported \d{4}-\d{2}-\d{2}$/);
    expect(lines[2]).toBe('Signed by this desk, newsroom.');
    expect(lines[3]).toMatch(new RegExp(`^  Key: ${FINGERPRINT.source}$`));
    expect(lines.slice(4)).toEqual(['All 8 files as signed: none changed, added or removed.', 'Verified.', '']);
  });

  it('says a package from a desk it does not know is intact but not verified, with exit code 3', () => {
    const run = copydesk(newsroom, ['verify', theirZip]);
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(
      new RegExp(
        `\nSigned by a desk this library does not know, which calls itself "harbour"\\.\n  Key: ${FINGERPRINT.source}\n`,
      ),
    );
    expect(run.stdout).toContain('All 8 files as signed: none changed, added or removed.\n');
    expect(run.stdout).toContain('Not verified: the files are as signed, but with a key this library does not trust.');
  });

  it('verifies without a library, and without making one, knowing no signer', () => {
    const nowhere = tmp.file('no-library-here.sqlite3');
    const run = copydesk(nowhere, ['verify', ownFolder, '--json']);
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout)).toMatchObject({
      verdict: 'unknown-signer',
      signer: { desk: 'newsroom', identity: { knownAs: 'unknown' } },
    });
    expect(fs.existsSync(nowhere)).toBe(false);
  });

  it('lists every file changed, added or removed since, with exit code 1', () => {
    const copy = path.join(tmp.dir, 'tampered');
    fs.cpSync(ownFolder, copy, { recursive: true });
    fs.appendFileSync(path.join(copy, 'article.html'), '<p>An added paragraph.</p>');
    fs.writeFileSync(path.join(copy, 'correction.txt'), 'The trial was refused.');
    fs.rmSync(path.join(copy, 'claims.jsonld'));
    const run = copydesk(newsroom, ['verify', copy]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      [
        '3 files differ from the manifest:',
        '  changed  article.html',
        '  added    correction.txt',
        '  removed  claims.jsonld',
        'Not verified: files were changed, added or removed since it was signed.',
        '',
      ].join('\n'),
    );

    const json = copydesk(newsroom, ['verify', copy, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      changed: ['article.html'],
      added: ['correction.txt'],
      removed: ['claims.jsonld'],
      signature: 'valid',
      verdict: 'failed',
    });
  });

  it('says the signature does not hold when the manifest was changed, with exit code 1', () => {
    const copy = path.join(tmp.dir, 'relabelled');
    fs.cpSync(ownFolder, copy, { recursive: true });
    const manifestFile = path.join(copy, 'manifest.json');
    fs.writeFileSync(manifestFile, fs.readFileSync(manifestFile, 'utf8').replace('Night ferry', 'Day ferry'));
    const run = copydesk(newsroom, ['verify', copy]);
    expect(run.code).toBe(1);
    // Folded at the terminal's width; the key on a line of its own.
    expect(run.stdout.replace(/\n(?! )/g, ' ')).toContain(
      'The signature, which names this desk, newsroom, does not hold: manifest.json was changed after it was signed.\n  Key: ',
    );
    expect(run.stdout).toMatch(/Not verified: the signature does not hold\.\n$/);
  });

  it('refuses what is not a package, and a mistaken command line', () => {
    const missing = copydesk(newsroom, ['verify', path.join(tmp.dir, 'nothing.zip')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`copydesk: There is no package at ${path.join(tmp.dir, 'nothing.zip')}.\n`);
    const none = copydesk(newsroom, ['verify']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(
      'copydesk: verify needs one package: copydesk verify PACKAGE (its folder or its .zip).\n',
    );
  });
});

describe('copydesk desk-key and copydesk trust', () => {
  it('writes this desk’s public key, which another desk trusts by name; its packages then verify', () => {
    const keyFile = path.join(tmp.dir, 'harbour.pem');
    const written = copydesk(harbour, ['desk-key', '--out', keyFile]);
    expect(written.code).toBe(0);
    expect(written.stdout).toMatch(/^Wrote harbour's public key \(fingerprint .+\) to .+harbour\.pem\.\n/);
    const text = fs.readFileSync(keyFile, 'utf8');
    expect(text).toMatch(
      /^Desk: harbour\nFingerprint: [0-9a-f ]{39}\nSHA-256: [0-9a-f]{64}\n-----BEGIN PUBLIC KEY-----\n/,
    );
    expect(text).not.toMatch(/PRIVATE/);
    // The same key, printed.
    expect(copydesk(harbour, ['desk-key']).stdout).toBe(text);
    expect(copydesk(harbour, ['desk-key', '--out', keyFile]).stderr).toMatch(
      /exists already: choose another file name/,
    );

    const trusted = copydesk(newsroom, ['trust', 'Harbour Gazette', keyFile]);
    expect(trusted.code, trusted.stderr).toBe(0);
    expect(trusted.stdout).toMatch(
      /^Trusted Harbour Gazette: packages signed with this key now verify as theirs\.\n {2}Key: [0-9a-f ]{39}\n/,
    );

    const run = copydesk(newsroom, ['verify', theirZip]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /\nSigned by Harbour Gazette, a trusted desk, which calls itself "harbour"\.\n {2}Key: [0-9a-f ]{39}\n/,
    );
    expect(run.stdout).toMatch(/\nVerified\.\n$/);

    const listed = copydesk(newsroom, ['trust']);
    expect(listed.stdout).toMatch(/^Harbour Gazette {11}key [0-9a-f ]{39} {2}since \d{4}-\d{2}-\d{2}\n$/);

    const twice = copydesk(newsroom, ['trust', 'The Gazette', keyFile]);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('copydesk: That key is trusted already, as Harbour Gazette.');

    // Another desk's key under a name trusted already: refused, unless it is to replace it.
    const wireKey = path.join(tmp.dir, 'wire.pem');
    expect(copydesk(tmp.file('wire.sqlite3'), ['desk-key', '--out', wireKey]).code).toBe(0);
    const taken = copydesk(newsroom, ['trust', 'harbour gazette', wireKey]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(
      /copydesk: Harbour Gazette is trusted already, with the key [0-9a-f ]{39}\. Add --replace to trust this key under that name instead\.\n$/,
    );
    const replaced = copydesk(newsroom, ['trust', 'Harbour Gazette', wireKey, '--replace']);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stdout).toMatch(/\n {2}Key: [0-9a-f ]{39}\n {2}In place of: [0-9a-f ]{39}\n/);
    expect(copydesk(newsroom, ['verify', theirZip]).code).toBe(3);

    const removed = copydesk(newsroom, ['trust', '--remove', 'Harbour Gazette']);
    expect(removed.stdout).toBe("Packages signed with Harbour Gazette's key no longer verify as theirs.\n");
  });

  it('refuses a file that holds no public key, or a private key, with a sentence', () => {
    const notes = path.join(tmp.dir, 'notes.txt');
    fs.writeFileSync(notes, 'Call the harbour desk about their key.');
    const run = copydesk(newsroom, ['trust', 'Harbour Gazette', notes]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `copydesk: ${notes} does not hold a desk's public key (a PEM block that starts with -----BEGIN PUBLIC KEY-----). On the other desk, copydesk desk-key --out FILE writes one.\n`,
    );
    const secret = path.join(tmp.dir, 'secret.pem');
    fs.writeFileSync(secret, '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n');
    expect(copydesk(newsroom, ['trust', 'Harbour Gazette', secret]).stderr).toMatch(
      /secret\.pem holds a private key\./,
    );
    const absent = copydesk(newsroom, ['trust', 'Harbour Gazette', path.join(tmp.dir, 'absent.pem')]);
    expect(absent.stderr).toMatch(/absent\.pem cannot be read: there is no such file\.\n$/);
    expect(copydesk(newsroom, ['trust', 'Harbour Gazette']).code).toBe(2);
    expect(copydesk(newsroom, ['trust']).stdout).toBe(
      'No other desk is trusted yet: copydesk trust NAME KEYFILE trusts one.\n',
    );
  });

  it('are in the help', () => {
    const help = copydesk(newsroom, ['--help']).stdout;
    expect(help).toContain('  verify PACKAGE       check a package (its folder or .zip): which desk signed it');
    expect(help).toContain('  trust NAME KEYFILE   trust another desk');
    expect(help).toContain('  desk-key             this desk');
  });
});
