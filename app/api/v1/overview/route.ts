import { apiRoute } from '@/lib/api/route';
import { overviewSchema } from '@/lib/api/schemas/components';
import { overview } from '@/lib/services/overview';

/** What the overview page polls: every component's latest health and open approval requests. */
export const GET = apiRoute(
  {
    operationId: 'get_overview',
    summary: 'The overview: every component with what the console proposes',
    tag: 'Components',
    role: 'viewer',
    responses: { 200: { description: 'The overview.', schema: overviewSchema } },
  },
  async ({ db }) => Response.json(await overview(db)),
);
