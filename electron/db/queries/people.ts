import type { Db } from '../connection';
import { prepared } from '../statements';

export type PersonRow = {
  id: string;
  name: string;
  role: string;
  key_hash: string;
  added_at: string;
  revoked_at: string | null;
};

export function insertPerson(db: Db, row: Omit<PersonRow, 'revoked_at'>): void {
  prepared(db, 'INSERT INTO desk_people (id, name, role, key_hash, added_at) VALUES (?, ?, ?, ?, ?)').run(
    row.id,
    row.name,
    row.role,
    row.key_hash,
    row.added_at,
  );
}

/** Everyone, the people still signed in first, each group by name. */
export function allPeople(db: Db): PersonRow[] {
  return prepared(
    db,
    'SELECT * FROM desk_people ORDER BY revoked_at IS NOT NULL, name COLLATE NOCASE, added_at',
  ).all() as PersonRow[];
}

/** The person not revoked with this name, ignoring case. */
export function livePersonNamed(db: Db, name: string): PersonRow | undefined {
  return prepared(db, 'SELECT * FROM desk_people WHERE name = ? COLLATE NOCASE AND revoked_at IS NULL').get(name) as
    PersonRow | undefined;
}

export function personWithKeyHash(db: Db, keyHash: string): PersonRow | undefined {
  return prepared(db, 'SELECT * FROM desk_people WHERE key_hash = ?').get(keyHash) as PersonRow | undefined;
}

export function personById(db: Db, id: string): PersonRow | undefined {
  return prepared(db, 'SELECT * FROM desk_people WHERE id = ?').get(id) as PersonRow | undefined;
}

export function revokePerson(db: Db, id: string, now: string): boolean {
  return (
    prepared(db, 'UPDATE desk_people SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id).changes > 0
  );
}
