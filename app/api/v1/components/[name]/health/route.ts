import { componentNameParams } from '@/lib/api/params';
import { senderOf } from '@/lib/api/principal';
import { apiRoute } from '@/lib/api/route';
import { apiErrorSchema } from '@/lib/api/schemas/error';
import { healthReportSchema } from '@/lib/api/schemas/health';
import { healingTriggers } from '@/lib/config';
import { runHealthCheck } from '@/lib/services/health-check';
import { sampleSchema } from '@/lib/validation/sample';

/** monitor_proactive_health: one sample in, the health dict out. */
export const POST = apiRoute(
  {
    operationId: 'check_health',
    summary: 'Send one sample and get its health check',
    description: "monitor_proactive_health: stores the sample, judges it against the component's own history and records the check. An unknown component is registered (environment production).",
    tag: 'Metrics',
    role: 'operator',
    params: componentNameParams,
    body: { schema: sampleSchema },
    responses: {
      200: { description: 'The health dict.', schema: healthReportSchema },
      422: { description: 'Registering the component would pass MAX_COMPONENTS.', schema: apiErrorSchema },
    },
  },
  async ({ params, body, db, principal }) =>
    Response.json(await runHealthCheck(db, params.name, body, { triggers: healingTriggers(), sender: senderOf(principal) })),
);
