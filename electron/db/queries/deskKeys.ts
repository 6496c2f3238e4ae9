import type { Db } from '../connection';
import { prepared } from '../statements';

/** The library's own signing key: the private half as PKCS#8 DER, the public half raw. */
export type SigningKeyRow = {
  desk_name: string;
  public_key: Buffer;
  private_key: Buffer;
  created_at: string;
};

export type TrustedDeskRow = { name: string; public_key: Buffer; added_at: string };

export function signingKeyRow(db: Db): SigningKeyRow | undefined {
  return prepared(
    db,
    'SELECT desk_name, public_key, private_key, created_at FROM desk_signing_key WHERE id = 1',
  ).get() as SigningKeyRow | undefined;
}

/** Stores the key unless the library has one already (another process may have made it first). */
export function insertSigningKey(db: Db, row: SigningKeyRow): void {
  prepared(
    db,
    `INSERT INTO desk_signing_key (id, desk_name, public_key, private_key, created_at) VALUES (1, ?, ?, ?, ?)
     ON CONFLICT (id) DO NOTHING`,
  ).run(row.desk_name, row.public_key, row.private_key, row.created_at);
}

export function renameDesk(db: Db, name: string): boolean {
  return prepared(db, 'UPDATE desk_signing_key SET desk_name = ? WHERE id = 1').run(name).changes > 0;
}

/** Every trusted desk, by name. */
export function allTrustedDesks(db: Db): TrustedDeskRow[] {
  return prepared(db, 'SELECT name, public_key, added_at FROM trusted_desks ORDER BY name').all() as TrustedDeskRow[];
}

/** The trusted desk with this name, ignoring case. */
export function trustedDeskNamed(db: Db, name: string): TrustedDeskRow | undefined {
  return prepared(db, 'SELECT name, public_key, added_at FROM trusted_desks WHERE name = ?').get(name) as
    TrustedDeskRow | undefined;
}

export function trustedDeskWithKey(db: Db, publicKey: Buffer): TrustedDeskRow | undefined {
  return prepared(db, 'SELECT name, public_key, added_at FROM trusted_desks WHERE public_key = ?').get(publicKey) as
    TrustedDeskRow | undefined;
}

export function insertTrustedDesk(db: Db, row: TrustedDeskRow): void {
  prepared(db, 'INSERT INTO trusted_desks (name, public_key, added_at) VALUES (?, ?, ?)').run(
    row.name,
    row.public_key,
    row.added_at,
  );
}

export function deleteTrustedDesk(db: Db, name: string): boolean {
  return prepared(db, 'DELETE FROM trusted_desks WHERE name = ?').run(name).changes > 0;
}
