import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import { migrate } from '../../../../electron/db/migrations';
import { getArticle, saveArticle } from '../../../../electron/services/articles';
import { LibraryHost } from '../../../../electron/services/LibraryHost';
import { endEditingSession, listRevisions } from '../../../../electron/services/revisions';
import type { AssetId } from '../../../../shared/domain';
import { pngImage } from '../../../helpers/images';
import { tempDir } from '../../../helpers/tempLibrary';

let tmp = tempDir();
afterEach(() => {
  tmp.cleanup();
  tmp = tempDir();
});

const ARTICLE = '0190a1b2-c3d4-7e5f-8a9b-000000000001';
const ASSET = '0190a1b2-c3d4-7e5f-8a9b-000000000002' as AssetId;
const REVISION = '0190a1b2-c3d4-7e5f-8a9b-000000000003';
const AT = '2026-01-01T00:00:00.000Z';
const BODY = '{"root":{"type":"root","version":1,"children":[]}}';

/**
 * A library at schema 18, made before stories had an embargo, other headlines or alt text: one
 * story with a lead picture, and the version kept when it was last left, whose fields name
 * the picture as versions did then (no alt text).
 */
function libraryAt18(file: string): void {
  const db = new Database(file);
  migrate(db, { target: 18 });
  const png = pngImage(4, 3);
  db.prepare(
    `INSERT INTO assets (id, sha256, mime_type, byte_length, width, height, original_name, bytes, created_at)
     VALUES (?, ?, 'image/png', ?, 4, 3, 'quay.png', ?, ?)`,
  ).run(ASSET, 'b'.repeat(64), png.length, png, AT);
  db.prepare(
    `INSERT INTO articles (id, slug, headline, dek, body_json, body_text, created_at, updated_at,
                           lead_image_id, lead_image_caption, lead_image_credit)
     VALUES (?, 'ferry', 'Night ferry', 'A trial', ?, '', ?, ?, ?, 'The quay', 'Port Authority')`,
  ).run(ARTICLE, BODY, AT, AT, ASSET);
  const fields = {
    authorIds: [],
    dateline: '',
    datelineDate: '',
    leadImage: { assetId: ASSET, caption: 'The quay', credit: 'Port Authority' },
    syndicationCredit: '',
    language: 'en',
    lengthTarget: null,
    section: '',
    tags: [],
    related: [],
  };
  db.prepare(
    `INSERT INTO revisions (id, article_id, article_version, kind, reason, label, headline, dek, byline, dateline,
                            body_json, body_text, section, tags_json, status, created_at, fields_json, created_by)
     VALUES (?, ?, 1, 'auto', 'session-end', 'On leaving the story', 'Night ferry', 'A trial', '', '', ?, '', '',
             '[]', 'draft', ?, ?, '')`,
  ).run(REVISION, ARTICLE, BODY, AT, JSON.stringify(fields));
  db.close();
}

describe('migration 19: the embargo, the publication time, the other headlines and the lead picture’s alt text', () => {
  it('keeps every story as it was, with none of them, and refuses a time that is not UTC', () => {
    const file = tmp.file();
    libraryAt18(file);
    const db = new Database(file);
    migrate(db, { target: 19 });
    expect(db.pragma('user_version', { simple: true })).toBe(19);
    expect(
      db
        .prepare(
          `SELECT headline, dek, lead_image_id, lead_image_caption, lead_image_credit, lead_image_alt_text,
                  embargo_until, publish_at, seo_headline, social_headline, seo_description FROM articles`,
        )
        .all(),
    ).toEqual([
      {
        headline: 'Night ferry',
        dek: 'A trial',
        lead_image_id: ASSET,
        lead_image_caption: 'The quay',
        lead_image_credit: 'Port Authority',
        lead_image_alt_text: '',
        embargo_until: null,
        publish_at: null,
        seo_headline: '',
        social_headline: '',
        seo_description: '',
      },
    ]);
    const setEmbargo = db.prepare('UPDATE articles SET embargo_until = ? WHERE id = ?');
    expect(() => setEmbargo.run('tomorrow at nine', ARTICLE)).toThrow(/CHECK constraint failed/);
    expect(() => setEmbargo.run('2026-06-09T09:00:00+01:00', ARTICLE)).toThrow(/CHECK constraint failed/);
    setEmbargo.run('2026-06-09T08:00:00.000Z', ARTICLE);
    db.close();
  });

  it('opens a story made before, keeps no new version of it for the fields it never had, and saves them from then on', () => {
    const file = tmp.file();
    libraryAt18(file);
    const host = LibraryHost.open(file);
    try {
      const lib = host.current;
      const article = getArticle(lib, ARTICLE);
      expect(article).toMatchObject({
        embargoUntil: null,
        publishAt: null,
        seoHeadline: '',
        socialHeadline: '',
        seoDescription: '',
        leadImage: { caption: 'The quay', credit: 'Port Authority', altText: '' },
      });
      // Left as it was: the version kept before reads as this story, no alt text and all.
      expect(endEditingSession(lib, ARTICLE)).toBeNull();
      expect(listRevisions(lib, ARTICLE)).toHaveLength(1);

      const saved = saveArticle(lib, ARTICLE, article.version, {
        embargoUntil: '2026-06-09T08:00:00Z',
        leadImage: { assetId: ASSET, caption: 'The quay', credit: 'Port Authority', altText: 'Two ferries at a quay' },
      });
      expect(saved).toMatchObject({
        embargoUntil: '2026-06-09T08:00:00.000Z',
        leadImage: { altText: 'Two ferries at a quay' },
      });
      expect(endEditingSession(lib, ARTICLE)).not.toBeNull();
    } finally {
      host.close();
    }
  });
});
