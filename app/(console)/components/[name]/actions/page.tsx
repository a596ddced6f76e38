import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ComponentActions, NothingToActOn } from '@/components/remediation/component-actions';
import { getDb } from '@/db/client';
import { findComponentByName } from '@/db/queries/components';
import { requirePageUser } from '@/lib/auth/guards';
import { actionPanelProps } from '@/lib/services/action-panel';
import { componentNameSchema } from '@/lib/validation/sample';
import styles from './page.module.css';

export const dynamic = 'force-dynamic';

type Params = Promise<{ name: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const { name } = await params;
  return { title: `Actions for ${name} · Self-Healing Console` };
}

/** A focused view of one component's manual actions (the component page shows the same panel, from the same actionPanelProps). */
export default async function ComponentActionsPage({ params }: { params: Params }) {
  const user = await requirePageUser('viewer');
  const parsed = componentNameSchema.safeParse((await params).name);
  if (!parsed.success) notFound();
  const component = await findComponentByName(await getDb(), parsed.data);
  if (!component) notFound();
  const panel = await actionPanelProps(component.name, user.role);
  return (
    <>
      <p className="small">
        <Link href={`/components/${encodeURIComponent(component.name)}`}>← {component.name}</Link>
      </p>
      <h1>Actions for {component.name}</h1>
      <p className="subtitle">
        {component.environment} · remediation policy {component.policy}. High-risk actions wait for a second person in{' '}
        <Link className={styles.textLink} href="/approvals">
          Approvals
        </Link>
        .
      </p>
      {panel ? <ComponentActions {...panel} /> : <NothingToActOn componentName={component.name} />}
    </>
  );
}
