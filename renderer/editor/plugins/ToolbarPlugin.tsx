import { INSERT_HORIZONTAL_RULE_COMMAND } from '@lexical/extension';
import { $isAutoLinkNode, $isLinkNode } from '@lexical/link';
import {
  $isListNode,
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  ListNode,
  REMOVE_LIST_COMMAND,
} from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $findMatchingParent, $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isParagraphNode,
  $isRangeSelection,
  $isRootOrShadowRoot,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_NORMAL,
  FORMAT_TEXT_COMMAND,
  KEY_DOWN_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type LexicalEditor,
  type TextFormatType,
} from 'lexical';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type JSX,
  type KeyboardEvent,
  type ReactNode,
} from 'react';

import { Icon, type IconName } from '../../components/Icon';
import { IS_APPLE } from '../../components/keys';
import { ariaKeyShortcuts, shortcutFor, shortcutLabel } from '../shortcuts';
import { OPEN_ALSO_SEE_DIALOG_COMMAND } from './AlsoSeePlugin';
import { OPEN_IMAGE_PICKER_COMMAND } from './ImagesPlugin';
import { OPEN_FIND_COMMAND } from './FindReplacePlugin';
import { OPEN_LINK_DIALOG_COMMAND } from './LinkDialogPlugin';
import { COMMENT_REQUESTED_COMMAND } from './CommentsPlugin';
import { suggestBlock, useSuggesting } from './SuggestionsPlugin';

type BlockType = 'paragraph' | 'h2' | 'h3' | 'quote' | 'bullet' | 'number' | 'other';

type Formatting = {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strikethrough: boolean;
  block: BlockType;
  link: boolean;
};

const NO_FORMATTING: Formatting = {
  bold: false,
  italic: false,
  underline: false,
  strikethrough: false,
  block: 'paragraph',
  link: false,
};

function $readFormatting(): Formatting {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return NO_FORMATTING;
  const anchor = selection.anchor.getNode();
  const topLevel =
    anchor.getKey() === 'root'
      ? anchor
      : ($findMatchingParent(anchor, (node) => {
          const parent = node.getParent();
          return parent !== null && $isRootOrShadowRoot(parent);
        }) ?? anchor.getTopLevelElementOrThrow());

  let block: BlockType = 'other';
  if ($isListNode(topLevel)) {
    const list = $getNearestNodeOfType(anchor, ListNode) ?? topLevel;
    const type = list.getListType();
    block = type === 'bullet' ? 'bullet' : type === 'number' ? 'number' : 'other';
  } else if ($isHeadingNode(topLevel)) {
    const tag = topLevel.getTag();
    block = tag === 'h2' ? 'h2' : tag === 'h3' ? 'h3' : 'other';
  } else if ($isQuoteNode(topLevel)) {
    block = 'quote';
  } else if ($isParagraphNode(topLevel)) {
    block = 'paragraph';
  }

  const link = $findMatchingParent(anchor, (node) => $isLinkNode(node) && !$isAutoLinkNode(node)) !== null;
  return {
    bold: selection.hasFormat('bold'),
    italic: selection.hasFormat('italic'),
    underline: selection.hasFormat('underline'),
    strikethrough: selection.hasFormat('strikethrough'),
    block,
    link,
  };
}

function sameFormatting(a: Formatting, b: Formatting): boolean {
  return (
    a.bold === b.bold &&
    a.italic === b.italic &&
    a.underline === b.underline &&
    a.strikethrough === b.strikethrough &&
    a.block === b.block &&
    a.link === b.link
  );
}

/**
 * Turns the selected blocks into `target`, or back into paragraphs if they already are. While
 * someone is `suggesting` (their name), the change is suggested (lists: in SuggestionsPlugin, which
 * takes the list commands while suggesting).
 */
function setBlock(editor: LexicalEditor, current: BlockType, target: BlockType, suggesting: string | null): void {
  if (target === 'bullet' || target === 'number') {
    if (current === target) {
      editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    } else {
      editor.dispatchCommand(
        target === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND,
        undefined,
      );
    }
    return;
  }
  const next = current === target ? 'paragraph' : target;
  if (suggesting !== null) {
    suggestBlock(editor, next === 'h2' || next === 'h3' || next === 'quote' ? next : 'paragraph', suggesting);
    return;
  }
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    if (next === 'h2' || next === 'h3') {
      $setBlocksType(selection, () => $createHeadingNode(next));
    } else if (next === 'quote') {
      $setBlocksType(selection, () => $createQuoteNode());
    } else {
      $setBlocksType(selection, () => $createParagraphNode());
    }
  });
}

/** Block shortcuts, by physical key so they work on every keyboard layout. */
function blockForShortcut(event: globalThis.KeyboardEvent): BlockType | null {
  const mod = IS_APPLE ? event.metaKey : event.ctrlKey;
  if (!mod) return null;
  if (event.altKey && !event.shiftKey) {
    if (event.code === 'Digit0') return 'paragraph';
    if (event.code === 'Digit2') return 'h2';
    if (event.code === 'Digit3') return 'h3';
  }
  if (event.shiftKey && !event.altKey) {
    if (event.code === 'Digit7') return 'number';
    if (event.code === 'Digit8') return 'bullet';
    if (event.code === 'Digit9') return 'quote';
  }
  return null;
}

