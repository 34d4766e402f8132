// The embedded PostgreSQL of the zero-setup start: PGlite (PostgreSQL compiled
// to WebAssembly) served over the PostgreSQL wire protocol on 127.0.0.1 only,
// so the app and `prisma migrate deploy` use it exactly like a real server.
//   node lib/launcher/embedded-db.mjs <data dir> [port]
// Prints "READY <port>" when it accepts connections (port 0 or none: any free one). Stops cleanly on
// SIGINT/SIGTERM, and by itself when the process that started it is gone
// (after a kill -9 of `npm start`), so no orphan keeps the data folder open.
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const [dir, portArg] = process.argv.slice(2);
const port = Number(portArg ?? 0);
const lock = join(dirname(dir), "pglite.pid");
const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

// PGlite does not lock its folder: only one server may open it.
if (existsSync(lock)) {
  const other = Number(readFileSync(lock, "utf8"));
  for (let i = 0; i < 50 && other && other !== process.pid && alive(other); i++) await new Promise((r) => setTimeout(r, 100));
  if (other && alive(other)) {
    console.error(`ERROR another embedded database (pid ${other}) is using ${dir}; stop it first.`);
    process.exit(3);
  }
}
// Only this user may read or change the database files (password hashes, drafts).
process.umask(0o077);
mkdirSync(dir, { recursive: true, mode: 0o700 });
chmodSync(dirname(dir), 0o700);
chmodSync(dir, 0o700);
writeFileSync(lock, String(process.pid));

const db = await PGlite.create(dir);
// Prisma's pool (10) + the CLI and seed: every connection shares one PGlite session, queued.
const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: 64 });
await server.start();
console.log(`READY ${server.getServerConn().split(":").pop()}`);

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  try {
    await server.stop();
    await db.close();
  } finally {
    rmSync(lock, { force: true });
    process.exit(code);
  }
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
const parent = process.ppid;
setInterval(() => {
  if (!alive(parent) || process.ppid !== parent) stop(0);
}, 500).unref();
