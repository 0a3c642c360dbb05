-- Trigram indexes on the folded search text: LIKE '%…%' and word similarity (typos) stay fast when the
-- PostgreSQL fallback answers public search.
CREATE INDEX IF NOT EXISTS job_search_trgm_idx ON job USING gin (ct_fold(search_text) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS training_search_trgm_idx ON training_slot USING gin (ct_fold(search_text) gin_trgm_ops);
