CREATE TABLE "unit_maps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_kind" text NOT NULL,
	"name" text NOT NULL,
	"code_property" text NOT NULL,
	"source_file_name" text NOT NULL,
	"source_sha256" text NOT NULL,
	"boundaries" jsonb NOT NULL,
	"feature_codes" jsonb NOT NULL,
	"etag" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "unit_maps_unit_kind_unique" UNIQUE("unit_kind")
);
