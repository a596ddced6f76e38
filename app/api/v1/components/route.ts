import { z } from 'zod';
import { apiRoute } from '@/lib/api/route';
import { componentSummarySchema } from '@/lib/api/schemas/components';
import { componentSummaries } from '@/lib/services/components';

export const GET = apiRoute(
  {
    operationId: 'list_components',
    summary: 'Every component, with its latest health',
    tag: 'Components',
    role: 'viewer',
    responses: { 200: { description: 'All components.', schema: z.object({ components: z.array(componentSummarySchema) }) } },
  },
  async ({ db }) => Response.json({ components: await componentSummaries(db) }),
);
