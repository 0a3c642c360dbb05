-- Officers' notifications name a person by reference (params.personId), read within the officer's communes
-- when the list is shown (issue 13). Rows written before kept a copy of the name: it would outlive a closed
-- file or a move to another commune. Each gets the person's id from what it points to, and loses the name.
UPDATE "notification" n SET "params" = (n."params" - 'name') || jsonb_build_object('personId', r."person_id"::text)
FROM "referral" r
WHERE n."params" ? 'name' AND n."link" = '/officer/referrals/' || r."id"::text;--> statement-breakpoint
UPDATE "notification" n SET "params" = (n."params" - 'name') || jsonb_build_object('personId', f."person_id"::text)
FROM "follow_up" f
WHERE n."params" ? 'name' AND n."link" = '/officer/follow-ups/' || f."id"::text;--> statement-breakpoint
-- What cannot be traced back (a referral request's list link) is shown as "a person": the nil id names nobody.
UPDATE "notification" SET "params" = ("params" - 'name') || '{"personId": "00000000-0000-0000-0000-000000000000"}'::jsonb
WHERE "params" ? 'name';
