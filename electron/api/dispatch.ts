import Database from 'better-sqlite3';
import { z } from 'zod';

import type { Channel, Envelope, ParsedArgsOf } from '../../shared/api';
import { contract, isChannel } from '../../shared/api';
import { ApiError, describeIssues } from '../../shared/errors';
import type { Handlers } from './handlers';

/** A write refused because the disk holding the library has no room left. */
function diskFull(): ApiError {
  return new ApiError(
    'library-unavailable',
    'The disk is full: this change could not be saved. Free some space on the disk holding the library, then try again; everything saved before is intact.',
  );
}

/** Maps an SQLite failure to something a person can act on. */
function fromSqlite(error: InstanceType<typeof Database.SqliteError>): ApiError {
  const code = error.code;
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_')) {
    return new ApiError(
      'library-unavailable',
      'The library is busy with another program’s change. Try again in a moment; nothing was lost.',
    );
  }
  if (code === 'SQLITE_FULL') return diskFull();
  if (code.startsWith('SQLITE_IOERR')) {
    return new ApiError(
      'library-unavailable',
      'The library could not be written: the disk is full or failing. Free some space and try again; what was saved before is intact.',
    );
  }
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_')) {
    return new ApiError('library-unavailable', 'The library is read-only. Copy it somewhere writable to edit it.');
  }
  if (code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_') || code === 'SQLITE_NOTADB') {
    return new ApiError(
      'library-damaged',
      'The library file is damaged. Stop editing and restore it from a backup copy.',
    );
  }
  return new ApiError('internal', `The library reported an error (${code}): ${error.message}`);
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof Database.SqliteError) return fromSqlite(error);
  const errno = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (errno === 'ENOSPC' || errno === 'EDQUOT') return diskFull();
  if (error instanceof z.ZodError) {
    return new ApiError(
      'internal',
      `Something went wrong inside Copydesk: the library holds a value it does not expect (${describeIssues(error.issues)})`,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError('internal', `Something went wrong inside Copydesk: ${message}`);
}

/** A call of the contract, its arguments validated. */
export type ParsedCall = { [C in Channel]: { channel: C; args: ParsedArgsOf<C> } }[Channel];

/** Decides, once a call's arguments are valid, whether it may run: throws an ApiError to refuse it. */
export type CallGuard = (call: ParsedCall) => void;

/**
 * Runs one call of the contract: checks the channel, validates the arguments before anything
 * runs, calls the handler, and checks the result against the contract too. Never throws:
 * every failure becomes an error envelope.
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  rawArgs: unknown,
  guard?: CallGuard,
): Promise<Envelope<unknown>> {
  if (!isChannel(channel)) {
    return {
      ok: false,
      error: { code: 'invalid-request', message: `Unknown request "${String(channel).slice(0, 80)}".` },
    };
  }
  // Only a missing payload means "no arguments"; null, a list or a string is a malformed request.
  const parsed = contract[channel].args.safeParse(rawArgs === undefined ? {} : rawArgs);
  if (!parsed.success) {
    return {
      ok: false,
      // The code tells programs it was refused; the message names the fields in words, for people.
      error: { code: 'invalid-request', message: describeIssues(parsed.error.issues) },
    };
  }
  try {
    // The channel and its arguments were checked together: the pair is one of ParsedCall's.
    guard?.({ channel, args: parsed.data } as ParsedCall);
    const handler = handlers[channel] as (args: unknown) => unknown;
    const value: unknown = await handler(parsed.data);
    const checked = contract[channel].result.safeParse(value);
    if (!checked.success) {
      return {
        ok: false,
        error: {
          code: 'internal',
          message: `Copydesk made a mistake in its answer (${describeIssues(checked.error.issues)}). This is a fault in Copydesk: reload the window to see what the library holds.`,
        },
      };
    }
    return { ok: true, value: checked.data };
  } catch (error) {
    return { ok: false, error: toApiError(error).toPayload() };
  }
}
