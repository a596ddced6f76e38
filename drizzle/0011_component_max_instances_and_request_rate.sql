ALTER TABLE "components" ADD COLUMN "max_instances" integer;--> statement-breakpoint
ALTER TABLE "metric_samples" ADD COLUMN "request_rate" double precision;