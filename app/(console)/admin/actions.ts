'use server';

/**
 * Every change the admin page makes. Each goes through serverAction (session,
 * admin role, zod) and revalidates /admin; the rules live in lib/services/admin.
 */
import { serverAction } from '@/lib/actions/server-action';
import { adminSetAlertRouting } from '@/lib/services/admin/alert-routing';
import { adminSetHookRanges } from '@/lib/services/admin/hook-ranges';
import { adminSetPause, adminSetPolicy } from '@/lib/services/admin/settings';
import { adminCreateToken, adminRevokeToken } from '@/lib/services/admin/tokens';
import { adminCreateUser, adminSetUserDisabled, adminSetUserRole } from '@/lib/services/admin/users';
import {
  createTokenInput,
  createUserInput,
  revokeTokenInput,
  setAlertRoutingInput,
  setHookRangesInput,
  setPauseInput,
  setPolicyInput,
  setUserDisabledInput,
  setUserRoleInput,
} from '@/lib/validation/admin';

const admin = { role: 'admin' as const, revalidate: ['/admin'] };

export const createUserAction = serverAction(
  { ...admin, name: 'admin.createUser', schema: createUserInput },
  (input, { user, db }) => adminCreateUser(db, user, input),
);

export const setUserRoleAction = serverAction(
  { ...admin, name: 'admin.setUserRole', schema: setUserRoleInput },
  (input, { user, db }) => adminSetUserRole(db, user, input),
);

export const setUserDisabledAction = serverAction(
  { ...admin, name: 'admin.setUserDisabled', schema: setUserDisabledInput },
  (input, { user, db }) => adminSetUserDisabled(db, user, input),
);

export const createTokenAction = serverAction(
  { ...admin, name: 'admin.createToken', schema: createTokenInput },
  (input, { user, db }) => adminCreateToken(db, user, input),
);

export const revokeTokenAction = serverAction(
  { ...admin, name: 'admin.revokeToken', schema: revokeTokenInput },
  (input, { user, db }) => adminRevokeToken(db, user, input),
);

export const setPolicyAction = serverAction(
  { ...admin, name: 'admin.setPolicy', schema: setPolicyInput },
  (input, { user, db }) => adminSetPolicy(db, user, input),
);

export const setPauseAction = serverAction(
  { ...admin, name: 'admin.setPause', schema: setPauseInput },
  (input, { user, db }) => adminSetPause(db, user, input),
);

export const setHookRangesAction = serverAction(
  { ...admin, name: 'admin.setHookRanges', schema: setHookRangesInput },
  (input, { user, db }) => adminSetHookRanges(db, user, input),
);

export const setAlertRoutingAction = serverAction(
  { ...admin, name: 'admin.setAlertRouting', schema: setAlertRoutingInput },
  (input, { user, db }) => adminSetAlertRouting(db, user, input),
);
