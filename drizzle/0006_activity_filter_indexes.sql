-- New indexes first, then the ones they replace, so unified_brain is never without one.
CREATE INDEX "unified_brain_executed_at_id_idx" ON "unified_brain" USING btree ("executed_at","id");
--> statement-breakpoint
CREATE INDEX "unified_brain_action_type_time_idx" ON "unified_brain" USING btree ("action_type","executed_at","id");
--> statement-breakpoint
CREATE INDEX "unified_brain_component_time_idx" ON "unified_brain" USING btree (("metadata"->>'component'),"executed_at","id");
--> statement-breakpoint
CREATE INDEX "unified_brain_status_time_idx" ON "unified_brain" USING btree ("status","executed_at","id");
--> statement-breakpoint
DROP INDEX "unified_brain_executed_at_idx";
--> statement-breakpoint
DROP INDEX "unified_brain_action_type_idx";
--> statement-breakpoint
DROP INDEX "unified_brain_component_idx";
