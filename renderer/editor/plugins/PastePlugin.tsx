import { $generateNodesFromSerializedNodes, $insertGeneratedNodes, type BaseSerializedNode } from '@lexical/clipboard';
import { $generateNodesFromDOM } from '@lexical/html';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_HIGH,
  PASTE_COMMAND,
  PASTE_TAG,
  type BaseSelection,
  type LexicalEditor,
} from 'lexical';
import { useCallback, useEffect, useId, useRef, useState, type JSX } from 'react';

import type { Article } from '../../../shared/domain';
import { bodyFromParagraphs } from '../../../shared/text';
import { api, errorMessage } from '../../api';
import { BODY_NAMESPACE } from '../nodes/EditorNodes';
import {
  articleFromText,
  formatSize,
  LARGE_PASTE_CHARS,
  MAX_PASTE_CHARS,
  paragraphsFromText,
  plainTextFromHtml,
  sanitisePastedHtml,
} from '../paste';
import { SHOW_EDITOR_MESSAGE_COMMAND } from './EditorMessagesPlugin';

const LEXICAL_MIME_TYPE = 'application/x-lexical-editor';

type LexicalClipboard = { namespace: string; nodes: BaseSerializedNode[] };

function isLexicalClipboard(value: unknown): value is LexicalClipboard {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return record.namespace === BODY_NAMESPACE && Array.isArray(record.nodes);
}

/** Copied from this editor (or another Copydesk body): the nodes as they were, ids and all. */
function $insertLexicalClipboard(editor: LexicalEditor, raw: string, selection: BaseSelection): boolean {
  try {
    const payload: unknown = JSON.parse(raw);
    if (!isLexicalClipboard(payload)) return false;
    $insertGeneratedNodes(editor, $generateNodesFromSerializedNodes(payload.nodes), selection);
    return true;
  } catch {
    return false;
  }
}

/** Plain text as paragraphs, in one update, however long. */
export function $insertPlainParagraphs(text: string, selection: BaseSelection | null): number {
  if (selection === null) {
    $getRoot().selectEnd();
  } else {
    $setSelection(selection);
  }
  const target = $getSelection();
  if (target === null) return 0;
  const paragraphs = paragraphsFromText(text);
  const [first, ...rest] = paragraphs.map((paragraph) => $createParagraphNode().append($createTextNode(paragraph)));
  if (first === undefined) return 0;
  // The selection places the first paragraph (splitting the one the caret is in); the rest go
  // straight after it, which costs a fraction of handing thousands of nodes to insertNodes.
  target.insertNodes([first]);
  let last = first;
  for (const paragraph of rest) {
    last.insertAfter(paragraph);
    last = paragraph;
  }
  last.selectEnd();
  return paragraphs.length;
}

type LargePaste = {
  text: string;
  /** Where the caret was: the dialog takes focus, and the editor's own selection goes with it. */
  selection: BaseSelection | null;
  characters: number;
  serial: number;
};

type PastePluginProps = {
  /** Opens a newly created article; without it the address changes to the article's. */
  onOpenArticle?: ((article: Article) => void) | undefined;
};

/**
 * Every paste into the body goes through here. HTML is sanitised before the editor sees it; a
 * paste too large to parse without freezing the editor asks what to do with it.
 */
