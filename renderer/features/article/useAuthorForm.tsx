import { useState, type JSX, type KeyboardEvent } from 'react';

import type { Author } from '../../../shared/domain';
import { errorMessage } from '../../api';
import { FormProblem } from '../../components/FormProblem';

type AuthorFields = { name: string; bio: string };

/**
 * The name and bio of an author being created or edited. `submit` refuses an empty name, sends
 * the trimmed fields and hands the author saved to `onDone`, or shows why it could not be saved.
 * In the form, Escape cancels and Ctrl+Enter (⌘+Enter) submits.
 */
export function useAuthorForm(
  initial: AuthorFields,
  send: (fields: AuthorFields) => Promise<Author>,
  onDone: (author: Author) => void,
  onCancel: () => void,
) {
  const [name, setName] = useState(initial.name);
  const [bio, setBio] = useState(initial.bio);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = () => {
    if (name.trim() === '') {
      setProblem('An author needs a name.');
      return;
    }
    setBusy(true);
    send({ name: name.trim(), bio: bio.trim() }).then(onDone, (error: unknown) => {
      setBusy(false);
      setProblem(errorMessage(error));
    });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };

  return { name, setName, bio, setBio, problem, busy, submit, onKeyDown };
}

/** The foot of an author form: why the last try failed, if it did, then submit and Cancel. */
export function AuthorFormFooter({
  problem,
  busy,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  problem: string | null;
  busy: boolean;
  submitLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
}): JSX.Element {
  return (
    <>
      <FormProblem problem={problem} />
      <div className="popover__actions">
        <button type="button" className="button button--primary button--small" onClick={onSubmit} disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
