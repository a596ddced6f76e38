/** Remediations as the API shows them (lib/remediation/present.ts RemediationView) and the action routes' answers. */
import { z } from 'zod';
import { REMEDIATION_STATUSES } from '@/db/schema';
import { REMEDIATION_ACTIONS, RISKS, ROLLBACK_TYPES } from '@/lib/healing/vocabulary';

export const remediationParamsSchema = z
  .object({
    rollback_type: z.enum(ROLLBACK_TYPES).optional(),
    service_id: z.string().nullable().optional(),
    num_instances: z.number().int().optional().meta({ description: 'A scale to this many instances…' }),
    by: z.number().int().optional().meta({ description: '…or by this many more (fewer when negative) than run now.' }),
  })
  .meta({ id: 'RemediationParams' });

const iso = z.iso.datetime({ offset: true });

export const remediationViewSchema = z
  .object({
    id: z.uuid(),
    component: z.string(),
    environment: z.string(),
    action: z.enum(REMEDIATION_ACTIONS),
    params: remediationParamsSchema,
    action_label: z.string(),
    risk: z.enum(RISKS),
    status: z.enum(REMEDIATION_STATUSES),
    reason: z.string(),
    evidence: z.record(z.string(), z.unknown()),
    evidence_senders: z.array(z.object({ name: z.string(), user_id: z.string().nullable() })).meta({
      description: 'Who sent the samples behind the evidence: none of them may approve it.',
    }),
    target: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).meta({
      description: 'What it acts on, fixed at request time (never a secret).',
    }),
    requested_by: z.string(),
    requested_by_kind: z.enum(['user', 'token', 'reconciler']),
    requester_user_id: z.string().nullable(),
    automatic: z.boolean(),
    created_at: iso,
    expires_at: iso.nullable(),
    decided_by: z.string().nullable(),
    decided_at: iso.nullable(),
    decision_reason: z.string().nullable(),
    started_at: iso.nullable(),
    finished_at: iso.nullable(),
    result: z.record(z.string(), z.unknown()).nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: 'Remediation' });

/** 200 of an action route: the action's result (the reference card's dict) beside the remediation. */
export const actionResultSchema = z
  .looseObject({
    success: z.boolean().optional(),
    message: z.string().optional(),
    remediation: remediationViewSchema,
    proposed_restart: remediationViewSchema.optional().meta({ description: 'A cleanup without a hook proposes a restart instead.' }),
  })
  .meta({ id: 'ActionResult' });

/** 202 of an action route: high risk waits for an approver. */
export const pendingApprovalSchema = z
  .object({ status: z.literal('pending_approval'), message: z.string(), remediation: remediationViewSchema })
  .meta({ id: 'PendingApproval' });

/** An approver's decision and, when it ran, its result. */
export const decisionSchema = z
  .object({ remediation: remediationViewSchema, result: z.record(z.string(), z.unknown()).nullable() })
  .meta({ id: 'Decision' });
