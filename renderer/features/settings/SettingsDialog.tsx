import './settings.css';

import { useId, useRef, useState, type JSX, type SyntheticEvent } from 'react';

import { PreferencesPatchSchema, THEMES, type HouseStyleRule, type Preferences } from '../../../shared/preferences';
import { MAX_PUBLIC_ADDRESS_PATTERN, publicAddressOf, publicAddressProblem } from '../../../shared/publicAddress';
import { errorMessage } from '../../api';
import { Dialog } from '../../components/Dialog';
import { FormProblem } from '../../components/FormProblem';
import { Icon } from '../../components/Icon';
import { DeskWordsSection } from '../spelling/DeskWordsSection';
import { usePreferences } from './PreferencesProvider';
import { applyTheme, type Theme } from './theme';

const THEME_LABELS: Record<Theme, string> = { system: 'Match the system', light: 'Light', dark: 'Dark' };

type Row = HouseStyleRule & { key: number };

type Draft = Omit<Preferences, 'houseStyle' | 'autosaveDelayMs' | 'askedForName' | 'exportFolders'> & {
  autosaveDelay: string;
  rows: Row[];
};

function draftOf(preferences: Preferences): Draft {
  return {
    userName: preferences.userName,
    defaultByline: preferences.defaultByline,
    defaultDatelinePlace: preferences.defaultDatelinePlace,
    theme: preferences.theme,
    smartQuotes: preferences.smartQuotes,
    publicAddressPattern: preferences.publicAddressPattern,
    autosaveDelay: String(preferences.autosaveDelayMs),
    rows: preferences.houseStyle.map((rule, index) => ({ ...rule, key: index })),
  };
}

