// Issue 3: `npm start` exactly as the README says. With no DATABASE_URL it runs
// the embedded PostgreSQL and keeps the data across a clean stop and a kill -9;
// with DATABASE_URL it uses that server. Requests are filed over HTTP in a browser.
import { execFileSync, execSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Browser } from "@playwright/test";
import pg from "pg";
import { fileRequest, signOff, signedIn } from "../fixtures/helpers";

test.describe.configure({ mode: "serial", timeout: 240_000 });

const ROOT = join(__dirname, "../..");

// Every `npm start` this file launches is stopped after each test, even when it fails.
const launched: ChildProcess[] = [];
test.afterEach(() => {
  for (const p of launched.splice(0)) {
    try {
      process.kill(-p.pid!, "SIGKILL");
    } catch {
      /* already gone */
    }
  }
});

interface Started {
  proc: ChildProcess;
  log: () => string;
  base: string;
}

/** `npm start` with the given environment; resolves when it says it is running. */
async function npmStart(env: Record<string, string | undefined>, port: number): Promise<Started> {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  void _ignored;
  const proc = spawn("npm", ["start"], { cwd: ROOT, env: { ...rest, ...env, PORT: String(port) }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  launched.push(proc);
  let out = "";
  proc.stdout!.on("data", (d) => (out += d));
  proc.stderr!.on("data", (d) => (out += d));
  await expect.poll(() => (/Stop it with Ctrl-C|✗/.test(out) ? out : ""), { timeout: 180_000, intervals: [500] }).toMatch(/is running at/);
  return { proc, log: () => out, base: `http://localhost:${port}` };
}

/** The launcher's own process (npm runs it through sh), in the process group npm leads. */
function launcherPid(s: Started): number {
  return Number(execSync(`pgrep -g ${s.proc.pid} -f "^node lib/launcher/start.mjs"`).toString().trim().split("\n")[0]);
}

async function stop(s: Started, signal: NodeJS.Signals = "SIGINT") {
  const exited = new Promise((r) => s.proc.once("exit", r));
  process.kill(-s.proc.pid!, signal);
  await exited;
}

async function fileOverHttp(browser: Browser, base: string, packageName: string): Promise<number> {
  const page = await signedIn(browser, "mira", base);
  const n = await fileRequest(page, { packageName, socket: { protocol: "tcp", port: "7000", process: "keepd", purpose: "Test listener" } });
  await page.context().close();
  return n;
}

async function findOverHttp(browser: Browser, base: string, number: number, packageName: string) {
  const page = await signedIn(browser, "mira", base);
  await page.goto(`/requests/${number}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`NOP-${number} · ${packageName}`);
  await page.context().close();
}

test("no DATABASE_URL: embedded PostgreSQL on loopback, data kept across a stop and a kill -9", async ({ browser }) => {
  const dataDir = mkdtempSync(join(tmpdir(), "nop-embedded-"));
  const port = 3610;
  try {
    let s = await npmStart({ DATA_DIR: dataDir }, port);
    expect(s.log()).toContain(`embedded PostgreSQL, data in ${dataDir}`);
    expect(s.log()).toContain("mira@example.org");
    expect(existsSync(join(dataDir, "auth-secret"))).toBe(true);

    const pkg = `keep-${Date.now().toString(36)}`;
    const number = await fileOverHttp(browser, s.base, pkg);

    // Concurrent page loads queue on the single PGlite session rather than fail.
    const codes = await Promise.all(Array.from({ length: 24 }, (_, i) => fetch(`${s.base}${i % 2 ? "/registry" : "/api/registry?q=avahi"}`).then((r) => r.status)));
    expect(codes.every((c) => c === 200)).toBe(true);
    // Two reviewers at once on the single embedded session: both votes are recorded.
    const [bea, bob] = await Promise.all([signedIn(browser, "bea", s.base), signedIn(browser, "bob", s.base)]);
    await Promise.all([signOff(bea, number, "Approve"), signOff(bob, number, "Approve")]);
    await bea.reload();
    await expect(bea.getByRole("region", { name: "Sign-offs" }).getByText("2 of the 2 approvals needed")).toBeVisible();
    await Promise.all([bea.context().close(), bob.context().close()]);

    await stop(s, "SIGINT");
    expect(existsSync(join(dataDir, "pglite.pid"))).toBe(false); // the embedded database stopped too

    s = await npmStart({ DATA_DIR: dataDir }, port);
    expect(s.log()).not.toContain("Seeded demo data"); // not seeded twice
    await findOverHttp(browser, s.base, number, pkg);

    // A hard kill of the launcher: the web app dies with it, the database follows.
    process.kill(launcherPid(s), "SIGKILL");
    await expect.poll(() => existsSync(join(dataDir, "pglite.pid")), { timeout: 10_000 }).toBe(false);
    s = await npmStart({ DATA_DIR: dataDir }, port);
    await findOverHttp(browser, s.base, number, pkg);
    await stop(s);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test("DATABASE_URL set: that PostgreSQL is used, created if missing", async ({ browser }) => {
  const server = process.env.E2E_PG_SERVER ?? "postgresql://postgres@127.0.0.1:5432";
  const name = `nop_e2e_launch_${Date.now()}`;
  const dataDir = mkdtempSync(join(tmpdir(), "nop-real-"));
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  try {
    const s = await npmStart({ DATABASE_URL: `${server}/${name}`, DATA_DIR: dataDir }, 3611);
    expect(s.log()).toContain(`database ${name} on 127.0.0.1:5432`);
    expect(s.log()).not.toContain("embedded PostgreSQL");
    const pkg = `real-${Date.now().toString(36)}`;
    const number = await fileOverHttp(browser, s.base, pkg);
    await stop(s);
    const c = new pg.Client({ connectionString: `${server}/${name}` });
    await c.connect();
    const r = await c.query(`SELECT "packageName", status FROM "ExceptionRequest" WHERE number = $1`, [number]);
    await c.end();
    expect(r.rows).toEqual([{ packageName: pkg, status: "SUBMITTED" }]);
    expect(existsSync(join(dataDir, "pglite"))).toBe(false);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test("clear errors: port in use, unreachable server, unwritable data folder, newer database", async () => {
  const startFails = (env: Record<string, string>) => {
    try {
      execFileSync("npm", ["start"], { cwd: ROOT, env: { ...process.env, ...env }, stdio: "pipe", timeout: 120_000 });
      return "";
    } catch (e) {
      const err = e as { stdout: Buffer; stderr: Buffer; status: number };
      expect(err.status).not.toBe(0);
      return `${err.stdout}${err.stderr}`;
    }
  };
  const blocker = createServer().listen(3612, "127.0.0.1");
  await new Promise((r) => blocker.once("listening", r));
  expect(startFails({ PORT: "3612", DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/unused" })).toContain("Port 3612 on 127.0.0.1 is already in use");
  blocker.close();

  expect(startFails({ PORT: "3613", DATABASE_URL: "postgresql://postgres@127.0.0.1:1/x" })).toContain("No PostgreSQL is listening at 127.0.0.1:1");

  const file = join(mkdtempSync(join(tmpdir(), "nop-file-")), "not-a-folder");
  writeFileSync(file, "");
  expect(startFails({ PORT: "3613", DATABASE_URL: "", DATA_DIR: join(file, "data") })).toContain(`The data folder ${join(file, "data")} is not writable`);

  const server = process.env.E2E_PG_SERVER ?? "postgresql://postgres@127.0.0.1:5432";
  const name = `nop_e2e_newer_${Date.now()}`;
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const c = new pg.Client({ connectionString: `${server}/${name}` });
  await c.connect();
  await c.query(`CREATE TABLE _prisma_migrations (migration_name text, finished_at timestamptz, rolled_back_at timestamptz)`);
  await c.query(`INSERT INTO _prisma_migrations VALUES ('29991231000000_from_the_future', now(), NULL)`);
  await c.end();
  try {
    expect(startFails({ PORT: "3614", DATABASE_URL: `${server}/${name}` })).toContain("The database has migrations this code does not know (29991231000000_from_the_future)");
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
});
