import './sources.css';

import { useEffect, useRef, useState, type JSX } from 'react';

import type { ArticleId } from '../../../shared/domain';
import type { Source, SourceKind } from '../../../shared/sources';
import { RELIABILITY_LABELS, SOURCE_KIND_LABELS, SOURCE_KINDS } from '../../../shared/sources';
import { api } from '../../api';
import { readAsBase64 } from '../import/collectFiles';
import { reliabilityLine } from './reliability';
import { SourceForm } from './SourceForm';

const SNAPSHOT_ACCEPT = '.html,.htm,.xhtml,.pdf,.docx,.txt,.text,.md,.markdown';

function PasteForm({
  articleId,
  onAdded,
  onCancel,
  onError,
}: {
  articleId: ArticleId;
  onAdded: (source: Source) => void;
  onCancel: () => void;
  onError: (error: unknown) => void;
}): JSX.Element {
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<SourceKind>('interview');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = (event: { preventDefault: () => void }) => {
    event.preventDefault();
    setBusy(true);
    api
      .invoke('sources:add', {
        from: { paste: { text, label: title.trim() === '' ? 'Pasted text' : title.trim() } },
        fields: { kind, ...(title.trim() === '' ? {} : { title: title.trim() }) },
        articleId,
      })
      .then(onAdded, onError)
      .finally(() => setBusy(false));
  };
  return (
    <form className="sources__paste" aria-label="Paste a source" onSubmit={submit}>
      <label>
        <span>Title</span>
        <input value={title} maxLength={500} onChange={(event) => setTitle(event.currentTarget.value)} />
      </label>
      <label>
        <span>Kind</span>
        <select value={kind} onChange={(event) => setKind(event.currentTarget.value as SourceKind)}>
          {SOURCE_KINDS.map((value) => (
            <option key={value} value={value}>
              {SOURCE_KIND_LABELS[value]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Text (kept exactly as pasted)</span>
        <textarea rows={6} value={text} onChange={(event) => setText(event.currentTarget.value)} />
      </label>
      <div className="sources__form-actions">
        <button type="submit" className="button button--small button--primary" disabled={busy || text.trim() === ''}>
          Keep as source
        </button>
        <button type="button" className="button button--small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function CiteExisting({
  articleId,
  cited,
  onCited,
  onError,
}: {
  articleId: ArticleId;
  cited: readonly Source[];
  onCited: (sources: Source[]) => void;
  onError: (error: unknown) => void;
}): JSX.Element {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ sources: Source[]; hint: string | null } | null>(null);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      api.invoke('sources:list', { query, limit: 20 }).then((result) => {
        if (current) setFound(result);
      }, onError);
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, onError]);
  const candidates = (found?.sources ?? []).filter((source) => !cited.some((item) => item.id === source.id));
  return (
    <div className="sources__cite">
      <input
        type="search"
        aria-label="Find a source in the library"
        placeholder="Find a source in the library"
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
      />
      {found?.hint == null ? null : <p className="muted">{found.hint}</p>}
      {candidates.length === 0 ? null : (
        <ul className="sources__found stacked-list" aria-label="Sources found">
          {candidates.map((source) => (
            <li key={source.id}>
              <span>{source.title}</span>
              <button
                type="button"
                className="button button--small"
                aria-label={`Cite ${source.title}`}
                onClick={() => {
                  api.invoke('sources:attach', { articleId, sourceId: source.id }).then(onCited, onError);
                }}
              >
                Cite
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The sources the article cites: add one from a file or pasted text (its snapshot is kept in
 * the library, unchanging), cite one already in the library, read one to link a passage.
 */
export function SourcesPanel({
  articleId,
  sources,
  onChanged,
  onRead,
  onError,
}: {
  articleId: ArticleId;
  sources: readonly Source[] | null;
  onChanged: (sources: Source[]) => void;
  onRead: (source: Source) => void;
  onError: (error: unknown) => void;
}): JSX.Element {
  const [mode, setMode] = useState<'idle' | 'paste' | 'cite'>('idle');
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const list = sources ?? [];

  const added = () => {
    setMode('idle');
    api.invoke('sources:forArticle', { articleId }).then(onChanged, onError);
  };

  const addFiles = async (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) {
      setAdding(file.name);
      try {
        const dataBase64 = await readAsBase64(file);
        await api.invoke('sources:add', { from: { file: { name: file.name, dataBase64 } }, articleId });
        // Each kept file shows at once, while the next is read.
        onChanged(await api.invoke('sources:forArticle', { articleId }));
      } catch (error) {
        onError(error);
      }
    }
    setAdding(null);
    setMode('idle');
  };

  return (
    <div className="sources">
      <div className="sources__actions">
        <button type="button" className="button button--small" onClick={() => fileInput.current?.click()}>
          Add from a file…
        </button>
        <button type="button" className="button button--small" onClick={() => setMode('paste')}>
          Paste text…
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => setMode(mode === 'cite' ? 'idle' : 'cite')}
        >
          Cite from library…
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          accept={SNAPSHOT_ACCEPT}
          aria-label="Source files to add"
          onChange={(event) => {
            const input = event.currentTarget;
            void addFiles(input.files).finally(() => {
              input.value = '';
            });
          }}
        />
      </div>
      {adding === null ? null : (
        <p className="muted" role="status">
          Keeping {adding}…
        </p>
      )}
      {mode === 'paste' ? (
        <PasteForm articleId={articleId} onAdded={added} onCancel={() => setMode('idle')} onError={onError} />
      ) : null}
      {mode === 'cite' ? (
        <CiteExisting articleId={articleId} cited={list} onCited={onChanged} onError={onError} />
      ) : null}
      {sources === null ? (
        <p className="muted">Loading the sources…</p>
      ) : list.length === 0 ? (
        <p className="muted sources__empty">
          No sources yet. Add the statement, the wire copy or the page a claim rests on: Copydesk keeps a copy that does
          not change, so the evidence stays readable offline.
        </p>
      ) : (
        <ul className="sources__list stacked-list" aria-label="Cited sources">
          {list.map((source) =>
            editing === source.id ? (
              <li key={source.id} className="source">
                <SourceForm
                  source={source}
                  onSaved={(saved) => {
                    setEditing(null);
                    onChanged(list.map((item) => (item.id === saved.id ? saved : item)));
                  }}
                  onCancel={() => setEditing(null)}
                />
              </li>
            ) : (
              <li key={source.id} className="source">
                <p className="source__title">{source.title}</p>
                <p className="source__meta">
                  {[SOURCE_KIND_LABELS[source.kind], source.publisher, source.publishedDate]
                    .filter((part) => part !== '')
                    .join(' · ')}
                </p>
                <p className="source__meta" title={RELIABILITY_LABELS[source.reliability]}>
                  {reliabilityLine(source.reliability)} · {source.snapshots.length}{' '}
                  {source.snapshots.length === 1 ? 'snapshot' : 'snapshots'}
                </p>
                <div className="source__actions">
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Read ${source.title}`}
                    onClick={() => onRead(source)}
                  >
                    Read
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Edit ${source.title}`}
                    onClick={() => setEditing(source.id)}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    aria-label={`Remove ${source.title} from this article`}
                    onClick={() => {
                      api.invoke('sources:detach', { articleId, sourceId: source.id }).then(onChanged, onError);
                    }}
                  >
                    Remove
                  </button>
                </div>
              </li>
            ),
          )}
        </ul>
      )}
    </div>
  );
}
