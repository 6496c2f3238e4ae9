import { useEffect, useMemo, useRef, useState, type JSX } from 'react';

import type { Claim, ClaimId, Snapshot, Source, SourceId } from '../../../shared/sources';
import { SOURCE_KIND_LABELS } from '../../../shared/sources';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { formatPrecisely } from '../library/formatWhen';
import { KeptPage } from './KeptPage';

type Selected = { start: number; end: number; text: string };

/** The snapshot's paragraphs, each with where it starts in the snapshot's text. */
function paragraphsOf(text: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  let at = 0;
  for (const part of text.split('\n\n')) {
    out.push({ start: at, text: part });
    at += part.length + 2;
  }
  return out;
}

/** Where a DOM position inside the reader falls in the snapshot's text, or null outside it. */
function offsetOf(node: Node, offset: number): number | null {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const paragraph = element?.closest<HTMLElement>('[data-start]');
  if (paragraph?.dataset.start === undefined) return null;
  const range = document.createRange();
  range.selectNodeContents(paragraph);
  range.setEnd(node, offset);
  return Number(paragraph.dataset.start) + range.toString().length;
}

function selectionIn(container: HTMLElement | null): Selected | null {
  const selection = window.getSelection();
  if (container === null || selection === null || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const start = offsetOf(range.startContainer, range.startOffset);
  const end = offsetOf(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end, text: range.toString() };
}

/**
 * A source's snapshot, read as text: select the passage that supports a claim and link it.
 * The passage is stored by its words, the words around it and its offsets in the snapshot.
 */
export function ReaderDialog({
  sources,
  claims,
  initialSourceId,
  initialClaimId,
  onLinked,
  onClose,
  onError,
}: {
  sources: readonly Source[];
  claims: readonly Claim[];
  initialSourceId: SourceId | null;
  initialClaimId: ClaimId | null;
  onLinked: (claim: Claim) => void;
  onClose: () => void;
  onError: (error: unknown) => void;
}): JSX.Element {
  const [sourceId, setSourceId] = useState<SourceId | null>(initialSourceId ?? sources[0]?.id ?? null);
  const [claimId, setClaimId] = useState<ClaimId | null>(initialClaimId);
  const [loaded, setLoaded] = useState<Snapshot | null>(null);
  const [selected, setSelected] = useState<Selected | null>(null);
  const [view, setView] = useState<'text' | 'page'>('text');
  const text = useRef<HTMLDivElement>(null);
  const source = sources.find((candidate) => candidate.id === sourceId) ?? null;
  const snapshotId = source?.snapshots[0]?.id ?? null;
  const snapshot = loaded !== null && loaded.id === snapshotId ? loaded : null;
  const linkable = claims.filter((claim) => claim.state !== 'dismissed');
  // A kept web page can also be read as the page had it; passages are chosen in its text.
  const showing = snapshot?.format === 'web-page' ? view : 'text';

  useEffect(() => {
    if (snapshotId === null) return undefined;
    let current = true;
    api.invoke('sources:snapshot', { id: snapshotId }).then((read) => {
      if (current) setLoaded(read);
    }, onError);
    return () => {
      current = false;
    };
  }, [snapshotId, onError]);

  useEffect(() => {
    // A selection moving out of the text (to the claim menu, to the button) keeps the passage chosen.
    const onChange = () => {
      const anchor = window.getSelection()?.anchorNode ?? null;
      if (anchor !== null && text.current?.contains(anchor) === true) setSelected(selectionIn(text.current));
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);

  const paragraphs = useMemo(() => (snapshot === null ? [] : paragraphsOf(snapshot.text)), [snapshot]);

  const link = () => {
    if (claimId === null || snapshot === null || selected === null) return;
    api
      .invoke('claims:addEvidence', { claimId, snapshotId: snapshot.id, start: selected.start, end: selected.end })
      .then((claim) => {
        onLinked(claim);
        setSelected(null);
        window.getSelection()?.removeAllRanges();
      }, onError);
  };

  return (
    <Dialog
      title="Read a source"
      className="dialog--reader"
      onClose={onClose}
      footer={
        <>
          <label className="reader__claim">
            <span>Evidence for</span>
            <select
              aria-label="Claim the passage supports"
              value={claimId ?? ''}
              onChange={(event) =>
                setClaimId(event.currentTarget.value === '' ? null : (event.currentTarget.value as ClaimId))
              }
            >
              <option value="">Choose a claim…</option>
              {linkable.map((claim) => (
                <option key={claim.id} value={claim.id}>
                  {claim.text.length > 80 ? `${claim.text.slice(0, 79)}…` : claim.text}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button--primary"
            disabled={claimId === null || selected === null}
            onClick={link}
          >
            Link selected passage
          </button>
          <button type="button" className="button" onClick={onClose}>
            Done
          </button>
        </>
      }
    >
      {sources.length === 0 ? (
        <p>This article cites no sources yet. Add one in the Sources panel first.</p>
      ) : (
        <div className="reader">
          <label className="reader__source">
            <span>Source</span>
            <select
              aria-label="Source to read"
              value={sourceId ?? ''}
              onChange={(event) => {
                setSourceId(event.currentTarget.value as SourceId);
                setView('text');
              }}
            >
              {sources.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.title}
                </option>
              ))}
            </select>
          </label>
          {source === null ? null : (
            <p className="reader__meta">
              {[SOURCE_KIND_LABELS[source.kind], source.publisher, source.author, source.publishedDate]
                .filter((part, index, parts) => part !== '' && parts.indexOf(part) === index)
                .join(' · ')}
              {snapshot === null
                ? ''
                : ` · captured ${formatPrecisely(snapshot.capturedAt)} · SHA-256 ${snapshot.sha256.slice(0, 12)}…`}
            </p>
          )}
          {snapshot?.format === 'web-page' ? (
            <div className="reader__views" role="group" aria-label="Show the snapshot as">
              <button
                type="button"
                className="button button--small"
                aria-pressed={showing === 'text'}
                onClick={() => setView('text')}
              >
                Text
              </button>
              <button
                type="button"
                className="button button--small"
                aria-pressed={showing === 'page'}
                onClick={() => {
                  setView('page');
                  setSelected(null);
                }}
              >
                Page as kept
              </button>
            </div>
          ) : null}
          <p className="reader__hint" role="status">
            {showing === 'page'
              ? 'The page as it was kept. Switch to Text to select the passage that supports a claim.'
              : selected === null
                ? 'Select the words in the source that support the claim.'
                : `Selected: “${selected.text.length > 120 ? `${selected.text.slice(0, 119)}…` : selected.text}”`}
          </p>
          {showing === 'page' && snapshot !== null ? <KeptPage html={snapshot.html} /> : null}
          <div
            ref={text}
            className="reader__text"
            aria-label="Snapshot text"
            role="document"
            hidden={showing === 'page'}
          >
            {snapshot === null ? (
              <p className="muted">{snapshotId === null ? 'This source has no snapshot.' : 'Opening the snapshot…'}</p>
            ) : (
              paragraphs.map((paragraph) => (
                <p key={paragraph.start} data-start={paragraph.start}>
                  {paragraph.text}
                </p>
              ))
            )}
          </div>
        </div>
      )}
    </Dialog>
  );
}
