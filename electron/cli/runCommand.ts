import fs from 'node:fs';
import path from 'node:path';

import type { ArgsOf, Channel, ResultOf } from '../../shared/api';
import type { Article, ArticleSummary, SearchHit } from '../../shared/domain';
import { AssignedStepSchema, HIGHLIGHT_END, HIGHLIGHT_START } from '../../shared/domain';
import { ApiError } from '../../shared/errors';
import { utcWords } from '../../shared/storyTimes';
import { assignmentWords } from '../../shared/workflow';
import type { BackupInfo } from '../../shared/libraries';
import { dispatch } from '../api/dispatch';
import { filtersFrom, orderFrom } from './libraryOptions';
import type { Handlers } from '../api/handlers';
import { createHandlers } from '../api/handlers';
import { backupFolder, latestGoodBackup, listBackups } from '../services/backups';
import { LibraryHost } from '../services/LibraryHost';
import { defaultLibraryPath, userDataDir } from '../services/paths';
import { PreferencesService } from '../preferences/PreferencesService';
import type { CommandContext } from './sourcesCommands';
import { UsageError, type CliValues, type CommandName, type Io } from './options';
import { plural } from '../../shared/plural';

function call<C extends Channel>(handlers: Handlers, channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> {
  return dispatch(handlers, channel, args).then((envelope) => {
    if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message);
    return envelope.value as ResultOf<C>;
  });
}