export function PastePlugin({ onOpenArticle }: PastePluginProps): JSX.Element | null {
  const [editor] = useLexicalComposerContext();
  const [large, setLarge] = useState<LargePaste | null>(null);
  const serial = useRef(0);

  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          if (!('clipboardData' in event) || event.clipboardData === null) return false;
          const data = event.clipboardData;
          const html = data.getData('text/html');
          const text = data.getData('text/plain');
          const lexical = data.getData(LEXICAL_MIME_TYPE);
          // Files and other kinds are left to the editor's own handling.
          if (html === '' && text === '' && lexical === '') return false;
          event.preventDefault();

          const characters = Math.max(html.length, text.length, lexical.length);
          if (characters > LARGE_PASTE_CHARS) {
            const plain = text !== '' ? text : plainTextFromHtml(html);
            if (plain.length > MAX_PASTE_CHARS) {
              editor.dispatchCommand(SHOW_EDITOR_MESSAGE_COMMAND, {
                tone: 'error',
                text: `This paste is ${formatSize(plain.length)} of text, too large to paste into a story (at most ${formatSize(MAX_PASTE_CHARS)}). Save it as a file and use File › Import instead.`,
              });
              return true;
            }
            serial.current += 1;
            setLarge({ text: plain, selection: $getSelection()?.clone() ?? null, characters, serial: serial.current });
            return true;
          }

          const selection = $getSelection();
          if (selection === null) return true;
          if (lexical !== '' && $insertLexicalClipboard(editor, lexical, selection)) return true;
          if (html !== '') {
            const { dom, refusedLinks } = sanitisePastedHtml(html);
            $insertGeneratedNodes(editor, $generateNodesFromDOM(editor, dom), selection);
            if (refusedLinks > 0) {
              editor.dispatchCommand(SHOW_EDITOR_MESSAGE_COMMAND, {
                tone: 'error',
                text:
                  refusedLinks === 1
                    ? 'One link in the pasted text was not kept (its text is): only web (http, https) and email (mailto) links are allowed.'
                    : `${refusedLinks} links in the pasted text were not kept (their text is): only web (http, https) and email (mailto) links are allowed.`,
              });
            }
            return true;
          }
          if ($isRangeSelection(selection)) selection.insertRawText(text);
          else selection.insertNodes([$createTextNode(text)]);
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor],
  );

  const close = useCallback(() => {
    setLarge(null);
    editor.focus();
  }, [editor]);

  const pastePlain = useCallback(
    (paste: LargePaste) => {
      editor.update(
        () => {
          const count = $insertPlainParagraphs(paste.text, paste.selection);
          editor.dispatchCommand(SHOW_EDITOR_MESSAGE_COMMAND, {
            tone: 'info',
            text: `Pasted ${count.toLocaleString('en')} paragraphs as plain text.`,
          });
        },
        { tag: PASTE_TAG },
      );
      close();
    },
    [editor, close],
  );

  if (large === null) return null;
  return (
    <LargePasteDialog
      key={large.serial}
      paste={large}
      onPlain={() => pastePlain(large)}
      onOpenArticle={(article) => {
        setLarge(null);
        if (onOpenArticle !== undefined) onOpenArticle(article);
        else window.location.hash = `#/article/${encodeURIComponent(article.id)}`;
      }}
      onCancel={close}
    />
  );
}

function LargePasteDialog({
  paste,
  onPlain,
  onOpenArticle,
  onCancel,
}: {
  paste: LargePaste;
  onPlain: () => void;
  onOpenArticle: (article: Article) => void;
  onCancel: () => void;
}): JSX.Element {
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const importArticle = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const { headline, paragraphs } = articleFromText(paste.text);
      const article = await api.invoke('articles:create', { headline, body: bodyFromParagraphs(paragraphs) });
      onOpenArticle(article);
    } catch (error) {
      setProblem(`The article could not be created: ${errorMessage(error)}`);
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="paste-dialog"
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-text`}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={`${ids}-title`} className="paste-dialog__title">
        Large paste
      </h2>
      <p id={`${ids}-text`} className="paste-dialog__text">
        The clipboard holds {formatSize(paste.characters)}. Formatting that large is not kept, so the editor stays
        responsive: paste it as plain text here, or start a new article with it.
      </p>
      <div className="paste-dialog__actions">
        <button type="button" className="button button--primary" onClick={onPlain} disabled={busy} autoFocus>
          Paste as plain text
        </button>
        <button type="button" className="button" onClick={() => void importArticle()} disabled={busy}>
          {busy ? 'Creating the article…' : 'Import as a new article'}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
      {problem === null ? null : (
        <p className="paste-dialog__problem" role="alert">
          {problem}
        </p>
      )}
    </dialog>
  );
}
