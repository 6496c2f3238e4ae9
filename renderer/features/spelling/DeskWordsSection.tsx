import './deskWords.css';

import { useEffect, useId, useState, type JSX } from 'react';

import { DeskWordSchema } from '../../../shared/spelling/deskWords';
import { errorMessage } from '../../api';
import { FormProblem } from '../../components/FormProblem';
import { Icon } from '../../components/Icon';
import { addDeskWord, loadDeskWords, removeDeskWord, watchDeskWords } from './deskWords';

/**
 * The desk's words in Settings: the names spelling accepts in every story, to add ahead of a
 * story or to take back. Kept in the library at once, for everyone on the desk: Save and Cancel
 * are for the person's own settings.
 */
export function DeskWordsSection(): JSX.Element {
  const ids = useId();
  const [words, setWords] = useState<string[] | null>(null);
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    loadDeskWords().then(
      (loaded) => {
        if (current) setWords(loaded);
      },
      (error: unknown) => {
        if (current) setProblem(errorMessage(error));
      },
    );
    const stop = watchDeskWords(setWords);
    return () => {
      current = false;
      stop();
    };
  }, []);

  const add = () => {
    const parsed = DeskWordSchema.safeParse(draft);
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'This cannot be one of the desk’s words.');
      return;
    }
    setProblem(null);
    addDeskWord(parsed.data).then(
      () => setDraft(''),
      (error: unknown) => setProblem(errorMessage(error)),
    );
  };

  return (
    <section className="settings__group desk-words-section" aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`} className="settings__heading">
        The desk’s words
      </h3>
      <p id={`${ids}-hint`} className="form-field__hint">
        Names of people and places the desk writes often: spelling accepts them in every story. They are the desk’s,
        kept in the library for everyone as soon as they are added or removed.
      </p>
      {words === null ? null : words.length === 0 ? (
        <p className="muted">None yet. Add a name here, or from a right-click on an underlined word.</p>
      ) : (
        <ul className="chips desk-words" aria-labelledby={`${ids}-heading`}>
          {words.map((word) => (
            <li key={word} className="chip">
              <span className="chip__text">{word}</span>
              <button
                type="button"
                className="chip__remove"
                aria-label={`Remove ${word} from the desk’s words`}
                title="Remove from the desk’s words"
                onClick={() => {
                  setProblem(null);
                  removeDeskWord(word).catch((error: unknown) => setProblem(errorMessage(error)));
                }}
              >
                <Icon name="close" />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="desk-words__add">
        <input
          className="input"
          aria-label="A word for the desk"
          aria-describedby={`${ids}-hint`}
          placeholder="A name, such as Shehbaz Sharif"
          value={draft}
          spellCheck={false}
          autoComplete="off"
          maxLength={200}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            // Enter adds the word; it does not save the rest of the settings.
            if (event.key !== 'Enter') return;
            event.preventDefault();
            add();
          }}
        />
        <button type="button" className="button button--small" onClick={add}>
          <Icon name="plus" />
          Add word
        </button>
      </div>
      <FormProblem problem={problem} />
    </section>
  );
}
