CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"public_id" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"secret_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "component_configs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"component_id" uuid NOT NULL,
	"config" jsonb NOT NULL,
	"changed_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "component_states" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"component_id" uuid NOT NULL,
	"state" jsonb NOT NULL,
	"source" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "components" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"environment" text DEFAULT 'production' NOT NULL,
	"thresholds" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"policy" text DEFAULT 'default' NOT NULL,
	"render_service_id" text,
	"cleanup_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "components_name_format" CHECK ("components"."name" ~ '^[a-z0-9][a-z0-9._-]{0,62}$')
);
--> statement-breakpoint
CREATE TABLE "health_checks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"component_id" uuid NOT NULL,
	"sample_id" bigint,
	"checked_at" timestamp with time zone NOT NULL,
	"health_score" double precision NOT NULL,
	"trend" text NOT NULL,
	"probability" double precision NOT NULL,
	"time_to_failure" text NOT NULL,
	"prediction_level" text NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"leak_detected" boolean DEFAULT false NOT NULL,
	"result" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metric_samples" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"component_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"cpu_usage" double precision NOT NULL,
	"memory_usage" double precision NOT NULL,
	"error_rate" double precision NOT NULL,
	"latency_ms" double precision NOT NULL,
	"memory_mb" double precision,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unified_brain" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"agent_name" text NOT NULL,
	"action_type" text NOT NULL,
	"status" text NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"executed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"role" text NOT NULL,
	"password_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "component_configs" ADD CONSTRAINT "component_configs_component_id_components_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."components"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "component_states" ADD CONSTRAINT "component_states_component_id_components_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."components"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_checks" ADD CONSTRAINT "health_checks_component_id_components_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."components"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_checks" ADD CONSTRAINT "health_checks_sample_id_metric_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."metric_samples"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_samples" ADD CONSTRAINT "metric_samples_component_id_components_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."components"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_public_id_key" ON "api_tokens" USING btree ("public_id");--> statement-breakpoint
CREATE INDEX "component_configs_component_time_idx" ON "component_configs" USING btree ("component_id","recorded_at");--> statement-breakpoint
CREATE INDEX "component_states_component_time_idx" ON "component_states" USING btree ("component_id","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "components_name_key" ON "components" USING btree ("name");--> statement-breakpoint
CREATE INDEX "health_checks_component_time_idx" ON "health_checks" USING btree ("component_id","checked_at");--> statement-breakpoint
CREATE INDEX "metric_samples_component_time_idx" ON "metric_samples" USING btree ("component_id","recorded_at");--> statement-breakpoint
CREATE INDEX "unified_brain_executed_at_idx" ON "unified_brain" USING btree ("executed_at");--> statement-breakpoint
CREATE INDEX "unified_brain_action_type_idx" ON "unified_brain" USING btree ("action_type","executed_at");--> statement-breakpoint
CREATE INDEX "unified_brain_component_idx" ON "unified_brain" USING btree (("metadata"->>'component'));--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));