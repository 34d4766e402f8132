// Benchmark of the public registry's read model at scale (prints figures; not a test).
//   npm run bench [-- 10000]
// Creates a scratch database on the PostgreSQL at 127.0.0.1:5432, fills it with N
// approved exceptions (two sockets each), times findRegistry() for typical
// queries, and drops the database.
import { execSync } from "node:child_process";
import pg from "pg";

const N = Number(process.argv[2] ?? 10_000);
const SERVER = process.env.BENCH_PG_SERVER ?? "postgresql://postgres@127.0.0.1:5432";
const DB = `nop_bench_${Date.now()}`;
process.env.DATABASE_URL = `${SERVER}/${DB}`;

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await c.connect();
  await c.query(sql);
  await c.end();
}

async function main() {
  await admin(`CREATE DATABASE "${DB}"`);
  try {
    execSync("npx prisma migrate deploy", { env: process.env, stdio: "pipe" });
    const { seedSeries } = await import("../../prisma/seed");
    await seedSeries();
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    c.on("error", () => {}); // the scratch database is dropped with FORCE at the end
    await c.connect();
    const t0 = Date.now();
    await c.query(`INSERT INTO "User" (id, email, name, "passwordHash", roles) VALUES ('benchuser0000000000000000', 'bench@example.org', 'Bench', 'x', '{MAINTAINER}')`);
    await c.query(`
      INSERT INTO "ExceptionRequest" (id, status, "submitterId", "packageName", "packageVersion", flavors, justification, "runAsUser", "isSystemUser",
                                      groups, capabilities, "systemdSandboxing", "decidedAt", "updatedAt")
      SELECT 'bench' || lpad(i::text, 20, '0'), 'APPROVED', 'benchuser0000000000000000', 'pkg-' || i, '1.' || i || '-1',
             (ARRAY['{DESKTOP}', '{SERVER}', '{CLOUD}', '{DESKTOP,SERVER}'])[1 + i % 4]::"Flavor"[],
             'Benchmark exception number ' || i, 'svc' || (i % 50), true, '{}', '{}', '{}', now() - (i || ' minutes')::interval, now()
      FROM generate_series(1, ${N}) i`);
    await c.query(`
      INSERT INTO "_ExceptionRequestToSeries" ("A", "B")
      SELECT id, (ARRAY['noble','jammy','resolute'])[1 + (substr(id, 6)::int % 3)] FROM "ExceptionRequest" WHERE id LIKE 'bench%'`);
    await c.query(`
      INSERT INTO "ListeningSocket" (id, "requestId", position, protocol, port, "bindAddress", process, purpose)
      SELECT 's' || r.id || p, r.id, p, (CASE WHEN p = 0 THEN 'UDP' ELSE 'TCP' END)::"Protocol", 1000 + (substr(r.id, 6)::int * 7 + p) % 60000, '0.0.0.0', 'daemon-' || substr(r.id, 6)::int % 300, 'bench'
      FROM "ExceptionRequest" r, generate_series(0, 1) p WHERE r.id LIKE 'bench%'`);
    await c.query("ANALYZE");
    await c.end();
    console.log(`Filled ${N} approved exceptions (2 sockets each) in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);

    const { findRegistry } = await import("../../lib/registry/find-registry");
    const { registryQueryOrDefaults } = await import("../../lib/registry/params");
    const cases: [string, Record<string, string>][] = [
      ["first page, by package", {}],
      ["search q=pkg-99", { q: "pkg-99" }],
      ["search by process q=daemon-7", { q: "daemon-7" }],
      ["series=noble&flavor=desktop", { series: "noble", flavor: "desktop" }],
      ["protocol=tcp&port=8080", { protocol: "tcp", port: "8080" }],
      ["sort=approved&dir=desc", { sort: "approved", dir: "desc" }],
      ["page 200 of 25", { page: "200" }],
      ["pageSize=100", { pageSize: "100" }],
    ];
    console.log(`\n${"query".padEnd(32)} ${"total".padStart(6)} ${"median".padStart(9)} ${"p95".padStart(9)}`);
    for (const [label, params] of cases) {
      const q = registryQueryOrDefaults(params);
      await findRegistry(q); // warm
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < 25; i++) {
        const s = performance.now();
        total = (await findRegistry(q)).total;
        times.push(performance.now() - s);
      }
      times.sort((a, b) => a - b);
      console.log(`${label.padEnd(32)} ${String(total).padStart(6)} ${times[12].toFixed(1).padStart(7)}ms ${times[23].toFixed(1).padStart(7)}ms`);
    }
    const { db } = await import("../../lib/db");
    await db.$disconnect();
  } catch (e) {
    console.error(e);
    process.exitCode = 1;
  } finally {
    await admin(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
