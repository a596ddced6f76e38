/**
 * The one drizzle schema for both drivers (postgres.js and PGlite).
 * Each table's row types sit beside it. Migrations in drizzle/ are generated
 * from this file by `npm run db:generate`; never edit them by hand (except the
 * custom migrations drizzle-kit cannot express: the append-only trigger, and
 * closing duplicate open remediations before their unique index).
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ThresholdOverrides } from '@/lib/healing/types';
// Relative, not '@/': drizzle-kit loads this file without the tsconfig paths.
import {
  OPEN_REMEDIATION_STATUSES,
  PREDICTION_LEVELS,
  REMEDIATION_ACTIONS,
  REMEDIATION_POLICIES,
  REMEDIATION_STATUSES,
  RISKS,
  TRENDS,
  type RemediationParams,
  type RemediationPolicy,
} from '../lib/healing/vocabulary';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const ROLES = ['viewer', 'operator', 'approver', 'admin'] as const;
export type Role = (typeof ROLES)[number];

// The vocabulary (prediction levels, trends, remediation) is the domain's (lib/healing/vocabulary.ts); the columns below store it.
export {
  OPEN_REMEDIATION_STATUSES,
  REMEDIATION_ACTIONS,
  REMEDIATION_POLICIES,
  REMEDIATION_STATUSES,
  RISKS,
  ROLLBACK_TYPES,
  type OpenRemediationStatus,
  type RemediationAction,
  type RemediationParams,
  type RemediationPolicy,
  type RemediationStatus,
  type Risk,
  type RollbackType,
} from '../lib/healing/vocabulary';

export const components = pgTable(
  'components',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    environment: text('environment').notNull().default('production'),
    thresholds: jsonb('thresholds').$type<ThresholdOverrides>().notNull().default({}),
    policy: text('policy', { enum: REMEDIATION_POLICIES }).notNull().default('default'),
    renderServiceId: text('render_service_id'),
    cleanupUrl: text('cleanup_url'),
    /** HMAC key for signing cleanup-hook requests. Write-only through the API; never rendered. */
    hookSecret: text('hook_secret'),
    /** The most instances a scale may ask for (an admin's); null: the console does not scale it. */
    maxInstances: integer('max_instances'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('components_name_key').on(t.name),
    check('components_name_format', sql`${t.name} ~ '^[a-z0-9][a-z0-9._-]{0,62}$'`),
  ],
);
export type Component = typeof components.$inferSelect;
export type NewComponent = typeof components.$inferInsert;

