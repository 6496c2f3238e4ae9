import type { NodeKey } from 'lexical';
import { useEffect, useRef, useState, type JSX } from 'react';

import { siteOf, storyAddressProblem, storyHeadlineProblem } from '../../../shared/alsoSee';
import { ArticleIdSchema } from '../../../shared/domain';
import { ApiError, errorMessage } from '../../../shared/errors';
import { articleHref } from '../../../shared/links';
import { useEditorHost } from '../EditorHost';
import { useFieldEventsStayInFields } from './decoratorEvents';
import { RemoveBlockButton } from './RemoveBlockButton';
import { useBlockDecorator } from './useBlockDecorator';

type Linked =
  { kind: 'loading' } | { kind: 'found'; headline: string } | { kind: 'missing' } | { kind: 'failed'; message: string };

/** The linked article's headline as it is now; a trashed article counts as gone. */
function useLinkedHeadline(articleId: string): Linked {
  const parsed = ArticleIdSchema.safeParse(articleId);
  const id = parsed.success ? parsed.data : null;
  const host = useEditorHost();
  const [answer, setAnswer] = useState<{ id: string; linked: Linked } | null>(null);
  useEffect(() => {
    if (id === null) return undefined;
    let live = true;
    host.getArticle(id).then(
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
  }, [host, id]);
  if (id === null) return { kind: 'missing' };
  return answer?.id === id ? answer.linked : { kind: 'loading' };
}

type AlsoSeeProps = {
  nodeKey: NodeKey;
  /** The library article pointed at; empty for a story elsewhere. */
  articleId: string;
  /** A story elsewhere: its web address and headline. */
  url: string;
  headline: string;
};

export function AlsoSeeComponent({ nodeKey, articleId, url, headline }: AlsoSeeProps): JSX.Element {
  if (articleId === '' && url !== '') return <OutsideStory nodeKey={nodeKey} url={url} headline={headline} />;
  return <LibraryStory nodeKey={nodeKey} articleId={articleId} />;
}

/** The frame every Also See block is drawn in: its label, what it points at, and the remove button. */
function AlsoSeeBox({
  nodeKey,
  problem,
  children,
  dataset,
}: {
  nodeKey: NodeKey;
  problem: boolean;
  children: JSX.Element;
  dataset: Record<string, string>;
}): JSX.Element {
  const box = useRef<HTMLDivElement>(null);
  // The link and the remove button keep their clicks; elsewhere a click selects the block.
  const { isSelected, remove } = useBlockDecorator(nodeKey, box, 'a, button');
  useFieldEventsStayInFields(box);
  const modifier = problem ? ' ed-also-see__box--problem' : '';
  return (
    <div
      ref={box}
      className={`ed-also-see__box${modifier}${isSelected ? ' ed-also-see__box--selected' : ''}`}
      {...dataset}
    >
      <p className="ed-also-see__text">
        <span className="ed-also-see__label">Also See:</span> {children}
      </p>
      <RemoveBlockButton label="Remove Also See" className="ed-also-see__remove" onClick={remove} />
    </div>
  );
}

/** A story elsewhere: its headline, linked to its address (opened in the browser), and the site it is on. */
function OutsideStory({ nodeKey, url, headline }: { nodeKey: NodeKey; url: string; headline: string }): JSX.Element {
  const problem = storyAddressProblem(url) ?? storyHeadlineProblem(headline);
  return (
    <AlsoSeeBox nodeKey={nodeKey} problem={problem !== null} dataset={{ 'data-url': url }}>
      {problem === null ? (
        <>
          <a className="ed-also-see__link" href={url} target="_blank" rel="noreferrer noopener">
            {headline.trim()}
          </a>{' '}
          <span className="ed-also-see__site">({siteOf(url)})</span>
        </>
      ) : (
        <span className="ed-also-see__problem">{problem}</span>
      )}
    </AlsoSeeBox>
  );
}

function LibraryStory({ nodeKey, articleId }: { nodeKey: NodeKey; articleId: string }): JSX.Element {
  const linked = useLinkedHeadline(articleId);
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

  return (
    <AlsoSeeBox
      nodeKey={nodeKey}
      problem={linked.kind === 'missing' || linked.kind === 'failed'}
      dataset={{ 'data-article-id': articleId }}
    >
      {target}
    </AlsoSeeBox>
  );
}
