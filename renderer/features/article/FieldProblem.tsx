import type { JSX } from 'react';

import type { HeldField } from './ArticleSaver';
import type { PatchKey } from './fieldChecks';

/** What is held back of `field` (or of the part `path` names: a lead image's caption), if anything. */
export function heldFor(
  held: readonly HeldField[],
  field: PatchKey,
  path: readonly PropertyKey[] = [],
): HeldField | undefined {
  return held.find((entry) => entry.field === field && path.every((part, at) => entry.path[at] === part));
}

/** The attributes that tie a box to the message under it. */
export function problemProps(
  id: string,
  message: string | null | undefined,
): { 'aria-invalid': boolean; 'aria-describedby': string | undefined } {
  const shown = message ?? null;
  return { 'aria-invalid': shown !== null, 'aria-describedby': shown === null ? undefined : id };
}

/** Why a field's value is not saved, under the field; nothing while all is well. */
export function FieldProblem({ id, message }: { id: string; message: string | null | undefined }): JSX.Element | null {
  return message == null ? null : (
    <span id={id} className="form-problem field-problem" role="alert">
      {message}
    </span>
  );
}
