import { formatUtc } from '@/lib/format';
import styles from './admin.module.css';

/** " Last changed by … at …." after a setting's lead, or what holds while nobody has changed it. */
export function LastChanged({ by, at, unchanged }: { by: string | null; at: Date | null; unchanged: string }) {
  if (!by) return <> {unchanged}</>;
  return (
    <>
      {' '}
      Last changed by {by} at <time className={styles.when}>{formatUtc(at)}</time>.
    </>
  );
}
