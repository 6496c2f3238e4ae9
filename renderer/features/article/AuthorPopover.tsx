import { useEffect, useId, useRef, useState, type JSX } from 'react';

import type { Author } from '../../../shared/domain';
import { api } from '../../api';
import { AuthorFormFooter, useAuthorForm } from './useAuthorForm';

type AuthorPopoverProps = {
  author: Author;
  /** The author's place in the byline, from 0, and how many authors it has. */
  position: number;
  count: number;
  onMove: (offset: number) => void;
  onRemove: () => void;
  onSaved: (author: Author) => void;
  onClose: () => void;
};

/**
 * Edits an author's profile. The name and bio belong to the author, not to this article: the
 * popover says how many articles share them before anyone changes them.
 */
export function AuthorPopover({
  author,
  position,
  count,
  onMove,
  onRemove,
  onSaved,
  onClose,
}: AuthorPopoverProps): JSX.Element {
  const { name, setName, bio, setBio, problem, busy, submit, onKeyDown } = useAuthorForm(
    author,
    (fields) => api.invoke('authors:update', { id: author.id, ...fields }),
    onSaved,
    onClose,
  );
  const [shared, setShared] = useState<number | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const ids = useId();
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });

  useEffect(() => {
    nameRef.current?.focus();
    let live = true;
    api.invoke('authors:find', { query: author.name, limit: 50 }).then(
      (found) => {
        const match = found.find((candidate) => candidate.id === author.id);
        if (live && match !== undefined) setShared(match.articleCount);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [author.id, author.name]);

  // A click anywhere else closes the popover, as a menu would.
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && root.current?.contains(event.target) !== true) close.current();
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, []);

  const sharedNote =
    shared === null
      ? 'The name and bio are shared by every article this author signs.'
      : shared <= 1
        ? 'The name and bio are shared: they will appear on every article this author signs.'
        : `The name and bio are shared by the ${shared} articles this author signs: a change shows on all of them.`;

  return (
    <div ref={root} className="popover" role="dialog" aria-label={`Edit author ${author.name}`} onKeyDown={onKeyDown}>
      <p className="popover__title">Author</p>
      <label className="form-field">
        <span className="form-field__label">Name</span>
        <input
          ref={nameRef}
          className="input"
          value={name}
          maxLength={200}
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      <label className="form-field">
        <span className="form-field__label">Bio</span>
        <textarea
          className="input input--area"
          rows={3}
          maxLength={2000}
          value={bio}
          aria-describedby={`${ids}-shared`}
          onChange={(event) => setBio(event.target.value)}
        />
      </label>
      <p id={`${ids}-shared`} className="form-field__hint popover__shared">
        {sharedNote}
      </p>
      <AuthorFormFooter problem={problem} busy={busy} submitLabel="Save author" onSubmit={submit} onCancel={onClose} />
      <div className="popover__footer" role="group" aria-label="Place in the byline">
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={() => onMove(-1)}
          disabled={position === 0}
        >
          Move earlier
        </button>
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={() => onMove(1)}
          disabled={position >= count - 1}
        >
          Move later
        </button>
        <button type="button" className="button button--quiet button--small button--danger" onClick={onRemove}>
          Remove from byline
        </button>
      </div>
    </div>
  );
}
