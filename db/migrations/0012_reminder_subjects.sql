ALTER TABLE "notification" ADD COLUMN "subject_key" text;--> statement-breakpoint
ALTER TABLE "notification" ADD COLUMN "resolved_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "notification_recipient_subject_key" ON "notification" USING btree ("recipient_id","subject_key") WHERE "notification"."subject_key" is not null;--> statement-breakpoint
CREATE INDEX "notification_subject_idx" ON "notification" USING btree ("subject_key") WHERE "notification"."subject_key" is not null and "notification"."resolved_at" is null;--> statement-breakpoint
-- Reminders sent before this migration: the officer's copy names its follow-up in its link; link it to its
-- task and resolve it when the follow-up was already recorded or cancelled. (The employer's older copies
-- name no follow-up and stay plain notifications.)
UPDATE "notification" SET "subject_key" = 'follow-up/' || substr("link", 21)
WHERE "message_key" = 'notify.followUp.due.officer' AND "subject_key" IS NULL
  AND "link" ~ '^/officer/follow-ups/[0-9a-f-]{36}$';--> statement-breakpoint
UPDATE "notification" n SET "resolved_at" = coalesce(f."done_at", f."cancelled_at")
FROM "follow_up" f
WHERE n."subject_key" = 'follow-up/' || f."id"::text AND n."resolved_at" IS NULL
  AND (f."done_at" IS NOT NULL OR f."cancelled_at" IS NOT NULL);