/** Ctrl/Cmd+Shift+X, by physical key like the block shortcuts. */
function isStrikethroughShortcut(event: globalThis.KeyboardEvent): boolean {
  const mod = IS_APPLE ? event.metaKey : event.ctrlKey;
  return mod && event.shiftKey && !event.altKey && event.code === 'KeyX';
}

/** The tooltip and aria-keyshortcuts of a toolbar button, from the one list of shortcuts. */
function keysOf(action: string): { shortcut?: string; ariaShortcut?: string } {
  const shortcut = shortcutFor(action);
  return shortcut === undefined ? {} : { shortcut: shortcutLabel(shortcut), ariaShortcut: ariaKeyShortcuts(shortcut) };
}

type ToolButtonProps = {
  id: string;
  label: string;
  shortcut?: string;
  ariaShortcut?: string;
  pressed?: boolean;
  disabled?: boolean;
  active: string;
  onActivate: () => void;
  onFocusButton: (id: string) => void;
  children: ReactNode;
};

function ToolButton({
  id,
  label,
  shortcut,
  ariaShortcut,
  pressed,
  disabled = false,
  active,
  onActivate,
  onFocusButton,
  children,
}: ToolButtonProps): JSX.Element {
  return (
    <button
      type="button"
      className="tool"
      data-tool={id}
      aria-label={label}
      aria-pressed={pressed}
      aria-keyshortcuts={ariaShortcut}
      title={shortcut === undefined ? label : `${label} (${shortcut})`}
      disabled={disabled}
      tabIndex={id === active ? 0 : -1}
      // Keep the caret in the body: a click on the toolbar must not take focus from the text.
      onMouseDown={(event) => event.preventDefault()}
      onFocus={() => onFocusButton(id)}
      onClick={onActivate}
    >
      {children}
    </button>
  );
}

