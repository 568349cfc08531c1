CREATE TABLE "rebuttal_contests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"indicator_code" text NOT NULL,
	"round_sent_at" timestamp with time zone NOT NULL,
	"explanation" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"outcome" text,
	"answer_reason" text,
	"points_before" double precision,
	"points_after" double precision,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	CONSTRAINT "rebuttal_contest_round_indicator" UNIQUE("assessment_id","round_sent_at","indicator_code")
);
--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "results_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "rebuttal_due_on" date;--> statement-breakpoint
ALTER TABLE "periods" ADD COLUMN "rebuttal_enabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "periods" ADD COLUMN "rebuttal_working_days" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "rebuttal_contests" ADD CONSTRAINT "rebuttal_contests_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rebuttal_contests" ADD CONSTRAINT "rebuttal_contests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rebuttal_contests" ADD CONSTRAINT "rebuttal_contests_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rebuttal_contest_assessment_idx" ON "rebuttal_contests" USING btree ("assessment_id");