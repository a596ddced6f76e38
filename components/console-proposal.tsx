import Link from 'next/link';
import { proposalLines, type ConsoleProposal as Proposal } from '@/lib/dashboard/proposal';

/**
 * What the console proposes for a component: open remediations (linking to the
 * request while it waits for approval), else what its next pass will propose,
 * else nothing to heal.
 *
 * `table` (the overview, where this is the only word on what to do): nothing to
 * heal reads as the card's recommended action, and an action under way has the
 * card's action for the prediction below it, so both readings are on screen.
 * `card` (pages that show the recommended action apart): nothing to heal says so.
 */
export function ConsoleProposal({ proposal, stale, variant = 'table' }: { proposal: Proposal; stale: boolean; variant?: 'table' | 'card' }) {
  const lines = proposalLines(proposal, stale);
  const idle = lines.every((l) => l.kind === 'idle');
  return (
    <div data-testid="console-proposal" data-kind={lines[0]?.kind ?? 'idle'} className="console-proposal">
      {idle && variant === 'card' ? (
        <div className="muted">nothing to heal: no healing trigger fires</div>
      ) : (
        lines.map((line) => (
          <div key={line.text} className={line.kind === 'active' ? 'proposal-active' : line.kind === 'hold' ? 'proposal-hold' : 'muted'}>
            {line.href ? <Link href={line.href}>{line.text}</Link> : line.text}
          </div>
        ))
      )}
      {!idle && variant === 'table' && <div className="small muted">For the prediction: {proposal.recommended_action}</div>}
    </div>
  );
}
