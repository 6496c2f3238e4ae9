import { afterEach, describe, expect, it } from 'vitest';

import { openDatabase } from '../../../../electron/db/connection';
import { migrate, schemaVersion } from '../../../../electron/db/migrations';
import { getArticle } from '../../../../electron/services/articles';
import { listClaims } from '../../../../electron/services/claims';
import { LibraryHost } from '../../../../electron/services/LibraryHost';
import { addPerson, personWithKey } from '../../../../electron/services/people';
import { listRevisions } from '../../../../electron/services/revisions';
import { articleSources } from '../../../../electron/services/sources';
import { openStoryDocument, projectStoryDocument } from '../../../../electron/services/storyDocuments';
import { bodyFromDocumentUpdates } from '../../../../shared/body/lexical/bodyDocument';
import { storyFieldsOf } from '../../../../shared/storyFields';
import { bodyToPlainText } from '../../../../shared/text';
import * as Y from 'yjs';
import { manualClock } from '../../../helpers/library';
import { buildSeedArticle } from '../../../helpers/seedPackage';
import { tempDir } from '../../../helpers/tempLibrary';

let tmp = tempDir();
afterEach(() => {
  tmp.cleanup();
  tmp = tempDir();
});

/** How many rows each table of a library holds, by table. */
function rowCounts(db: ReturnType<typeof openDatabase>): Record<string, number> {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'",
    )
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((table) => [table, db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number]),
  );
}

describe('migrations 15 and 16: a library made before the desk', () => {
  it('opens with nothing lost, and its stories then edit live from their saved text, claims and all', async () => {
    // A library as it was before the desk (schema 14), holding the seed article with its
    // claims, sources, evidence, verdicts, pictures and history.
    const file = tmp.file();
    const db = openDatabase(file);
    migrate(db, { target: 14 });
    const seed = await buildSeedArticle({ path: file, db }, manualClock());
    const before = rowCounts(db);
    const article = getArticle({ path: file, db }, seed.article.id);
    const claims = listClaims({ path: file, db }, article.id);
    const history = listRevisions({ path: file, db }, article.id);
    db.close();

    const host = LibraryHost.open(file);
    try {
      const lib = host.current;
      expect(schemaVersion(lib.db)).toBeGreaterThanOrEqual(16);
      const after = rowCounts(lib.db);
      for (const [table, count] of Object.entries(before)) expect(after[table], table).toBe(count);
      expect(after.desk_people).toBe(0);
      expect(after.story_document_updates).toBe(0);
      expect(getArticle(lib, article.id)).toEqual(article);
      expect(listClaims(lib, article.id)).toEqual(claims);
      expect(listRevisions(lib, article.id)).toEqual(history);
      expect(articleSources(lib, article.id)).toHaveLength(2);

      // The desk takes people, and the story opens live from what was saved.
      const { key } = addPerson(lib, 'Ana Lima', 'editor');
      expect(personWithKey(lib, key).name).toBe('Ana Lima');
      const doc = new Y.Doc();
      Y.applyUpdate(doc, openStoryDocument(lib, article.id));
      expect(storyFieldsOf(doc)).toEqual({ headline: article.headline, dek: article.dek });
      expect(bodyToPlainText(bodyFromDocumentUpdates([Y.encodeStateAsUpdate(doc)]))).toBe(article.bodyText);
      projectStoryDocument(lib, article.id);
      expect(getArticle(lib, article.id)).toMatchObject({
        headline: article.headline,
        dek: article.dek,
        bodyText: article.bodyText,
        version: article.version,
      });
      // Every claim keeps its mark in the text: none is orphaned by the move to a live document.
      expect(listClaims(lib, article.id)).toEqual(claims);
    } finally {
      host.close();
    }
  });
});
