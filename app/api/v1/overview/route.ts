import { apiRoute } from '@/lib/api/route';
import { overview } from '@/lib/services/overview';

/** What the overview page polls: every component's latest health and open approval requests. */
export const GET = apiRoute({ role: 'viewer' }, async ({ db }) => Response.json(await overview(db)));