export const metricSamples = pgTable(
  'metric_samples',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    componentId: uuid('component_id')
      .notNull()
      .references(() => components.id, { onDelete: 'cascade' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    cpuUsage: doublePrecision('cpu_usage').notNull(),
    memoryUsage: doublePrecision('memory_usage').notNull(),
    errorRate: doublePrecision('error_rate').notNull(),
    latencyMs: doublePrecision('latency_ms').notNull(),
    memoryMb: doublePrecision('memory_mb'),
    /** Requests per second, when the sender reports it: the request-load signal (lib/healing/request-load.ts). */
    requestRate: doublePrecision('request_rate'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    /** Who sent it (EvidenceSender): email or token name, and the person behind it. Null: the console itself (simulator, self-check). */
    sentBy: text('sent_by'),
    sentByUserId: uuid('sent_by_user_id'),
  },
  // Every read is "this component, newest first, within a window".
  (t) => [index('metric_samples_component_time_idx').on(t.componentId, t.recordedAt)],
);
export type MetricSampleRow = typeof metricSamples.$inferSelect;
export type NewMetricSampleRow = typeof metricSamples.$inferInsert;

export const healthChecks = pgTable(
  'health_checks',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    componentId: uuid('component_id')
      .notNull()
      .references(() => components.id, { onDelete: 'cascade' }),
    sampleId: bigint('sample_id', { mode: 'number' }).references(() => metricSamples.id, {
      onDelete: 'set null',
    }),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
    healthScore: doublePrecision('health_score').notNull(),
    trend: text('trend', { enum: TRENDS }).notNull(),
    probability: doublePrecision('probability').notNull(),
    timeToFailure: text('time_to_failure').notNull(),
    predictionLevel: text('prediction_level', { enum: PREDICTION_LEVELS }).notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull().default([]),
    warnings: jsonb('warnings').$type<string[]>().notNull().default([]),
    leakDetected: boolean('leak_detected').notNull().default(false),
    /** Everyone who sent a sample this check judged (its own and its history window). */
    evidenceSenders: jsonb('evidence_senders').$type<EvidenceSender[]>().notNull().default([]),
    /**
     * The full health dict as answered to the caller, so history renders exactly what was seen.
     * `unknown` on purpose: it is read only through reportOf() (lib/services/health-report.ts), which parses it.
     */
    result: jsonb('result').$type<unknown>().notNull(),
  },
  (t) => [index('health_checks_component_time_idx').on(t.componentId, t.checkedAt)],
);
export type HealthCheckRow = typeof healthChecks.$inferSelect;
export type NewHealthCheckRow = typeof healthChecks.$inferInsert;

/** Observed runtime state of a component (deploy id, replicas, …) — the target of `previous_state` rollbacks. */
export const componentStates = pgTable(
  'component_states',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    componentId: uuid('component_id')
      .notNull()
      .references(() => components.id, { onDelete: 'cascade' }),
    state: jsonb('state').$type<Record<string, unknown>>().notNull(),
    source: text('source').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('component_states_component_time_idx').on(t.componentId, t.recordedAt)],
);
export type ComponentState = typeof componentStates.$inferSelect;

/** Every version of a component's console configuration — the target of `config` rollbacks. */
export const componentConfigs = pgTable(
  'component_configs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    componentId: uuid('component_id')
      .notNull()
      .references(() => components.id, { onDelete: 'cascade' }),
    config: jsonb('config').$type<ComponentConfig>().notNull(),
    changedBy: text('changed_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('component_configs_component_time_idx').on(t.componentId, t.recordedAt)],
);
export type ComponentConfigRow = typeof componentConfigs.$inferSelect;
export interface ComponentConfig {
  environment: string;
  thresholds: ThresholdOverrides;
  policy: RemediationPolicy;
  render_service_id: string | null;
  cleanup_url: string | null;
  /** Absent in versions recorded before scaling existed. */
  max_instances?: number | null;
}

/**
 * The audit log shared with the original module (SPEC §5). Append-only: a
 * trigger (migration 0001) rejects UPDATE, DELETE and TRUNCATE.
 */
export const unifiedBrain = pgTable(
  'unified_brain',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    agentName: text('agent_name').notNull(),
    actionType: text('action_type').notNull(),
    status: text('status').notNull(),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    executedAt: timestamp('executed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Keyset order of /activity and the exports is (executed_at, id); each /activity filter has an
    // index (filter, executed_at, id), so a page reads its rows in order off one index, never sorting.
    index('unified_brain_executed_at_id_idx').on(t.executedAt, t.id),
    index('unified_brain_action_type_time_idx').on(t.actionType, t.executedAt, t.id),
    index('unified_brain_component_time_idx').on(sql`(${t.metadata}->>'component')`, t.executedAt, t.id),
    index('unified_brain_status_time_idx').on(t.status, t.executedAt, t.id),
  ],
);
export type BrainRecord = typeof unifiedBrain.$inferSelect;
export type NewBrainRecord = typeof unifiedBrain.$inferInsert;

/**
 * What admins changed (users, roles, tokens, pause, policy, settings): one row
 * per change, written in the change's own transaction. Append-only like
 * unified_brain (trigger in migration 0005_admin_events_append_only). No foreign key on the actor: a
 * cascade would be an UPDATE, and the record must outlive what it names.
 * `details` never holds a password or a token (lib/services/admin/audit.ts).
 */
export const adminEvents = pgTable(
  'admin_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorId: uuid('actor_id'),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    target: text('target').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('admin_events_at_idx').on(t.at, t.id)],
);
export type AdminEvent = typeof adminEvents.$inferSelect;
export type NewAdminEvent = typeof adminEvents.$inferInsert;

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name'),
    role: text('role', { enum: ROLES }).notNull(),
    passwordHash: text('password_hash'),
    createdAt: createdAt(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    /** Browser sessions signed in before this are void: set by signing out, so a copied session cookie dies too. */
    sessionsValidAfter: timestamp('sessions_valid_after', { withTimezone: true }),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)],
);
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/** Machine credentials. Only a SHA-256 of the secret part is stored; `publicId` finds the row. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    publicId: text('public_id').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    secretHash: text('secret_hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_tokens_public_id_key').on(t.publicId)],
);
export type ApiToken = typeof apiTokens.$inferSelect;
export type NewApiToken = typeof apiTokens.$inferInsert;


/**
 * Who sent a metric sample: the signed-in user, or the API token's creator
 * (`user_id`); a token made by the CLI has no creator and is named by itself.
 * Four-eyes refuses approval by anyone who sent the evidence behind a request.
 */
