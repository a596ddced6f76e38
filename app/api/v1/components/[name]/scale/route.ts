import { actionRoute } from '@/lib/api/action-route';

/** scale_service: `{num_instances: N}` or `{by: 1}` (exactly one), `service_id?`; never above max_instances. */
export const POST = actionRoute('scale');
