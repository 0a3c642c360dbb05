ALTER TABLE "referral_event" ADD COLUMN "channel" text;--> statement-breakpoint
ALTER TABLE "enrolment" ADD COLUMN "backdate_reason" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "placement" ADD COLUMN "backdate_reason" text DEFAULT '' NOT NULL;