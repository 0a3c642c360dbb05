CREATE TABLE "referral" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"job_id" uuid,
	"training_slot_id" uuid,
	"organization_id" uuid NOT NULL,
	"consent_grant_id" uuid,
	"shared_fields" text[] DEFAULT '{}' NOT NULL,
	"shared_snapshot" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_id" uuid,
	"match_score" integer,
	"match_reasons" text[] DEFAULT '{}' NOT NULL,
	"match_weights_version" text,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'referred' NOT NULL,
	"interview_at" timestamp with time zone,
	"interview_place" text DEFAULT '' NOT NULL,
	"declined_by" text,
	"close_reason" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referral_target" CHECK (("referral"."kind" = 'job' and "referral"."job_id" is not null and "referral"."training_slot_id" is null) or ("referral"."kind" = 'training' and "referral"."training_slot_id" is not null and "referral"."job_id" is null))
);
--> statement-breakpoint
CREATE TABLE "referral_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"referral_id" uuid NOT NULL,
	"status" text NOT NULL,
	"actor_id" uuid,
	"actor_role" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_message" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"referral_id" uuid NOT NULL,
	"author_id" uuid,
	"author_role" text NOT NULL,
	"body" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referral_message_body" CHECK (length("referral_message"."body") between 1 and 2000)
);
--> statement-breakpoint
CREATE TABLE "enrolment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"referral_id" uuid,
	"training_slot_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"status" text DEFAULT 'enrolled' NOT NULL,
	"enrolled_on" date NOT NULL,
	"completed_on" date,
	"certificate" text DEFAULT '' NOT NULL,
	"dropped_on" date,
	"drop_reason" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_up" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"placement_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"month_offset" integer NOT NULL,
	"due_on" date NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"still_employed" boolean,
	"current_wage" integer,
	"stable" boolean,
	"living_situation" text,
	"violation" boolean,
	"violation_note" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"employer_confirmed_at" timestamp with time zone,
	"employer_confirmed_by" uuid,
	"employer_note" text DEFAULT '' NOT NULL,
	"due_notified_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "follow_up_month" CHECK ("follow_up"."month_offset" in (1, 3, 6, 12))
);
--> statement-breakpoint
CREATE TABLE "placement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"referral_id" uuid,
	"enrolment_id" uuid,
	"job_id" uuid,
	"organization_id" uuid,
	"employer_name" text NOT NULL,
	"position" text NOT NULL,
	"wage" integer NOT NULL,
	"contract_kind" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"end_reason" text,
	"end_note" text DEFAULT '' NOT NULL,
	"outcome" text,
	"outcome_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placement_wage_positive" CHECK ("placement"."wage" > 0),
	CONSTRAINT "placement_end_after_start" CHECK ("placement"."end_date" is null or "placement"."end_date" >= "placement"."start_date"),
	CONSTRAINT "placement_end_reason" CHECK (("placement"."end_date" is null) = ("placement"."end_reason" is null))
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"recipient_id" uuid NOT NULL,
	"message_key" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"link" text NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_person_id_released_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."released_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_job_id_job_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."job"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_training_slot_id_training_slot_id_fk" FOREIGN KEY ("training_slot_id") REFERENCES "public"."training_slot"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_consent_grant_id_consent_grant_id_fk" FOREIGN KEY ("consent_grant_id") REFERENCES "public"."consent_grant"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_request_id_referral_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."referral_request"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_event" ADD CONSTRAINT "referral_event_referral_id_referral_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referral"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_event" ADD CONSTRAINT "referral_event_actor_id_app_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_message" ADD CONSTRAINT "referral_message_referral_id_referral_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referral"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_message" ADD CONSTRAINT "referral_message_author_id_app_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment" ADD CONSTRAINT "enrolment_person_id_released_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."released_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment" ADD CONSTRAINT "enrolment_referral_id_referral_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referral"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment" ADD CONSTRAINT "enrolment_training_slot_id_training_slot_id_fk" FOREIGN KEY ("training_slot_id") REFERENCES "public"."training_slot"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment" ADD CONSTRAINT "enrolment_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment" ADD CONSTRAINT "enrolment_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_placement_id_placement_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placement"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_person_id_released_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."released_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_done_by_app_user_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_employer_confirmed_by_app_user_id_fk" FOREIGN KEY ("employer_confirmed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement" ADD CONSTRAINT "placement_person_id_released_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."released_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement" ADD CONSTRAINT "placement_referral_id_referral_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referral"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement" ADD CONSTRAINT "placement_enrolment_id_enrolment_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolment"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement" ADD CONSTRAINT "placement_job_id_job_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."job"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement" ADD CONSTRAINT "placement_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement" ADD CONSTRAINT "placement_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_recipient_id_app_user_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referral_person_idx" ON "referral" USING btree ("person_id","created_at");--> statement-breakpoint
CREATE INDEX "referral_org_idx" ON "referral" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "referral_job_idx" ON "referral" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "referral_training_idx" ON "referral" USING btree ("training_slot_id");--> statement-breakpoint
CREATE UNIQUE INDEX "referral_live_job_key" ON "referral" USING btree ("person_id","job_id") WHERE "referral"."status" not in ('declined', 'withdrawn') and "referral"."job_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "referral_live_training_key" ON "referral" USING btree ("person_id","training_slot_id") WHERE "referral"."status" not in ('declined', 'withdrawn') and "referral"."training_slot_id" is not null;--> statement-breakpoint
CREATE INDEX "referral_event_referral_idx" ON "referral_event" USING btree ("referral_id","at");--> statement-breakpoint
CREATE INDEX "referral_message_referral_idx" ON "referral_message" USING btree ("referral_id","at");--> statement-breakpoint
CREATE INDEX "enrolment_person_idx" ON "enrolment" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "enrolment_training_idx" ON "enrolment" USING btree ("training_slot_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "enrolment_referral_key" ON "enrolment" USING btree ("referral_id");--> statement-breakpoint
CREATE UNIQUE INDEX "follow_up_placement_month_key" ON "follow_up" USING btree ("placement_id","month_offset");--> statement-breakpoint
CREATE INDEX "follow_up_due_idx" ON "follow_up" USING btree ("due_on");--> statement-breakpoint
CREATE INDEX "follow_up_person_idx" ON "follow_up" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "placement_person_idx" ON "placement" USING btree ("person_id","start_date");--> statement-breakpoint
CREATE INDEX "placement_org_idx" ON "placement" USING btree ("organization_id","start_date");--> statement-breakpoint
CREATE INDEX "placement_job_idx" ON "placement" USING btree ("job_id");--> statement-breakpoint
CREATE UNIQUE INDEX "placement_referral_key" ON "placement" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "notification_recipient_idx" ON "notification" USING btree ("recipient_id","read_at","created_at");