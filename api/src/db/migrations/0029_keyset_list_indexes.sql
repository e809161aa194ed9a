DROP INDEX "audit_events_occurred_idx";--> statement-breakpoint
DROP INDEX "support_cases_customer_idx";--> statement-breakpoint
DROP INDEX "service_visits_scheduled_idx";--> statement-breakpoint
CREATE INDEX "audit_events_occurred_id_idx" ON "audit_events" USING btree ("occurred_at","id");--> statement-breakpoint
CREATE INDEX "email_outbox_created_idx" ON "email_outbox" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "support_cases_customer_opened_idx" ON "support_cases" USING btree ("customer_id","opened_at","number");--> statement-breakpoint
CREATE INDEX "support_cases_queue_idx" ON "support_cases" USING btree (coalesce("response_due_at", 'infinity'::timestamptz),"opened_at","number");--> statement-breakpoint
CREATE INDEX "support_cases_status_idx" ON "support_cases" USING btree ("status");--> statement-breakpoint
CREATE INDEX "support_cases_opened_by_org_idx" ON "support_cases" USING btree ("opened_by_organisation_id");--> statement-breakpoint
CREATE INDEX "service_visits_scheduled_id_idx" ON "service_visits" USING btree ("scheduled_at","id");