/**
 * What the console knows about one remediation action, in one place: how it
 * is asked for (params schema), named, recorded, judged (disruptive, needs),
 * resolved to a target, run, and described in its confirmation dialog.
 * Every list, map and switch over actions is derived from the registry
 * (./index.ts) of these definitions.
 */
import 'server-only';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import type { Component, RemediationTarget } from '@/db/schema';
import type { RiskContext } from '@/lib/healing/risk';
import type { RemediationAction, RemediationBrainAction, RemediationParams } from '@/lib/healing/vocabulary';
import type { ActionTargets } from '@/lib/remediation/action-targets';
import type { RefusalReason } from '../capabilities';
import type { ActionOutcome, ExecutorRegistry } from '../types';

/** What an action needs before it can run at all (the capability check reads these). */
export interface ActionNeeds {
  /** A service to act on (Render or the simulator). */
  service: boolean;
  /** A cleanup hook; without one the action still runs and proposes a restart instead. */
  hook: boolean;
  /** Two recorded states (or configs), the current and the one to restore. */
  history: boolean;
  /** Changes how many instances run: needs an admin's max_instances, and never asks for more. */
  instances?: boolean;
}

export interface RunContext {
  db: Db;
  component: Component;
  params: RemediationParams;
  executors: ExecutorRegistry;
  /** Who decided it (or requested it, when policy approved it). */
  actor: string;
  /** What the request was bound to (stored target). */
  target: RemediationTarget;
  now: Date;
}

export interface RunOutcome extends ActionOutcome {
  /** An action proposed in its place (a leak with no cleanup hook → a restart). */
  followUp?: { action: RemediationAction; reason: string };
}

/** The action-specific part of a confirmation dialog; the generic frame is lib/remediation/action-plan.ts. */
export interface DialogText {
  steps: string[];
  /** Why there is nothing to act on; null when there is. */
  blocker: string | null;
  /** What it acts on, in words. */
  target: string;
}

/** One variant the dialog offers (a rollback type); actions without variants have one, with no params. */
export interface DialogChoice {
  value: string;
  label: string;
  params: RemediationParams;
}

export interface ActionDefinition<Schema extends z.ZodType = z.ZodType> {
  name: RemediationAction;
  /** "Restart", "Memory-leak cleanup": buttons, queue, filters. */
  label: string;
  /** "Restart", "Clean up memory of": the dialog title's verb (`${verb} orders?`) and its confirm button. */
  verb: string;
  /** "Restart now", "Clean up now": the confirm button when it runs at once. */
  confirmNow: string;
  /** "restart", "cleanup": in running text (cooldowns, reasons). */
  noun: string;
  /** The `unified_brain` action_type its executions are recorded as (REMEDIATION_BRAIN_ACTIONS). */
  brainAction: RemediationBrainAction;
  /** The metadata fields the activity log shows first on its `unified_brain` rows (lib/dashboard/activity-fields.ts). */
  activityFields: readonly string[];
  /** Changes what is running: risky wherever real users are (lib/healing/risk.ts). */
  disruptive: boolean;
  needs(params: RemediationParams): ActionNeeds;
  /**
   * Its API route, `POST /api/v1/components/{name}/<route>` (app/api/v1/components/[name]/<route>/route.ts,
   * whose one line is `actionRoute(name)`); the OpenAPI document lists it from here.
   */
  route: string;
  /** What its API route does, for the API document. */
  apiDescription: string;
  /** The body of its API route and, without `service_id`, of the browser's request (strict). */
  paramsSchema: Schema;
  /** The browser's params: the page acts only on the registered service, which its dialog names. */
  browserParamsSchema: z.ZodType;
  /** Whether its API route refuses an empty body (a rollback must name its type). */
  bodyRequired: boolean;
  /** "deployment rollback": the default reason, `${requestedAs} requested by ann@…`. */
  requestedAs(params: RemediationParams): string;
  /** The stored params from a parsed body. */
  toParams(body: z.infer<Schema>): RemediationParams;
  /** "Rollback (deployment)": the approval queue, its history, a request's result. */
  title(params: RemediationParams): string;
  /** "rollback (deployment)", for running text (the overview's proposals). */
  describeParams(params: RemediationParams): string;
  /** Whether params.service_id names the service it acts on (a different one makes it riskier). */
  aimsAtService(params: RemediationParams): boolean;
  /** What, beyond action and component, makes this request riskier (see riskFor). */
  riskContext(db: Db, component: Component, params: RemediationParams): Promise<RiskContext>;
  /** The same, from what the confirmation dialog's targets show (no database at hand). */
  dialogRiskContext(targets: ActionTargets, params: RemediationParams): RiskContext;
  /** What it will act on, fixed at request time; throws when there is nothing to act on. */
  resolveTarget(db: Db, component: Component, params: RemediationParams, executors: ExecutorRegistry): Promise<RemediationTarget>;
  run(context: RunContext): Promise<RunOutcome>;
  /** The variants its dialog offers, as a radio group (legend, input name) when there is more than one. */
  dialogChoices: { legend: string; field: string; options: DialogChoice[] };
  /** The dialog's words; `refusal` is what lib/remediation/capabilities.ts refuses it for (null: it can run). */
  describe(targets: ActionTargets, params: RemediationParams, refusal: RefusalReason | null): DialogText;
}
