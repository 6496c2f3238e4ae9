import { $onUpdate, type LexicalEditor } from 'lexical';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';

import { MAX_COMMENT_LENGTH, type CommentThread, type CommentThreadId, type Mention } from '../../../shared/comments';
import type { ArticleId } from '../../../shared/domain';
import { api } from '../../api';
import { selectedBodyText } from '../../editor/plugins/ClaimsPlugin';
import {
  ANCHOR_COMMENT_COMMAND,
  SHOW_COMMENT_COMMAND,
  UNANCHOR_COMMENT_COMMAND,
  type CommentMarkState,
} from '../../editor/plugins/CommentsPlugin';

/** A comment begun on the selected words and not yet sent: its words are already anchored in the text. */
export type CommentDraft = {
  threadId: CommentThreadId;
  quote: string;
  /** What was typed in its box so far. */ text: string;
};

/**
 * Comments begun and not yet sent, by story: a person who opens another story and comes back
 * finds theirs as they left it, its words still anchored in the text.
 */
const keptDrafts = new Map<string, CommentDraft>();

/** What the Comments panel does; the same object while the story is open, so typing does not redraw the panel. */
export type CommentActions = {
  /** Sends the draft's first comment: the thread is kept in the library. */
  start: (text: string) => Promise<void>;
  /** What is typed in the draft's box, kept for when the person comes back to the story. */
  keepText: (text: string) => void;
  /** Gives up the draft: its words are no longer anchored. */
  cancel: () => void;
  reply: (threadId: CommentThreadId, text: string) => Promise<void>;
  resolve: (threadId: CommentThreadId) => Promise<void>;
  reopen: (threadId: CommentThreadId) => Promise<void>;
  /** Selects the thread's words in the text; false when they are no longer there. */
  show: (threadId: CommentThreadId) => boolean;
  focus: (threadId: CommentThreadId | null) => void;
};

export type ArticleComments = {
  /** The story's threads, in the order their words stand; null until read. */
  threads: readonly CommentThread[] | null;
  /** How each thread's words show in the text. */
  marks: ReadonlyMap<string, CommentMarkState>;
  draft: CommentDraft | null;
  focused: string | null;
  /** The people a comment can name with an @. */
  people: readonly string[];
  /** Open threads elsewhere in the library that name the person. */
  mentions: readonly Mention[];
  /** Asks again which threads elsewhere name the person. */
  askMentions: () => void;
  /** Begins a comment on the selected words (the toolbar's Comment, or Ctrl+Alt+M). */
  request: () => void;
  /** Commented words clicked in the text. */
  threadClicked: (id: string) => void;
  actions: CommentActions;
};

type CommentsContext = {
  articleId: ArticleId;
  stored: boolean;
  /** Bumped after every save (which may leave a thread without its words) and when others change a live story. */
  saves: number;
  editorRef: RefObject<LexicalEditor | null>;
  flush: () => Promise<void>;
  showComments: () => void;
  report: (error: unknown) => void;
  /** The person commenting: their name is not offered to themselves. */
  person: string;
};

