import type { Database } from 'better-sqlite3';

/** One step of the schema. `up` runs inside the transaction that also bumps user_version. */
export type Migration = {
  version: number;
  name: string;
  up(db: Database): void;
};
