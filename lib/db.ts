import { PrismaClient } from "./generated/prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseUrl } from "./database-url";

const cache = globalThis as unknown as { prisma?: PrismaClient };

function createClient() {
  // The embedded database is one PGlite session: its wire-protocol server cannot keep
  // several connections' prepared statements apart, so the app uses one connection
  // and queues on it (the launcher sets EMBEDDED_DB=1).
  const max = process.env.EMBEDDED_DB === "1" ? 1 : undefined;
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl(), ...(max ? { max } : {}) }) });
}

/** The app's one Prisma client (cached across hot reloads in development). */
export const db = cache.prisma ?? createClient();
if (process.env.NODE_ENV !== "production") cache.prisma = db;

export type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];
export type { PrismaClient };
