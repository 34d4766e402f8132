import "dotenv/config";
import { defineConfig } from "prisma/config";
import { migrateAdapter } from "./prisma/migrate-adapter";
import { databaseUrl } from "./lib/database-url";

// schema.prisma reads env("DATABASE_URL"): give it the same default as the app.
process.env.DATABASE_URL = databaseUrl();

// The Prisma CLI runs its WASM schema engine through a driver adapter, so no
// native engine has to be downloaded (see README, "Database").
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  adapter: async () => migrateAdapter(process.env.DATABASE_URL!),
});
