import { useCallback, useLayoutEffect, useRef, useState, type JSX } from 'react';
import type { LexicalEditor } from 'lexical';

import { readStoredBody } from '../../../shared/body/readStoredBody';
import type { Article, ArticleStatus, RelatedItem } from '../../../shared/domain';
import { fieldWords } from '../../../shared/fieldWords';
import type { ArticleSaver } from './ArticleSaver';
import type { EditableValues } from './ArticleHeader';
import {
  forgetKept,
  keptFrom,
  mergeKept,
  readKept,
  stillUnsaved,
  writeKept,
  type KeptEdits,
  type ShownValues,
} from './keptEdits';

/** How the view takes edits back: the same ways a person makes them. */
export type PutBackActions = {
  change: (patch: Partial<EditableValues>) => void;
  changeRelated: (items: RelatedItem[]) => void;
  changeSlug: (slug: string) => void;
  changeStatus: (status: ArticleStatus) => void;
  editor: LexicalEditor | null;
};

/** Puts kept edits back on screen and into the saver, which saves them as if they were just typed. */
export function putBack(kept: KeptEdits, saver: ArticleSaver, actions: PutBackActions): void {
  const { related, slug, status, ...editable } = kept.values;
  if (Object.keys(editable).length > 0) actions.change(editable);
  if (related !== undefined) actions.changeRelated(related);
  if (slug !== undefined) actions.changeSlug(slug);
  if (status !== undefined) actions.changeStatus(status);
  for (const draft of kept.drafts) saver.holdText(draft.field, draft.text, draft.message);
  const editor = actions.editor;
  if (kept.body !== null && editor !== null) {
    editor.setEditorState(editor.parseEditorState(JSON.stringify(readStoredBody(kept.body).body)));
    saver.bodyChanged();
  }
}

export type KeptEditsOffer = {
  /** Edits kept from an earlier visit, not put back or discarded yet. */
  offer: KeptEdits | null;
  putBack: () => void;
  discard: () => void;
};

/**
 * Keeps what the saver cannot save in the window's storage, and offers back what an earlier
 * visit kept when the story opens again. While the offer stands, what is kept meanwhile is
 * added to it, so that neither is lost before the person chooses.
 */
export function useKeptEdits(
  saver: ArticleSaver,
  article: Article,
  shown: () => ShownValues,
  actions: () => PutBackActions,
): KeptEditsOffer {
  const [offer, setOffer] = useState<KeptEdits | null>(() => {
    const kept = readKept(article.id);
    const left = kept === null ? null : stillUnsaved(kept, article);
    // What the library has already (a save that went through as the window closed) is not offered.
    if (kept !== null && left === null) forgetKept(article.id);
    return left;
  });
  const offerRef = useRef(offer);
  const shownRef = useRef(shown);
  const actionsRef = useRef(actions);
  useLayoutEffect(() => {
    shownRef.current = shown;
    actionsRef.current = actions;
  });

  useLayoutEffect(() => {
    // Left attached when the view closes: its last save may fail after that, and is kept then.
    saver.attachKeeper({
      keep: (unsaved) => writeKept(mergeKept(offerRef.current, keptFrom(unsaved, shownRef.current(), new Date()))),
      clear: () => {
        const standing = offerRef.current;
        if (standing === null) forgetKept(saver.id);
        else writeKept(standing);
      },
    });
  }, [saver]);

  const settle = useCallback(() => {
    offerRef.current = null;
    setOffer(null);
  }, []);

  const restore = useCallback(() => {
    const kept = offerRef.current;
    if (kept === null) return;
    settle();
    // The storage keeps the offer until the saver has saved it or kept it anew.
    putBack(kept, saver, actionsRef.current());
  }, [saver, settle]);

  const discard = useCallback(() => {
    settle();
    if (saver.hasUnsavedChanges()) saver.keepNow();
    else forgetKept(saver.id);
  }, [saver, settle]);

  return { offer, putBack: restore, discard };
}

/** "the headline, the dateline date and the text" */
function whatWasKept(kept: KeptEdits): string {
  const names = [
    ...Object.keys(kept.values).map((key) => fieldWords([key]) ?? key),
    ...kept.drafts.map((draft) => fieldWords([draft.field]) ?? draft.field),
  ];
  if (kept.body !== null) names.push('the text');
  const unique = [...new Set(names)];
  if (unique.length <= 1) return unique.join('');
  return `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1] ?? ''}`;
}

/** "14:02", or "6 Dec, 14:02" for another day. */
function whenKept(at: string, now: Date = new Date()): string {
  const date = new Date(at);
  const time = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).format(date);
  if (date.toDateString() === now.toDateString()) return time;
  const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' }).format(date);
  return `${day}, ${time}`;
}

/** The offer above the story: "Changes not saved from 14:02 — Put them back / Discard". */
export function KeptEditsNotice({ kept }: { kept: KeptEditsOffer }): JSX.Element | null {
  if (kept.offer === null) return null;
  return (
    <section className="kept-edits" aria-label="Changes not saved">
      <p className="kept-edits__text" role="alert">
        <strong>Changes not saved from {whenKept(kept.offer.at)}</strong> — {whatWasKept(kept.offer)}. They were kept in
        this window.
      </p>
      <div className="kept-edits__actions">
        <button type="button" className="button button--small button--primary" onClick={kept.putBack}>
          Put them back
        </button>
        <button type="button" className="button button--small" onClick={kept.discard}>
          Discard
        </button>
      </div>
    </section>
  );
}
