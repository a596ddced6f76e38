import { actionRoute } from '@/lib/api/action-route';

/** detect_and_cleanup_memory_leaks: cleans only when a leak is detected; no hook → a restart is proposed. */
export const POST = actionRoute('memory_cleanup');
