import type { JSX } from 'react';

/** What stopped the person's last action, announced as soon as it shows; nothing while all is well. */
export function FormProblem({ problem }: { problem: string | null }): JSX.Element | null {
  return problem === null ? null : (
    <p className="form-problem" role="alert">
      {problem}
    </p>
  );
}
