import fs from 'node:fs';

import type { DeskPerson } from '../../shared/desk';
import { LIVE_LIMITS, roleWithArticle } from '../../shared/desk';
import { LibraryHost } from '../services/LibraryHost';
import { addPerson, listPeople, revokePerson } from '../services/people';
import { listenProblem } from '../web/server';
import type { CliValues, Io } from './options';
import { UsageError } from './options';
import { serve } from './serveCommand';

export const DESK_USAGE =
  'desk takes serve, add-person NAME --role ROLE, people or revoke NAME (copydesk --help tells more).';

/** A port as --port gives it; 0 picks a free one. */
export function portOption(value: string | undefined): number {
  const port = value === undefined ? 0 : Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port takes a port number, not "${value}".`);
  }
  return port;
}

/** `--stories-per-person N`: how many live stories one key may hold open (1 to 1,000). */
function storiesPerPerson(value: string | undefined): number {
  if (value === undefined) return LIVE_LIMITS.perKey;
  const most = Number(value);
  if (!Number.isInteger(most) || most < 1 || most > 1000) {
    throw new UsageError(`--stories-per-person takes a whole number from 1 to 1000, not "${value}".`);
  }
  return most;
}

function readPem(option: string, file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    const why =
      error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'there is no such file' : String(error);
    throw new UsageError(`${option} ${file} cannot be read: ${why}.`);
  }
}

function formatPerson(person: DeskPerson): string {
  const since = person.addedAt.slice(0, 16).replace('T', ' ');
  const revoked = person.revokedAt === null ? '' : `  revoked ${person.revokedAt.slice(0, 16).replace('T', ' ')}`;
  return `${person.name.padEnd(24)}  ${person.role.padEnd(12)}  added ${since}${revoked}`;
}

/** `copydesk desk …`: runs a desk, or manages the people who may sign in to it. */
export async function deskCommand(
  libraryFile: string,
  rest: readonly string[],
  values: CliValues,
  io: Io,
  print: (value: unknown, human: () => string) => void,
): Promise<number> {
  const [action, ...words] = rest;
  if (action === 'serve') {
    if (words.length > 0) throw new UsageError(`desk serve takes no words, only options ("${words.join(' ')}").`);
    const host = values.host ?? '127.0.0.1';
    const certFile = values['tls-cert'];
    const keyFile = values['tls-key'];
    if ((certFile === undefined) !== (keyFile === undefined)) {
      throw new UsageError('--tls-cert and --tls-key go together: the certificate and its private key.');
    }
    const problem = listenProblem(host, certFile !== undefined);
    if (problem !== null) throw new UsageError(problem);
    const tls =
      certFile === undefined || keyFile === undefined
        ? undefined
        : { cert: readPem('--tls-cert', certFile), key: readPem('--tls-key', keyFile) };
    return serve(libraryFile, portOption(values.port), io, {
      host,
      storiesPerPerson: storiesPerPerson(values['stories-per-person']),
      ...(tls === undefined ? {} : { tls }),
    });
  }
  if (action !== 'add-person' && action !== 'people' && action !== 'revoke') throw new UsageError(DESK_USAGE);

  const host = LibraryHost.open(libraryFile);
  try {
    const lib = host.current;
    if (action === 'people') {
      const people = listPeople(lib);
      print(people, () =>
        people.length === 0
          ? 'No one has a key to this desk yet: copydesk desk add-person NAME --role ROLE gives one.\n'
          : `${people.map(formatPerson).join('\n')}\n`,
      );
      return 0;
    }
    const name = words.join(' ').trim();
    if (name === '')
      throw new UsageError(
        `desk ${action} needs the person's name: copydesk desk ${action} "Ana Lima"${action === 'add-person' ? ' --role reporter' : ''}.`,
      );
    if (action === 'revoke') {
      const person = revokePerson(lib, name);
      print(person, () => `${person.name}'s key no longer opens this desk; they are signed out at their next step.\n`);
      return 0;
    }
    if (values.role === undefined) {
      throw new UsageError('desk add-person needs --role: reporter, editor, fact-checker or admin.');
    }
    const { person, key } = addPerson(lib, name, values.role);
    print({ ...person, key }, () =>
      [
        `${person.name} is on the desk as ${roleWithArticle(person.role)}. Their personal key (shown this once; give it to them privately):`,
        '',
        `  ${key}`,
        '',
        'They open the desk’s address and sign in with it. A lost key cannot be shown again: revoke it and add them anew.',
        '',
      ].join('\n'),
    );
    return 0;
  } finally {
    host.close();
  }
}
