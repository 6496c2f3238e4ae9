import { useEffect, useId, useLayoutEffect, useRef, type JSX, type ReactNode } from 'react';

import { Icon } from './Icon';

type DialogProps = {
  title: string;
  /** Closing by Escape, the close button or the caller's own buttons. */
  onClose: () => void;
  children: ReactNode;
  /** Buttons at the foot of the dialog. */
  footer?: ReactNode;
  className?: string;
  /** A dialog with nothing to operate but its text: its body takes focus, so keys can scroll it. */
  focusableBody?: boolean;
};

/**
 * A modal dialog on the platform's <dialog>: focus stays inside while it is open, Escape closes
 * it, and focus goes back to whatever had it before.
 */
export function Dialog({
  title,
  onClose,
  children,
  footer,
  className,
  focusableBody = false,
}: DialogProps): JSX.Element {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const close = useRef(onClose);
  useLayoutEffect(() => {
    close.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return undefined;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const onCancel = (event: Event) => {
      event.preventDefault();
      close.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      if (opener?.isConnected === true) opener.focus();
    };
  }, []);

  return (
    <dialog ref={ref} className={`dialog${className === undefined ? '' : ` ${className}`}`} aria-labelledby={titleId}>
      <div className="dialog__header">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <button type="button" className="icon-button" aria-label="Close" title="Close" onClick={onClose}>
          <Icon name="close" />
        </button>
      </div>
      <div className="dialog__body" tabIndex={focusableBody ? 0 : undefined}>
        {children}
      </div>
      {footer === undefined ? null : <div className="dialog__footer">{footer}</div>}
    </dialog>
  );
}
