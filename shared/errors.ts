import { z } from 'zod';

import { capitalise, fieldWords } from './fieldWords';
import { plural } from './plural';

/**
 * Every failure that crosses the API carries one of these codes, so the UI and the CLI can
 * decide what to offer (retry, reload, choose another library) without parsing messages.
 */
export const API_ERROR_CODES = [
  'invalid-request',
  'not-found',
  'conflict',
  'library-unavailable',
  'library-too-new',
  'library-damaged',
  'unauthorized',
  'forbidden',
  'internal',
] as const;
export const ApiErrorCodeSchema = z.enum(API_ERROR_CODES);
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>;

export const ApiErrorPayloadSchema = z.object({
  code: ApiErrorCodeSchema,
  message: z.string(),
});
export type ApiErrorPayload = z.infer<typeof ApiErrorPayloadSchema>;

/** A failure a person can act on: `message` is written for them, `code` for the program. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;

  constructor(code: ApiErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ApiError';
    this.code = code;
  }

  toPayload(): ApiErrorPayload {
    return { code: this.code, message: this.message };
  }
}

/** A message a person can act on, from whatever a call threw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** zod's own messages ("Too big: expected string to have <=500 characters") are for programmers. */
const ZOD_DEFAULT = /^(?:Invalid |Too big:|Too small:|Unrecognized key)/;

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of fields',
  bigint: 'a number',
};

const FORMAT_WORDS: Readonly<Record<string, string>> = {
  uuid: 'a valid id',
  guid: 'a valid id',
  date: 'a date (YYYY-MM-DD)',
  datetime: 'a date and time',
  url: 'a web address',
  email: 'an email address',
};

/** What is wrong, after the field's name, for an issue zod worded itself. */
function plainProblem(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.message.endsWith('received undefined')) return 'is missing';
      return `must be ${TYPE_WORDS[issue.expected] ?? 'something else'}`;
    case 'too_big': {
      const most = Number(issue.maximum);
      if (issue.origin === 'string') return `is too long (at most ${plural(most, 'character', 'characters')})`;
      if (issue.origin === 'array' || issue.origin === 'set') return `has too many entries (at most ${most})`;
      if (!issue.inclusive) return `must be less than ${most.toLocaleString('en')}`;
      return `is too large (at most ${most.toLocaleString('en')})`;
    }
    case 'too_small': {
      const least = Number(issue.minimum);
      if (issue.origin === 'string') {
        return least <= 1 ? 'cannot be empty' : `is too short (at least ${plural(least, 'character', 'characters')})`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return least <= 1 ? 'needs at least one entry' : `needs at least ${least} entries`;
      }
      if (!issue.inclusive) return `must be more than ${least.toLocaleString('en')}`;
      return `is too small (at least ${least.toLocaleString('en')})`;
    }
    case 'invalid_value':
      return `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      return `is not ${FORMAT_WORDS[issue.format] ?? 'in the expected form'}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return `has something Copydesk does not take: ${issue.keys.map((key) => `“${key}”`).join(', ')}`;
    default:
      return 'is not in a form Copydesk accepts';
  }
}

/** One issue as a sentence that names its field in words. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const where = fieldWords(issue.path);
  if (ZOD_DEFAULT.test(issue.message)) return `${capitalise(where ?? 'this request')} ${plainProblem(issue)}.`;
  const message = /[.!?]$/.test(issue.message) ? issue.message : `${issue.message}.`;
  if (where === null) return message;
  // "The headline is too long (at most 500 characters)." names its field already.
  const named = where.replace(/^(?:the|your) /, '').toLowerCase();
  const positional = issue.path.some((part) => typeof part === 'number');
  if (!positional && message.toLowerCase().includes(named)) return message;
  return `${capitalise(where)}: ${message}`;
}

/**
 * Turns zod's issues into sentences a person reads, each naming its field in words ("The
 * dateline date …", never "patch.datelineDate"): at most three, and how many more there are.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.slice(0, 3).map(describeIssue);
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return parts.join(' ') + more;
}

/**
 * A zod check refusing a string with the message `problemOf` gives for it (the words its field
 * shows as it is typed), and letting it through when that is null.
 */
export function problemCheck(
  problemOf: (value: string) => string | null,
): (context: z.core.ParsePayload<string>) => void {
  return (context) => {
    const problem = problemOf(context.value);
    if (problem !== null) context.issues.push({ code: 'custom', message: problem, input: context.value });
  };
}
