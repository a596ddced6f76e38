import { readJsonBody } from '@/lib/api/body';
import { validationError } from '@/lib/api/errors';
import { apiRoute } from '@/lib/api/route';
import { createSource, listSourceViews, sourceView } from '@/lib/services/prometheus-sources';
import { prometheusSourceSchema } from '@/lib/validation/prometheus-source';

/** Prometheus sources (admin only: they hold credentials and decide what the console pulls). */
export const GET = apiRoute({ role: 'admin' }, async ({ db }) => Response.json({ sources: await listSourceViews(db) }));

export const POST = apiRoute({ role: 'admin' }, async ({ request, db, principal }) => {
  const input = prometheusSourceSchema.safeParse(await readJsonBody(request));
  if (!input.success) throw validationError(input.error);
  const source = await createSource(db, input.data, { id: principal.userId, email: principal.name });
  return Response.json(await sourceView(db, source), { status: 201 });
});
