-- Accent-insensitive, typo-tolerant search in PostgreSQL: the fallback while Meilisearch is down.
-- Both extensions ship with PostgreSQL's contrib (and are "trusted" from PostgreSQL 13) and with PGlite.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- unaccent() is only STABLE (its dictionary could change); an IMMUTABLE wrapper with a fixed dictionary
-- lets expression indexes use it. lower() after unaccent folds "Đ" and "đ" alike.
CREATE OR REPLACE FUNCTION ct_fold(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, input)) $$;
