/**
 * Alertmanager's webhook receiver (webhook_configs with http_config.authorization: an operator
 * API token). Payload version 4; see lib/services/alerts.ts for what is stored.
 */
import { readJsonBody } from '@/lib/api/body';
import { validationError } from '@/lib/api/errors';
import { senderOf } from '@/lib/api/principal';
import { apiRoute } from '@/lib/api/route';
import { receiveAlertmanager } from '@/lib/services/alerts';
import { alertmanagerPayloadSchema } from '@/lib/validation/alertmanager';

export const POST = apiRoute({ role: 'operator' }, async ({ request, db, principal }) => {
  const payload = alertmanagerPayloadSchema.safeParse(await readJsonBody(request));
  if (!payload.success) throw validationError(payload.error);
  return Response.json(await receiveAlertmanager(db, payload.data, senderOf(principal)));
});
