CREATE TABLE "published_figures" (
	"kind" text PRIMARY KEY NOT NULL,
	"json" jsonb NOT NULL,
	"csv" text NOT NULL,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_summary" (
	"level" text NOT NULL,
	"unit_code" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"figures" jsonb NOT NULL,
	"series" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_summary_level_unit_code_period_from_period_to_pk" PRIMARY KEY("level","unit_code","period_from","period_to"),
	CONSTRAINT "report_summary_level" CHECK ("report_summary"."level" in ('nation', 'province', 'commune'))
);
--> statement-breakpoint
ALTER TABLE "organization" ADD COLUMN "directory_listed_at" timestamp with time zone;