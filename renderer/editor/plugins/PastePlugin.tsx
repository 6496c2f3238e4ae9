import { $generateNodesFromSerializedNodes, $insertGeneratedNodes, type BaseSerializedNode } from '@lexical/clipboard';
import { $generateNodesFromDOM } from '@lexical/html';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $addUpdateTag,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_HIGH,
  PASTE_COMMAND,
  PASTE_TAG,
  type BaseSelection,
  type LexicalEditor,
  type RangeSelection,
} from 'lexical';
import { useCallback, useEffect, useId, useRef, useState, type JSX } from 'react';

import type { Article } from '../../../shared/domain';
import { bodyFromParagraphs } from '../../../shared/text';
import { errorMessage } from '../../../shared/errors';
import { useEditorHost } from '../EditorHost';
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

const LINE_BREAK = /[\r\n\u2028\u2029]/u;

/**
 * What stands just before and just after a collapsed caret inside its block: the neighbouring
 * characters of its text, or "x" for other content (a link, a picture), or '' for none.
 */
function $aroundCaret(selection: RangeSelection): { before: string; after: string } {
  const { anchor } = selection;
  const node = anchor.getNode();
  if (anchor.type === 'text') {
    const text = node.getTextContent();
    return {
      before:
        text.slice(Math.max(0, anchor.offset - 1), anchor.offset) || (node.getPreviousSibling() === null ? '' : 'x'),
      after: text.slice(anchor.offset, anchor.offset + 1) || (node.getNextSibling() === null ? '' : 'x'),
    };
  }
  const size = $isElementNode(node) ? node.getChildrenSize() : 0;
  return { before: anchor.offset > 0 ? 'x' : '', after: anchor.offset < size ? 'x' : '' };
}

/**
 * Plain text at `selection`: text of one line goes in where the caret is, like typing; text of
 * several paragraphs (blank lines between them, or lines hard-wrapped to a width) goes in as
 * paragraphs, the first joining the paragraph the caret is in and the last taking the rest of
 * it, as a paste of formatted text does; a line break at either end of the text keeps the
 * paragraph it would have joined apart. Returns how many paragraphs the text held.
 */
export function $insertPlainText(text: string, selection: BaseSelection): number {
  const paragraphs = LINE_BREAK.test(text) ? paragraphsFromText(text) : [text];
  if (!$isRangeSelection(selection)) {
    selection.insertNodes(paragraphs.map((paragraph) => $createParagraphNode().append($createTextNode(paragraph))));
    return paragraphs.length;
  }
  if (paragraphs.length === 0 || !LINE_BREAK.test(text)) {
    // One line, or only blank lines: in as it is, nothing the person pasted dropped.
    selection.insertRawText(text);
    return paragraphs.length;
  }
  if (!selection.isCollapsed()) selection.removeText();
  const around = $aroundCaret(selection);
  const startsLine = /^[ \t\u00a0]*[\r\n\u2028\u2029]/u.test(text);
  const endsLine = /[\r\n\u2028\u2029][ \t\u00a0]*$/u.test(text);
  // Paragraphs come trimmed; a space at either end of the paste still parts it from the words it meets.
  const first = /^[ \t\u00a0]/u.test(text) && !startsLine && /\S/u.test(around.before) ? ' ' : '';
  const last = /[ \t\u00a0]$/u.test(text) && !endsLine && /\S/u.test(around.after) ? ' ' : '';
  const texts = paragraphs.map(
    (paragraph, index) => (index === 0 ? first : '') + paragraph + (index === paragraphs.length - 1 ? last : ''),
  );
  if (startsLine && around.before !== '') selection.insertParagraph();
  if (texts.length === 1) {
    selection.insertRawText(texts[0] ?? '');
  } else {
    selection.insertNodes(texts.map((paragraph) => $createParagraphNode().append($createTextNode(paragraph))));
  }
  const after = $getSelection();
  if (endsLine && around.after !== '' && $isRangeSelection(after)) after.insertParagraph();
  return paragraphs.length;
}

/** Plain text as paragraphs at `selection` (at the end of the body when there is none), in one update however long. */
export function $insertPlainParagraphs(text: string, selection: BaseSelection | null): number {
  if (selection === null) {
    $getRoot().selectEnd();
  } else {
    $setSelection(selection);
  }
  const target = $getSelection();
  return target === null ? 0 : $insertPlainText(text, target);
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
          // Its own step in the history (undo takes back the paste, not the typing before it), and saved at once.
          $addUpdateTag(PASTE_TAG);

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
          $insertPlainText(text, selection);
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
  const host = useEditorHost();
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
      const article = await host.createArticle({ headline, body: bodyFromParagraphs(paragraphs) });
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