export interface EvidenceSender {
  /** Email or token name, for display. */
  name: string;
  user_id: string | null;
}

/**
 * What a remediation will act on, fixed when it is requested (service id,
 * config version, recorded state, hook): shown to the approver, re-checked at
 * approval, used at execution. Flat, so a change is named field by field.
 * Never holds a secret (hook URLs without credentials or query).
 */
export type RemediationTarget = Record<string, string | number | null>;


/** A proposed, approved or executed healing action, with why and by whom. */
export const remediations = pgTable(
  'remediations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    componentId: uuid('component_id')
      .notNull()
      .references(() => components.id, { onDelete: 'cascade' }),
    action: text('action', { enum: REMEDIATION_ACTIONS }).notNull(),
    params: jsonb('params').$type<RemediationParams>().notNull().default({}),
    risk: text('risk', { enum: RISKS }).notNull(),
    status: text('status', { enum: REMEDIATION_STATUSES }).notNull(),
    /** One line on why: the trigger or the human's words. */
    reason: text('reason').notNull(),
    /** The health report and prediction that caused it (reconciler), or what the requester saw. */
    evidence: jsonb('evidence').$type<Record<string, unknown>>().notNull().default({}),
    /** Who sent the samples behind the evidence's health check: none of them may approve it. */
    evidenceSenders: jsonb('evidence_senders').$type<EvidenceSender[]>().notNull().default([]),
    /** What the action will hit, fixed at request time (see RemediationTarget). */
    target: jsonb('target').$type<RemediationTarget>().notNull().default({}),
    /** `user` / `token` / `reconciler`. */
    requestedByKind: text('requested_by_kind', { enum: ['user', 'token', 'reconciler'] }).notNull(),
    /** Email, token name or `reconciler` — for display. */
    requestedBy: text('requested_by').notNull(),
    /** The person behind the request (a token counts as its creator); four-eyes compares this. */
    requesterUserId: uuid('requester_user_id'),
    automatic: boolean('automatic').notNull().default(false),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    decidedBy: text('decided_by'),
    decidedByUserId: uuid('decided_by_user_id'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    /** While executing: past this instant the executor is presumed dead and the row is failed, never re-run. */
    leaseExpiresAt: timestamp('lease_expires_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    result: jsonb('result').$type<Record<string, unknown>>(),
    error: text('error'),
  },
  (t) => [
    index('remediations_status_idx').on(t.status, t.createdAt),
    index('remediations_component_idx').on(t.componentId, t.action, t.createdAt),
    uniqueIndex('remediations_one_open_idx')
      .on(t.componentId, t.action)
      .where(sql.raw(`status in (${OPEN_REMEDIATION_STATUSES.map((s) => `'${s}'`).join(', ')})`)),
  ],
);
export type Remediation = typeof remediations.$inferSelect;
export type NewRemediation = typeof remediations.$inferInsert;

/** Console-wide settings by key (e.g. `automation_paused`). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export type Setting = typeof settings.$inferSelect;

/** Failed and successful sign-ins, for rate limiting per account and per address. */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    email: text('email').notNull(),
    address: text('address').notNull(),
    succeeded: boolean('succeeded').notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sign_in_attempts_email_idx').on(t.email, t.attemptedAt),
    index('sign_in_attempts_address_idx').on(t.address, t.attemptedAt),
  ],
);
export type SignInAttempt = typeof signInAttempts.$inferSelect;

