import './namePrompt.css';

import { useEffect, useId, useRef, useState, type JSX, type SyntheticEvent } from 'react';

import { PreferencesPatchSchema } from '../../../shared/preferences';
import { errorMessage } from '../../api';
import { Dialog } from '../../components/Dialog';
import { usePreferences } from './PreferencesProvider';

const UNSIGNED = 'status changes and versions carry no name, and a verdict cannot be given, until you give yours.';

const WHY =
  'Copydesk signs the status changes, verdicts and versions you make with it, so the desk can see who did what. A verdict cannot be given without it.';

/** Saving the name typed: checked as Settings checks it, with a message at the field. */
function useNameForm(onSaved: (name: string) => void) {
  const { update } = usePreferences();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = (patch: { userName?: string; askedForName: true }, done: () => void) => {
    setBusy(true);
    setProblem(null);
    update(patch).then(done, (error: unknown) => {
      setBusy(false);
      setProblem(errorMessage(error));
    });
  };

  const submit = (event: SyntheticEvent<HTMLFormElement, SubmitEvent>) => {
    event.preventDefault();
    const parsed = PreferencesPatchSchema.shape.userName.safeParse(name);
    if (!parsed.success || parsed.data === undefined || parsed.data === '') {
      setProblem(parsed.success ? 'Type your name, as it should read beside your changes.' : 'That name is too long.');
      return;
    }
    const given = parsed.data;
    send({ userName: given, askedForName: true }, () => onSaved(given));
  };

  return { name, setName, problem, busy, submit, send };
}

function NameField({
  form,
  autoFocus,
  describedBy,
}: {
  form: ReturnType<typeof useNameForm>;
  autoFocus: boolean;
  describedBy: string;
}): JSX.Element {
  const ids = useId();
  const input = useRef<HTMLInputElement>(null);
  // The box appears because the person asked for it: typing goes straight in. The dialog
  // around it takes the focus when it opens, after this effect; the focus is moved just after.
  useEffect(() => {
    if (!autoFocus) return undefined;
    const timer = setTimeout(() => input.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, [autoFocus]);
  return (
    <div className="form-field name-prompt__field">
      <label className="form-field__label" htmlFor={`${ids}-input`}>
        Your name
      </label>
      <input
        id={`${ids}-input`}
        className="input"
        value={form.name}
        maxLength={200}
        autoComplete="name"
        placeholder="First name and surname"
        ref={input}
        aria-invalid={form.problem !== null}
        aria-describedby={form.problem === null ? describedBy : `${describedBy} ${ids}-problem`}
        onChange={(event) => form.setName(event.target.value)}
      />
      {form.problem === null ? null : (
        <p id={`${ids}-problem`} className="form-problem" role="alert">
          {form.problem}
        </p>
      )}
    </div>
  );
}

/**
 * The first-run question, on the welcome screen until it is answered or put off: who is at the
 * desk. It asks, it does not block: everything else on the screen works while it is there.
 */
export function FirstRunNamePrompt(): JSX.Element | null {
  const { preferences, loaded } = usePreferences();
  const [outcome, setOutcome] = useState<string | null>(null);
  const done = useRef<HTMLParagraphElement>(null);
  const ids = useId();
  const finish = (message: string) => setOutcome(message);
  // The form is gone with the focus in it: the focus goes to what took its place.
  useEffect(() => {
    if (outcome !== null) done.current?.focus();
  }, [outcome]);
  const form = useNameForm((name) => finish(`Thank you, ${name}. Your changes will be signed with your name.`));

  if (outcome !== null) {
    return (
      <p ref={done} className="name-prompt__done" tabIndex={-1} role="status">
        {outcome}
      </p>
    );
  }
  if (!loaded || preferences.askedForName || preferences.userName !== '') return null;

  return (
    <section className="name-prompt" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="name-prompt__title">
        Who is at the desk?
      </h2>
      <p id={`${ids}-why`} className="name-prompt__why">
        {WHY}
      </p>
      <form className="name-prompt__form" onSubmit={form.submit} noValidate>
        <NameField form={form} autoFocus={false} describedBy={`${ids}-why`} />
        <div className="name-prompt__actions">
          <button type="submit" className="button button--primary" disabled={form.busy}>
            Save name
          </button>
          <button
            type="button"
            className="button button--quiet"
            disabled={form.busy}
            onClick={() =>
              form.send({ askedForName: true }, () =>
                finish('Your changes will be unsigned. You can give your name any time in Settings.'),
              )
            }
          >
            Not now
          </button>
        </div>
      </form>
    </section>
  );
}

/**
 * While no name is given, says so where the person works — status changes and versions go
 * unsigned, and a verdict cannot be given — and offers to set one.
 */
export function UnsignedNote(): JSX.Element | null {
  const { preferences, loaded } = usePreferences();
  const [asking, setAsking] = useState(false);
  const [signedAs, setSignedAs] = useState<string | null>(null);
  const signed = useRef<HTMLParagraphElement>(null);
  const ids = useId();
  const form = useNameForm((name) => {
    setAsking(false);
    setSignedAs(name);
  });
  // The button that opened the dialog is gone: the focus goes to what took its place.
  useEffect(() => {
    if (signedAs !== null) signed.current?.focus();
  }, [signedAs]);

  if (signedAs !== null) {
    return (
      <p ref={signed} className="status-bar__item" tabIndex={-1}>
        {`Signing as ${signedAs}`}
      </p>
    );
  }
  if (!loaded || preferences.userName !== '') return null;

  return (
    <div className="status-bar__item unsigned-note">
      <span id={`${ids}-note`} title={UNSIGNED}>
        Unsigned<span className="visually-hidden">{`: ${UNSIGNED}`}</span>
      </span>
      <button
        type="button"
        className="button button--small"
        aria-describedby={`${ids}-note`}
        onClick={() => setAsking(true)}
      >
        Set your name
      </button>
      {asking ? (
        <Dialog
          title="Your name"
          onClose={() => setAsking(false)}
          className="dialog--name"
          footer={
            <>
              <button type="button" className="button button--quiet" onClick={() => setAsking(false)}>
                Cancel
              </button>
              <button type="submit" form={`${ids}-form`} className="button button--primary" disabled={form.busy}>
                Save name
              </button>
            </>
          }
        >
          <form id={`${ids}-form`} className="name-prompt__form" onSubmit={form.submit} noValidate>
            <p id={`${ids}-why`} className="name-prompt__why">
              {WHY}
            </p>
            <NameField form={form} autoFocus describedBy={`${ids}-why`} />
          </form>
        </Dialog>
      ) : null}
    </div>
  );
}
