import './comments.css';

import { useEffect, useRef, useState, type JSX, type KeyboardEvent, type ReactNode } from 'react';

import { samePerson, type CommentEntry, type CommentThread, type Mention } from '../../../shared/comments';
import { personColour } from '../../../shared/people';
import { plural } from '../../../shared/plural';
import { errorMessage } from '../../api';
import { FormProblem } from '../../components/FormProblem';
import { excerpt, whenText } from '../../editor/plugins/SuggestionsPlugin';
import { shortcutFor, shortcutLabel } from '../../editor/shortcuts';
import { articleHref } from '../library/ArticleRow';
import { ProofButtons, type Proofs } from '../suggestions/ProofButtons';
import type { ArticleComments } from './useArticleComments';

/** Which threads the panel lists. */
export const COMMENT_FILTERS = ['open', 'resolved', 'mine', 'forMe'] as const;
export type CommentFilter = (typeof COMMENT_FILTERS)[number];

const FILTER_LABELS: { readonly [F in CommentFilter]: string } = {
  open: 'Open',
  resolved: 'Resolved',
  mine: 'Mine',
  forMe: 'For me',
};

const comment = shortcutFor('Comment');
const COMMENT_KEYS = comment === undefined ? '' : shortcutLabel(comment);

const nameOf = (author: string) => (author === '' ? 'Someone unnamed' : author);

/** Whether the thread is in the list the filter asks for, for `person`. */
export function threadShown(thread: CommentThread, filter: CommentFilter, person: string): boolean {
  switch (filter) {
    case 'open':
      return !thread.resolved;
    case 'resolved':
      return thread.resolved;
    case 'mine':
      return thread.entries.some((entry) => entry.kind === 'comment' && samePerson(entry.author, person));
    case 'forMe':
      return (
        !thread.resolved && thread.entries.some((entry) => entry.mentions.some((name) => samePerson(name, person)))
      );
  }
}

function Person({ name }: { name: string }): JSX.Element {
  return (
    <span className="comment__who" style={{ ['--person' as string]: personColour(name) }}>
      {nameOf(name)}
    </span>
  );
}

/** A comment's words, the people it names picked out. */
function CommentWords({ entry }: { entry: CommentEntry }): JSX.Element {
  const parts: ReactNode[] = [];
  const lower = entry.text.toLocaleLowerCase();
  let at = 0;
  for (;;) {
    let next: { index: number; name: string } | null = null;
    for (const name of entry.mentions) {
      const index = lower.indexOf(`@${name.toLocaleLowerCase()}`, at);
      if (index !== -1 && (next === null || index < next.index)) next = { index, name };
    }
    if (next === null) break;
    parts.push(entry.text.slice(at, next.index));
    const end = next.index + next.name.length + 1;
    parts.push(
      <strong key={next.index} className="comment__mention">
        {entry.text.slice(next.index, end)}
      </strong>,
    );
    at = end;
  }
  parts.push(entry.text.slice(at));
  return <p className="comment__text">{parts}</p>;
}

/**
 * A box to write a comment or a reply in: Ctrl+Enter (⌘↩) sends, Esc gives up. What was typed
 * stays in the box until it is kept; a refusal is said beside it.
 */
