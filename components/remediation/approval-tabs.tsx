/** Pending / History switch. Links, so the tab lives in the URL (?tab=history) and survives reloads. */
import Link from 'next/link';
import styles from './approvals.module.css';

export type ApprovalTab = 'pending' | 'history';

export function ApprovalTabs({ current }: { current: ApprovalTab }) {
  const tabs: { tab: ApprovalTab; label: string; href: string }[] = [
    { tab: 'pending', label: 'Pending', href: '/approvals' },
    { tab: 'history', label: 'History', href: '/approvals?tab=history' },
  ];
  return (
    <nav className={styles.tabs} aria-label="Approvals views">
      {tabs.map(({ tab, label, href }) => (
        <Link key={tab} href={href} className={styles.tab} aria-current={tab === current ? 'page' : undefined}>
          {label}
        </Link>
      ))}
    </nav>
  );
}