/** The story's comment threads, tied to its words: begun on a selection, replied to, resolved and reopened. */
export function useArticleComments({
  articleId,
  stored,
  saves,
  editorRef,
  flush,
  showComments,
  report,
  person,
}: CommentsContext): ArticleComments {
  const [threads, setThreads] = useState<CommentThread[] | null>(null);
  const [draft, setDraft] = useState<CommentDraft | null>(() => keptDrafts.get(articleId) ?? null);
  // A comment left unsent here is brought forward again with its box.
  const [restored] = useState(() => draft !== null);
  useEffect(() => {
    if (restored) showComments();
  }, [restored, showComments]);
  useEffect(() => {
    if (draft === null) keptDrafts.delete(articleId);
    else keptDrafts.set(articleId, { ...draft, text: keptDrafts.get(articleId)?.text ?? draft.text });
  }, [articleId, draft]);
  const [focused, setFocused] = useState<string | null>(null);
  const [people, setPeople] = useState<string[]>([]);
  const [mentions, setMentions] = useState<Mention[]>([]);
  const asked = useRef(0);
  const changedHere = useRef(0);
  const draftRef = useRef(draft);
  useLayoutEffect(() => {
    draftRef.current = draft;
  });

  useEffect(() => {
    if (!stored) return;
    const ask = () => {
      const request = ++asked.current;
      const since = changedHere.current;
      api.invoke('comments:list', { articleId }).then((list) => {
        if (request !== asked.current) return;
        if (since !== changedHere.current) ask();
        else setThreads(list);
      }, report);
    };
    ask();
  }, [articleId, stored, saves, report]);

  // The threads elsewhere that name the person: asked for while the Comments panel is shown (see
  // useMentionsAsked), not at every save. The newest answer wins.
  const askedMentions = useRef(0);
  const askMentions = useCallback(() => {
    const request = ++askedMentions.current;
    api.invoke('comments:mentions', {}).then((list) => {
      if (request === askedMentions.current) setMentions(list);
    }, report);
  }, [report]);

  // Who can be named: everyone but the person, so asked again when the person changes or someone new comments here.
  const commenters = [...new Set((threads ?? []).flatMap((thread) => thread.entries.map((entry) => entry.author)))]
    .sort()
    .join('\n');
  useEffect(() => {
    if (!stored) return;
    api.invoke('comments:people', {}).then(setPeople, report);
  }, [stored, person, commenters, report]);

  const put = useCallback((thread: CommentThread) => {
    changedHere.current += 1;
    setThreads((current) => {
      const list = current ?? [];
      return list.some((item) => item.id === thread.id)
        ? list.map((item) => (item.id === thread.id ? thread : item))
        : [...list, thread];
    });
  }, []);

  const unanchorDraft = useCallback(() => {
    const pending = draftRef.current;
    if (pending === null) return;
    editorRef.current?.dispatchCommand(UNANCHOR_COMMENT_COMMAND, pending.threadId);
    setDraft(null);
  }, [editorRef]);

  const request = useCallback(() => {
    const editor = editorRef.current;
    if (editor === null) return;
    if (!stored) {
      report(new Error('Comments are kept once the story is: give it a headline or a few words first.'));
      return;
    }
    const quote = selectedBodyText(editor);
    if (quote.trim() === '') {
      report(new Error('Select the words to comment on first, then press Comment.'));
      return;
    }
    if (quote.length > MAX_COMMENT_LENGTH) {
      report(new Error('Comment on a sentence or a paragraph, not a whole passage: select fewer words.'));
      return;
    }
    unanchorDraft();
    const threadId = crypto.randomUUID() as CommentThreadId;
    editor.update(() => {
      if (!editor.dispatchCommand(ANCHOR_COMMENT_COMMAND, threadId)) {
        report(new Error('Select the words to comment on first, then press Comment.'));
        return;
      }
      // The comment's box opens once the words are anchored, so the caret goes there and stays.
      $onUpdate(() => {
        setDraft({ threadId, quote, text: '' });
        keptDrafts.delete(articleId);
        setFocused(threadId);
        showComments();
      });
    });
  }, [articleId, editorRef, stored, report, unanchorDraft, showComments]);

  // The same map while no thread opens, closes or comes: the threads are read again after every
  // save, and a new map would repaint every anchor in the text.
  const markKey = [
    ...(threads ?? []).map((thread) => `${thread.id}=${thread.resolved ? 'resolved' : 'open'}`),
    ...(draft === null ? [] : [`${draft.threadId}=open`]),
  ].join(' ');
  const marks = useMemo(
    () =>
      new Map<string, CommentMarkState>(
        markKey
          .split(' ')
          .filter((entry) => entry !== '')
          .map((entry) => {
            const [id = '', state] = entry.split('=');
            return [id, state === 'resolved' ? 'resolved' : 'open'];
          }),
      ),
    [markKey],
  );

  const threadClicked = useCallback(
    (id: string) => {
      setFocused(id);
      showComments();
    },
    [showComments],
  );

  const actions = useMemo<CommentActions>(
    () => ({
      start: async (text) => {
        const pending = draftRef.current;
        if (pending === null) return;
        // The words' anchor is saved with the text before the thread is kept, so both are in the library together.
        await flush();
        const thread = await api.invoke('comments:start', {
          articleId,
          threadId: pending.threadId,
          quote: pending.quote,
          text,
        });
        put(thread);
        setDraft(null);
        setFocused(thread.id);
      },
      keepText: (text) => {
        const pending = draftRef.current;
        if (pending !== null) keptDrafts.set(articleId, { ...pending, text });
      },
      cancel: () => {
        unanchorDraft();
        setFocused(null);
        editorRef.current?.focus();
      },
      reply: async (threadId, text) => put(await api.invoke('comments:reply', { threadId, text })),
      resolve: async (threadId) => put(await api.invoke('comments:resolve', { threadId })),
      reopen: async (threadId) => put(await api.invoke('comments:reopen', { threadId })),
      show: (threadId) => {
        setFocused(threadId);
        const editor = editorRef.current;
        if (editor === null) return false;
        editor.focus();
        return editor.dispatchCommand(SHOW_COMMENT_COMMAND, threadId);
      },
      focus: setFocused,
    }),
    [articleId, editorRef, flush, put, unanchorDraft],
  );

  return { threads, marks, draft, focused, people, mentions, askMentions, request, threadClicked, actions };
}
