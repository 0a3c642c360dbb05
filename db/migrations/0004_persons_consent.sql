CREATE TABLE "audit_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_id" uuid,
	"actor_role" text NOT NULL,
	"person_id" uuid,
	"action" text NOT NULL,
	"purpose" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "classification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"quarter" text NOT NULL,
	"group" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"classified_by" uuid,
	"classified_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "classification_quarter_format" CHECK ("classification"."quarter" ~ '^[0-9]{4}-Q[1-4]$')
);
--> statement-breakpoint
CREATE TABLE "consent_grant" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"purposes" text[] NOT NULL,
	"shareable_fields" text[] DEFAULT '{}' NOT NULL,
	"given_at" timestamp with time zone NOT NULL,
	"evidence_kind" text NOT NULL,
	"evidence_ref" text NOT NULL,
	"evidence_mime" text,
	"evidence_file" "bytea",
	"expires_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	"withdrawal_note" text DEFAULT '' NOT NULL,
	"expiry_processed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consent_has_purpose" CHECK (cardinality("consent_grant"."purposes") > 0)
);
--> statement-breakpoint
CREATE TABLE "conviction" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"offence_date" date NOT NULL,
	"offence_category" text NOT NULL,
	"national_security" boolean DEFAULT false NOT NULL,
	"penalty" text NOT NULL,
	"sentence_months" integer,
	"main_completed_on" date NOT NULL,
	"supplementary_completed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "court_ban" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occupation_codes" text[] DEFAULT '{}' NOT NULL,
	"province_code" text,
	"commune_code" text,
	"description" text DEFAULT '' NOT NULL,
	"ends_on" date
);
--> statement-breakpoint
CREATE TABLE "data_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"message" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "person_invitation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_transfer" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"from_commune_code" text NOT NULL,
	"to_commune_code" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"requested_by" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "referral_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"listing_id" uuid NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "released_person" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"full_name" text NOT NULL,
	"gender" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"citizen_id" text,
	"needs_new_id_card" boolean DEFAULT false NOT NULL,
	"phone" text,
	"address" text DEFAULT '' NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"release_date" date NOT NULL,
	"release_type" text NOT NULL,
	"skills" text[] DEFAULT '{}' NOT NULL,
	"trades" text[] DEFAULT '{}' NOT NULL,
	"experience" text DEFAULT '' NOT NULL,
	"education" text DEFAULT '' NOT NULL,
	"certificates" text DEFAULT '' NOT NULL,
	"desired_occupations" text[] DEFAULT '{}' NOT NULL,
	"preferred_province_code" text,
	"willing_to_move" boolean DEFAULT false NOT NULL,
	"available_from" date,
	"expected_wage" integer,
	"needs" text[] DEFAULT '{}' NOT NULL,
	"hardship" boolean DEFAULT false NOT NULL,
	"hardship_note" text DEFAULT '' NOT NULL,
	"supervisor_kind" text,
	"supervisor_name" text DEFAULT '' NOT NULL,
	"supervisor_contact" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"closed_reason" text,
	"closed_at" timestamp with time zone,
	"closed_note" text DEFAULT '' NOT NULL,
	"record_expunged_on" date,
	"expungement_evidence" text DEFAULT '' NOT NULL,
	"user_id" uuid,
	"anonymized_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_citizen_id_format" CHECK ("released_person"."citizen_id" is null or "released_person"."citizen_id" ~ '^[0-9]{12}$')
);
--> statement-breakpoint
CREATE TABLE "saved_listing" (
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"listing_id" uuid NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_actor_id_app_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_person_id_released_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."released_person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification" ADD CONSTRAINT "classification_person_id_released_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."released_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification" ADD CONSTRAINT "classification_classified_by_app_user_id_fk" FOREIGN KEY ("classified_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_grant" ADD CONSTRAINT "consent_grant_person_id_released_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."released_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_grant" ADD CONSTRAINT "consent_grant_withdrawn_by_app_user_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_grant" ADD CONSTRAINT "consent_grant_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conviction" ADD CONSTRAINT "conviction_person_id_released_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."released_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "court_ban" ADD CONSTRAINT "court_ban_person_id_released_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."released_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "court_ban" ADD CONSTRAINT "court_ban_province_code_province_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."province"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "court_ban" ADD CONSTRAINT "court_ban_commune_code_commune_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."commune"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_request" ADD CONSTRAINT "data_request_person_id_released_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."released_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_request" ADD CONSTRAINT "data_request_resolved_by_app_user_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_invitation" ADD CONSTRAINT "person_invitation_person_id_released_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."released_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_invitation" ADD CONSTRAINT "person_invitation_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_transfer" ADD CONSTRAINT "person_transfer_person_id_released_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."released_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_transfer" ADD CONSTRAINT "person_transfer_from_commune_code_commune_code_fk" FOREIGN KEY ("from_commune_code") REFERENCES "public"."commune"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_transfer" ADD CONSTRAINT "person_transfer_to_commune_code_commune_code_fk" FOREIGN KEY ("to_commune_code") REFERENCES "public"."commune"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_transfer" ADD CONSTRAINT "person_transfer_requested_by_app_user_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_transfer" ADD CONSTRAINT "person_transfer_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_request" ADD CONSTRAINT "referral_request_person_id_released_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."released_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_request" ADD CONSTRAINT "referral_request_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "released_person" ADD CONSTRAINT "released_person_province_code_province_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."province"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "released_person" ADD CONSTRAINT "released_person_commune_code_commune_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."commune"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "released_person" ADD CONSTRAINT "released_person_preferred_province_code_province_code_fk" FOREIGN KEY ("preferred_province_code") REFERENCES "public"."province"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "released_person" ADD CONSTRAINT "released_person_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "released_person" ADD CONSTRAINT "released_person_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_listing" ADD CONSTRAINT "saved_listing_person_id_released_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."released_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_person_idx" ON "audit_event" USING btree ("person_id","at");--> statement-breakpoint
CREATE INDEX "audit_actor_idx" ON "audit_event" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_event" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "classification_person_quarter_key" ON "classification" USING btree ("person_id","quarter");--> statement-breakpoint
CREATE INDEX "consent_person_idx" ON "consent_grant" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "conviction_person_idx" ON "conviction" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "court_ban_person_idx" ON "court_ban" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "transfer_to_idx" ON "person_transfer" USING btree ("to_commune_code","status");--> statement-breakpoint
CREATE INDEX "referral_request_person_idx" ON "referral_request" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_commune_status_idx" ON "released_person" USING btree ("commune_code","status");--> statement-breakpoint
CREATE INDEX "person_province_idx" ON "released_person" USING btree ("province_code");--> statement-breakpoint
CREATE UNIQUE INDEX "person_citizen_id_key" ON "released_person" USING btree ("citizen_id");--> statement-breakpoint
CREATE UNIQUE INDEX "person_user_key" ON "released_person" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "saved_listing_key" ON "saved_listing" USING btree ("person_id","kind","listing_id");