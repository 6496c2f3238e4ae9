import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';
import { $getNodeByKey, CLICK_COMMAND, COMMAND_PRIORITY_LOW, type NodeKey } from 'lexical';
import { useEffect, useRef, useState, type JSX } from 'react';

import { ArticleIdSchema } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { api, errorMessage } from '../../api';
import { useFieldEventsStayInFields } from './decoratorEvents';

/** Where an article opens in Copydesk. */
export function articleHref(articleId: string): string {
  return `#/article/${encodeURIComponent(articleId)}`;
}

type Linked =
  { kind: 'loading' } | { kind: 'found'; headline: string } | { kind: 'missing' } | { kind: 'failed'; message: string };

/** The linked article's headline as it is now; a trashed article counts as gone. */
function useLinkedHeadline(articleId: string): Linked {
  const parsed = ArticleIdSchema.safeParse(articleId);
  const id = parsed.success ? parsed.data : null;
  const [answer, setAnswer] = useState<{ id: string; linked: Linked } | null>(null);
  useEffect(() => {
    if (id === null) return undefined;
    let live = true;
    api.invoke('articles:get', { id }).then(
      (article) => {
        if (!live) return;
        setAnswer({
          id,
          linked: article.trashedAt === null ? { kind: 'found', headline: article.headline } : { kind: 'missing' },
        });
      },
      (error: unknown) => {
        if (!live) return;
        const missing = error instanceof ApiError && error.code === 'not-found';
        setAnswer({ id, linked: missing ? { kind: 'missing' } : { kind: 'failed', message: errorMessage(error) } });
      },
    );
    return () => {
      live = false;
    };
  }, [id]);
  if (id === null) return { kind: 'missing' };
  return answer?.id === id ? answer.linked : { kind: 'loading' };
}

export function AlsoSeeComponent({ nodeKey, articleId }: { nodeKey: NodeKey; articleId: string }): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const linked = useLinkedHeadline(articleId);
  const [isSelected, setSelected, clearSelection] = useLexicalNodeSelection(nodeKey);
  const box = useRef<HTMLDivElement>(null);
  useFieldEventsStayInFields(box);

  useEffect(
    () =>
      editor.registerCommand(
        CLICK_COMMAND,
        (event) => {
          const target = event.target;
          if (box.current === null || !(target instanceof Element) || !box.current.contains(target)) return false;
          if (target.closest('a, button') !== null) return false;
          if (!event.shiftKey) clearSelection();
          setSelected(true);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor, clearSelection, setSelected],
  );

  const remove = () => {
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if (node === null) return;
      const next = node.getNextSibling() ?? node.getPreviousSibling();
      node.remove();
      next?.selectStart();
    });
    editor.focus();
  };

  let target: JSX.Element;
  switch (linked.kind) {
    case 'found':
      target = (
        <a className="ed-also-see__link" href={articleHref(articleId)}>
          {linked.headline.trim() === '' ? 'Untitled article' : linked.headline}
        </a>
      );
      break;
    case 'missing':
      target = <span className="ed-also-see__problem">article not found</span>;
      break;
    case 'failed':
      target = <span className="ed-also-see__problem">headline unavailable ({linked.message})</span>;
      break;
    default:
      target = <span className="ed-also-see__pending">loading…</span>;
  }

  const modifier = linked.kind === 'missing' || linked.kind === 'failed' ? ' ed-also-see__box--problem' : '';
  return (
    <div
      ref={box}
      className={`ed-also-see__box${modifier}${isSelected ? ' ed-also-see__box--selected' : ''}`}
      data-article-id={articleId}
    >
      <p className="ed-also-see__text">
        <span className="ed-also-see__label">Also See:</span> {target}
      </p>
      <button
        type="button"
        className="ed-also-see__remove"
        aria-label="Remove Also See"
        title="Remove Also See"
        onClick={remove}
      >
        <svg viewBox="0 0 20 20" width="14" height="14" aria-hidden="true" focusable="false">
          <path d="M5 5l10 10M15 5 5 15" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
      </button>
    </div>
  );
}
