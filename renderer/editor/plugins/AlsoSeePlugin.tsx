import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $setSelection, createCommand, type BaseSelection, type LexicalCommand } from 'lexical';
import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type InputHTMLAttributes,
  type JSX,
  type KeyboardEvent,
  type RefObject,
} from 'react';

import {
  MAX_ALSO_SEE_HEADLINE,
  MAX_ALSO_SEE_URL,
  storyAddressProblem,
  storyHeadlineProblem,
  type AlsoSeePayload,
} from '../../../shared/alsoSee';
import { $createAlsoSeeNode } from '../../../shared/body/lexical/AlsoSeeNode';
import type { ArticleStatus, ArticleSummary } from '../../../shared/domain';
import { errorMessage } from '../../../shared/errors';
import { useEditorHost } from '../EditorHost';
import { useBlockCommands } from './useBlockCommands';

/**
 * Puts an "Also See" block at the caret, between paragraphs: for a library article (its id), or
 * for a story elsewhere (its address and headline).
 */
export const INSERT_ALSO_SEE_COMMAND: LexicalCommand<string | AlsoSeePayload> =
  createCommand('INSERT_ALSO_SEE_COMMAND');

/** Opens the box for finding the article to point to (toolbar button). */
export const OPEN_ALSO_SEE_DIALOG_COMMAND: LexicalCommand<void> = createCommand('OPEN_ALSO_SEE_DIALOG_COMMAND');

const RESULTS = 8;
const SEARCH_DELAY_MS = 200;

const STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: 'Draft',
  editing: 'Editing',
  'fact-check': 'Fact-check',
  ready: 'Ready',
  exported: 'Exported',
};

type Found =
  | { kind: 'searching' }
  | { kind: 'done'; items: ArticleSummary[]; hint: string | null }
  | { kind: 'failed'; message: string };

/** The latest articles for an empty box, search hits otherwise; never the article being edited. */
function useArticleFinder(query: string, excludeId: string | undefined): Found {
  const trimmed = query.trim();
  const host = useEditorHost();
  const [answer, setAnswer] = useState<{ query: string; found: Found } | null>(null);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(
      () => {
        const request: Promise<{ items: ArticleSummary[]; hint: string | null }> =
          trimmed === ''
            ? host.latestArticles(RESULTS + 1).then((items) => ({ items, hint: null }))
            : host.searchArticles(trimmed, RESULTS + 1).then(({ hits, hint }) => ({ items: hits, hint }));
        request.then(
          ({ items, hint }) => {
            if (!live) return;
            setAnswer({
              query: trimmed,
              found: { kind: 'done', items: items.filter((item) => item.id !== excludeId).slice(0, RESULTS), hint },
            });
          },
          (error: unknown) => {
            if (live) setAnswer({ query: trimmed, found: { kind: 'failed', message: errorMessage(error) } });
          },
        );
      },
      trimmed === '' ? 0 : SEARCH_DELAY_MS,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [host, trimmed, excludeId]);
  return answer?.query === trimmed ? answer.found : { kind: 'searching' };
}

type Opening = { selection: BaseSelection | null; serial: number };

export function AlsoSeePlugin({ excludeArticleId }: { excludeArticleId?: string | undefined }): JSX.Element | null {
  const [editor] = useLexicalComposerContext();
  const [opening, setOpening] = useState<Opening | null>(null);
  const serial = useRef(0);

  const openDialog = useCallback((selection: BaseSelection | null) => {
    serial.current += 1;
    setOpening({ selection, serial: serial.current });
  }, []);
  useBlockCommands(INSERT_ALSO_SEE_COMMAND, $createAlsoSeeNode, OPEN_ALSO_SEE_DIALOG_COMMAND, openDialog);

  const close = useCallback(() => {
    setOpening(null);
    editor.focus();
  }, [editor]);

  if (opening === null) return null;

  const insert = (target: string | AlsoSeePayload) => {
    editor.update(() => {
      if (opening.selection !== null) $setSelection(opening.selection.clone());
      editor.dispatchCommand(INSERT_ALSO_SEE_COMMAND, target);
    });
    close();
  };

  return (
    <AlsoSeeDialog
      key={opening.serial}
      excludeId={excludeArticleId}
      onChoose={(article) => insert(article.id)}
      onChooseOutside={insert}
      onCancel={close}
    />
  );
}

/**
 * A story outside the library: its web address and headline, each checked at its field when
 * the person asks to link it. An address typed in the search box above is carried here.
 */
function OutsideStoryForm({
  address,
  onAddress,
  onChoose,
  headlineField,
}: {
  address: string;
  onAddress: (address: string) => void;
  onChoose: (payload: AlsoSeePayload) => void;
  headlineField: RefObject<HTMLInputElement | null>;
}): JSX.Element {
  const ids = useId();
  const [headline, setHeadline] = useState('');
  const [tried, setTried] = useState(false);
  const addressProblem = tried ? storyAddressProblem(address) : null;
  const headlineProblem = tried ? storyHeadlineProblem(headline) : null;
  const addressField = useRef<HTMLInputElement>(null);

  const submit = () => {
    setTried(true);
    if (storyAddressProblem(address) !== null) {
      addressField.current?.focus();
      return;
    }
    if (storyHeadlineProblem(headline) !== null) {
      headlineField.current?.focus();
      return;
    }
    onChoose({ articleId: '', url: new URL(address.trim()).href, headline: headline.trim().replace(/\s+/gu, ' ') });
  };

  return (
    <section className="also-see-dialog__outside" aria-labelledby={`${ids}-title`}>
      <p id={`${ids}-title`} className="also-see-dialog__caption">
        Or a story outside the library
      </p>
      <div className="also-see-dialog__fields">
        <OutsideStoryField
          label="Web address"
          field={addressField}
          problem={addressProblem}
          value={address}
          onChange={onAddress}
          onEnter={submit}
          input={{
            type: 'url',
            inputMode: 'url',
            spellCheck: false,
            placeholder: 'https://…',
            maxLength: MAX_ALSO_SEE_URL,
          }}
        />
        <OutsideStoryField
          label="Headline"
          field={headlineField}
          problem={headlineProblem}
          value={headline}
          onChange={setHeadline}
          onEnter={submit}
          input={{ maxLength: MAX_ALSO_SEE_HEADLINE }}
        />
        <button type="button" className="button" onClick={submit}>
          Link this story
        </button>
      </div>
    </section>
  );
}

