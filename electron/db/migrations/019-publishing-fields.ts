import type { Migration } from './types';

/**
 * What a story needs to go out: an embargo and a publication time (UTC timestamps, NULL for
 * none), a headline for search results and one for social posts, a description for search
 * results, and the lead picture's alt text, written for someone who cannot see it. Stories made
 * before have none of them; their other columns are kept as they were.
 */
export const migration019: Migration = {
  version: 19,
  name: 'publishing-fields',
  up(db) {
    db.exec(`
      ALTER TABLE articles ADD COLUMN embargo_until TEXT CHECK (embargo_until IS NULL OR embargo_until LIKE '____-__-__T__:__:__%Z');
      ALTER TABLE articles ADD COLUMN publish_at TEXT CHECK (publish_at IS NULL OR publish_at LIKE '____-__-__T__:__:__%Z');
      ALTER TABLE articles ADD COLUMN seo_headline TEXT NOT NULL DEFAULT '';
      ALTER TABLE articles ADD COLUMN social_headline TEXT NOT NULL DEFAULT '';
      ALTER TABLE articles ADD COLUMN seo_description TEXT NOT NULL DEFAULT '';
      ALTER TABLE articles ADD COLUMN lead_image_alt_text TEXT NOT NULL DEFAULT '';
    `);
  },
};
