import type { z } from 'zod';

import { ArticlePatchSchema, bodySizeProblem, type ArticlePatch } from '../../../shared/api';
import { describeIssue } from '../../../shared/errors';
import { fieldWords } from '../../../shared/fieldWords';

/** A field a save can carry. */
export type PatchKey = keyof ArticlePatch;

/** Why the value of one field cannot be sent, in words for the field and for the status bar. */
export type FieldProblem = {
  field: PatchKey;
  /** Where inside the field: [] for the field itself, ['caption'] for the lead image's caption, [1, 'headline'] for a related entry. */
  path: readonly PropertyKey[];
  /** The field in words: "the dateline date". */
  label: string;
  message: string;
};

function problemOf(field: PatchKey, issue: z.core.$ZodIssue): FieldProblem {
  return {
    field,
    path: issue.path,
    label: fieldWords([field]) ?? field,
    // Worded from the field's own point of view ("The caption is too long"): it is shown beside it,
    // or beside the entry of a list it is about.
    message: describeIssue({ ...issue, path: issue.path.filter((part) => typeof part !== 'number') }),
  };
}

/**
 * Checks one field's value with the contract's own schema, the one the server checks every
 * save with: what passes here is never refused there, and what fails here is never sent.
 */
export function checkField<K extends PatchKey>(field: K, value: ArticlePatch[K]): FieldProblem | null {
  const parsed = ArticlePatchSchema.shape[field].safeParse(value);
  const issue = parsed.success ? undefined : parsed.error.issues[0];
  return issue === undefined ? null : problemOf(field, issue);
}

/** `value` when the contract accepts it for `field`, else empty: for asking the library about a draft. */
export function accepted(field: 'headline' | 'dek' | 'section', value: string): string {
  return checkField(field, value) === null ? value : '';
}

/**
 * Checks a whole save as the server will: the first problem of each field that fails. The body
 * is checked for its size only: walking a long story's tree again would cost more than the
 * save (its shape is the editor's own, and the server still checks it).
 */
export function checkPatch(patch: ArticlePatch): Map<PatchKey, FieldProblem> {
  const problems = new Map<PatchKey, FieldProblem>();
  const { body, ...fields } = patch;
  const tooLarge = body === undefined ? null : bodySizeProblem(body);
  if (tooLarge !== null) problems.set('body', { field: 'body', path: [], label: 'the text', message: tooLarge });
  const parsed = ArticlePatchSchema.safeParse(fields);
  if (parsed.success) return problems;
  for (const issue of parsed.error.issues) {
    const [field, ...path] = issue.path;
    if (typeof field !== 'string' || !Object.hasOwn(ArticlePatchSchema.shape, field)) continue;
    const key = field as PatchKey;
    if (!problems.has(key)) problems.set(key, problemOf(key, { ...issue, path }));
  }
  return problems;
}
