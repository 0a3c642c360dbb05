-- Consent is withdrawn purpose by purpose (docs/decisions/021-consent-withdrawn-per-purpose.md): a history
-- row per grant and purpose. Grants withdrawn before this migration get a row for each of their purposes
-- (channel unknown: null).
CREATE TABLE "consent_withdrawal" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"grant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"withdrawn_at" timestamp with time zone NOT NULL,
	"withdrawn_by" uuid,
	"actor_role" text NOT NULL,
	"channel" text,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consent_withdrawal" ADD CONSTRAINT "consent_withdrawal_grant_id_consent_grant_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."consent_grant"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_withdrawal" ADD CONSTRAINT "consent_withdrawal_person_id_released_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."released_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_withdrawal" ADD CONSTRAINT "consent_withdrawal_withdrawn_by_app_user_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "consent_withdrawal_grant_purpose_key" ON "consent_withdrawal" USING btree ("grant_id","purpose");--> statement-breakpoint
CREATE INDEX "consent_withdrawal_person_idx" ON "consent_withdrawal" USING btree ("person_id","withdrawn_at");--> statement-breakpoint
INSERT INTO "consent_withdrawal" ("grant_id", "person_id", "purpose", "withdrawn_at", "withdrawn_by", "actor_role", "channel", "note")
SELECT g."id", g."person_id", p.purpose, g."withdrawn_at", g."withdrawn_by", coalesce(u."role", 'system'), NULL, g."withdrawal_note"
FROM "consent_grant" g
CROSS JOIN LATERAL unnest(g."purposes") AS p(purpose)
LEFT JOIN "app_user" u ON u."id" = g."withdrawn_by"
WHERE g."withdrawn_at" IS NOT NULL;
