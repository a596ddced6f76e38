import { actionRoute } from '@/lib/api/action-route';

/** rollback_component: `{rollback_type: previous_state | config | deployment, service_id?}`. */
export const POST = actionRoute('rollback');
