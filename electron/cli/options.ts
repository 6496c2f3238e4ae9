import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Every option the `copydesk` command takes, for node:util's parseArgs. */
const OPTIONS = {
  library: { type: 'string' },
  json: { type: 'boolean', default: false },
  limit: { type: 'string' },
  trash: { type: 'boolean', default: false },
  port: { type: 'string' },
  role: { type: 'string' },
  host: { type: 'string' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  'stories-per-person': { type: 'string' },
  kind: { type: 'string' },
  title: { type: 'string' },
  article: { type: 'string' },
  report: { type: 'string' },
  out: { type: 'string' },
  zip: { type: 'boolean', default: false },
  override: { type: 'string', multiple: true, default: [] as string[] },
  replace: { type: 'boolean', default: false },
  remove: { type: 'boolean', default: false },
  name: { type: 'string' },
  list: { type: 'boolean', default: false },
  latest: { type: 'boolean', default: false },
  reindex: { type: 'boolean', default: false },
  status: { type: 'string', multiple: true, default: [] as string[] },
  section: { type: 'string' },
  tag: { type: 'string' },
  author: { type: 'string' },
  person: { type: 'string' },
  place: { type: 'string' },
  organisation: { type: 'string' },
  'assigned-to': { type: 'string' },
  step: { type: 'string' },
  clear: { type: 'boolean', default: false },
  sort: { type: 'string' },
  direction: { type: 'string' },
  offset: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} satisfies ParseArgsConfig['options'];

/** The command line split into its options and its words. */
export function parseCommandLine(argv: readonly string[]) {
  return parseArgs({ args: [...argv], allowPositionals: true, options: OPTIONS });
}

export type CliValues = ReturnType<typeof parseCommandLine>['values'];

/** The commands, in the order `--help` lists them. */
export const COMMANDS = [
  'list',
  'show',
  'search',
  'assign',
  'import',
  'serve',
  'sources',
  'claims',
  'check',
  'export',
  'verify',
  'trust',
  'desk-key',
  'related',
  'restore',
  'desk',
] as const;
export type CommandName = (typeof COMMANDS)[number];

export function isCommand(word: string): word is CommandName {
  return (COMMANDS as readonly string[]).includes(word);
}

/** A mistake in how the command was called: exit code 2, as is usual for usage errors. */
export class UsageError extends Error {}

/** Where a command writes; `interactive` when stderr is a terminal (progress redraws one line). */
export type Io = { out: (text: string) => void; err: (text: string) => void; interactive?: boolean };