function Composer({
  label,
  send,
  sendLabel,
  onCancel,
  people,
  autoFocus,
  initialText = '',
  onText,
}: {
  /** What the box holds when it opens (a comment begun before the person went to another story). */
  initialText?: string;
  /** Told what the box holds as the person types. */
  onText?: (text: string) => void;
  label: string;
  send: (text: string) => Promise<void>;
  sendLabel: string;
  onCancel: () => void;
  people: readonly string[];
  autoFocus: boolean;
}): JSX.Element {
  const [text, setText] = useState(initialText);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (busy) return;
    if (text.trim() === '') {
      setProblem('Write the comment first.');
      return;
    }
    setBusy(true);
    try {
      await send(text);
      setText('');
      setProblem(null);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };
  return (
    <form
      className="comment-composer"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <textarea
        className="comment-composer__text"
        aria-label={label}
        value={text}
        rows={3}
        autoFocus={autoFocus}
        aria-invalid={problem === null ? undefined : true}
        onChange={(event) => {
          setText(event.target.value);
          onText?.(event.target.value);
          if (problem !== null) setProblem(null);
        }}
        onKeyDown={onKeyDown}
      />
      <FormProblem problem={problem} />
      {people.length === 0 ? null : (
        <p className="comment-composer__hint">Name someone with @ to bring it to them: {people.join(', ')}.</p>
      )}
      <div className="comment-composer__buttons">
        <button type="submit" className="button button--small button--primary" disabled={busy}>
          {sendLabel}
        </button>
        <button type="button" className="button button--small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function Entry({ entry }: { entry: CommentEntry }): JSX.Element {
  if (entry.kind !== 'comment') {
    return (
      <li className="comment comment--event">
        <Person name={entry.author} /> {entry.kind === 'resolved' ? 'resolved this' : 'reopened this'}
        <span className="comment__when"> · {whenText(entry.at)}</span>
      </li>
    );
  }
  return (
    <li className="comment">
      <div>
        <Person name={entry.author} />
        <span className="comment__when"> · {whenText(entry.at)}</span>
      </div>
      <CommentWords entry={entry} />
    </li>
  );
}

function ThreadCard({
  thread,
  focused,
  comments,
}: {
  thread: CommentThread;
  focused: boolean;
  comments: ArticleComments;
}): JSX.Element {
  const [replying, setReplying] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const card = useRef<HTMLElement>(null);
  const { actions } = comments;
  const words = excerpt(thread.quote, 80);
  useEffect(() => {
    if (focused) card.current?.scrollIntoView({ block: 'nearest' });
  }, [focused]);
  const settle = async (resolve: boolean) => {
    try {
      await (resolve ? actions.resolve(thread.id) : actions.reopen(thread.id));
      setProblem(null);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  const show = () => {
    if (!actions.show(thread.id)) setProblem('Its words are no longer in the text.');
  };
  return (
    <article
      ref={card}
      className={`comment-thread${focused ? ' comment-thread--focused' : ''}${thread.resolved ? ' comment-thread--resolved' : ''}`}
      aria-label={`Comment by ${nameOf(thread.author)} on “${words}”`}
      onFocus={() => actions.focus(thread.id)}
    >
      <blockquote className="comment-thread__quote">{words === '' ? '(no words)' : words}</blockquote>
      {thread.anchored ? null : (
        <p className="comment-thread__orphan">Its words were deleted from the text. It stays until it is resolved.</p>
      )}
      {thread.resolved ? <p className="comment-thread__state">Resolved</p> : null}
      <ol className="comment-thread__entries" aria-label="Comments">
        {thread.entries.map((entry) => (
          <Entry key={entry.seq} entry={entry} />
        ))}
      </ol>
      <FormProblem problem={problem} />
      {replying ? (
        <Composer
          label={`Reply to ${nameOf(thread.author)} on “${words}”`}
          sendLabel="Reply"
          send={async (text) => {
            await actions.reply(thread.id, text);
            setReplying(false);
          }}
          onCancel={() => setReplying(false)}
          people={comments.people}
          autoFocus
        />
      ) : (
        <div className="comment-thread__buttons">
          {thread.anchored ? (
            <button type="button" className="button button--small" onClick={show}>
              Show in the text
            </button>
          ) : null}
          <button type="button" className="button button--small" onClick={() => setReplying(true)}>
            Reply
          </button>
          {thread.resolved ? (
            <button type="button" className="button button--small" onClick={() => void settle(false)}>
              Reopen
            </button>
          ) : (
            <button type="button" className="button button--small" onClick={() => void settle(true)}>
              Resolve
            </button>
          )}
        </div>
      )}
    </article>
  );
}

/** How often the threads naming the person elsewhere are asked for again while the panel is seen. */
const MENTIONS_EVERY_MS = 30_000;

/**
 * Asks which threads elsewhere name the person as the panel is shown, when the window is seen
 * again, and every MENTIONS_EVERY_MS while it is seen: a colleague on the desk may name them at
 * any time.
 */
function useMentionsAsked(ask: () => void, person: string): void {
  // Asked again when the person changes: the answer is theirs.
  useEffect(() => {
    ask();
    const again = () => {
      if (document.visibilityState === 'visible') ask();
    };
    const every = setInterval(again, MENTIONS_EVERY_MS);
    document.addEventListener('visibilitychange', again);
    return () => {
      clearInterval(every);
      document.removeEventListener('visibilitychange', again);
    };
  }, [ask, person]);
}

function Mentions({ mentions, articleId }: { mentions: readonly Mention[]; articleId: string }): JSX.Element | null {
  const elsewhere = mentions.filter((mention) => mention.thread.articleId !== articleId);
  if (elsewhere.length === 0) return null;
  return (
    <section className="comments-panel__mentions" aria-label="You are named in other stories">
      <h3 className="panel__subtitle">You are named in other stories</h3>
      <ul>
        {elsewhere.map((mention) => {
          const last = mention.thread.entries.findLast((entry) => entry.kind === 'comment');
          return (
            <li key={mention.thread.id}>
              <a href={articleHref(mention.thread.articleId)}>
                {mention.headline === '' ? mention.slug : mention.headline}
              </a>
              {last === undefined ? null : (
                <span className="comments-panel__mention-by">
                  {' '}
                  — {nameOf(last.author)}: {excerpt(last.text, 80)}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * The story's comments: a new one being written, then its threads in the order their words
 * stand in the text (those whose words were deleted last), filtered to the open ones, the
 * resolved, the person's own or those that name them; and the threads elsewhere that name them.
 */
export function CommentsPanel({
  articleId,
  comments,
  person,
  proofs,
}: {
  articleId: string;
  comments: ArticleComments;
  person: string;
  /** Saves the marked-up or the clean copy of the story, for a proof. */
  proofs: Proofs;
}): JSX.Element {
  const [filter, setFilter] = useState<CommentFilter>('open');
  const { threads, draft, focused, actions } = comments;
  const all = threads ?? [];
  useMentionsAsked(comments.askMentions, person);
  const shown = all.filter((thread) => threadShown(thread, filter, person));
  const counts = Object.fromEntries(
    COMMENT_FILTERS.map((each) => [each, all.filter((thread) => threadShown(thread, each, person)).length]),
  ) as Record<CommentFilter, number>;
  return (
    <div className="comments-panel">
      {draft === null ? null : (
        <section className="comment-thread comment-thread--focused" aria-label="New comment">
          <blockquote className="comment-thread__quote">{excerpt(draft.quote, 80)}</blockquote>
          <Composer
            key={draft.threadId}
            label={`Comment on “${excerpt(draft.quote, 80)}”`}
            sendLabel="Comment"
            send={actions.start}
            onCancel={actions.cancel}
            initialText={draft.text}
            onText={actions.keepText}
            people={comments.people}
            autoFocus
          />
        </section>
      )}
      <fieldset className="comments-panel__filter">
        <legend className="visually-hidden">Show comments</legend>
        {COMMENT_FILTERS.map((each) => (
          <label key={each} className="comments-panel__filter-option">
            <input
              type="radio"
              name={`comment-filter-${articleId}`}
              value={each}
              checked={filter === each}
              onChange={() => setFilter(each)}
            />
            {FILTER_LABELS[each]} ({counts[each]})
          </label>
        ))}
      </fieldset>
      {threads === null ? (
        <p className="panel__empty">Reading the comments…</p>
      ) : shown.length === 0 ? (
        <p className="panel__empty">
          {all.length === 0
            ? `No comments. Select words in the text and press Comment in the toolbar (${COMMENT_KEYS}) to comment on them.`
            : `No ${FILTER_LABELS[filter].toLocaleLowerCase()} comments.`}
        </p>
      ) : (
        <>
          <p className="visually-hidden" role="status">
            {plural(shown.length, 'comment thread')} shown
          </p>
          <div className="comments-panel__proofs">
            <ProofButtons proofs={proofs} />
          </div>
          <ul className="comments-panel__list" aria-label="Comment threads">
            {shown.map((thread) => (
              <li key={thread.id}>
                <ThreadCard thread={thread} focused={thread.id === focused} comments={comments} />
              </li>
            ))}
          </ul>
        </>
      )}
      <Mentions mentions={comments.mentions} articleId={articleId} />
    </div>
  );
}
