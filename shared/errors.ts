import { z } from 'zod';

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

  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }

  toPayload(): ApiErrorPayload {
    return { code: this.code, message: this.message };
  }
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

/** Turns zod's issues into one readable sentence naming the offending fields. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.slice(0, 3).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'request';
    return `${where}: ${issue.message}`;
  });
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return parts.join('; ') + more;
}
