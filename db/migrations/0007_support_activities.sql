CREATE TABLE "activity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"topic" text DEFAULT '' NOT NULL,
	"mode" text,
	"occurred_on" date NOT NULL,
	"commune_code" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_fair" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_fair_employer" (
	"fair_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"openings" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "job_fair_employer_fair_id_organization_id_pk" PRIMARY KEY("fair_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "job_fair_participant" (
	"fair_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"outcome" text DEFAULT 'registered' NOT NULL,
	"organization_id" uuid,
	"placement_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_fair_participant_fair_id_person_id_pk" PRIMARY KEY("fair_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "loan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"commune_code" text NOT NULL,
	"purpose" text NOT NULL,
	"amount_vnd" bigint NOT NULL,
	"training_months" integer,
	"bank_branch" text NOT NULL,
	"list_month" date NOT NULL,
	"applied_on" date NOT NULL,
	"decided_on" date,
	"disbursed_on" date,
	"term_months" integer NOT NULL,
	"status" text DEFAULT 'listed' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loan_amount_positive" CHECK ("loan"."amount_vnd" > 0),
	CONSTRAINT "loan_term_positive" CHECK ("loan"."term_months" > 0 and "loan"."term_months" <= 120)
);
--> statement-breakpoint
CREATE TABLE "meeting" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_code" text NOT NULL,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"guest_count" integer DEFAULT 0 NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_guests" CHECK ("meeting"."guest_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "meeting_attendance" (
	"meeting_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "meeting_attendance_meeting_id_person_id_pk" PRIMARY KEY("meeting_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "model_person" (
	"model_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"joined_on" date NOT NULL,
	"left_on" date,
	CONSTRAINT "model_person_model_id_person_id_pk" PRIMARY KEY("model_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "model_steering_member" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"model_id" uuid NOT NULL,
	"organization_name" text NOT NULL,
	"person_name" text DEFAULT '' NOT NULL,
	"role" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reintegration_model" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"province_code" text NOT NULL,
	"commune_code" text NOT NULL,
	"launched_on" date NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_person_id_released_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."released_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_commune_code_commune_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."commune"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_fair" ADD CONSTRAINT "job_fair_province_code_province_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."province"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_fair" ADD CONSTRAINT "job_fair_commune_code_commune_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."commune"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_fair" ADD CONSTRAINT "job_fair_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_fair_employer" ADD CONSTRAINT "job_fair_employer_fair_id_job_fair_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."job_fair"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_fair_employer" ADD CONSTRAINT "job_fair_employer_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_fair_participant" ADD CONSTRAINT "job_fair_participant_fair_id_job_fair_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."job_fair"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_fair_participant" ADD CONSTRAINT "job_fair_participant_person_id_released_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."released_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_fair_participant" ADD CONSTRAINT "job_fair_participant_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_fair_participant" ADD CONSTRAINT "job_fair_participant_placement_id_placement_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placement"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan" ADD CONSTRAINT "loan_person_id_released_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."released_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan" ADD CONSTRAINT "loan_commune_code_commune_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."commune"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loan" ADD CONSTRAINT "loan_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_commune_code_commune_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."commune"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_person_id_released_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."released_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_person" ADD CONSTRAINT "model_person_model_id_reintegration_model_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."reintegration_model"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_person" ADD CONSTRAINT "model_person_person_id_released_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."released_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_steering_member" ADD CONSTRAINT "model_steering_member_model_id_reintegration_model_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."reintegration_model"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reintegration_model" ADD CONSTRAINT "reintegration_model_province_code_province_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."province"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reintegration_model" ADD CONSTRAINT "reintegration_model_commune_code_commune_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."commune"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reintegration_model" ADD CONSTRAINT "reintegration_model_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_person_idx" ON "activity" USING btree ("person_id","occurred_on");--> statement-breakpoint
CREATE INDEX "activity_commune_idx" ON "activity" USING btree ("commune_code","occurred_on","kind");--> statement-breakpoint
CREATE INDEX "job_fair_place_idx" ON "job_fair" USING btree ("province_code","held_on");--> statement-breakpoint
CREATE INDEX "job_fair_participant_person_idx" ON "job_fair_participant" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "loan_person_idx" ON "loan" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "loan_commune_idx" ON "loan" USING btree ("commune_code","list_month");--> statement-breakpoint
CREATE INDEX "meeting_commune_idx" ON "meeting" USING btree ("commune_code","held_on");--> statement-breakpoint
CREATE INDEX "meeting_attendance_person_idx" ON "meeting_attendance" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "model_person_person_idx" ON "model_person" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "model_commune_idx" ON "reintegration_model" USING btree ("commune_code");