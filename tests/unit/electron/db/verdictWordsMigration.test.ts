import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import { migrate } from '../../../../electron/db/migrations';
import { tempDir } from '../../../helpers/tempLibrary';

let tmp = tempDir();
afterEach(() => {
  tmp.cleanup();
  tmp = tempDir();
});

const ARTICLE = '0190a1b2-c3d4-7e5f-8a9b-000000000001';
const TOLL = '0190a1b2-c3d4-7e5f-8a9b-000000000002';
const QUOTE = '0190a1b2-c3d4-7e5f-8a9b-000000000003';
const AT = '2026-01-01T00:00:00.000Z';

describe('migration 10: the words each verdict was given to', () => {
  it('gives the verdicts already given the claim’s words, records new ones, and still refuses to rewrite them', () => {
    const db = new Database(tmp.file());
    migrate(db, { target: 9 });
    db.prepare(
      `INSERT INTO articles (id, slug, headline, body_json, body_text, created_at, updated_at)
       VALUES (?, 'toll', 'Toll', '{"root":{"type":"root","children":[]}}', '', ?, ?)`,
    ).run(ARTICLE, AT, AT);
    const claim = db.prepare(
      `INSERT INTO claims (id, article_id, kind, text, verdict, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    claim.run(TOLL, ARTICLE, 'figure', 'killed over 140 people', 'verified', AT, AT);
    claim.run(QUOTE, ARTICLE, 'quote', '“We will rebuild”', 'unchecked', AT, AT);
    const verdict = db.prepare(
      `INSERT INTO claim_verdicts (claim_id, verdict, checker, note, at) VALUES (?, ?, ?, ?, ?)`,
    );
    verdict.run(TOLL, 'partly-true', 'Amna Riaz', 'Officials say 139.', AT);
    verdict.run(TOLL, 'verified', 'Omar Khan', 'Updated toll.', AT);

    migrate(db, { target: 10 });
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    expect(db.prepare('SELECT claim_id, verdict, note, claim_text FROM claim_verdicts ORDER BY seq').all()).toEqual([
      { claim_id: TOLL, verdict: 'partly-true', note: 'Officials say 139.', claim_text: 'killed over 140 people' },
      { claim_id: TOLL, verdict: 'verified', note: 'Updated toll.', claim_text: 'killed over 140 people' },
    ]);
    db.prepare(
      'INSERT INTO claim_verdicts (claim_id, verdict, checker, note, at, claim_text) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(QUOTE, 'verified', 'Amna Riaz', '', AT, '“We will rebuild”');
    expect(db.prepare('SELECT count(*) FROM claim_verdicts WHERE claim_text <> ?').pluck().get('')).toBe(3);
    expect(() => db.prepare("UPDATE claim_verdicts SET claim_text = 'other words'").run()).toThrow(
      /verdicts cannot be changed/,
    );
    db.close();
  });
});
