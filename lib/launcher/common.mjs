// Shared steps of `npm start` and `npm test`. Plain Node (no dependencies), so
// they run on a fresh clone before `npm ci` has installed anything.
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";

export const ROOT = new URL("../../", import.meta.url).pathname;

export function say(msg) {
  console.log(`\x1b[1m▸ ${msg}\x1b[0m`);
}

export function fail(msg) {
  console.error(`\n\x1b[31m✗ ${msg}\x1b[0m\n`);
  process.exit(1);
}

/** Run a command in the repository; exit with a clear line if it fails. */
export function run(cmd, args, { env = process.env, quiet = false, what } = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: quiet ? "pipe" : "inherit", env, encoding: "utf8" });
  if (r.status !== 0) {
    if (quiet) process.stderr.write((r.stdout ?? "") + (r.stderr ?? ""));
    fail(`${what ?? `${cmd} ${args.join(" ")}`} failed.`);
  }
  return r.stdout ?? "";
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of readdirSync(path)) {
    if (e === "node_modules" || e === "generated" || e.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(join(path, e)));
  }
  return newest;
}

const mtime = (p) => (existsSync(join(ROOT, p)) ? statSync(join(ROOT, p)).mtimeMs : 0);

/** npm ci when node_modules is missing or older than the lock file. */
export function ensureInstalled() {
  if (mtime("node_modules/.package-lock.json") >= mtime("package-lock.json")) return;
  say("Installing dependencies (npm ci)…");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
}

/** Generate the Prisma client when it is missing or older than the schema. */
export function ensureGenerated(env) {
  if (mtime("lib/generated/prisma/client.ts") >= mtime("prisma/schema.prisma")) return;
  say("Generating the Prisma client…");
  run("npx", ["prisma", "generate"], { env, quiet: true, what: "prisma generate" });
}

/** `next build` when there is no build or a source file is newer than it. */
export function ensureBuilt(env) {
  const built = mtime(`${process.env.NEXT_DIST_DIR || ".next"}/BUILD_ID`);
  const sources = ["app", "lib", "public", "prisma/schema.prisma", "next.config.js", "package-lock.json", "tsconfig.json"];
  if (built && sources.every((s) => newestMtime(join(ROOT, s)) <= built)) return;
  say("Building the app (next build)…");
  run("npx", ["next", "build"], { env });
}

/** AUTH_SECRET from the environment, or one generated once into the data folder (gitignored, never committed). */
export function authSecret(dir = join(ROOT, ".data")) {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = join(dir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

/** Create the database named by the URL if it does not exist; clear errors when the server is unreachable. */
export async function ensureDatabase(databaseUrl) {
  const { default: pg } = await import("pg");
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (e) {
    const where = `${url.hostname}:${url.port || 5432}`;
    if (e.code === "ECONNREFUSED") fail(`No PostgreSQL is listening at ${where}. Start it, or set DATABASE_URL to a reachable server.`);
    if (e.code === "28P01" || e.code === "28000") fail(`PostgreSQL at ${where} refused the credentials in DATABASE_URL (${e.message}).`);
    if (e.code === "ENOTFOUND") fail(`Unknown database host ${url.hostname} in DATABASE_URL.`);
    fail(`Cannot connect to PostgreSQL at ${where}: ${e.message}`);
  }
  try {
    const r = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (r.rowCount === 0) {
      say(`Creating database ${name}…`);
      await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    }
  } finally {
    await client.end();
  }
}

export const isLoopback = (host) => host === "localhost" || host === "::1" || /^127\./.test(host);

/** The data folder must exist and be writable; a clear error otherwise. */
export function ensureWritable(dir) {
  // Node's recursive mkdir never returns on /proc and /sys: refuse them up front.
  if (/^\/(proc|sys)(\/|$)/.test(dir)) fail(`The data folder ${dir} is not writable (a kernel file system). Set DATA_DIR to a writable folder.`);
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (e) {
    fail(`The data folder ${dir} is not writable (${e.code ?? e.message}). Fix its permissions, or set DATA_DIR to a writable folder.`);
  }
}

/**
 * Refuse a database whose applied migrations this code does not have (it is
 * newer than the code). Returns how many of the code's migrations are not applied yet.
 */
export async function checkMigrations(databaseUrl) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10000 });
  await client.connect();
  try {
    const known = readdirSync(join(ROOT, "prisma/migrations")).filter((n) => /^\d+_/.test(n));
    const table = await client.query("SELECT to_regclass('_prisma_migrations')::text AS t");
    if (!table.rows[0].t) return known.length;
    const applied = await client.query("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL");
    const names = applied.rows.map((r) => r.migration_name);
    const unknown = names.filter((n) => !known.includes(n));
    if (unknown.length) {
      fail(`The database has migrations this code does not know (${unknown.join(", ")}): it was used by a newer version of the app. Update the code (git pull), or use another database.`);
    }
    return known.filter((n) => !names.includes(n)).length;
  } finally {
    await client.end();
  }
}
