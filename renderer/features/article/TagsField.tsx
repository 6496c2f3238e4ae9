import { useRef, useState, type JSX, type KeyboardEvent } from 'react';

import { Icon } from '../../components/Icon';
import { addTags } from './articleFields';

/** Tags as chips; Enter or a comma adds what was typed, Backspace in the empty box takes the last one back. */
export function TagsField({ tags, onChange }: { tags: string[]; onChange: (tags: string[]) => void }): JSX.Element {
  const [draft, setDraft] = useState('');
  const input = useRef<HTMLInputElement>(null);

  const commit = () => {
    if (draft.trim() === '') return;
    onChange(addTags(tags, draft));
    setDraft('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Backspace' && draft === '' && tags.length > 0) {
      event.preventDefault();
      const last = tags[tags.length - 1] ?? '';
      onChange(tags.slice(0, -1));
      setDraft(last);
    }
  };

  return (
    <div className="tags" onClick={(event) => event.target === event.currentTarget && input.current?.focus()}>
      {tags.length === 0 ? null : (
        <ul className="chips" aria-label="Tags">
          {tags.map((tag, index) => (
            <li key={tag} className="chip">
              <span className="chip__text">{tag}</span>
              <button
                type="button"
                className="chip__remove"
                aria-label={`Remove tag ${tag}`}
                title="Remove tag"
                onClick={() => {
                  onChange(tags.filter((_, i) => i !== index));
                  input.current?.focus();
                }}
              >
                <Icon name="close" />
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        ref={input}
        className="tags__input"
        aria-label="Add tag"
        placeholder={tags.length === 0 ? 'Add tags…' : 'Add tag…'}
        maxLength={100}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={commit}
      />
    </div>
  );
}
