import { defineConfig } from "drizzle-kit";

// Migrations are generated from server/db/schema.ts and run unchanged on PostgreSQL and PGlite.
export default defineConfig({
  dialect: "postgresql",
  schema: "./server/db/schema.ts",
  out: "./server/db/migrations",
});
