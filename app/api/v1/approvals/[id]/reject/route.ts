import { remediationIdParams } from '@/lib/api/params';
import { apiRoute } from '@/lib/api/route';
import { apiErrorSchema } from '@/lib/api/schemas/error';
import { decisionSchema } from '@/lib/api/schemas/remediation';
import { decide } from '@/lib/remediation/decide';
import { actorFromPrincipal, remediationDeps } from '@/lib/remediation/deps';
import { remediationView } from '@/lib/remediation/present';
import { rejectSchema } from '@/lib/validation/remediation';

/** An approver's decision by token; four-eyes applies (a token counts as its creator). */
export const POST = apiRoute(
  {
    operationId: 'reject_remediation',
    summary: 'Reject a pending remediation',
    description: 'A rejection needs a reason; the reconciler does not propose the same action for the component for REJECTION_SNOOZE_MINUTES.',
    tag: 'Approvals',
    role: 'approver',
    params: remediationIdParams,
    body: { schema: rejectSchema },
    responses: {
      200: { description: 'Rejected.', schema: decisionSchema },
      404: { description: 'No such remediation.', schema: apiErrorSchema },
      409: { description: 'Not pending any more.', schema: apiErrorSchema },
    },
  },
  async ({ params, body, db, principal }) => {
    const { remediation, execution } = await decide(db, params.id, actorFromPrincipal(principal), 'rejected', body.reason ?? null, remediationDeps());
    return Response.json({ remediation: remediationView(remediation), result: execution?.outcome?.result ?? null });
  },
);
