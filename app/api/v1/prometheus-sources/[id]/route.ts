import { readJsonBody } from '@/lib/api/body';
import { validationError } from '@/lib/api/errors';
import { apiRoute } from '@/lib/api/route';
import { removeSource, requireSource, sourceView, updateSource } from '@/lib/services/prometheus-sources';
import { prometheusSourceSchema } from '@/lib/validation/prometheus-source';

export const GET = apiRoute<{ id: string }>({ role: 'admin' }, async ({ params, db }) =>
  Response.json(await sourceView(db, await requireSource(db, params.id))),
);

/** Replaces the definition; a secret left out keeps the stored one (it is never shown). */
export const PUT = apiRoute<{ id: string }>({ role: 'admin' }, async ({ request, params, db, principal }) => {
  const input = prometheusSourceSchema.safeParse(await readJsonBody(request));
  if (!input.success) throw validationError(input.error);
  const source = await updateSource(db, params.id, input.data, { id: principal.userId, email: principal.name });
  return Response.json(await sourceView(db, source));
});

export const DELETE = apiRoute<{ id: string }>({ role: 'admin' }, async ({ params, db, principal }) => {
  await removeSource(db, params.id, { id: principal.userId, email: principal.name });
  return new Response(null, { status: 204 });
});
