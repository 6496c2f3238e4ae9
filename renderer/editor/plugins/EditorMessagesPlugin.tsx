import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_EDITOR, createCommand, type LexicalCommand } from 'lexical';
import { useEffect, useState, type JSX } from 'react';

/**
 * A message about something the editor did or refused to do (a link it would not keep, an image
 * it could not add). `error` stays until dismissed; `info` clears itself.
 */
export type EditorMessage = { text: string; tone: 'error' | 'info' };

/** Shows a message in the bar under the toolbar, replacing any message already there. */
export const SHOW_EDITOR_MESSAGE_COMMAND: LexicalCommand<EditorMessage> = createCommand('SHOW_EDITOR_MESSAGE_COMMAND');

/** Clears the message if it is still `text` (a progress note whose work has finished). */
export const CLEAR_EDITOR_MESSAGE_COMMAND: LexicalCommand<string> = createCommand('CLEAR_EDITOR_MESSAGE_COMMAND');

const INFO_MS = 6000;

export function EditorMessagesPlugin(): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const [message, setMessage] = useState<EditorMessage | null>(null);
  useEffect(() => {
    const unregisterShow = editor.registerCommand(
      SHOW_EDITOR_MESSAGE_COMMAND,
      (next) => {
        setMessage(next);
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    );
    const unregisterClear = editor.registerCommand(
      CLEAR_EDITOR_MESSAGE_COMMAND,
      (text) => {
        setMessage((current) => (current?.text === text ? null : current));
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    );
    return () => {
      unregisterShow();
      unregisterClear();
    };
  }, [editor]);

  // An info message clears itself some time after it is on screen: a paste of thousands of
  // paragraphs can hold the page for seconds after the message is set, and the time to read it
  // starts when it can be read.
  useEffect(() => {
    if (message?.tone !== 'info') return undefined;
    let timeout: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timeout = setTimeout(() => setMessage((current) => (current === message ? null : current)), INFO_MS);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timeout);
    };
  }, [message]);

  // The live regions stay in the page so that screen readers announce what appears in them.
  return (
    <div className="editor-messages">
      <div role="alert" className="editor-messages__slot">
        {message?.tone === 'error' ? (
          <div className="editor-message editor-message--error">
            <p className="editor-message__text">{message.text}</p>
            <button type="button" className="button button--quiet button--small" onClick={() => setMessage(null)}>
              Dismiss
            </button>
          </div>
        ) : null}
      </div>
      <div role="status" className="editor-messages__slot">
        {message?.tone === 'info' ? (
          <div className="editor-message editor-message--info">
            <p className="editor-message__text">{message.text}</p>
          </div>
        ) : null}
      </div>
    </div>
  );
}
