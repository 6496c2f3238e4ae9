import { useId, useState, type JSX, type SyntheticEvent } from 'react';

import type { ArticleId } from '../../../shared/domain';
import { plural } from '../../../shared/plural';
import { DeskAddressSchema, SendStoryArgsSchema, type SentStory } from '../../../shared/storyTransfer';
import { api, errorMessage } from '../../api';
import { Dialog } from '../../components/Dialog';
import { FormProblem } from '../../components/FormProblem';

/** The desk last sent to from this window: the address only, never the key. */
const LAST_DESK = 'copydesk.sendToDesk.address';

function lastDesk(): string {
  try {
    return localStorage.getItem(LAST_DESK) ?? '';
  } catch {
    return '';
  }
}

function rememberDesk(address: string): void {
  try {
    localStorage.setItem(LAST_DESK, address);
  } catch {
    // Not kept: the address is typed again next time.
  }
}

/** A field's problem, as the contract words it, or null. */
function fieldProblem(check: { success: boolean; error?: { issues: { message: string }[] } }) {
  return check.success ? null : (check.error?.issues[0]?.message ?? 'This is not valid.');
}

type SendToDeskDialogProps = {
  articleId: ArticleId;
  /** Saves what is still pending in the editor, so the desk gets what is on screen. */
  flush: () => Promise<void>;
  onClose: () => void;
};

/**
 * Sends the story, whole, from this library to a desk: its sources and their snapshots, its
 * pictures, claims with evidence and verdicts, comments and versions. The desk checks the key
 * and what the person may do there; this library keeps its own copy.
 */
export function SendToDeskDialog({ articleId, flush, onClose }: SendToDeskDialogProps): JSX.Element {
  const id = useId();
  const [address, setAddress] = useState(lastDesk);
  const [key, setKey] = useState('');
  const [tried, setTried] = useState(false);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState<SentStory | null>(null);

  const addressProblem = tried ? fieldProblem(DeskAddressSchema.safeParse(address)) : null;
  const keyProblem = tried ? fieldProblem(SendStoryArgsSchema.shape.key.safeParse(key)) : null;

  const send = async (event: SyntheticEvent<HTMLFormElement, SubmitEvent>) => {
    event.preventDefault();
    setTried(true);
    const args = SendStoryArgsSchema.safeParse({ articleId, desk: address, key });
    if (!args.success) return;
    setSending(true);
    setProblem(null);
    try {
      await flush();
      const result = await api.invoke('stories:send', args.data);
      rememberDesk(args.data.desk);
      setSent(result);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSending(false);
    }
  };

  if (sent !== null) {
    return (
      <Dialog
        title="Sent to the desk"
        onClose={onClose}
        footer={
          <button type="button" className="button button--primary" onClick={onClose}>
            Done
          </button>
        }
      >
        <div role="status" aria-label="Sent to the desk">
          <p>
            “{sent.headline}” is on the desk, with {plural(sent.sources, 'source', 'sources')},{' '}
            {plural(sent.claims, 'claim', 'claims')} and {plural(sent.versions, 'version', 'versions')}. This library
            keeps its own copy; what is done to it here from now on stays here.
          </p>
          <p>
            It opens on the desk at{' '}
            <a href={sent.address} target="_blank" rel="noreferrer">
              {sent.address}
            </a>
          </p>
        </div>
      </Dialog>
    );
  }

  const formId = `${id}-form`;
  return (
    <Dialog
      title="Send to a desk"
      onClose={onClose}
      footer={
        <>
          <FormProblem problem={problem} />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="button button--primary" disabled={sending}>
            {sending ? 'Sending…' : 'Send'}
          </button>
        </>
      }
    >
      <form id={formId} aria-label="Send to a desk" noValidate onSubmit={(event) => void send(event)}>
        <p>
          The story goes to the desk whole: its sources and their snapshots, pictures, claims with their evidence and
          verdicts, comments and versions, each signed as it was. This library keeps its own copy.
        </p>
        <TextField
          id={`${id}-address`}
          label="Desk address"
          type="url"
          autoComplete="url"
          placeholder="https://desk.example.org:8443"
          value={address}
          onChange={setAddress}
          problem={addressProblem}
          hint={null}
        />
        <TextField
          id={`${id}-key`}
          label="Personal key"
          type="password"
          autoComplete="off"
          placeholder="cdk_…"
          value={key}
          onChange={setKey}
          problem={keyProblem}
          hint="The key the desk’s admin gave you. It is used for this send only, and not kept."
        />
        {sending ? <p role="status">Sending the story to {address.trim()}…</p> : null}
      </form>
    </Dialog>
  );
}

/** One labelled box of the form, with its problem (or a hint) under it, tied to it for screen readers. */
function TextField({
  id,
  label,
  type,
  autoComplete,
  placeholder,
  value,
  onChange,
  problem,
  hint,
}: {
  id: string;
  label: string;
  type: 'url' | 'password';
  autoComplete: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  problem: string | null;
  hint: string | null;
}): JSX.Element {
  const note = problem ?? hint;
  return (
    <label className="form-field" htmlFor={id}>
      <span className="form-field__label">{label}</span>
      <input
        id={id}
        className="input"
        type={type}
        autoComplete={autoComplete}
        placeholder={placeholder}
        value={value}
        aria-invalid={problem !== null}
        aria-describedby={note === null ? undefined : `${id}-note`}
        onChange={(event) => onChange(event.target.value)}
      />
      {note === null ? null : (
        <span
          id={`${id}-note`}
          className={problem === null ? 'form-field__hint' : 'form-problem'}
          role={problem === null ? undefined : 'alert'}
        >
          {note}
        </span>
      )}
    </label>
  );
}
