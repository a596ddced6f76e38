ALTER TABLE "health_checks" ADD COLUMN "evidence_senders" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "metric_samples" ADD COLUMN "sent_by" text;--> statement-breakpoint
ALTER TABLE "metric_samples" ADD COLUMN "sent_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "remediations" ADD COLUMN "evidence_senders" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "remediations" ADD COLUMN "target" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "remediations_one_open_idx" ON "remediations" USING btree ("component_id","action") WHERE status in ('proposed', 'pending_approval', 'approved', 'executing');