/** One field of the form for a story outside the library, with the problem found in it under it. */
function OutsideStoryField({
  label,
  field,
  problem,
  value,
  onChange,
  onEnter,
  input,
}: {
  label: string;
  field: RefObject<HTMLInputElement | null>;
  problem: string | null;
  value: string;
  onChange: (value: string) => void;
  onEnter: () => void;
  input: InputHTMLAttributes<HTMLInputElement>;
}): JSX.Element {
  const problemId = useId();
  return (
    <label className="also-see-dialog__field">
      <span>{label}</span>
      <input
        {...input}
        ref={field}
        autoComplete="off"
        aria-invalid={problem !== null}
        aria-describedby={problem === null ? undefined : problemId}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          onEnter();
        }}
      />
      {problem === null ? null : (
        <span id={problemId} className="form-problem" role="alert">
          {problem}
        </span>
      )}
    </label>
  );
}

/** True when the search box holds a web address rather than words to search for. */
function looksLikeAddress(text: string): boolean {
  return /^https?:\/\/\S+$/iu.test(text.trim());
}

function AlsoSeeDialog({
  excludeId,
  onChoose,
  onChooseOutside,
  onCancel,
}: {
  excludeId: string | undefined;
  onChoose: (article: ArticleSummary) => void;
  onChooseOutside: (payload: AlsoSeePayload) => void;
  onCancel: () => void;
}): JSX.Element {
  const [query, setQuery] = useState('');
  const [address, setAddress] = useState('');
  const outsideHeadline = useRef<HTMLInputElement>(null);
  const addressTyped = looksLikeAddress(query);
  const found = useArticleFinder(query, excludeId);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    input.current?.focus();
  }, []);

  const results = found.kind === 'done' && !addressTyped ? found.items : [];
  const buttons = () => Array.from(list.current?.querySelectorAll<HTMLButtonElement>('button') ?? []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const all = buttons();
    if (all.length === 0) return;
    event.preventDefault();
    const current = all.findIndex((button) => button === document.activeElement);
    if (event.key === 'ArrowDown') {
      all[Math.min(current + 1, all.length - 1)]?.focus();
    } else if (current <= 0) {
      input.current?.focus();
    } else {
      all[current - 1]?.focus();
    }
  };

  let status: string | null = null;
  if (addressTyped) status = 'That is a web address: give the story’s headline below, then Link this story.';
  else if (found.kind === 'searching') status = 'Searching…';
  else if (found.kind === 'failed') status = `The library could not be searched: ${found.message}`;
  else if (results.length === 0) {
    // One sentence: what was not found, and what to try (the search's advice).
    const advice = found.hint === null ? '' : `: ${found.hint.charAt(0).toLowerCase()}${found.hint.slice(1)}`;
    status =
      query.trim() === ''
        ? 'No other articles in the library yet.'
        : `No article matches “${query.trim()}”${advice === '' ? '.' : advice}`;
  }

  return (
    <div className="also-see-dialog" role="dialog" aria-label="Insert Also See" onKeyDown={onKeyDown}>
      <div className="also-see-dialog__head">
        <input
          ref={input}
          type="search"
          className="also-see-dialog__search"
          aria-label="Find an article"
          placeholder="Find an article by headline or text…"
          autoComplete="off"
          value={query}
          onChange={(event) => {
            const next = event.target.value;
            // A pasted address belongs to a story elsewhere: it goes to the address field below.
            if (looksLikeAddress(next) && (address === '' || looksLikeAddress(query))) setAddress(next.trim());
            setQuery(next);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              // An address is a story elsewhere: its headline is asked for next.
              if (addressTyped) {
                outsideHeadline.current?.focus();
                return;
              }
              const first = results[0];
              if (first !== undefined) onChoose(first);
            }
          }}
        />
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {addressTyped ? null : (
        <p className="also-see-dialog__caption">{query.trim() === '' ? 'Latest articles' : 'Matching articles'}</p>
      )}
      <ul ref={list} className="also-see-dialog__results" aria-label="Articles found">
        {results.map((article) => (
          <li key={article.id}>
            <button type="button" className="also-see-dialog__result" onClick={() => onChoose(article)}>
              <span className="also-see-dialog__headline clamp-2">
                {article.headline.trim() === '' ? 'Untitled article' : article.headline}
              </span>
              <span className="also-see-dialog__meta">
                {[
                  STATUS_LABELS[article.status],
                  article.section.trim(),
                  `${article.wordCount.toLocaleString('en')} words`,
                ]
                  .filter((part) => part !== '')
                  .join(' · ')}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {status === null ? null : (
        <p className="also-see-dialog__status" role="status">
          {status}
        </p>
      )}
      <OutsideStoryForm
        address={address}
        onAddress={setAddress}
        onChoose={onChooseOutside}
        headlineField={outsideHeadline}
      />
    </div>
  );
}
