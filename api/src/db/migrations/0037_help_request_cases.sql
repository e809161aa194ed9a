-- Decision 0092: a help request says whether the whole system is down, and records the support case it became.
-- Decision 0093: new times offered for a visit already booked; accepting one moves that visit.
ALTER TABLE "visit_time_proposals" ADD COLUMN "moves_visit_id" uuid;--> statement-breakpoint
ALTER TABLE "contact_requests" ADD COLUMN "system_down" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "contact_requests" ADD COLUMN "support_case_id" uuid;--> statement-breakpoint
ALTER TABLE "visit_time_proposals" ADD CONSTRAINT "visit_time_proposals_moves_visit_id_service_visits_id_fk" FOREIGN KEY ("moves_visit_id") REFERENCES "public"."service_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_requests" ADD CONSTRAINT "contact_requests_support_case_id_support_cases_id_fk" FOREIGN KEY ("support_case_id") REFERENCES "public"."support_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_requests" ADD CONSTRAINT "contact_requests_case_when_linked" CHECK ("contact_requests"."support_case_id" is null or "contact_requests"."organisation_id" is not null);