/** The person's settings: who they are, what new articles start with, how Copydesk looks and saves. */
export function SettingsDialog({ onClose }: { onClose: () => void }): JSX.Element {
  const { preferences, update } = usePreferences();
  const [draft, setDraft] = useState<Draft>(() => draftOf(preferences));
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const nextKey = useRef(preferences.houseStyle.length);
  // A row just added takes the focus, so the term can be typed at once.
  const focusRow = useRef<number | null>(null);
  const ids = useId();
  const formId = `${ids}-form`;

  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const setRow = (key: number, patch: Partial<HouseStyleRule>) =>
    setDraft((current) => ({
      ...current,
      rows: current.rows.map((row) => (row.key === key ? { ...row, ...patch } : row)),
    }));

  const cancel = () => {
    // The theme is previewed as it is picked; cancelling puts the saved one back.
    applyTheme(preferences.theme);
    onClose();
  };

  const submit = (event: SyntheticEvent<HTMLFormElement, SubmitEvent>) => {
    event.preventDefault();
    const rows = draft.rows
      .map(({ term, suggestion, note }) => ({ term: term.trim(), suggestion: suggestion.trim(), note: note.trim() }))
      .filter((row) => row.term !== '' || row.suggestion !== '' || row.note !== '');
    const unnamed = rows.findIndex((row) => row.term === '');
    if (unnamed !== -1) {
      setProblem(`House-style row ${unnamed + 1} has no term. Type the term to flag, or remove the row.`);
      return;
    }
    const parsed = PreferencesPatchSchema.safeParse({
      userName: draft.userName,
      defaultByline: draft.defaultByline,
      defaultDatelinePlace: draft.defaultDatelinePlace,
      theme: draft.theme,
      smartQuotes: draft.smartQuotes,
      publicAddressPattern: draft.publicAddressPattern,
      autosaveDelayMs: Number(draft.autosaveDelay),
      houseStyle: rows,
      // The name field has been seen here: the first-run question is not asked again.
      askedForName: true,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path[0];
      setProblem(
        field === 'autosaveDelayMs'
          ? 'The autosave delay is a whole number of milliseconds from 300 to 30,000.'
          : field === 'publicAddressPattern'
            ? `Public address of a story: ${issue?.message ?? 'not a pattern Copydesk can use.'}`
            : (issue?.message ?? 'These settings cannot be saved.'),
      );
      return;
    }
    setSaving(true);
    setProblem(null);
    update(parsed.data).then(onClose, (error: unknown) => {
      setSaving(false);
      setProblem(errorMessage(error));
    });
  };

  const footer = (
    <>
      <FormProblem problem={problem} />
      <button type="button" className="button button--quiet" onClick={cancel}>
        Cancel
      </button>
      <button type="submit" form={formId} className="button button--primary" disabled={saving}>
        Save settings
      </button>
    </>
  );

  return (
    <Dialog title="Settings" onClose={cancel} footer={footer} className="dialog--settings">
      <form id={formId} className="settings" onSubmit={submit} noValidate>
        <section className="settings__group" aria-labelledby={`${ids}-you`}>
          <h3 id={`${ids}-you`} className="settings__heading">
            You
          </h3>
          <label className="form-field">
            <span className="form-field__label">Your name</span>
            <input
              className="input"
              value={draft.userName}
              maxLength={200}
              autoComplete="name"
              onChange={(event) => set({ userName: event.target.value })}
            />
            <span className="form-field__hint">Signs the status changes, verdicts and versions you make.</span>
          </label>
        </section>

        <section className="settings__group" aria-labelledby={`${ids}-new`}>
          <h3 id={`${ids}-new`} className="settings__heading">
            New articles
          </h3>
          <div className="form-row">
            <label className="form-field">
              <span className="form-field__label">Default byline</span>
              <input
                className="input"
                value={draft.defaultByline}
                maxLength={200}
                placeholder="An author or the desk’s name"
                onChange={(event) => set({ defaultByline: event.target.value })}
              />
              <span className="form-field__hint">This author is added to every new article.</span>
            </label>
            <label className="form-field">
              <span className="form-field__label">Default dateline place</span>
              <input
                className="input"
                value={draft.defaultDatelinePlace}
                maxLength={200}
                placeholder="Place, as it opens the story"
                onChange={(event) => set({ defaultDatelinePlace: event.target.value })}
              />
            </label>
          </div>
        </section>

        <section className="settings__group" aria-labelledby={`${ids}-writing`}>
          <h3 id={`${ids}-writing`} className="settings__heading">
            Writing and export
          </h3>
          <label className="settings__check">
            <input
              type="checkbox"
              checked={draft.smartQuotes}
              onChange={(event) => set({ smartQuotes: event.target.checked })}
            />
            <span>Typographic quotes as I type</span>
          </label>
          <span className="form-field__hint">
            In stories in English (the story’s Language), " and ' become “ ” and ‘ ’ as they are typed, apostrophes too.
            Ctrl+Z just after gives back the straight quote; pasted text is left as it is.
          </span>
          <PublicAddressField
            value={draft.publicAddressPattern}
            onChange={(publicAddressPattern) => set({ publicAddressPattern })}
          />
        </section>

        <section className="settings__group" aria-labelledby={`${ids}-look`}>
          <h3 id={`${ids}-look`} className="settings__heading">
            Appearance and saving
          </h3>
          <div className="form-row">
            <fieldset className="form-field segmented-field">
              <legend className="form-field__label">Theme</legend>
              <div className="segmented">
                {THEMES.map((theme) => (
                  <label key={theme} className="segmented__option">
                    <input
                      type="radio"
                      name={`${ids}-theme`}
                      value={theme}
                      checked={draft.theme === theme}
                      onChange={() => {
                        set({ theme });
                        applyTheme(theme);
                      }}
                    />
                    <span>{THEME_LABELS[theme]}</span>
                  </label>
                ))}
              </div>
            </fieldset>
            <label className="form-field form-field--narrow">
              <span className="form-field__label">Autosave delay (ms)</span>
              <input
                className="input"
                type="number"
                inputMode="numeric"
                min={300}
                max={30000}
                step={100}
                value={draft.autosaveDelay}
                onChange={(event) => set({ autosaveDelay: event.target.value })}
              />
              <span className="form-field__hint">How long typing must pause before Copydesk saves.</span>
            </label>
          </div>
        </section>

        <section className="settings__group" aria-labelledby={`${ids}-style`}>
          <h3 id={`${ids}-style`} className="settings__heading">
            House style
          </h3>
          <p className="form-field__hint">
            Terms flagged in the body with the house form. Copydesk suggests; it never replaces text by itself.
          </p>
          <table className="style-table" aria-labelledby={`${ids}-style`}>
            <thead>
              <tr>
                <th scope="col">Term</th>
                <th scope="col">House form</th>
                <th scope="col">Note</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {draft.rows.map((row, index) => {
                const name = row.term.trim() === '' ? `row ${index + 1}` : row.term.trim();
                return (
                  <tr key={row.key}>
                    <td>
                      <input
                        className="input input--table"
                        aria-label={`Term ${index + 1}`}
                        ref={(element) => {
                          if (element !== null && focusRow.current === row.key) {
                            focusRow.current = null;
                            element.focus();
                          }
                        }}
                        value={row.term}
                        maxLength={200}
                        onChange={(event) => setRow(row.key, { term: event.target.value })}
                      />
                    </td>
                    <td>
                      <input
                        className="input input--table"
                        aria-label={`House form for ${name}`}
                        value={row.suggestion}
                        maxLength={200}
                        onChange={(event) => setRow(row.key, { suggestion: event.target.value })}
                      />
                    </td>
                    <td>
                      <input
                        className="input input--table"
                        aria-label={`Note for ${name}`}
                        value={row.note}
                        maxLength={500}
                        onChange={(event) => setRow(row.key, { note: event.target.value })}
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="icon-button"
                        aria-label={`Remove ${name}`}
                        title={`Remove ${name}`}
                        onClick={() => set({ rows: draft.rows.filter((other) => other.key !== row.key) })}
                      >
                        <Icon name="close" />
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {draft.rows.length === 0 ? <p className="muted">No terms: nothing is flagged.</p> : null}
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              const key = nextKey.current;
              nextKey.current += 1;
              focusRow.current = key;
              set({ rows: [...draft.rows, { key, term: '', suggestion: '', note: '' }] });
            }}
          >
            <Icon name="plus" />
            Add term
          </button>
        </section>
      </form>
      <DeskWordsSection />
    </Dialog>
  );
}

/** The desk's public address pattern, checked as it is typed, with an example of what it gives. */
function PublicAddressField({ value, onChange }: { value: string; onChange: (value: string) => void }): JSX.Element {
  const ids = useId();
  const problem = publicAddressProblem(value);
  const example =
    value.trim() === '' || problem !== null
      ? null
      : publicAddressOf(value, {
          id: '0192f0c4-7d1e-7000-8000-000000000000',
          slug: 'council-approves-night-ferry',
          section: 'Local',
          datelineDate: '2026-03-02',
        });
  return (
    <label className="form-field">
      <span className="form-field__label">Public address of a story</span>
      <input
        className="input input--mono"
        type="url"
        value={value}
        spellCheck={false}
        autoComplete="off"
        placeholder="https://www.example.com/{section}/{slug}"
        aria-invalid={problem !== null}
        aria-describedby={`${ids}-note`}
        maxLength={MAX_PUBLIC_ADDRESS_PATTERN}
        onChange={(event) => onChange(event.target.value)}
      />
      {problem === null ? (
        <span id={`${ids}-note`} className="form-field__hint">
          Where the desk’s stories are read once published, with {'{slug}'}, {'{id}'}, {'{section}'}, {'{year}'},{' '}
          {'{month}'} and {'{day}'} (of the dateline date) in place. Exported stories link the library stories they
          point to there; without it, those links are written as text.
          {example === null ? '' : ` For example: ${example}`}
        </span>
      ) : (
        <span id={`${ids}-note`} className="form-problem" role="alert">
          {problem}
        </span>
      )}
    </label>
  );
}
