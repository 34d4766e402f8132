/** The PostgreSQL the app, the CLI and the seed use: `DATABASE_URL`, or a local default. */
export const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/nop_signoff";

export function databaseUrl(env: Record<string, string | undefined> = process.env): string {
  return env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}
