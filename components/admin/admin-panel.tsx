/**
 * The frame every admin panel shares: a section labelled by its heading, the
 * lead that says what the panel governs, and an optional control beside them
 * (a create button, the pause toggle). One frame, so the panels stay alike and
 * each heading's id is derived in one place.
 */
import type { ReactNode } from 'react';
import styles from './admin.module.css';

export function AdminPanel({
  id,
  title,
  lead,
  leadTestId,
  intro,
  action,
  className,
  children,
}: {
  /** The heading's id is `${id}-title`. */
  id: string;
  title: string;
  /** One paragraph under the heading. */
  lead?: ReactNode;
  leadTestId?: string;
  /** Anything else under the heading (the policy panel's legend). */
  intro?: ReactNode;
  /** Beside the heading. */
  action?: ReactNode;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <section className={className ? `${styles.panel} ${className}` : styles.panel} aria-labelledby={`${id}-title`}>
      <div className={styles.panelHead}>
        <div>
          <h2 id={`${id}-title`}>{title}</h2>
          {lead !== undefined && (
            <p className={styles.lead} data-testid={leadTestId}>
              {lead}
            </p>
          )}
          {intro}
        </div>
        {action}
      </div>
      {children}
    </section>
  );
}
