import { useEffect, useId, useRef, useState, type JSX, type KeyboardEvent, type RefObject } from 'react';

import type { Author, AuthorId } from '../../../shared/domain';
import { api } from '../../api';
import { Icon } from '../../components/Icon';
import { useReportError } from '../../components/Notices';
import { moveItem } from './articleFields';
import { AuthorPopover } from './AuthorPopover';
import { AuthorFormFooter, useAuthorForm } from './useAuthorForm';
import { plural } from '../../../shared/plural';

type Found = Author & { articleCount: number };

type BylineFieldProps = {
  authors: Author[];
  onChange: (authors: Author[]) => void;
  /** An author's name or bio was changed: every article they sign shows it. */
  onAuthorUpdated: (author: Author) => void;
};

const SEARCH_DELAY_MS = 150;

/** The byline: authors as chips in byline order, and a box to add one (found or new). */
export function BylineField({ authors, onChange, onAuthorUpdated }: BylineFieldProps): JSX.Element {
  const [editing, setEditing] = useState<AuthorId | null>(null);
  const chipRefs = useRef(new Map<AuthorId, HTMLButtonElement>());
  const addRef = useRef<HTMLInputElement>(null);
  // Where focus goes after the chips change (a chip moved or removed).
  const focusAfter = useRef<AuthorId | 'add' | null>(null);

  useEffect(() => {
    const target = focusAfter.current;
    if (target === null) return;
    focusAfter.current = null;
    if (target === 'add') addRef.current?.focus();
    else chipRefs.current.get(target)?.focus();
  }, [authors]);

  const move = (index: number, offset: number, refocus = true) => {
    const author = authors[index];
    if (author === undefined) return;
    if (refocus) focusAfter.current = author.id;
    onChange(moveItem(authors, index, offset));
  };

  const remove = (index: number) => {
    const next = authors.filter((_, i) => i !== index);
    const neighbour = next[Math.min(index, next.length - 1)];
    focusAfter.current = neighbour?.id ?? 'add';
    onChange(next);
  };

  const onChipKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    if (event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
      event.preventDefault();
      move(index, event.key === 'ArrowLeft' ? -1 : 1);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      remove(index);
    }
  };

  const editingIndex = authors.findIndex((author) => author.id === editing);
  const editingAuthor = authors[editingIndex];

  return (
    <div className="byline" role="group" aria-label="Byline">
      <span className="byline__by" aria-hidden="true">
        By
      </span>
      <ul className="chips" aria-label="Authors, in byline order">
        {authors.map((author, index) => (
          <li key={author.id} className="chip chip--author">
            <button
              type="button"
              className="chip__label"
              ref={(element) => {
                if (element === null) chipRefs.current.delete(author.id);
                else chipRefs.current.set(author.id, element);
              }}
              aria-label={`${author.name}: edit author`}
              aria-haspopup="dialog"
              aria-expanded={editing === author.id}
              aria-keyshortcuts="Alt+ArrowLeft Alt+ArrowRight Delete"
              title="Edit the author · Alt+←/→ moves · Delete removes"
              onClick={() => setEditing(editing === author.id ? null : author.id)}
              onKeyDown={(event) => onChipKeyDown(event, index)}
            >
              {author.name}
            </button>
            <button
              type="button"
              className="chip__remove"
              aria-label={`Remove ${author.name} from the byline`}
              title="Remove from the byline"
              onClick={() => remove(index)}
            >
              <Icon name="close" />
            </button>
          </li>
        ))}
      </ul>
      <AddAuthor
        inputRef={addRef}
        exclude={authors.map((author) => author.id)}
        onAdd={(author) => onChange([...authors, author])}
      />
      {editingAuthor === undefined ? null : (
        <AuthorPopover
          key={editingAuthor.id}
          author={editingAuthor}
          position={editingIndex}
          count={authors.length}
          onMove={(offset) => move(editingIndex, offset, false)}
          onRemove={() => {
            setEditing(null);
            remove(editingIndex);
          }}
          onSaved={(author) => {
            onAuthorUpdated(author);
            setEditing(null);
            focusAfter.current = author.id;
          }}
          onClose={() => {
            setEditing(null);
            chipRefs.current.get(editingAuthor.id)?.focus();
          }}
        />
      )}
    </div>
  );
}

type Option = { kind: 'author'; author: Found } | { kind: 'create'; name: string };

