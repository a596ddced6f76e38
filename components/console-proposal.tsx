import Link from 'next/link';
import { proposalLines, type ConsoleProposal as Proposal } from '@/lib/dashboard/proposal';

/**
 * What the console proposes for a component: open remediations (linking to the
 * request while it waits for approval), else what its next pass will propose,
 * else the card's recommended action; with the card's action below when an
 * action is under way, so both readings are on screen.
 */
export function ConsoleProposal({ proposal, stale }: { proposal: Proposal; stale: boolean }) {
  const lines = proposalLines(proposal, stale);
  const idle = lines.every((l) => l.kind === 'idle');
  return (
    <div data-testid="console-proposal" data-kind={lines[0]?.kind ?? 'idle'}>
      {lines.map((line) => (
        <div key={line.text} className={line.kind === 'active' ? 'proposal-active' : line.kind === 'hold' ? 'proposal-hold' : 'muted'}>
          {line.href ? <Link href={line.href}>{line.text}</Link> : line.text}
        </div>
      ))}
      {!idle && <div className="small muted">Recommended: {proposal.recommended_action}</div>}
    </div>
  );
}
