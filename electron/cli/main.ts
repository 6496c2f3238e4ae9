import packageJson from '../../package.json';
import { isCommand, parseCommandLine, UsageError, type Io } from './options';
import { USAGE } from './usage';

export type { Io } from './options';

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  interactive: process.stderr.isTTY,
};

/**
 * Runs one CLI command; returns the exit code. Only the command line is read here: the library,
 * the services and each command's own modules are loaded when a command needs them, so
 * `copydesk --version` or a mistyped command answers at once.
 */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
    const [command] = parsed.positionals;
    if (parsed.values.version) {
      io.out(`${packageJson.version}\n`);
      return 0;
    }
    if (parsed.values.help || command === undefined || command === 'help') {
      io.out(USAGE());
      return command === undefined && !parsed.values.help ? 2 : 0;
    }
    if (!isCommand(command)) throw new UsageError(`Unknown command "${command}". Run copydesk --help for the list.`);
  } catch (error) {
    io.err(`copydesk: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  const { runCommand } = await import('./runCommand');
  return runCommand(command as Parameters<typeof runCommand>[0], rest, parsed.values, io);
}
