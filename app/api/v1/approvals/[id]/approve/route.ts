import { readJsonBody } from '@/lib/api/body';
import { validationError } from '@/lib/api/errors';
import { remediationIdParam } from '@/lib/api/params';
import { apiRoute } from '@/lib/api/route';
import { decide } from '@/lib/remediation/decide';
import { actorFromPrincipal, remediationDeps } from '@/lib/remediation/deps';
import { remediationView } from '@/lib/remediation/present';
import { approveSchema } from '@/lib/validation/remediation';

/** An approver's decision by token; four-eyes applies (a token counts as its creator). */
export const POST = apiRoute<{ id: string }>({ role: 'approver' }, async ({ request, params, db, principal }) => {
  const id = remediationIdParam(params.id);
  const body = approveSchema.safeParse(await readJsonBody(request, undefined, { emptyAs: {} }));
  if (!body.success) throw validationError(body.error);
  const { remediation, execution } = await decide(db, id, actorFromPrincipal(principal), 'approved', body.data.reason ?? null, remediationDeps());
  return Response.json({ remediation: remediationView(remediation), result: execution?.outcome?.result ?? null });
});
