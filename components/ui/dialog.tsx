'use client';

/**
 * The console's one dialog, for every confirmation and decision (remediation
 * requests, approval decisions, admin changes). Built on the native <dialog>:
 * showModal() makes the rest of the page inert, Esc closes it, Tab stays
 * inside, and focus goes back to whatever opened it. Labelled by its title,
 * described by what confirming does. Its styles (buttons row, fields, errors)
 * are exported as `dialogStyles` so every dialog looks the same.
 */
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import styles from './dialog.module.css';

export { styles as dialogStyles };

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/**
 * Tab wraps around inside the dialog. An inert page is not enough: past the
 * last control, the browser would move focus out to its own toolbar.
 */
function trapTab(event: KeyboardEvent<HTMLDialogElement>) {
  if (event.key !== 'Tab') return;
  const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    // Only the checked radio of a group is a Tab stop.
    (el) => el.offsetParent !== null && !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked),
  );
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  const active = document.activeElement;
  if (event.shiftKey && (active === first || !event.currentTarget.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  /** What confirming does; read out when the dialog opens. Leave out only for a plain form. */
  description?: ReactNode;
  children: ReactNode;
  testId?: string;
}

export function Dialog({ open, onClose, title, description, children, testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const onCloseRef = useRef(onClose);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // Fired for Esc, a form with method="dialog" and close() alike.
    const handleClose = () => {
      onCloseRef.current();
      opener.current?.focus();
      opener.current = null;
    };
    dialog.addEventListener('close', handleClose);
    return () => {
      dialog.removeEventListener('close', handleClose);
      // Unmounted while open (its owner moved on): focus still goes back where it came from.
      opener.current?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      data-testid={testId}
      onKeyDown={trapTab}
    >
      {open && (
        <>
          <h2 id={titleId} className={styles.title}>
            {title}
          </h2>
          {description && (
            <div id={descriptionId} className={styles.description}>
              {description}
            </div>
          )}
          {children}
        </>
      )}
    </dialog>
  );
}
