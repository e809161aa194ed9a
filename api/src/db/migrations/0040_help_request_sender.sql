ALTER TABLE "support_cases" ADD COLUMN "sender_name" text;--> statement-breakpoint
ALTER TABLE "support_cases" ADD COLUMN "sender_email" text;--> statement-breakpoint
-- Cases opened from help requests before this: the sender comes from the request, and the contact line that was
-- appended to the sender's text (decision 0092) goes, since the case now says who wrote it.
UPDATE "support_cases" AS c
SET "sender_name" = r."name",
    "sender_email" = r."email",
    "description" = regexp_replace(c."description", E'\n\n— [^\n]*$', '')
FROM "contact_requests" AS r
WHERE r."support_case_id" = c."id";
