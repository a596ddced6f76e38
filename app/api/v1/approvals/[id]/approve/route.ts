import { remediationIdParams } from '@/lib/api/params';
import { apiRoute } from '@/lib/api/route';
import { apiErrorSchema } from '@/lib/api/schemas/error';
import { decisionSchema } from '@/lib/api/schemas/remediation';
import { decide } from '@/lib/remediation/decide';
import { actorFromPrincipal, remediationDeps } from '@/lib/remediation/deps';
import { remediationView } from '@/lib/remediation/present';
import { approveSchema } from '@/lib/validation/remediation';

/** An approver's decision by token; four-eyes applies (a token counts as its creator). */
export const POST = apiRoute(
  {
    operationId: 'approve_remediation',
    summary: 'Approve a pending remediation (it runs)',
    description: 'Four-eyes: the requester and whoever sent the evidence cannot approve (a token counts as its creator). Target and risk are resolved again; a change is a 409.',
    tag: 'Approvals',
    role: 'approver',
    params: remediationIdParams,
    body: { schema: approveSchema, emptyAs: {} },
    responses: {
      200: { description: 'Approved, and its result when it ran.', schema: decisionSchema },
      404: { description: 'No such remediation.', schema: apiErrorSchema },
      409: { description: 'Not pending any more, expired, or its target or risk changed.', schema: apiErrorSchema },
    },
  },
  async ({ params, body, db, principal }) => {
    const { remediation, execution } = await decide(db, params.id, actorFromPrincipal(principal), 'approved', body.reason ?? null, remediationDeps());
    return Response.json({ remediation: remediationView(remediation), result: execution?.outcome?.result ?? null });
  },
);
