import { actionRoute } from '@/lib/api/action-route';

/** restart_service_via_render: `{service_id?}`, defaulting to the component's render_service_id. */
export const POST = actionRoute('restart');
