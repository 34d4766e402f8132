// `npm start`: install, (embedded) database, migrations, demo data into an
// empty database, build, and the web app on 127.0.0.1:3000.
//  - No DATABASE_URL: an embedded PostgreSQL (PGlite over the wire protocol on
//    loopback), its data under .data/ (DATA_DIR), kept across restarts.
//  - DATABASE_URL set: that PostgreSQL; the database is created if missing.
// HOST and PORT move the web app; anything but loopback is announced loudly.
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { createServer as createNetServer } from "node:net";
import { rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  ROOT,
  authSecret,
  checkMigrations,
  ensureBuilt,
  ensureDatabase,
  ensureGenerated,
  ensureInstalled,
  ensureWritable,
  fail,
  isLoopback,
  run,
  say,
} from "./common.mjs";

const HOST = process.env.HOST || "127.0.0.1";
const PORT_TEXT = (process.env.PORT || "3000").trim();
const PORT = /^\d{1,5}$/.test(PORT_TEXT) ? Number(PORT_TEXT) : NaN;
const DATA_DIR = resolve(ROOT, process.env.DATA_DIR || ".data");
const production = process.env.NODE_ENV === "production";

if (!Number.isInteger(PORT) || PORT < 1 || PORT > 65535) fail(`PORT must be a number from 1 to 65535, not "${process.env.PORT}".`);
if (production && (process.env.AUTH_SECRET ?? "").length < 32) {
  fail("NODE_ENV=production needs a real AUTH_SECRET (at least 32 random characters, e.g. `openssl rand -base64 32`); it is never generated in production.");
}

function portFree(host, port) {
  return new Promise((done) => {
    const s = createNetServer();
    s.once("error", (e) => done(e.code !== "EADDRINUSE"));
    s.listen(port, host, () => s.close(() => done(true)));
  });
}
if (!(await portFree(HOST, PORT))) fail(`Port ${PORT} on ${HOST} is already in use. Stop what uses it, or choose another port: PORT=3001 npm start`);

ensureInstalled();

// Children to stop on the way out (the embedded database), files to remove.
const children = [];
const transientFiles = [];
let shuttingDown = false;
async function shutdown(code, message) {
  if (shuttingDown) return;
  shuttingDown = true;
  if (message) console.error(`\n\x1b[31m✗ ${message}\x1b[0m\n`);
  for (const f of transientFiles) rmSync(f, { force: true });
  for (const c of children) {
    if (c.exitCode !== null) continue;
    c.kill("SIGTERM");
    await new Promise((r) => {
      c.once("exit", r);
      setTimeout(r, 10_000);
    });
  }
  if (!message) console.log(code === 0 ? "Stopped." : "Stopped after an error.");
  process.exit(code);
}
for (const sig of ["SIGINT", "SIGTERM"])
  process.on(sig, () => {
    console.log(`\nStopping (${sig})…`);
    shutdown(0).then(() => {});
  });

/** Start the embedded PostgreSQL; resolves to its URL once it accepts connections. */
function startEmbedded() {
  ensureWritable(DATA_DIR);
  say(`Starting the embedded PostgreSQL (data in ${DATA_DIR})…`);
  const child = spawn(process.execPath, [join(ROOT, "lib/launcher/embedded-db.mjs"), join(DATA_DIR, "pglite")], { stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  return new Promise((ok) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = /READY (\d+)/.exec(out);
      if (m) ok(`postgresql://postgres@127.0.0.1:${m[1]}/postgres`);
    });
    child.on("exit", (code) => {
      if (!shuttingDown) fail(`The embedded database stopped (exit ${code}).`);
    });
  });
}

const embedded = !process.env.DATABASE_URL;
const DATABASE_URL = embedded ? await startEmbedded() : process.env.DATABASE_URL;
// Where the embedded database listens, for `npm run users` and other tools while it runs.
if (embedded) {
  const urlFile = join(DATA_DIR, "database-url");
  writeFileSync(urlFile, DATABASE_URL + "\n");
  transientFiles.push(urlFile);
}
if (!embedded) await ensureDatabase(DATABASE_URL);

Object.assign(process.env, {
  DATABASE_URL,
  EMBEDDED_DB: embedded ? "1" : "",
  NEXT_TELEMETRY_DISABLED: "1",
  AUTH_SECRET: authSecret(DATA_DIR),
  AUTH_TRUST_HOST: "true",
});
const env = process.env;
ensureGenerated(env);
const pending = await checkMigrations(DATABASE_URL);
if (pending > 0) {
  say(`Applying ${pending} database migration${pending === 1 ? "" : "s"}…`);
  run("npx", ["prisma", "migrate", "deploy"], { env, quiet: true, what: "prisma migrate deploy" });
}
run("npx", ["tsx", "prisma/seed.ts", ...(production ? ["--series"] : [])], { env });
ensureBuilt(env);

// The demo sign-ins (while the demo users keep the demo password), looked up before serving.
const demo = production ? "" : run("npx", ["tsx", "prisma/seed.ts", "--print-demo"], { env, quiet: true });
if (demo && !isLoopback(HOST)) {
  await shutdown(1, `HOST=${HOST} would put accounts with the published demo password on the network. Change their passwords first (npm run users -- password <email>), or keep the default HOST.`);
}

// The web app, in this process: stopping `npm start` stops it, whatever the signal.
process.env.NODE_ENV = "production";
const { default: next } = await import("next");
const app = next({ dev: false, dir: ROOT, hostname: HOST, port: PORT });
await app.prepare();
const handle = app.getRequestHandler();
const server = createServer((req, res) => handle(req, res));
server.once("error", (e) => {
  const why =
    e.code === "EADDRINUSE"
      ? `Port ${PORT} on ${HOST} is already in use.`
      : e.code === "ENOTFOUND" || e.code === "EADDRNOTAVAIL"
        ? `HOST=${HOST} is not an address of this machine.`
        : `Cannot listen on ${HOST}:${PORT}: ${e.message}`;
  shutdown(1, why);
});
server.listen(PORT, HOST, () => {
  if (!isLoopback(HOST)) {
    console.warn(`\x1b[33m! HOST=${HOST}: the app listens beyond this machine. This tool enforces a "No Open Ports" policy; make sure that is what you want.\x1b[0m`);
  }
  const shown = HOST.includes(":") ? `[${HOST}]` : HOST;
  const url = isLoopback(HOST) ? `http://localhost:${PORT}` : `http://${shown}:${PORT}`;
  const where = embedded ? `embedded PostgreSQL, data in ${DATA_DIR}` : `database ${new URL(DATABASE_URL).pathname.slice(1)} on ${new URL(DATABASE_URL).host}`;
  console.log(`\n\x1b[1mNo Open Ports sign-off is running at ${url}\x1b[0m  (${where})`);
  if (demo) process.stdout.write(demo);
  console.log("Stop it with Ctrl-C.\n");
});
