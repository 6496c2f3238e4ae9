import type { Migration } from './types';

/**
 * Every verdict keeps the words of the claim it was given to, so a claim edited after its
 * verdict can be told apart from one checked as it stands. Verdicts are immutable: the
 * trigger that guards them is lifted only for the time it takes to fill in the verdicts given
 * before, with the claim's words as they are now — the best the library knows.
 */
export const migration010: Migration = {
  version: 10,
  name: 'verdict-words',
  up(db) {
    // A library whose version number was set back by hand already has the column.
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('claim_verdicts');
    if (columns.includes('claim_text')) return;
    db.exec(`
      ALTER TABLE claim_verdicts ADD COLUMN claim_text TEXT NOT NULL DEFAULT '';

      DROP TRIGGER claim_verdicts_are_immutable;
      UPDATE claim_verdicts SET claim_text = (SELECT text FROM claims WHERE claims.id = claim_verdicts.claim_id);
      CREATE TRIGGER claim_verdicts_are_immutable BEFORE UPDATE ON claim_verdicts
      BEGIN
        SELECT RAISE(ABORT, 'verdicts cannot be changed');
      END;
    `);
  },
};