export function ToolbarPlugin(): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const { suggesting, setSuggesting, author } = useSuggesting();
  const suggestingAs = suggesting ? author : null;
  const [formatting, setFormatting] = useState<Formatting>(NO_FORMATTING);
  // Told by whichever undo the editor has: its own history, or a live story's (each person's
  // own changes only), which reports only through CAN_UNDO_COMMAND and CAN_REDO_COMMAND. Both
  // start with nothing to undo, and this listens from the editor's first update.
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const [active, setActive] = useState('bold');
  const toolbar = useRef<HTMLDivElement>(null);
  const blockRef = useRef<BlockType>('paragraph');
  const suggestingRef = useRef(suggestingAs);
  useLayoutEffect(() => {
    blockRef.current = formatting.block;
    suggestingRef.current = suggestingAs;
  });

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          // eslint-disable-next-line @typescript-eslint/no-deprecated -- a live story's undo has no signal
          CAN_UNDO_COMMAND,
          (can) => {
            setCanUndo(can);
            return false;
          },
          COMMAND_PRIORITY_NORMAL,
        ),
        editor.registerCommand(
          // eslint-disable-next-line @typescript-eslint/no-deprecated -- a live story's undo has no signal
          CAN_REDO_COMMAND,
          (can) => {
            setCanRedo(can);
            return false;
          },
          COMMAND_PRIORITY_NORMAL,
        ),
        editor.registerUpdateListener(({ editorState }) => {
          const next = editorState.read($readFormatting);
          setFormatting((previous) => (sameFormatting(previous, next) ? previous : next));
        }),
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event) => {
            if (isStrikethroughShortcut(event)) {
              event.preventDefault();
              editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'strikethrough');
              return true;
            }
            const block = blockForShortcut(event);
            if (block === null) return false;
            event.preventDefault();
            setBlock(editor, blockRef.current, block, suggestingRef.current);
            return true;
          },
          COMMAND_PRIORITY_NORMAL,
        ),
      ),
    [editor],
  );

  const format = useCallback(
    (type: TextFormatType) => {
      editor.dispatchCommand(FORMAT_TEXT_COMMAND, type);
      editor.focus();
    },
    [editor],
  );

  const block = useCallback(
    (target: BlockType) => {
      setBlock(editor, formatting.block, target, suggestingAs);
      editor.focus();
    },
    [editor, formatting.block, suggestingAs],
  );

  // One tab stop for the whole toolbar; arrow keys move between its buttons (ARIA toolbar pattern).
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    const buttons = Array.from(toolbar.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? []);
    if (buttons.length === 0) return;
    const current = buttons.findIndex((button) => button === document.activeElement);
    let next = current;
    if (event.key === 'ArrowRight') next = (current + 1) % buttons.length;
    if (event.key === 'ArrowLeft') next = (current - 1 + buttons.length) % buttons.length;
    if (event.key === 'Home') next = 0;
    if (event.key === 'End') next = buttons.length - 1;
    event.preventDefault();
    buttons[next]?.focus();
  };

  // A disabled button cannot hold the toolbar's tab stop.
  const tabStop = (active === 'undo' && !canUndo) || (active === 'redo' && !canRedo) ? 'bold' : active;
  const common = { active: tabStop, onFocusButton: setActive };
  const tool = (
    id: string,
    label: string,
    content: ReactNode,
    onActivate: () => void,
    extra: Partial<Pick<ToolButtonProps, 'shortcut' | 'ariaShortcut' | 'pressed' | 'disabled'>> = {},
  ) => (
    <ToolButton key={id} id={id} label={label} onActivate={onActivate} {...common} {...extra}>
      {content}
    </ToolButton>
  );
  const icon = (name: IconName) => <Icon name={name} />;
  const glyph = (text: string, className: string) => (
    <span className={`tool__glyph ${className}`} aria-hidden="true">
      {text}
    </span>
  );

  return (
    <div ref={toolbar} className="toolbar" role="toolbar" aria-label="Formatting" onKeyDown={onKeyDown}>
      <div className="toolbar__group">
        {tool('bold', 'Bold', glyph('B', 'tool__glyph--bold'), () => format('bold'), {
          pressed: formatting.bold,
          ...keysOf('Bold'),
        })}
        {tool('italic', 'Italic', glyph('I', 'tool__glyph--italic'), () => format('italic'), {
          pressed: formatting.italic,
          ...keysOf('Italic'),
        })}
        {tool('underline', 'Underline', glyph('U', 'tool__glyph--underline'), () => format('underline'), {
          pressed: formatting.underline,
          ...keysOf('Underline'),
        })}
        {tool('strikethrough', 'Strikethrough', glyph('S', 'tool__glyph--strike'), () => format('strikethrough'), {
          pressed: formatting.strikethrough,
          ...keysOf('Strikethrough'),
        })}
        {tool('link', 'Link', icon('link'), () => editor.dispatchCommand(OPEN_LINK_DIALOG_COMMAND, undefined), {
          pressed: formatting.link,
          ...keysOf('Link'),
        })}
      </div>
      <div className="toolbar__group">
        {tool('paragraph', 'Paragraph', glyph('¶', 'tool__glyph--para'), () => block('paragraph'), {
          pressed: formatting.block === 'paragraph',
          ...keysOf('Paragraph'),
        })}
        {tool('h2', 'H2, heading 2', glyph('H2', 'tool__glyph--heading'), () => block('h2'), {
          pressed: formatting.block === 'h2',
          ...keysOf('Heading 2'),
        })}
        {tool('h3', 'H3, heading 3', glyph('H3', 'tool__glyph--heading'), () => block('h3'), {
          pressed: formatting.block === 'h3',
          ...keysOf('Heading 3'),
        })}
        {tool('bullet', 'Bulleted list', icon('bulletList'), () => block('bullet'), {
          pressed: formatting.block === 'bullet',
          ...keysOf('Bulleted list'),
        })}
        {tool('number', 'Numbered list', icon('numberList'), () => block('number'), {
          pressed: formatting.block === 'number',
          ...keysOf('Numbered list'),
        })}
        {tool('quote', 'Quote', icon('quote'), () => block('quote'), {
          pressed: formatting.block === 'quote',
          ...keysOf('Quote'),
        })}
      </div>
      <div className="toolbar__group">
        {tool('image', 'Insert image', icon('insertImage'), () =>
          editor.dispatchCommand(OPEN_IMAGE_PICKER_COMMAND, undefined),
        )}
        {tool('rule', 'Horizontal rule', icon('rule'), () => {
          editor.dispatchCommand(INSERT_HORIZONTAL_RULE_COMMAND, undefined);
          editor.focus();
        })}
        {tool('alsoSee', 'Also See', icon('alsoSee'), () =>
          editor.dispatchCommand(OPEN_ALSO_SEE_DIALOG_COMMAND, undefined),
        )}
      </div>
      <div className="toolbar__group">
        {tool('undo', 'Undo', icon('undo'), () => editor.dispatchCommand(UNDO_COMMAND, undefined), {
          disabled: !canUndo,
          ...keysOf('Undo'),
        })}
        {tool('redo', 'Redo', icon('redo'), () => editor.dispatchCommand(REDO_COMMAND, undefined), {
          disabled: !canRedo,
          ...keysOf('Redo'),
        })}
      </div>
      <div className="toolbar__group">
        {tool(
          'suggesting',
          'Suggesting',
          icon('suggest'),
          () => {
            setSuggesting(!suggesting);
            editor.focus();
          },
          {
            pressed: suggesting,
            ...keysOf('Suggesting'),
          },
        )}
        {tool(
          'comment',
          'Comment',
          icon('comment'),
          () => editor.dispatchCommand(COMMENT_REQUESTED_COMMAND, undefined),
          {
            ...keysOf('Comment'),
          },
        )}
      </div>
      <div className="toolbar__group">
        {tool('find', 'Find and replace', icon('search'), () => editor.dispatchCommand(OPEN_FIND_COMMAND, 'replace'), {
          ...keysOf('Find and replace'),
        })}
      </div>
    </div>
  );
}
