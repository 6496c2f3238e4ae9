import { v7 as uuidv7 } from 'uuid';

import type { Article } from '../../shared/domain';
import { contentOf, setArticleStatus } from '../db/queries/articles';
import { insertRevision } from '../db/queries/revisions';
import { insertStatusChange } from '../db/queries/statusChanges';
import { getArticle } from './articles';
import type { Library } from './LibraryHost';

/**
 * Records that `exported` has gone out as a package: its status moves to Exported, with who and
 * when, and its history keeps the version exported under `label` (that version stands for the
 * status change too). Returns the article's version and status afterwards.
 */
export function recordExport(
  lib: Library,
  exported: Article,
  label: string,
  context: { now: Date; userName: string },
): { version: number; status: 'exported' } {
  const now = context.now.toISOString();
  return lib.db
    .transaction(() => {
      const stored = getArticle(lib, exported.id);
      let version = stored.version;
      if (stored.status !== 'exported' && setArticleStatus(lib.db, stored.id, version, 'exported', now)) {
        insertStatusChange(lib.db, {
          id: uuidv7(),
          articleId: stored.id,
          from: stored.status,
          to: 'exported',
          changedBy: context.userName,
          changedAt: now,
        });
        version += 1;
      }
      insertRevision(lib.db, {
        id: uuidv7(),
        articleId: exported.id,
        articleVersion: version,
        kind: 'export',
        label,
        content: { ...contentOf(exported), status: 'exported' },
        createdAt: now,
        createdBy: context.userName.trim(),
      });
      return { version, status: 'exported' as const };
    })
    .immediate();
}
