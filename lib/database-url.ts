import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Last resort for tools run by hand: a local PostgreSQL server. */
export const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/nop_signoff";

/**
 * The PostgreSQL the app, the Prisma CLI and the scripts use: `DATABASE_URL`;
 * else the embedded database of a running `npm start` (it writes its address
 * into the data folder); else a local server.
 */
export function databaseUrl(env: Record<string, string | undefined> = process.env): string {
  const url = env.DATABASE_URL?.trim();
  if (url) return url;
  const file = join(env.DATA_DIR || join(process.cwd(), ".data"), "database-url");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  return DEFAULT_DATABASE_URL;
}
