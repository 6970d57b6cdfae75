-- Hand-written (session 10, h-search): the extension before its index; trusted, PGlite loads it (pglite-server.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "dossier_values_text_trgm_idx" ON "dossier_values" USING gin ("text" gin_trgm_ops);