ALTER TABLE "plans" ADD COLUMN "public_summary" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "published_at" timestamp with time zone;