import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

import { DeskPersonSchema } from '../../shared/desk';
import { runCopydesk } from '../helpers/cli';
import { tempDir } from '../helpers/tempLibrary';

const tmp = tempDir('copydesk-desk-cli-');
const library = tmp.file('desk.sqlite3');
const dataDir = tmp.file('data');

function copydesk(args: string[]) {
  return runCopydesk([...args, '--library', library], {
    COPYDESK_LIBRARY: tmp.file('default-must-not-exist.sqlite3'),
    COPYDESK_DATA_DIR: dataDir,
  });
}

afterAll(() => tmp.cleanup());

describe('copydesk desk: the people who may sign in to a desk', () => {
  it('gives a person a key printed once, keeps only its hash, lists them, and revokes them', () => {
    const empty = copydesk(['desk', 'people']);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain('No one has a key to this desk yet');

    const added = copydesk(['desk', 'add-person', 'Ana Lima', '--role', 'fact-checker']);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('Ana Lima is on the desk as a fact-checker.');
    const key = /\b(cdk_[\w-]{43})\b/.exec(added.stdout)?.[1] ?? '';
    expect(key).not.toBe('');

    // The key itself is nowhere in the library file: only its hash.
    const db = new Database(library, { readonly: true });
    const stored = db.prepare('SELECT name, role, key_hash FROM desk_people').all() as { key_hash: string }[];
    db.close();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(key.slice(4));

    const again = copydesk(['desk', 'add-person', 'ana lima', '--role', 'editor']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Ana Lima is already on the desk, as a fact-checker. Revoke their key first');

    const people = copydesk(['desk', 'people', '--json']);
    const listed = DeskPersonSchema.array().parse(JSON.parse(people.stdout));
    expect(listed).toEqual([expect.objectContaining({ name: 'Ana Lima', role: 'fact-checker', revokedAt: null })]);
    expect(people.stdout).not.toContain('cdk_');

    const revoked = copydesk(['desk', 'revoke', 'ANA LIMA']);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain("Ana Lima's key no longer opens this desk");
    expect(copydesk(['desk', 'people']).stdout).toMatch(/Ana Lima\s+fact-checker\s+added .*revoked /);

    const twice = copydesk(['desk', 'revoke', 'Ana Lima']);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('No one named "Ana Lima" has a key on this desk');
    // Revoked, the name is free for a new key.
    expect(copydesk(['desk', 'add-person', 'Ana Lima', '--role', 'editor']).code).toBe(0);
  });

  it('says what is wrong with a role, a name or a missing action, and changes nothing', () => {
    const role = copydesk(['desk', 'add-person', 'Bo Chen', '--role', 'intern']);
    expect(role.code).toBe(1);
    expect(role.stderr).toContain(
      '"intern" is not a role on the desk. Choose reporter, editor, fact-checker or admin.',
    );
    const noRole = copydesk(['desk', 'add-person', 'Bo Chen']);
    expect(noRole.code).toBe(2);
    expect(noRole.stderr).toContain('desk add-person needs --role');
    const noName = copydesk(['desk', 'add-person', '--role', 'editor']);
    expect(noName.code).toBe(2);
    expect(noName.stderr).toContain("needs the person's name");
    const nothing = copydesk(['desk']);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('desk takes serve, add-person NAME --role ROLE, people or revoke NAME');
    expect(copydesk(['desk', 'people']).stdout).not.toContain('Bo Chen');
  });

  it('refuses to serve a desk beyond this computer without TLS, saying why', () => {
    const open = copydesk(['desk', 'serve', '--host', '0.0.0.0']);
    expect(open.code).toBe(2);
    expect(open.stderr).toContain('A desk listens on 0.0.0.0 only over TLS');
    const half = copydesk(['desk', 'serve', '--host', '0.0.0.0', '--tls-cert', tmp.file('cert.pem')]);
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('--tls-cert and --tls-key go together');
    const missing = copydesk([
      'desk',
      'serve',
      '--host',
      '0.0.0.0',
      '--tls-cert',
      tmp.file('cert.pem'),
      '--tls-key',
      tmp.file('key.pem'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cert.pem cannot be read: there is no such file.');
  });

  it('refuses a number of stories per person that is not a whole number from 1 to 1000', () => {
    for (const wrong of ['0', '2.5', 'many', '1001']) {
      const run = copydesk(['desk', 'serve', '--stories-per-person', wrong]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--stories-per-person takes a whole number from 1 to 1000, not "${wrong}".`);
    }
  });
});
