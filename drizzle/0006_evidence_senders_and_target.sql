ALTER TABLE "health_checks" ADD COLUMN "evidence_senders" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "metric_samples" ADD COLUMN "sent_by" text;--> statement-breakpoint
ALTER TABLE "metric_samples" ADD COLUMN "sent_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "remediations" ADD COLUMN "evidence_senders" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "remediations" ADD COLUMN "target" jsonb DEFAULT '{}'::jsonb NOT NULL;