/** The metrics a Prometheus source queries; `memory_mb` is optional (lib/sources/queries.ts). */
export type PrometheusQueries = {
  cpu_usage: string;
  memory_usage: string;
  error_rate: string;
  latency_ms: string;
  memory_mb?: string;
};

/**
 * A Prometheus (or Thanos, Mimir, VictoriaMetrics) server the console pulls samples from,
 * for the listed components. `authSecret` (bearer token or basic-auth password) is
 * write-only through the API, as a component's hook secret: never rendered, never logged.
 */
export const prometheusSources = pgTable(
  'prometheus_sources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    baseUrl: text('base_url').notNull(),
    authKind: text('auth_kind', { enum: ['none', 'bearer', 'basic'] }).notNull().default('none'),
    authUsername: text('auth_username'),
    authSecret: text('auth_secret'),
    queries: jsonb('queries').$type<PrometheusQueries>().notNull(),
    /** Component names this definition serves; `$component` in a query is each name. */
    components: jsonb('components').$type<string[]>().notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('prometheus_sources_name_key').on(t.name)],
);
export type PrometheusSource = typeof prometheusSources.$inferSelect;
export type NewPrometheusSource = typeof prometheusSources.$inferInsert;

/** The last pull of one source for one component: what went wrong, or when it last fed a check. */
export const prometheusSourceStatus = pgTable(
  'prometheus_source_status',
  {
    sourceId: uuid('source_id')
      .notNull()
      .references(() => prometheusSources.id, { onDelete: 'cascade' }),
    component: text('component').notNull(),
    ok: boolean('ok').notNull(),
    /** Null when ok; otherwise which metric failed and why (no URL, no credentials). */
    error: text('error'),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
    lastSampleAt: timestamp('last_sample_at', { withTimezone: true }),
    /** Set once the last hour was backfilled with a range query; null until then. */
    backfilledAt: timestamp('backfilled_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.sourceId, t.component] }), index('prometheus_source_status_component_idx').on(t.component)],
);
export type PrometheusSourceStatus = typeof prometheusSourceStatus.$inferSelect;
/**
 * Alerts received from Alertmanager's webhook (POST /api/v1/alerts/alertmanager). One row per
 * alert instance: Alertmanager's fingerprint (its label set) and when it started. Alertmanager
 * retries failed deliveries and re-sends a group every group_interval/repeat_interval, so the
 * unique key makes a re-delivery a no-op; a resolved delivery closes the firing row.
 * `componentId` is null when no label named a registered component ("unmatched": stored, shown
 * nowhere as a component's, never a healing trigger).
 */
export const ALERT_STATUSES = ['firing', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const alerts = pgTable(
  'alerts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    fingerprint: text('fingerprint').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    status: text('status', { enum: ALERT_STATUSES }).notNull(),
    alertname: text('alertname').notNull(),
    severity: text('severity'),
    componentId: uuid('component_id').references(() => components.id, { onDelete: 'cascade' }),
    /** The label value that named the component (also kept when it matched nothing). */
    componentLabel: text('component_label'),
    labels: jsonb('labels').$type<Record<string, string>>().notNull(),
    annotations: jsonb('annotations').$type<Record<string, string>>().notNull(),
    generatorUrl: text('generator_url'),
    /** Who delivered it (the API token; its creator may not approve what it triggers). */
    sentBy: text('sent_by').notNull(),
    sentByUserId: uuid('sent_by_user_id'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('alerts_fingerprint_starts_key').on(t.fingerprint, t.startsAt),
    index('alerts_component_status_idx').on(t.componentId, t.status, t.startsAt),
  ],
);
export type AlertRow = typeof alerts.$inferSelect;
export type NewAlertRow = typeof alerts.$inferInsert;
