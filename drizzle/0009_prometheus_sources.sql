CREATE TABLE "prometheus_source_status" (
	"source_id" uuid NOT NULL,
	"component" text NOT NULL,
	"ok" boolean NOT NULL,
	"error" text,
	"checked_at" timestamp with time zone NOT NULL,
	"last_sample_at" timestamp with time zone,
	"backfilled_at" timestamp with time zone,
	CONSTRAINT "prometheus_source_status_source_id_component_pk" PRIMARY KEY("source_id","component")
);
--> statement-breakpoint
CREATE TABLE "prometheus_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"base_url" text NOT NULL,
	"auth_kind" text DEFAULT 'none' NOT NULL,
	"auth_username" text,
	"auth_secret" text,
	"queries" jsonb NOT NULL,
	"components" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "prometheus_source_status" ADD CONSTRAINT "prometheus_source_status_source_id_prometheus_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."prometheus_sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "prometheus_source_status_component_idx" ON "prometheus_source_status" USING btree ("component");--> statement-breakpoint
CREATE UNIQUE INDEX "prometheus_sources_name_key" ON "prometheus_sources" USING btree ("name");