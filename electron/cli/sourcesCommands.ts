import fs from 'node:fs';
import path from 'node:path';

import type { ArgsOf, Channel, ResultOf } from '../../shared/api';
import type { Claim, Source } from '../../shared/sources';
import { SOURCE_KIND_LABELS, SourceKindSchema, VERDICT_LABELS } from '../../shared/sources';
import { plural } from '../../shared/plural';

/** How the source and claim commands reach the services and print. */
export type CommandContext = {
  call: <C extends Channel>(channel: C, args: ArgsOf<C>) => Promise<ResultOf<C>>;
  print: (value: unknown, human: () => string) => void;
  usage: (message: string) => Error;
};

export type SourceOptions = { kind?: string; title?: string; article?: string; limit: number };

function formatSource(source: Source): string {
  const about = [SOURCE_KIND_LABELS[source.kind], source.publisher, source.publishedDate].filter((p) => p !== '');
  const snapshots = plural(source.snapshots.length, 'snapshot');
  return `${source.id}  ${source.title}\n    ${about.join(' · ')} · reliability ${source.reliability} · ${snapshots}${
    source.url === '' ? '' : `\n    ${source.url}`
  }`;
}

/** `copydesk sources [list [QUERY]]` and `copydesk sources add FILE…`. */
export async function sourcesCommand(
  args: readonly string[],
  options: SourceOptions,
  cx: CommandContext,
): Promise<number> {
  const [action = 'list', ...rest] = args;
  if (action === 'list') {
    const result = await cx.call('sources:list', { query: rest.join(' '), limit: options.limit });
    cx.print(result, () =>
      result.sources.length === 0
        ? `${result.hint ?? 'The library has no sources yet. Add one with: copydesk sources add FILE'}\n`
        : `${result.sources.map(formatSource).join('\n')}\n`,
    );
    return 0;
  }
  if (action !== 'add') {
    throw cx.usage(
      `Unknown sources action "${action}": use copydesk sources list [QUERY] or copydesk sources add FILE.`,
    );
  }
  if (rest.length === 0) throw cx.usage('sources add needs a file: copydesk sources add statement.pdf');
  let kind: Source['kind'] | undefined;
  if (options.kind !== undefined) {
    const parsed = SourceKindSchema.safeParse(options.kind);
    if (!parsed.success) throw cx.usage(parsed.error.issues[0]?.message ?? 'Unknown kind of source.');
    kind = parsed.data;
  }
  const added: Source[] = [];
  for (const file of rest) {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new Error(code === 'ENOENT' ? `${file} does not exist.` : `${file} cannot be read (${code ?? 'error'}).`, {
        cause: error,
      });
    }
    const source = await cx.call('sources:add', {
      from: { file: { name: path.basename(file), dataBase64: bytes.toString('base64') } },
      fields: {
        ...(kind === undefined ? {} : { kind }),
        ...(options.title === undefined ? {} : { title: options.title }),
      },
      articleId: options.article ?? null,
    });
    added.push(source);
  }
  cx.print(added, () => `${added.map((source) => `Added ${formatSource(source)}`).join('\n')}\n`);
  return 0;
}

function formatClaim(claim: Claim): string {
  const lines = [
    `${claim.id}  [${claim.kind}] ${VERDICT_LABELS[claim.verdict]}${claim.state === 'attached' ? '' : ` (${claim.state})`}`,
    `    “${claim.text.replace(/\s+/g, ' ')}”`,
  ];
  if (claim.checker !== '') {
    lines.push(
      `    checked by ${claim.checker}, ${claim.checkedAt ?? ''}${claim.note === '' ? '' : `: ${claim.note}`}`,
    );
  }
  if (claim.changedSinceVerdict && claim.verdictText !== null) {
    lines.push(`    changed since the verdict: it was “${claim.verdictText.replace(/\s+/g, ' ')}”`);
  }
  for (const evidence of claim.evidence) {
    lines.push(`    evidence: ${evidence.sourceTitle} — “${evidence.exact.replace(/\s+/g, ' ')}”`);
  }
  return lines.join('\n');
}

/**
 * Writes the report where asked: FILE, or the report's own name inside FILE when it is a
 * folder. Written beside the target under a temporary name and renamed, so an interrupted
 * write never leaves half a report.
 */
function writeReport(target: string, report: { html: string; fileName: string }): string {
  let file = path.resolve(target);
  try {
    if (fs.statSync(file).isDirectory()) file = path.join(file, report.fileName);
  } catch {
    // Not there yet: the report is written under that name.
  }
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temporary, report.html, { encoding: 'utf8', flag: 'wx' });
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' ? 'permission denied' : (code ?? 'error');
    throw new Error(`The report cannot be written to ${file} (${why}).`, { cause: error });
  }
  return file;
}

/**
 * `copydesk claims ARTICLE-ID`: every claim with its verdict and evidence, and the coverage.
 * With `--report FILE`, the fact-check report is written to FILE as HTML instead.
 */
export async function claimsCommand(
  args: readonly string[],
  cx: CommandContext,
  options: { report?: string } = {},
): Promise<number> {
  const articleId = args[0];
  if (articleId === undefined)
    throw cx.usage('claims needs an article id: copydesk claims ID (copydesk list shows them).');
  if (options.report !== undefined) {
    if (options.report.trim() === '') throw cx.usage('--report needs a file: copydesk claims ID --report report.html');
    const report = await cx.call('claims:report', { articleId });
    const file = writeReport(options.report, report);
    cx.print({ file }, () => `Wrote the fact-check report to ${file}\n`);
    return 0;
  }
  const claims = await cx.call('claims:list', { articleId });
  const live = claims.filter((claim) => claim.state !== 'dismissed');
  const checked = live.filter((claim) => claim.verdict !== 'unchecked').length;
  const coverage = { checked, total: live.length };
  cx.print({ coverage, claims }, () =>
    claims.length === 0
      ? 'This article has no claims marked yet.\n'
      : `${claims.map(formatClaim).join('\n')}\n${checked} of ${live.length} claims checked.\n`,
  );
  return 0;
}
