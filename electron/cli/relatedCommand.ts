import type { ResultOf } from '../../shared/api';
import type { Library } from '../services/LibraryHost';
import { loadNameFinder } from '../related/entities';
import { reindexPending } from '../services/related';
import type { CommandContext } from './sourcesCommands';

type Suggestions = ResultOf<'related:suggest'>;

const day = (item: { datelineDate: string; updatedAt: string }) => item.datelineDate || item.updatedAt.slice(0, 10);

/** Suggestions as a person reads them in a terminal: related articles with their reasons, then duplicates. */
export function formatSuggestions(result: Suggestions): string {
  const lines: string[] = [];
  if (result.related.length === 0) lines.push('No related articles in this library.');
  result.related.forEach((item, index) => {
    const section = item.section === '' ? '' : `  ${item.section}`;
    lines.push(
      `${String(index + 1).padStart(2)}. ${item.score.toFixed(2)}  ${item.articleId}  ${day(item)}${section}  ${item.headline || '(untitled)'}`,
    );
    if (item.reason !== '') lines.push(`      ${item.reason}`);
  });
  if (result.duplicates.length > 0) {
    lines.push('', 'Possible duplicates:');
    for (const item of result.duplicates) {
      lines.push(
        `    ${Math.round(item.similarity * 100)}% similar  ${item.articleId}  ${day(item)}  ${item.headline || '(untitled)'}`,
      );
    }
  }
  if (result.unindexed > 0) {
    lines.push(
      '',
      `${result.unindexed.toLocaleString('en')} ${result.unindexed === 1 ? 'article was' : 'articles were'} changed without being analysed and may be missing: run copydesk related --reindex.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `copydesk related ID`: the articles related to one, with the reasons the panel shows;
 * `copydesk related --reindex`: analyses the articles waiting for it, resumable.
 */
export async function relatedCommand(
  lib: Library,
  rest: readonly string[],
  options: { limit: number; reindex: boolean; err: (text: string) => void },
  context: CommandContext,
): Promise<number> {
  if (options.reindex) {
    if (rest.length > 0) throw context.usage('related --reindex takes no article id.');
    await loadNameFinder();
    const result = reindexPending(lib, {
      onProgress: (done, remaining) => options.err(`analysed ${done}, ${remaining} to go\n`),
    });
    context.print(result, () => `Analysed ${result.indexed.toLocaleString('en')} articles for related suggestions.\n`);
    return 0;
  }
  const id = rest[0];
  if (id === undefined || rest.length > 1) {
    throw context.usage('related needs one article id: copydesk related ID (copydesk list shows the ids).');
  }
  const result = await context.call('related:suggest', { articleId: id, limit: options.limit });
  context.print(result, () => formatSuggestions(result));
  return 0;
}
