/**
 * A body an earlier version stored, or one written through the API before bodies were checked,
 * that the body schema now refuses: the article still opens everywhere, nothing stored changes
 * until the person saves a new text, and what cannot be edited as it was is said, not hidden.
 */
import { describe, expect, it } from 'vitest';

import { dispatch } from '../../../../electron/api/dispatch';
import { createHandlers } from '../../../../electron/api/handlers';
import { readExportData } from '../../../../electron/export/exportData';
import { inlineText } from '../../../../electron/export/exportBody';
import { createArticle, getArticle, saveArticle } from '../../../../electron/services/articles';
import { restoreRevision, listRevisions, saveVersion } from '../../../../electron/services/revisions';
import type { ArgsOf, Channel, ResultOf } from '../../../../shared/api';
import { contract } from '../../../../shared/api';
import { bodyFromParagraphs } from '../../../../shared/text';
import { libraryPerTest } from '../../../helpers/libraryPerTest';
import { textNode } from '../../../helpers/lexicalNodes';

const { library } = libraryPerTest();

const OLDER_BODY = {
  root: {
    type: 'root',
    version: 1,
    children: [
      { type: 'paragraph', version: 1, children: [textNode('The ferry timetable changes in May.')] },
      {
        type: 'table',
        version: 1,
        children: [
          { type: 'tablerow', version: 1, children: [{ type: 'tablecell', children: [textNode('Karachi 06:40')] }] },
        ],
      },
    ],
  },
};

/** An article whose body is stored as an earlier version of Copydesk left it. */
function olderArticle(): string {
  const article = createArticle(library.lib, {
    headline: 'Ferry timetable',
    body: bodyFromParagraphs(['Draft.']),
  });
  library.lib.db.prepare('UPDATE articles SET body_json = ? WHERE id = ?').run(JSON.stringify(OLDER_BODY), article.id);
  return article.id;
}

async function call<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> {
  const envelope = await dispatch(createHandlers(library.context), channel, args);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return contract[channel].result.parse(JSON.parse(JSON.stringify(envelope.value))) as ResultOf<C>;
}

/** The body as the library holds it. */
const stored = (id: string): unknown =>
  JSON.parse(
    (library.lib.db.prepare('SELECT body_json FROM articles WHERE id = ?').get(id) as { body_json: string }).body_json,
  );

describe('a body an earlier version stored', () => {
  it('opens through the API as it is stored', async () => {
    const id = olderArticle();
    const article = await call('articles:get', { id });
    expect(article.body).toEqual(OLDER_BODY);
  });

  it('is not changed by a save that does not change the text, and its words count', () => {
    const id = olderArticle();
    const article = getArticle(library.lib, id);
    const saved = saveArticle(library.lib, id, article.version, { status: 'editing' });
    expect(stored(id)).toEqual(OLDER_BODY);
    expect(saved.bodyText).toBe('The ferry timetable changes in May.\n\nKarachi 06:40');
  });

  it('exports with its words, and the checklist says what was not kept as it was', async () => {
    const id = olderArticle();
    const blocks = readExportData(library.lib, id, new Date()).blocks;
    expect(blocks.map((block) => ('children' in block ? inlineText(block.children) : block.kind))).toEqual([
      'The ferry timetable changes in May.',
      'Karachi 06:40',
    ]);
    const check = await call('export:check', { articleId: id });
    const item = check.items.find((entry) => entry.id === 'body-stored-form');
    expect(item?.level).toBe('warning');
    expect(item?.message).toContain('“table”, “tablerow” and “tablecell”');
  });

  it('cannot be saved back as it is: a save names what the body may not hold', async () => {
    const id = olderArticle();
    const article = getArticle(library.lib, id);
    const envelope = await dispatch(createHandlers(library.context), 'articles:save', {
      id,
      version: article.version,
      patch: { body: article.body },
    });
    expect(envelope.ok).toBe(false);
    expect(envelope.ok ? '' : envelope.error.message).toContain('The text holds “table”, which is not part of a story');
    expect(stored(id)).toEqual(OLDER_BODY);
  });

  it('comes back exactly as it was when a version holding it is restored', () => {
    const id = olderArticle();
    saveVersion(library.lib, id, 'Before the rewrite');
    const rewritten = saveArticle(library.lib, id, getArticle(library.lib, id).version, {
      body: bodyFromParagraphs(['Rewritten.']),
    });
    const kept = listRevisions(library.lib, id).find((revision) => revision.label === 'Before the rewrite');
    restoreRevision(library.lib, id, kept?.id ?? '', rewritten.version);
    expect(stored(id)).toEqual(OLDER_BODY);
  });
});
