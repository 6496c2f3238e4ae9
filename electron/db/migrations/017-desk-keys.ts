import type { Migration } from './types';

/**
 * The desk's signing key and the other desks it trusts. A library has at most one key of its
 * own (an Ed25519 pair, the private half as PKCS#8 DER), made on its first export: the packages
 * it writes are signed with it, and nothing else ever reads the private half out. A trusted desk
 * is a name given to another desk's public key; a package signed with that key verifies as theirs.
 */
export const migration017: Migration = {
  version: 17,
  name: 'desk-keys',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS desk_signing_key (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        desk_name   TEXT NOT NULL,
        public_key  BLOB NOT NULL CHECK (length(public_key) = 32),
        private_key BLOB NOT NULL,
        created_at  TEXT NOT NULL
      ) STRICT;
      CREATE TABLE IF NOT EXISTS trusted_desks (
        name       TEXT NOT NULL COLLATE NOCASE PRIMARY KEY,
        public_key BLOB NOT NULL UNIQUE CHECK (length(public_key) = 32),
        added_at   TEXT NOT NULL
      ) STRICT;
    `);
  },
};
