import { stopLexicalPropagation } from 'lexical';
import { useEffect, type RefObject } from 'react';

/**
 * Events the editor's root listens to. A field inside a decorator (an image caption, say) is a
 * plain input: its typing, pasting and undo belong to the field, not to the document around it.
 */
const FIELD_EVENTS = [
  'keydown',
  'beforeinput',
  'input',
  'compositionstart',
  'compositionend',
  'paste',
  'cut',
  'copy',
  'drop',
  'dragstart',
  'dragover',
  'pointerdown',
  'click',
] as const;

/**
 * Marks events from form fields inside `container` as already handled, so the editor's root
 * leaves them to the field. The events still bubble, so React's own handlers see them.
 */
export function useFieldEventsStayInFields(container: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = container.current;
    if (element === null) return undefined;
    const onEvent = (event: Event) => {
      const target = event.target;
      if (target instanceof HTMLElement && target.closest('input, textarea, button, select, a[href]') !== null) {
        stopLexicalPropagation(event);
      }
    };
    for (const name of FIELD_EVENTS) element.addEventListener(name, onEvent);
    return () => {
      for (const name of FIELD_EVENTS) element.removeEventListener(name, onEvent);
    };
  }, [container]);
}
