CREATE INDEX "support_cases_near_idx" ON "support_cases" USING btree ("response_near_at");--> statement-breakpoint
CREATE INDEX "support_cases_resolution_due_idx" ON "support_cases" USING btree ("resolution_due_at");--> statement-breakpoint
-- Custom (decision 0117): whether a case's response clock runs is two columns PostgreSQL would take as independent.
CREATE STATISTICS "support_cases_running_stats" (mcv) ON "first_responded_at", "status" FROM "support_cases";
