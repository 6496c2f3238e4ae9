import path from 'node:path';

import type { ChecklistItem } from '../../shared/exportChecklist';
import type { CommandContext } from './sourcesCommands';

function formatItem(item: ChecklistItem): string {
  return `${item.level === 'blocking' ? 'BLOCKING' : 'warning '}  ${item.id}\n    ${item.where}: ${item.message}`;
}

/** `copydesk check ID`: the pre-export checklist; exit code 1 while a blocking item remains. */
export async function checkCommand(args: readonly string[], cx: CommandContext): Promise<number> {
  const articleId = args[0];
  if (articleId === undefined || args.length > 1) {
    throw cx.usage('check needs one article id: copydesk check ID (copydesk list shows the ids).');
  }
  const checklist = await cx.call('export:check', { articleId });
  const blocking = checklist.items.filter((item) => item.level === 'blocking').length;
  cx.print(checklist, () => {
    if (checklist.items.length === 0) return 'Ready to export: nothing to report.\n';
    const summary = checklist.ready
      ? 'Ready to export, with warnings.'
      : `Not ready: ${blocking} blocking ${blocking === 1 ? 'item' : 'items'}. Fix ${blocking === 1 ? 'it' : 'them'}, or export with --override ITEM="reason".`;
    return `${checklist.items.map(formatItem).join('\n')}\n${summary}\n`;
  });
  return checklist.ready ? 0 : 1;
}

/** `--override ITEM=REASON` as the contract takes it. */
function parseOverride(value: string, cx: CommandContext): { itemId: string; reason: string } {
  const equals = value.indexOf('=');
  if (equals <= 0 || value.slice(equals + 1).trim() === '') {
    throw cx.usage(
      `--override takes ITEM=REASON, with a written reason: --override byline="Wire copy", not "${value}".`,
    );
  }
  return { itemId: value.slice(0, equals).trim(), reason: value.slice(equals + 1) };
}

/** `copydesk export ID --out DIR [--zip] [--override ITEM=REASON]…`: writes the article's package. */
export async function exportCommand(
  args: readonly string[],
  options: { out?: string; zip: boolean; overrides: readonly string[] },
  cx: CommandContext,
): Promise<number> {
  const articleId = args[0];
  if (articleId === undefined || args.length > 1) {
    throw cx.usage('export needs one article id: copydesk export ID --out FOLDER');
  }
  if (options.out === undefined || options.out.trim() === '') {
    throw cx.usage('export needs a folder to write into: copydesk export ID --out FOLDER');
  }
  const result = await cx.call('export:run', {
    articleId,
    folder: path.resolve(options.out),
    zip: options.zip,
    overrides: options.overrides.map((value) => parseOverride(value, cx)),
  });
  cx.print(result, () => {
    const overridden = result.manifest.overrides.map((o) => `  overridden: ${o.itemId} — ${o.reason}\n`).join('');
    return `Exported ${result.files} files (${result.bytes.toLocaleString('en')} bytes) to ${result.path}\n${overridden}`;
  });
  return 0;
}
