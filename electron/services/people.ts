import { randomBytes } from 'node:crypto';

import { v7 as uuidv7 } from 'uuid';

import type { DeskPerson, DeskRole } from '../../shared/desk';
import { DeskRoleSchema, PersonNameSchema, roleWithArticle } from '../../shared/desk';
import { ApiError } from '../../shared/errors';
import { sha256Hex } from '../base/sha256Hex';
import * as people from '../db/queries/people';
import type { PersonRow } from '../db/queries/people';
import type { Library } from './LibraryHost';

/** The prefix every personal key starts with, so one pasted into the wrong place is recognised. */
const KEY_PREFIX = 'cdk_';

/** A person as the desk server acts for them: who signs the change, and in which role. */
export type DeskActor = { id: string; name: string; role: DeskRole };

function keyHash(key: string): string {
  return sha256Hex(Buffer.from(key.trim(), 'utf8'));
}

function toPerson(row: PersonRow): DeskPerson {
  return { name: row.name, role: DeskRoleSchema.parse(row.role), addedAt: row.added_at, revokedAt: row.revoked_at };
}

function toActor(row: PersonRow): DeskActor {
  return { id: row.id, name: row.name, role: DeskRoleSchema.parse(row.role) };
}

/**
 * Adds a person to the desk and returns their personal key: 32 random bytes, shown this once.
 * Only its hash is kept, so a lost key cannot be shown again: revoke it and add the person anew.
 */
export function addPerson(
  lib: Library,
  name: string,
  role: string,
  now = new Date(),
): { person: DeskPerson; key: string } {
  const parsedName = PersonNameSchema.safeParse(name);
  if (!parsedName.success) throw new ApiError('invalid-request', parsedName.error.issues[0]?.message ?? 'Give a name.');
  const parsedRole = DeskRoleSchema.safeParse(role);
  if (!parsedRole.success) {
    throw new ApiError(
      'invalid-request',
      `"${role.slice(0, 40)}" is not a role on the desk. Choose reporter, editor, fact-checker or admin.`,
    );
  }
  const existing = people.livePersonNamed(lib.db, parsedName.data);
  if (existing !== undefined) {
    throw new ApiError(
      'conflict',
      `${existing.name} is already on the desk, as ${roleWithArticle(DeskRoleSchema.parse(existing.role))}. Revoke their key first to give them a new one.`,
    );
  }
  const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const row = {
    id: uuidv7(),
    name: parsedName.data,
    role: parsedRole.data,
    key_hash: keyHash(key),
    added_at: now.toISOString(),
  };
  people.insertPerson(lib.db, row);
  return { person: toPerson({ ...row, revoked_at: null }), key };
}

export function listPeople(lib: Library): DeskPerson[] {
  return people.allPeople(lib.db).map(toPerson);
}

/** Ends the key of the person with this name (ignoring case) at once. */
export function revokePerson(lib: Library, name: string, now = new Date()): DeskPerson {
  const row = people.livePersonNamed(lib.db, name.trim());
  if (row === undefined) {
    throw new ApiError(
      'not-found',
      `No one named "${name.slice(0, 80)}" has a key on this desk (copydesk desk people lists them).`,
    );
  }
  people.revokePerson(lib.db, row.id, now.toISOString());
  return toPerson({ ...row, revoked_at: now.toISOString() });
}

/** What a refused key is told: the same whether the key is wrong, unknown or revoked. */
const KEY_REFUSED =
  'That key does not open this desk: it is mistyped, or it has been revoked. Ask the desk’s admin for your personal key.';

/** The person a personal key belongs to; refused when the key is unknown or revoked. */
export function personWithKey(lib: Library, key: string): DeskActor {
  const row = key.trim() === '' ? undefined : people.personWithKeyHash(lib.db, keyHash(key));
  if (row === undefined || row.revoked_at !== null) throw new ApiError('unauthorized', KEY_REFUSED);
  return toActor(row);
}
