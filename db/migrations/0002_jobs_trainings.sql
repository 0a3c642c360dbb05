CREATE TABLE "minimum_wage" (
	"zone" text NOT NULL,
	"monthly_vnd" integer NOT NULL,
	"effective_from" date NOT NULL,
	"legal_basis" text DEFAULT '' NOT NULL,
	CONSTRAINT "minimum_wage_zone_effective_from_pk" PRIMARY KEY("zone","effective_from")
);
--> statement-breakpoint
CREATE TABLE "occupation" (
	"code" text PRIMARY KEY NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"major_group" text NOT NULL,
	"related" text[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_level" (
	"code" text PRIMARY KEY NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wage_zone" (
	"province_code" text NOT NULL,
	"commune_code" text DEFAULT '' NOT NULL,
	"zone" text NOT NULL,
	CONSTRAINT "wage_zone_province_code_commune_code_pk" PRIMARY KEY("province_code","commune_code")
);
--> statement-breakpoint
CREATE TABLE "job" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"title" text NOT NULL,
	"occupation_code" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"workplace_address" text DEFAULT '' NOT NULL,
	"wage_min" integer NOT NULL,
	"wage_max" integer NOT NULL,
	"employment_type" text NOT NULL,
	"openings" integer DEFAULT 1 NOT NULL,
	"skills" text[] DEFAULT '{}' NOT NULL,
	"experience" text DEFAULT '' NOT NULL,
	"benefits" text[] DEFAULT '{}' NOT NULL,
	"starts_at" date,
	"closes_at" date NOT NULL,
	"excluded_offence_categories" text[] DEFAULT '{}' NOT NULL,
	"exclusion_reason" text DEFAULT '' NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"closed_reason" text,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_wage_range" CHECK ("job"."wage_min" > 0 and "job"."wage_max" >= "job"."wage_min"),
	CONSTRAINT "job_openings_positive" CHECK ("job"."openings" > 0)
);
--> statement-breakpoint
CREATE TABLE "training_leads_to_job" (
	"training_slot_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	CONSTRAINT "training_leads_to_job_training_slot_id_job_id_pk" PRIMARY KEY("training_slot_id","job_id")
);
--> statement-breakpoint
CREATE TABLE "training_slot" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"title" text NOT NULL,
	"occupation_code" text NOT NULL,
	"level_code" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"duration_weeks" integer NOT NULL,
	"schedule" text DEFAULT '' NOT NULL,
	"starts_at" date NOT NULL,
	"application_deadline" date NOT NULL,
	"seats" integer NOT NULL,
	"cost_vnd" integer DEFAULT 0 NOT NULL,
	"support" text[] DEFAULT '{}' NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"closed_reason" text,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_seats_positive" CHECK ("training_slot"."seats" > 0),
	CONSTRAINT "training_duration_positive" CHECK ("training_slot"."duration_weeks" > 0),
	CONSTRAINT "training_cost_not_negative" CHECK ("training_slot"."cost_vnd" >= 0),
	CONSTRAINT "training_deadline_before_start" CHECK ("training_slot"."application_deadline" <= "training_slot"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entity" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "sync_lease" (
	"name" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organization" ADD COLUMN "description" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "organization" ADD COLUMN "fair_chance_pledged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organization" ADD COLUMN "accepts_unexpunged" text DEFAULT 'case_by_case' NOT NULL;--> statement-breakpoint
ALTER TABLE "organization" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "wage_zone" ADD CONSTRAINT "wage_zone_province_code_province_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."province"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job" ADD CONSTRAINT "job_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job" ADD CONSTRAINT "job_occupation_code_occupation_code_fk" FOREIGN KEY ("occupation_code") REFERENCES "public"."occupation"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job" ADD CONSTRAINT "job_province_code_province_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."province"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job" ADD CONSTRAINT "job_commune_code_commune_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."commune"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job" ADD CONSTRAINT "job_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_leads_to_job" ADD CONSTRAINT "training_leads_to_job_training_slot_id_training_slot_id_fk" FOREIGN KEY ("training_slot_id") REFERENCES "public"."training_slot"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_leads_to_job" ADD CONSTRAINT "training_leads_to_job_job_id_job_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."job"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_slot" ADD CONSTRAINT "training_slot_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_slot" ADD CONSTRAINT "training_slot_occupation_code_occupation_code_fk" FOREIGN KEY ("occupation_code") REFERENCES "public"."occupation"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_slot" ADD CONSTRAINT "training_slot_level_code_training_level_code_fk" FOREIGN KEY ("level_code") REFERENCES "public"."training_level"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_slot" ADD CONSTRAINT "training_slot_province_code_province_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."province"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_slot" ADD CONSTRAINT "training_slot_commune_code_commune_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."commune"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_slot" ADD CONSTRAINT "training_slot_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_org_idx" ON "job" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "job_public_idx" ON "job" USING btree ("status","closes_at");--> statement-breakpoint
CREATE INDEX "job_place_idx" ON "job" USING btree ("province_code","commune_code");--> statement-breakpoint
CREATE INDEX "training_org_idx" ON "training_slot" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "training_public_idx" ON "training_slot" USING btree ("status","application_deadline");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("next_attempt_at") WHERE delivered_at is null;