import { $createLinkNode, $isAutoLinkNode, $isLinkNode, $toggleLink, type LinkNode } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import {
  $createRangeSelectionFromDom,
  $createTextNode,
  $getRoot,
  $getSelection,
  $insertNodes,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_NORMAL,
  createCommand,
  getDOMSelection,
  KEY_DOWN_COMMAND,
  type BaseSelection,
  type LexicalCommand,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type SyntheticEvent,
  type JSX,
  type KeyboardEvent,
} from 'react';

import { BODY_LINK_REL } from '../../../shared/links';
import { isAllowedUrl, LINK_RULE_MESSAGE, normaliseUrl } from '../links';

/** Opens the link box for the current selection (toolbar button, Ctrl/Cmd+K). */
export const OPEN_LINK_DIALOG_COMMAND: LexicalCommand<void> = createCommand('OPEN_LINK_DIALOG_COMMAND');

/** Links in an article never tell the linked site where the reader came from. */
export const LINK_ATTRIBUTES = { rel: BODY_LINK_REL };

type Draft = {
  /** The selection to act on; the link box takes focus, so the editor's own would be lost. */
  selection: BaseSelection | null;
  url: string;
  /** A collapsed caret outside any link: the link needs text of its own. */
  needsText: boolean;
  editing: boolean;
  /** Distinguishes one opening of the box from the next. */
  serial: number;
};

function $enclosingLink(node: LexicalNode): LinkNode | null {
  const found = $findMatchingParent(node, (parent) => $isLinkNode(parent) && !$isAutoLinkNode(parent));
  return $isLinkNode(found) ? found : null;
}

/**
 * The selection as the person sees it. A keystroke can arrive before the browser has told
 * Lexical about the selection the previous one made (Shift+Home, then Ctrl+K at once), so the
 * DOM's selection wins when it lies in this editor.
 */
function $currentSelection(editor: LexicalEditor): BaseSelection | null {
  const root = editor.getRootElement();
  const dom = getDOMSelection(root?.ownerDocument.defaultView ?? null);
  if (root !== null && dom !== null && dom.anchorNode !== null && root.contains(dom.anchorNode)) {
    const fromDom = $createRangeSelectionFromDom(dom, editor);
    if (fromDom !== null) return fromDom;
  }
  return $getSelection();
}

function $draftFromSelection(editor: LexicalEditor, serial: number): Draft {
  const selection = $currentSelection(editor);
  if (!$isRangeSelection(selection)) return { selection: null, url: '', needsText: true, editing: false, serial };
  const link = $enclosingLink(selection.anchor.getNode()) ?? $enclosingLink(selection.focus.getNode());
  return {
    selection: selection.clone(),
    url: link?.getURL() ?? '',
    needsText: selection.isCollapsed() && link === null,
    editing: link !== null,
    serial,
  };
}

export function isLinkShortcut(event: KeyboardEvent | globalThis.KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k';
}

export function LinkDialogPlugin(): JSX.Element | null {
  const [editor] = useLexicalComposerContext();
  const [draft, setDraft] = useState<Draft | null>(null);
  const openings = useRef(0);

  // Runs inside the command's update, so it sees the selection as of this very keystroke
  // (the committed state may still lag behind a selection change).
  const $open = useCallback(() => {
    openings.current += 1;
    setDraft($draftFromSelection(editor, openings.current));
  }, [editor]);

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          OPEN_LINK_DIALOG_COMMAND,
          () => {
            $open();
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event) => {
            if (!isLinkShortcut(event)) return false;
            event.preventDefault();
            $open();
            return true;
          },
          COMMAND_PRIORITY_NORMAL,
        ),
      ),
    [editor, $open],
  );

  const close = useCallback(() => {
    setDraft(null);
    editor.focus();
  }, [editor]);

  if (draft === null) return null;

  const $restoreSelection = () => {
    if (draft.selection === null) {
      $getRoot().selectEnd();
    } else {
      $setSelection(draft.selection.clone());
    }
  };

  const apply = (url: string, text: string) => {
    editor.update(() => {
      $restoreSelection();
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      if (draft.needsText || selection.isCollapsed()) {
        const existing = $enclosingLink(selection.anchor.getNode());
        if (existing !== null) {
          existing.setURL(url);
          return;
        }
        const link = $createLinkNode(url, LINK_ATTRIBUTES);
        link.append($createTextNode(text === '' ? url : text));
        $insertNodes([link]);
        link.selectNext();
      } else {
        $toggleLink(url, LINK_ATTRIBUTES);
      }
    });
    close();
  };

  const remove = () => {
    editor.update(() => {
      $restoreSelection();
      $toggleLink(null);
    });
    close();
  };

  return <LinkDialog key={draft.serial} draft={draft} onApply={apply} onRemove={remove} onCancel={close} />;
}

function LinkDialog({
  draft,
  onApply,
  onRemove,
  onCancel,
}: {
  draft: Draft;
  onApply: (url: string, text: string) => void;
  onRemove: () => void;
  onCancel: () => void;
}): JSX.Element {
  const [url, setUrl] = useState(draft.url);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const urlInput = useRef<HTMLInputElement>(null);
  const ids = useId();
  const title = draft.editing ? 'Edit link' : 'Insert link';

  useEffect(() => {
    urlInput.current?.focus();
    urlInput.current?.select();
  }, []);

  const submit = (event: SyntheticEvent<HTMLFormElement, SubmitEvent>) => {
    event.preventDefault();
    const normalised = normaliseUrl(url);
    if (normalised === '') {
      setProblem('Type the address the link should open.');
      urlInput.current?.focus();
      return;
    }
    if (!isAllowedUrl(normalised)) {
      setProblem(`“${url.trim().slice(0, 80)}” cannot be used. ${LINK_RULE_MESSAGE}`);
      urlInput.current?.focus();
      return;
    }
    onApply(normalised, text.trim());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };

  return (
    <form
      className="link-dialog"
      role="dialog"
      aria-label={title}
      aria-describedby={problem === null ? undefined : `${ids}-problem`}
      onSubmit={submit}
      onKeyDown={onKeyDown}
      noValidate
    >
      <div className="link-dialog__fields">
        <label className="link-dialog__field">
          <span>URL</span>
          <input
            ref={urlInput}
            type="text"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://"
            value={url}
            aria-invalid={problem !== null}
            onChange={(event) => {
              setUrl(event.target.value);
              setProblem(null);
            }}
          />
        </label>
        {draft.needsText ? (
          <label className="link-dialog__field">
            <span>Text</span>
            <input
              type="text"
              autoComplete="off"
              placeholder="Shown in the article (defaults to the URL)"
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
          </label>
        ) : null}
      </div>
      <div className="link-dialog__actions">
        <button type="submit" className="button button--primary">
          {draft.editing ? 'Update link' : 'Add link'}
        </button>
        {draft.editing ? (
          <button type="button" className="button" onClick={onRemove}>
            Remove link
          </button>
        ) : null}
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {problem === null ? null : (
        <p id={`${ids}-problem`} className="link-dialog__problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
