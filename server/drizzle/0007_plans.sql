CREATE TABLE "indicator_ownership" (
	"framework_id" text NOT NULL,
	"indicator_code" text NOT NULL,
	"lead_unit_id" uuid NOT NULL,
	"coordinating_unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_ownership_framework_id_indicator_code_pk" PRIMARY KEY("framework_id","indicator_code")
);
--> statement-breakpoint
CREATE TABLE "plan_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"code" text NOT NULL,
	"level" text NOT NULL,
	"baseline" double precision,
	"target" double precision NOT NULL,
	"unit" text NOT NULL,
	"due_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"indicators" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"lead_unit_id" uuid,
	"coordinating_unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"product" text DEFAULT '' NOT NULL,
	"start_on" date,
	"due_on" date NOT NULL,
	"state" text DEFAULT 'notStarted' NOT NULL,
	"cancel_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"basis" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"document_number" text DEFAULT '' NOT NULL,
	"date" date NOT NULL,
	"title" text NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"reporting_schedule" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicator_ownership" ADD CONSTRAINT "indicator_ownership_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_ownership" ADD CONSTRAINT "indicator_ownership_lead_unit_id_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_lead_unit_id_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_targets_plan_idx" ON "plan_targets" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_tasks_plan_idx" ON "plan_tasks" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_tasks_lead_idx" ON "plan_tasks" USING btree ("lead_unit_id");