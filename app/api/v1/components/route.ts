import { apiRoute } from '@/lib/api/route';
import { componentSummaries } from '@/lib/services/components';

export const GET = apiRoute({ role: 'viewer' }, async ({ db }) =>
  Response.json({ components: await componentSummaries(db) }),
);
