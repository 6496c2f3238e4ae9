import { useEffect, useMemo, useRef, useState, type JSX } from 'react';

import type { Claim, ClaimId, Snapshot, Source, SourceId } from '../../../shared/sources';
import { RELIABILITY_LABELS, SOURCE_KIND_LABELS } from '../../../shared/sources';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { formatPrecisely } from '../library/formatWhen';
import { KeptPage } from './KeptPage';
import { reliabilityLine } from './reliability';
import { SourceForm } from './SourceForm';

type Selected = { start: number; end: number; text: string };

/** A passage of the snapshot linked to claims: [start, end) in its text. */
type Passage = { start: number; end: number; claims: readonly string[]; evidenceIds: readonly string[] };

/** A piece of a paragraph: plain text, or text inside passages linked to claims. */
type Segment = { start: number; text: string; passage: Passage | null };

const shorten = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
};

/** Every passage of this snapshot that evidence of a live claim points at, with the claims it supports. */
function linkedPassages(claims: readonly Claim[], snapshotId: string): Passage[] {
  const byRange = new Map<string, { start: number; end: number; claims: string[]; evidenceIds: string[] }>();
  for (const claim of claims) {
    if (claim.state === 'dismissed') continue;
    for (const evidence of claim.evidence) {
      if (evidence.snapshotId !== snapshotId) continue;
      const key = `${evidence.start}:${evidence.end}`;
      const entry = byRange.get(key) ?? { start: evidence.start, end: evidence.end, claims: [], evidenceIds: [] };
      entry.claims.push(claim.text);
      entry.evidenceIds.push(evidence.id);
      byRange.set(key, entry);
    }
  }
  return [...byRange.values()];
}

/**
 * A paragraph cut where linked passages begin and end; where passages overlap, the piece
 * belongs to the one that starts last (the inner one) and names every claim either supports.
 */
function segmentsOf(paragraph: { start: number; text: string }, passages: readonly Passage[]): Segment[] {
  const from = paragraph.start;
  const to = from + paragraph.text.length;
  const inside = passages.filter((passage) => passage.start < to && passage.end > from);
  if (inside.length === 0) return [{ start: from, text: paragraph.text, passage: null }];
  const cuts = new Set([from, to]);
  for (const passage of inside) {
    cuts.add(Math.max(from, passage.start));
    cuts.add(Math.min(to, passage.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let index = 0; index < points.length - 1; index += 1) {
    const start = points[index] ?? from;
    const end = points[index + 1] ?? to;
    const covering = inside.filter((passage) => passage.start <= start && passage.end >= end);
    const passage =
      covering.length === 0
        ? null
        : {
            start,
            end,
            claims: [...new Set(covering.flatMap((item) => item.claims))],
            evidenceIds: covering.flatMap((item) => item.evidenceIds),
          };
    segments.push({ start, text: paragraph.text.slice(start - from, end - from), passage });
  }
  return segments;
}

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
  onSourceSaved,
  onClose,
  onError,
}: {
  sources: readonly Source[];
  claims: readonly Claim[];
  initialSourceId: SourceId | null;
  initialClaimId: ClaimId | null;
  onLinked: (claim: Claim) => void;
  /** A source's record was edited here. */
  onSourceSaved: (source: Source) => void;
  onClose: () => void;
  onError: (error: unknown) => void;
}): JSX.Element {
  const [sourceId, setSourceId] = useState<SourceId | null>(initialSourceId ?? sources[0]?.id ?? null);
  const [claimId, setClaimId] = useState<ClaimId | null>(initialClaimId);
  const [loaded, setLoaded] = useState<Snapshot | null>(null);
  const [selected, setSelected] = useState<Selected | null>(null);
  const [view, setView] = useState<'text' | 'page'>('text');
  const [editing, setEditing] = useState(false);
  // The passage just linked, confirmed until another is selected.
  const [linked, setLinked] = useState<{ evidenceId: string; claim: string } | null>(null);
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
      if (anchor === null || text.current?.contains(anchor) !== true) return;
      const chosen = selectionIn(text.current);
      setSelected(chosen);
      if (chosen !== null) setLinked(null);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);

  const paragraphs = useMemo(() => (snapshot === null ? [] : paragraphsOf(snapshot.text)), [snapshot]);
  const passages = useMemo(() => (snapshot === null ? [] : linkedPassages(claims, snapshot.id)), [claims, snapshot]);

  const link = () => {
    if (claimId === null || snapshot === null || selected === null) return;
    const { start, end } = selected;
    api.invoke('claims:addEvidence', { claimId, snapshotId: snapshot.id, start, end }).then((claim) => {
      onLinked(claim);
      const added = claim.evidence.find(
        (evidence) => evidence.snapshotId === snapshot.id && evidence.start === start && evidence.end === end,
      );
      setLinked({ evidenceId: added?.id ?? '', claim: claim.text });
      setSelected(null);
      window.getSelection()?.removeAllRanges();
    }, onError);
  };

  const hint =
    showing === 'page'
      ? 'The page as it was kept. Switch to Text to select the passage that supports a claim.'
      : selected !== null
        ? `Selected: “${shorten(selected.text, 120)}”`
        : linked !== null
          ? `Linked to claim “${shorten(linked.claim, 120)}”. Select another passage, or choose Done.`
          : passages.length > 0
            ? 'Passages already linked to claims are highlighted. Select the words that support the claim.'
            : 'Select the words in the source that support the claim.';

  return (
    <Dialog
      title="Read a source"
      className="dialog--reader"
      onClose={onClose}
      footer={
        <div className="reader__footer">
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
                  {shorten(claim.text, 80)}
                </option>
              ))}
            </select>
          </label>
          <div className="reader__buttons">
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
          </div>
        </div>
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
          {source === null ? null : editing ? (
            <SourceForm
              key={source.id}
              source={source}
              onSaved={(saved) => {
                setEditing(false);
                onSourceSaved(saved);
              }}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <div className="reader__about">
              <p className="reader__meta">
                {[SOURCE_KIND_LABELS[source.kind], source.publisher, source.author, source.publishedDate]
                  .filter((part, index, parts) => part !== '' && parts.indexOf(part) === index)
                  .join(' · ')}
                {snapshot === null
                  ? ''
                  : ` · captured ${formatPrecisely(snapshot.capturedAt)} · SHA-256 ${snapshot.sha256.slice(0, 12)}…`}
                <br />
                <span title={RELIABILITY_LABELS[source.reliability]}>{reliabilityLine(source.reliability)}</span>
              </p>
              <button
                type="button"
                className="button button--small"
                aria-label={`Edit source: ${source.title}`}
                onClick={() => setEditing(true)}
              >
                Edit source
              </button>
            </div>
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
            {hint}
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
                  {segmentsOf(paragraph, passages).map((segment) =>
                    segment.passage === null ? (
                      segment.text
                    ) : (
                      <mark
                        key={segment.start}
                        className={`reader__evidence${
                          linked !== null && segment.passage.evidenceIds.includes(linked.evidenceId)
                            ? ' reader__evidence--new'
                            : ''
                        }`}
                        title={`Evidence for ${segment.passage.claims.map((claim) => `“${shorten(claim, 80)}”`).join(', ')}`}
                      >
                        {segment.text}
                      </mark>
                    ),
                  )}
                </p>
              ))
            )}
          </div>
        </div>
      )}
    </Dialog>
  );
}
