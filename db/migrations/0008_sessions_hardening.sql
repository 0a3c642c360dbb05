-- Session ids are now the SHA-256 of the cookie's token (no longer the token itself), and sessions get an
-- idle timeout and an absolute lifetime per role (docs/decisions/017-sessions-lockout-and-logs.md). Sessions
-- of the old format cannot be checked: they end here, and everyone logs in once more.
DELETE FROM "user_session";--> statement-breakpoint
ALTER TABLE "user_session" ADD COLUMN "created_at" timestamp with time zone NOT NULL;--> statement-breakpoint
ALTER TABLE "user_session" ADD COLUMN "last_seen_at" timestamp with time zone NOT NULL;--> statement-breakpoint
ALTER TABLE "user_session" ADD COLUMN "client" text;--> statement-breakpoint
-- A change of what a user may do or prove ends every session of that user, whichever code (or person with
-- psql) makes it: a new password, a role, an organisation or province, disabling or re-enabling, and an
-- officer's communes. The app opens a fresh session afterwards where it should (a password change). The
-- trigger's argument names the column that holds the user's id in the changed row.
CREATE OR REPLACE FUNCTION ct_end_sessions_on_privilege_change() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM "user_session" WHERE "user_id" = (to_jsonb(OLD) ->> TG_ARGV[0])::uuid;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    DELETE FROM "user_session" WHERE "user_id" = (to_jsonb(NEW) ->> TG_ARGV[0])::uuid;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "app_user_ends_sessions" AFTER UPDATE OF "role", "password_hash", "disabled_at", "organization_id", "province_code" ON "app_user"
  FOR EACH ROW
  WHEN (OLD."role" IS DISTINCT FROM NEW."role"
    OR OLD."password_hash" IS DISTINCT FROM NEW."password_hash"
    OR OLD."disabled_at" IS DISTINCT FROM NEW."disabled_at"
    OR OLD."organization_id" IS DISTINCT FROM NEW."organization_id"
    OR OLD."province_code" IS DISTINCT FROM NEW."province_code")
  EXECUTE FUNCTION ct_end_sessions_on_privilege_change('id');--> statement-breakpoint
CREATE TRIGGER "officer_commune_ends_sessions" AFTER INSERT OR UPDATE OR DELETE ON "officer_commune"
  FOR EACH ROW EXECUTE FUNCTION ct_end_sessions_on_privilege_change('user_id');
