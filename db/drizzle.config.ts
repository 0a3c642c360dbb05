import { defineConfig } from "drizzle-kit";

// Only used by `npm run db:generate` (drizzle-kit needs no database to generate SQL).
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
