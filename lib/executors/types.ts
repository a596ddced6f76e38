/**
 * The console's reach into the outside world, each behind one small interface.
 * Implementations: render.ts (Render's REST API), cleanup-hook.ts (a component's
 * HTTP cleanup endpoint), console-process.ts (the console itself), simulator.ts
 * (the demo's simulated components). Remediation code depends only on these types.
 */

/** How one outbound call went, for the audit record and the API answer. */
export interface CallOutcome {
  success: boolean;
  /** HTTP status of the last attempt; null when no response arrived (timeout, network, not sent). */
  status_code: number | null;
  message: string;
  /** Requests actually sent (0 when nothing was sent, e.g. no API key). */
  attempts: number;
  /** Why it failed, in words an SRE can act on (Render's own `message` when it gave one). */
  error?: string;
}

/** Restarts and deployment rollbacks of a service (Render, or the demo simulator). */
export interface ServiceExecutor {
  readonly kind: 'render' | 'simulator';
  restart(serviceId: string): Promise<CallOutcome>;
  /**
   * Rolls the service back to the deploy before the live one, and turns
   * auto-deploy off so the next push does not undo the rollback.
   */
  rollbackDeployment(serviceId: string): Promise<DeploymentRollbackOutcome>;
  /**
   * Rolls the service back to one given deploy (a `previous_state` rollback to
   * the deploy a recorded state names), and turns auto-deploy off as above.
   * Optional: only executors that know deploys by id (Render) have it.
   */
  rollbackTo?(serviceId: string, deployId: string): Promise<DeploymentRollbackOutcome>;
  /** How many instances run now, and whether autoscaling decides that instead (Render: GET /services/{id}). */
  instances(serviceId: string): Promise<InstancesOutcome>;
  /** Asks for exactly `numInstances` instances (Render: POST /services/{id}/scale). */
  scale(serviceId: string, numInstances: number): Promise<CallOutcome>;
}

/** A service's instance count as its provider reports it. */
export interface InstancesOutcome extends CallOutcome {
  /** null when the call failed or the service has no instance count (a static site, a cron job). */
  num_instances: number | null;
  /** Set when autoscaling is on: the provider then ignores a manual count (Render's caveat). */
  autoscaling: { min: number; max: number } | null;
}

export interface DeployRef {
  id: string;
  commit?: string | null;
  /** First line(s) of the commit message, when the provider reports it. */
  commit_message?: string | null;
  status?: string;
  created_at?: string;
}

export interface DeploymentRollbackOutcome extends CallOutcome {
  from_deploy: DeployRef | null;
  to_deploy: DeployRef | null;
  /** true when auto-deploy was switched off after the rollback; false if that call failed. */
  auto_deploy_disabled: boolean;
}

/** What a cleanup endpoint answers (SPEC §2), plus how the call went. */
export interface CleanupOutcome extends CallOutcome {
  memory_freed_mb: number | null;
  objects_collected: number | null;
  current_memory_mb: number | null;
}

/** Memory cleanup of one component: its HTTP hook, or in-process for the console itself. */
export interface CleanupExecutor {
  cleanup(target: { component: string; url: string; secret: string | null }): Promise<CleanupOutcome>;
}
