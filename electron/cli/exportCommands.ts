import path from 'node:path';

import type { ChecklistItem } from '../../shared/exportChecklist';
import { overrideReasonProblem } from '../../shared/exportChecklist';
import { shortFingerprint } from '../../shared/exports';
import { plural } from '../../shared/plural';
import { isTimeZone } from '../../shared/storyTimes';
import type { CommandContext } from './sourcesCommands';

const WIDTH = 100;

/** `text` folded at spaces into lines of at most WIDTH columns, each after `indent`. */
export function wrap(text: string, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/u).filter((part) => part !== '')) {
    if (line !== '' && indent.length + line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((each) => `${indent}${each}`).join('\n');
}

/**
 * The checklist as a person reads it in a terminal: a verdict first, then the blocking items
 * (each with the --override that would export it anyway) and the warnings, each message folded
 * to the terminal's usual width under where it is.
 */
export function formatChecklist(items: readonly ChecklistItem[]): string {
  const blocking = items.filter((item) => item.level === 'blocking');
  const warnings = items.filter((item) => item.level === 'warning');
  if (items.length === 0) return 'Ready to export: nothing to report.\n';
  const counts = [
    ...(blocking.length === 0 ? [] : [plural(blocking.length, 'blocking item')]),
    ...(warnings.length === 0 ? [] : [plural(warnings.length, 'warning')]),
  ].join(', ');
  const out = [blocking.length === 0 ? `Ready to export, with ${counts}.` : `Not ready to export: ${counts}.`];
  if (blocking.length > 0) {
    out.push('', `Blocking — fix ${blocking.length === 1 ? 'it' : 'each'}, or export anyway with a written reason:`);
    for (const item of blocking) {
      out.push(`  ${item.where}`, wrap(item.message, '    '), `    --override ${item.id}="reason"`);
    }
  }
  if (warnings.length > 0) {
    out.push('', 'Warnings — the package can go, but look first:');
    for (const item of warnings) out.push(`  ${item.where}`, wrap(item.message, '    '));
  }
  return `${out.join('\n')}\n`;
}

/** `copydesk check ID`: the pre-export checklist; exit code 1 while a blocking item remains. */
export async function checkCommand(args: readonly string[], cx: CommandContext): Promise<number> {
  const articleId = args[0];
  if (articleId === undefined || args.length > 1) {
    throw cx.usage('check needs one article id: copydesk check ID (copydesk list shows the ids).');
  }
  // Times (an embargo's end) are told in the zone of the computer the command runs on.
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const checklist = await cx.call('export:check', { articleId, ...(isTimeZone(timeZone) ? { timeZone } : {}) });
  cx.print(checklist, () => formatChecklist(checklist.items));
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
  const itemId = value.slice(0, equals).trim();
  const reason = value.slice(equals + 1);
  const problem = overrideReasonProblem(reason);
  if (problem !== null) throw cx.usage(`--override ${itemId}: ${problem}`);
  return { itemId, reason };
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
    const signed = `Signed by ${result.signedBy.desk} (key ${shortFingerprint(result.signedBy.fingerprint)})\n`;
    return `Exported ${result.files} files (${result.bytes.toLocaleString('en')} bytes) to ${result.path}\n${signed}${overridden}`;
  });
  return 0;
}
