CREATE TABLE "alerts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"fingerprint" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"status" text NOT NULL,
	"alertname" text NOT NULL,
	"severity" text,
	"component_id" uuid,
	"component_label" text,
	"labels" jsonb NOT NULL,
	"annotations" jsonb NOT NULL,
	"generator_url" text,
	"sent_by" text NOT NULL,
	"sent_by_user_id" uuid,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_component_id_components_id_fk" FOREIGN KEY ("component_id") REFERENCES "public"."components"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_fingerprint_starts_key" ON "alerts" USING btree ("fingerprint","starts_at");--> statement-breakpoint
CREATE INDEX "alerts_component_status_idx" ON "alerts" USING btree ("component_id","status","starts_at");