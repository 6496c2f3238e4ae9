import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $setSelection, createCommand, type BaseSelection, type LexicalCommand } from 'lexical';
import { useCallback, useRef, type ChangeEvent, type JSX } from 'react';

import { $createInlineImageNode, type InlineImagePayload } from '../../../shared/body/lexical/InlineImageNode';
import { errorMessage } from '../../../shared/errors';
import { useEditorHost } from '../EditorHost';
import { CLEAR_EDITOR_MESSAGE_COMMAND, SHOW_EDITOR_MESSAGE_COMMAND } from './EditorMessagesPlugin';
import { useBlockCommands } from './useBlockCommands';

/** Puts an image already in the library into the body at the caret, between paragraphs. */
export const INSERT_INLINE_IMAGE_COMMAND: LexicalCommand<InlineImagePayload> =
  createCommand('INSERT_INLINE_IMAGE_COMMAND');

/** Asks for an image file, adds it to the library and puts it in the body (toolbar button). */
export const OPEN_IMAGE_PICKER_COMMAND: LexicalCommand<void> = createCommand('OPEN_IMAGE_PICKER_COMMAND');

export function ImagesPlugin(): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const host = useEditorHost();
  const picker = useRef<HTMLInputElement>(null);
  // The file dialog takes focus; the image goes where the caret was when it opened.
  const target = useRef<BaseSelection | null>(null);

  const openPicker = useCallback((selection: BaseSelection | null) => {
    target.current = selection;
    picker.current?.click();
  }, []);
  useBlockCommands(INSERT_INLINE_IMAGE_COMMAND, $createInlineImageNode, OPEN_IMAGE_PICKER_COMMAND, openPicker);

  const onPicked = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // The same file can be picked again later.
    event.target.value = '';
    if (file === undefined) return;
    const progress = `Adding ${file.name} to the library…`;
    editor.dispatchCommand(SHOW_EDITOR_MESSAGE_COMMAND, { tone: 'info', text: progress });
    host.addImage(file).then(
      (asset) => {
        editor.dispatchCommand(CLEAR_EDITOR_MESSAGE_COMMAND, progress);
        editor.update(() => {
          const selection = target.current;
          target.current = null;
          if (selection !== null) $setSelection(selection);
          editor.dispatchCommand(INSERT_INLINE_IMAGE_COMMAND, {
            assetId: asset.id,
            altText: '',
            caption: '',
            credit: '',
            width: asset.width,
            height: asset.height,
          });
        });
      },
      (error: unknown) => {
        editor.dispatchCommand(SHOW_EDITOR_MESSAGE_COMMAND, {
          tone: 'error',
          text: `${file.name} was not added: ${errorMessage(error)}`,
        });
      },
    );
  };

  return (
    <input
      ref={picker}
      type="file"
      accept={host.imageTypes}
      aria-label="Image file"
      hidden
      tabIndex={-1}
      onChange={onPicked}
    />
  );
}
