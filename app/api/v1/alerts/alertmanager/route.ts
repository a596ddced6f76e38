/**
 * Alertmanager's webhook receiver (webhook_configs with http_config.authorization: an operator
 * API token). Payload version 4; see lib/services/alerts.ts for what is stored.
 */
import { senderOf } from '@/lib/api/principal';
import { apiRoute } from '@/lib/api/route';
import { alertDeliveryResultSchema } from '@/lib/api/schemas/alerts';
import { receiveAlertmanager } from '@/lib/services/alerts';
import { alertmanagerPayloadSchema } from '@/lib/validation/alertmanager';

export const POST = apiRoute(
  {
    operationId: 'receive_alertmanager_alerts',
    summary: 'Alertmanager webhook receiver',
    description:
      "Alertmanager's webhook payload, version 4 (`webhook_configs` with `http_config.authorization` carrying an operator token). A delivery is stored whole or not at all; re-deliveries change nothing; a firing alert naming a registered component is a healing trigger.",
    tag: 'Monitoring',
    role: 'operator',
    body: { schema: alertmanagerPayloadSchema },
    responses: { 200: { description: 'What the delivery changed.', schema: alertDeliveryResultSchema } },
  },
  async ({ body, db, principal }) => Response.json(await receiveAlertmanager(db, body, senderOf(principal))),
);