function AddAuthor({
  inputRef,
  exclude,
  onAdd,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  exclude: AuthorId[];
  onAdd: (author: Author) => void;
}): JSX.Element {
  const report = useReportError();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [found, setFound] = useState<{ query: string; authors: Found[] }>({ query: '', authors: [] });
  const [active, setActive] = useState(0);
  const [creating, setCreating] = useState<string | null>(null);
  // After the new-author form closes, typing goes on in the box it replaced.
  const refocus = useRef(false);
  useEffect(() => {
    if (creating === null && refocus.current) {
      refocus.current = false;
      inputRef.current?.focus();
    }
  }, [creating, inputRef]);
  const ids = useId();
  const listId = `${ids}-list`;
  const trimmed = query.trim();

  useEffect(() => {
    if (!open) return undefined;
    let live = true;
    const timer = setTimeout(() => {
      api.invoke('authors:find', { query: trimmed, limit: 8 }).then(
        (authors) => {
          if (live) setFound({ query: trimmed, authors });
        },
        (error: unknown) => {
          if (live) report(error);
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [open, trimmed, report]);

  const matches = found.authors.filter((author) => !exclude.includes(author.id));
  const exact = found.authors.some((author) => author.name.toLowerCase() === trimmed.toLowerCase());
  const options: Option[] = [
    ...matches.map((author): Option => ({ kind: 'author', author })),
    ...(trimmed !== '' && !exact && found.query === trimmed ? [{ kind: 'create', name: trimmed } as const] : []),
  ];
  const activeIndex = Math.min(active, options.length - 1);
  const showList = open && options.length > 0;

  const choose = (option: Option) => {
    if (option.kind === 'author') {
      onAdd(option.author);
      setQuery('');
      setActive(0);
    } else {
      setCreating(option.name);
    }
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (options.length === 0 ? 0 : (current + step + options.length) % options.length));
    } else if (event.key === 'Enter') {
      const option = options[activeIndex];
      if (showList && option !== undefined) {
        event.preventDefault();
        choose(option);
      } else if (trimmed !== '') {
        event.preventDefault();
        // Typed faster than the search answered: an exact match is added, anything else is created.
        const match = found.authors.find((author) => author.name.toLowerCase() === trimmed.toLowerCase());
        if (match !== undefined && !exclude.includes(match.id)) choose({ kind: 'author', author: match });
        else if (match === undefined) choose({ kind: 'create', name: trimmed });
      }
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
    }
  };

  if (creating !== null) {
    return (
      <NewAuthorForm
        name={creating}
        onCreated={(author) => {
          onAdd(author);
          refocus.current = true;
          setCreating(null);
          setQuery('');
        }}
        onCancel={() => {
          refocus.current = true;
          setCreating(null);
        }}
      />
    );
  }

  const activeOption = showList ? options[activeIndex] : undefined;
  const optionId = (index: number) => `${ids}-option-${index}`;

  return (
    <div className="combobox">
      <input
        ref={inputRef}
        className="combobox__input"
        role="combobox"
        aria-label="Add author"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeOption === undefined ? undefined : optionId(activeIndex)}
        placeholder="Add author…"
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onClick={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} className="combobox__list" role="listbox" aria-label="Authors" hidden={!showList}>
        {options.map((option, index) => (
          <li
            key={option.kind === 'author' ? option.author.id : 'create'}
            id={optionId(index)}
            role="option"
            aria-selected={index === activeIndex}
            className="combobox__option"
            // Choosing with the mouse must not blur the box first (that would close the list).
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(option)}
            onMouseEnter={() => setActive(index)}
          >
            {option.kind === 'author' ? (
              <>
                <span className="combobox__name">{option.author.name}</span>
                <span className="combobox__meta">{plural(option.author.articleCount, 'article')}</span>
              </>
            ) : (
              <span className="combobox__name">
                <Icon name="plus" /> Create author “{option.name}”
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function NewAuthorForm({
  name: initialName,
  onCreated,
  onCancel,
}: {
  name: string;
  onCreated: (author: Author) => void;
  onCancel: () => void;
}): JSX.Element {
  const { name, setName, bio, setBio, problem, busy, submit, onKeyDown } = useAuthorForm(
    { name: initialName, bio: '' },
    (fields) => api.invoke('authors:create', fields),
    onCreated,
    onCancel,
  );
  const bioRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    bioRef.current?.focus();
  }, []);

  return (
    <div className="popover popover--inline" role="group" aria-label="New author" onKeyDown={onKeyDown}>
      <p className="popover__title">New author</p>
      <label className="form-field">
        <span className="form-field__label">Name</span>
        <input className="input" value={name} maxLength={200} onChange={(event) => setName(event.target.value)} />
      </label>
      <label className="form-field">
        <span className="form-field__label">Short bio</span>
        <textarea
          ref={bioRef}
          className="input input--area"
          rows={3}
          maxLength={2000}
          value={bio}
          placeholder="One or two sentences, shown with every article they sign."
          onChange={(event) => setBio(event.target.value)}
        />
      </label>
      <AuthorFormFooter
        problem={problem}
        busy={busy}
        submitLabel="Create author"
        onSubmit={submit}
        onCancel={onCancel}
      />
    </div>
  );
}
