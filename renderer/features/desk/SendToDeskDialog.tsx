import { useId, useRef, useState, type JSX, type SyntheticEvent } from 'react';

import type { ArticleId } from '../../../shared/domain';
import { plural } from '../../../shared/plural';
import type { SentStory } from '../../../shared/storyTransfer';
import { api, errorMessage } from '../../api';
import { Dialog } from '../../components/Dialog';
import { FormProblem } from '../../components/FormProblem';
import { useDeskAndKey } from './DeskAndKey';

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
  const form = useDeskAndKey(lastDesk);
  /** The send under way, by the id it was given, to be stopped. */
  const [sending, setSending] = useState<string | null>(null);
  /** The send the person stopped, perhaps before it left (while the editor was still saving). */
  const stopped = useRef<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState<SentStory | null>(null);

  const send = async (event: SyntheticEvent<HTMLFormElement, SubmitEvent>) => {
    event.preventDefault();
    form.tried();
    if (form.valid === null) return;
    const { desk, key } = form.valid;
    const sendId = crypto.randomUUID();
    setSending(sendId);
    setProblem(null);
    try {
      await flush();
      if (stopped.current === sendId) {
        setProblem('Sending stopped before the story left. Nothing was sent; the story is here.');
        return;
      }
      const result = await api.invoke('stories:send', { articleId, desk, key, sendId });
      rememberDesk(desk);
      setSent(result);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSending(null);
    }
  };

  /** Stops the send under way; its refusal then says what it left where. */
  const stop = () => {
    if (sending === null) return;
    stopped.current = sending;
    void api.invoke('stories:cancelSend', { sendId: sending }).catch(() => undefined);
  };
  // Closed while sending: the send stops with the dialog.
  const close = () => {
    stop();
    onClose();
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
      onClose={close}
      footer={
        <>
          <FormProblem problem={problem} />
          {sending === null ? (
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
          ) : (
            <button type="button" className="button" onClick={stop}>
              Stop sending
            </button>
          )}
          <button type="submit" form={formId} className="button button--primary" disabled={sending !== null}>
            {sending === null ? 'Send' : 'Sending…'}
          </button>
        </>
      }
    >
      <form id={formId} aria-label="Send to a desk" noValidate onSubmit={(event) => void send(event)}>
        <p>
          The story goes to the desk whole: its sources and their snapshots, pictures, claims with their evidence and
          verdicts, comments and versions, each signed as it was. This library keeps its own copy.
        </p>
        {form.fields(id, 'The key the desk’s admin gave you. It is used for this send only, and not kept.')}
        {sending === null ? null : <p role="status">Sending the story to {form.valid?.desk ?? 'the desk'}…</p>}
      </form>
    </Dialog>
  );
}
