ALTER TABLE "assessments" ADD COLUMN "submitted_at_close" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "deadline_extended_to" date;--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "participation" text DEFAULT 'participating' NOT NULL;--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "participation_reason" text;--> statement-breakpoint
-- Hand-added (not drizzle-kit output): assessments the system submitted at an earlier close carry
-- the flag too, from the audit entries that close wrote.
UPDATE "assessments" SET "submitted_at_close" = true WHERE "id" IN (SELECT "assessment_id" FROM "audit_log" WHERE "action" = 'assessment.submittedAtClose' AND "assessment_id" IS NOT NULL);