function parseLimit(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--limit takes a whole number above 0, not "${value}".`);
  return n;
}

/** "3 of 40 shown." or, past the first page, "Rows 51 to 100 of 240 shown." */
function listedRange(shown: number, offset: string | undefined, total: number): string {
  const first = Number(offset ?? 0);
  return first === 0 ? `${shown} of ${total} shown.` : `Rows ${first + 1} to ${first + shown} of ${total} shown.`;
}

function formatRow(article: ArticleSummary): string {
  const date = article.updatedAt.slice(0, 16).replace('T', ' ');
  const assignment = assignmentWords(article);
  const assigned = assignment === '' ? '' : `  (${assignment.charAt(0).toLowerCase()}${assignment.slice(1)})`;
  return `${article.id}  ${date}  ${article.status.padEnd(10)}  ${article.headline || '(untitled)'}${assigned}`;
}

/** An article as a person reads it in a terminal: header, body, then credits and bios. */
function formatArticle(article: Article): string {
  const lines = [article.headline || '(untitled)'];
  if (article.dek !== '') lines.push(article.dek);
  lines.push(
    `${article.status} · version ${article.version} · ${article.wordCount} words · updated ${article.updatedAt}`,
  );
  if (article.byline !== '') lines.push(`By ${article.byline}`);
  if (article.owner !== '') lines.push(`Owner: ${article.owner}`);
  if (article.assignee !== '') lines.push(assignmentWords(article));
  if (article.othersSuggest) lines.push('Everyone but the owner suggests changes');
  if (article.embargoUntil !== null) lines.push(`Embargoed until ${utcWords(article.embargoUntil)}`);
  if (article.publishAt !== null) lines.push(`To be published at ${utcWords(article.publishAt)}`);
  if (article.leadImage !== null) {
    const { asset, caption, credit, altText } = article.leadImage;
    lines.push(
      `Lead image: ${asset.originalName} (${asset.width}×${asset.height})${caption ? ` — ${caption}` : ''}${credit ? ` [${credit}]` : ''}`,
    );
    if (altText !== '') lines.push(`Alt text: ${altText}`);
  } else if (article.leadImageCredit !== '') {
    lines.push(`Lead image: none yet [${article.leadImageCredit}] (the credit goes to the picture added)`);
  }
  const dateline = [article.dateline.toUpperCase(), article.datelineDate].filter((part) => part !== '').join(', ');
  lines.push('', dateline === '' ? article.bodyText : `${dateline}: ${article.bodyText}`, '');
  if (article.syndicationCredit !== '') lines.push(article.syndicationCredit, '');
  for (const author of article.authors) if (author.bio !== '') lines.push(`${author.name}: ${author.bio}`);
  if (article.related.length > 0) {
    lines.push('', 'Related:');
    for (const item of article.related) {
      const where =
        item.articleId === null
          ? 'not in this library'
          : item.trashed
            ? `${item.articleId}, in the trash`
            : item.articleId;
      lines.push(`  ${item.headline} (${where})`);
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function plainSnippet(hit: SearchHit): string {
  return hit.snippet.split(HIGHLIGHT_START).join('[').split(HIGHLIGHT_END).join(']').replace(/\s+/g, ' ');
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

function formatBackup(backup: BackupInfo): string {
  const when = backup.createdAt.slice(0, 16).replace('T', ' ');
  const articles = backup.articleCount === null ? 'unreadable' : plural(backup.articleCount, 'article');
  return `${backup.name}  ${when} UTC  ${backup.reason.padEnd(13)}  ${megabytes(backup.sizeBytes).padStart(9)}  ${articles}`;
}

/** `copydesk restore`: lists the library's backups, or puts one back in its place. */
function restoreCommand(
  libraryFile: string,
  rest: readonly string[],
  options: { list: boolean; latest: boolean },
  print: (value: unknown, human: () => string) => void,
): number {
  const chosen = [options.list, options.latest, rest.length > 0].filter(Boolean).length;
  if (chosen !== 1 || rest.length > 1) {
    throw new UsageError('restore takes one of: --list, --latest, or one backup file (copydesk restore --list).');
  }
  if (options.list) {
    const backups = listBackups(libraryFile);
    print({ folder: backupFolder(libraryFile), backups }, () =>
      backups.length === 0
        ? `${libraryFile} has no backups yet (they are kept in ${backupFolder(libraryFile)}).\n`
        : `${backups.map(formatBackup).join('\n')}\n`,
    );
    return 0;
  }
  let source: string;
  if (options.latest) {
    const latest = latestGoodBackup(libraryFile);
    if (latest === null) {
      throw new ApiError('not-found', `${libraryFile} has no sound backup in ${backupFolder(libraryFile)}.`);
    }
    source = latest.path;
  } else {
    const given = rest[0] ?? '';
    const named = listBackups(libraryFile, { check: false }).find((backup) => backup.name === given);
    source = named?.path ?? path.resolve(given);
    if (!fs.existsSync(source)) {
      throw new ApiError('not-found', `There is no backup ${given}. copydesk restore --list shows them.`);
    }
  }
  const host = LibraryHost.start(libraryFile, { verify: true });
  try {
    const result = host.restore(source);
    print(result, () => {
      const count = result.restored.articleCount;
      const articles = count === null ? '' : ` (${plural(count, 'article')})`;
      const aside = result.setAside === null ? '' : ` The file it replaced is kept as ${result.setAside}.`;
      return `Restored ${result.restored.name}${articles} into ${libraryFile}.${aside}\n`;
    });
    return 0;
  } finally {
    host.close();
  }
}

/** Runs one command of the CLI, its command line already read; returns the exit code. */
export async function runCommand(
  command: CommandName,
  rest: readonly string[],
  values: CliValues,
  io: Io,
): Promise<number> {
  let host: LibraryHost | undefined;
  const json = values.json;
  try {
    if (command === 'import' && rest.length === 0) {
      throw new UsageError('import needs files or folders: copydesk import story.txt archive/');
    }

    const print = (value: unknown, human: () => string) =>
      io.out(json ? `${JSON.stringify(value, null, 2)}\n` : human());
    const libraryFile = path.resolve(values.library ?? defaultLibraryPath());

    if (command === 'restore') {
      return restoreCommand(libraryFile, rest, { list: values.list, latest: values.latest }, print);
    }
    if (command === 'serve') {
      const [{ serve }, { portOption }] = await Promise.all([import('./serveCommand'), import('./deskCommand')]);
      return await serve(libraryFile, portOption(values.port), io);
    }
    if (command === 'desk') {
      return await (await import('./deskCommand')).deskCommand(libraryFile, rest, values, io, print);
    }
    if (command === 'verify' || command === 'trust' || command === 'desk-key') {
      return (await import('./signingCommands')).signingCommand(command, libraryFile, rest, values, print);
    }
    host = LibraryHost.open(libraryFile);
    return await libraryCommand(command, host, rest, values, io, print);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (json && error instanceof ApiError) {
      io.err(`${JSON.stringify({ error: error.toPayload() })}\n`);
    } else {
      io.err(`copydesk: ${message}\n`);
    }
    return error instanceof UsageError || (error instanceof TypeError && 'code' in error) ? 2 : 1;
  } finally {
    host?.close();
  }
}

/** A command that reads or changes the library through the contract, as the window does. */
async function libraryCommand(
  command: Exclude<CommandName, 'restore' | 'serve' | 'desk' | 'verify' | 'trust' | 'desk-key'>,
  host: LibraryHost,
  rest: readonly string[],
  values: CliValues,
  io: Io,
  print: (value: unknown, human: () => string) => void,
): Promise<number> {
  const json = values.json;
  // Only export changes preferences here (an export remembers its folder); every other
  // command reads the file as it is, without loading the store.
  const preferences =
    command === 'export'
      ? (await import('../preferences/confBackend')).openPreferences(userDataDir())
      : PreferencesService.readOnly(userDataDir());
  const handlers = createHandlers({ host, preferences });

  const commandContext: CommandContext = {
    call: (channel, args) => call(handlers, channel, args),
    print,
    usage: (message) => new UsageError(message),
  };

  switch (command) {
    case 'sources':
      return await (
        await import('./sourcesCommands')
      ).sourcesCommand(
        rest,
        { kind: values.kind, title: values.title, article: values.article, limit: parseLimit(values.limit, 50) },
        commandContext,
      );
    case 'claims':
      return await (await import('./sourcesCommands')).claimsCommand(rest, commandContext, { report: values.report });
    case 'check':
      return await (await import('./exportCommands')).checkCommand(rest, commandContext);
    case 'export':
      return await (
        await import('./exportCommands')
      ).exportCommand(rest, { out: values.out, zip: values.zip, overrides: values.override }, commandContext);
    case 'related':
      return await (
        await import('./relatedCommand')
      ).relatedCommand(
        host.current,
        rest,
        { limit: parseLimit(values.limit, 10), reindex: values.reindex, err: io.err },
        commandContext,
      );
    case 'list': {
      const result = await call(handlers, 'articles:list', {
        limit: parseLimit(values.limit, 50),
        trashed: values.trash,
        ...orderFrom(values, commandContext),
        filters: await filtersFrom(values, commandContext),
      });
      print(result, () =>
        result.items.length === 0
          ? values.trash
            ? 'The trash is empty.\n'
            : 'The library is empty. Create an article with `copydesk serve` or the desktop app.\n'
          : `${result.items.map(formatRow).join('\n')}\n${listedRange(result.items.length, values.offset, result.total)}\n`,
      );
      return 0;
    }
    case 'assign': {
      const [id, ...name] = rest;
      if (id === undefined) {
        throw new UsageError(
          'assign needs an article id and a name: copydesk assign ID NAME --step fact-check (copydesk list shows the ids).',
        );
      }
      const assignee = name.join(' ').trim();
      if (values.clear === (assignee !== '')) {
        throw new UsageError(
          values.clear
            ? 'assign --clear takes the assignment away, so it takes no name: copydesk assign ID --clear.'
            : 'assign needs the name of the person, or --clear: copydesk assign ID NAME --step fact-check.',
        );
      }
      const step = AssignedStepSchema.optional().safeParse(values.step);
      if (!step.success)
        throw new UsageError(`--step takes editing, fact-check or review; not "${values.step ?? ''}".`);
      if (assignee !== '' && step.data === undefined) {
        throw new UsageError(`assign needs the step ${assignee} is to do: --step editing, fact-check or review.`);
      }
      const article = await call(handlers, 'articles:assign', { id, assignee, step: step.data });
      const headline = article.headline || '(untitled)';
      print(article, () =>
        article.assignee === ''
          ? `Nobody is assigned “${headline}” now.\n`
          : `${assignmentWords(article)}: “${headline}”.\n`,
      );
      return 0;
    }
    case 'show': {
      const id = rest[0];
      if (id === undefined)
        throw new UsageError('show needs an article id: copydesk show ID (copydesk list shows the ids).');
      const article = await call(handlers, 'articles:get', { id });
      print(article, () => formatArticle(article));
      return 0;
    }
    case 'search': {
      const query = rest.join(' ');
      if (query.trim() === '')
        throw new UsageError('search needs something to look for: copydesk search "night ferry".');
      const result = await call(handlers, 'articles:search', {
        query,
        limit: parseLimit(values.limit, 20),
        filters: await filtersFrom(values, commandContext),
      });
      print(result, () =>
        result.hits.length === 0
          ? `No article matches.${result.hint === null ? '' : ` ${result.hint}`}\n`
          : `${result.hits.map((hit) => `${formatRow(hit)}\n    ${plainSnippet(hit)}`).join('\n')}\n`,
      );
      return 0;
    }
    case 'import':
      return await (
        await import('./importCommand')
      ).importCommand(host.current, rest, {
        io,
        json,
        context: { userName: preferences.get().preferences.userName },
      });
  }
}
