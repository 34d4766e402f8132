// `npm start`: install, migrate, seed demo data into an empty database, build,
// and serve the app on 127.0.0.1:3000 (HOST and PORT change that).
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { DEFAULT_DATABASE_URL, authSecret, ensureBuilt, ensureDatabase, ensureGenerated, ensureInstalled, fail, isLoopback, run, say } from "./common.mjs";

const HOST = process.env.HOST || "127.0.0.1";
const PORT = Number(process.env.PORT || 3000);
const DATABASE_URL = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;

function portFree(host, port) {
  return new Promise((resolve) => {
    const s = createServer();
    s.once("error", (e) => resolve(e.code !== "EADDRINUSE" ? true : false));
    s.listen(port, host, () => s.close(() => resolve(true)));
  });
}

ensureInstalled();
const env = { ...process.env, DATABASE_URL, NEXT_TELEMETRY_DISABLED: "1", AUTH_SECRET: authSecret(), AUTH_TRUST_HOST: "true" };
if (!Number.isInteger(PORT) || PORT < 1 || PORT > 65535) fail(`PORT must be a number from 1 to 65535, not ${process.env.PORT}.`);
if (!(await portFree(HOST, PORT))) fail(`Port ${PORT} on ${HOST} is already in use. Stop what uses it, or choose another: PORT=3001 npm start`);

await ensureDatabase(DATABASE_URL);
ensureGenerated(env);
say("Applying database migrations…");
run("npx", ["prisma", "migrate", "deploy"], { env, quiet: true, what: "prisma migrate deploy" });
run("npx", ["tsx", "prisma/seed.ts"], { env });
ensureBuilt(env);

if (!isLoopback(HOST)) {
  console.warn(`\x1b[33m! HOST=${HOST}: the app will listen beyond this machine. This tool enforces a "No Open Ports" policy; make sure that is what you want.\x1b[0m`);
}
const shown = HOST.includes(":") ? `[${HOST}]` : HOST;
const url = isLoopback(HOST) ? `http://localhost:${PORT}` : `http://${shown}:${PORT}`;
const server = spawn("npx", ["next", "start", "-H", HOST, "-p", String(PORT)], { env, stdio: ["inherit", "pipe", "inherit"] });
let announced = false;
server.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  if (!announced && /Ready/.test(String(chunk))) {
    announced = true;
    console.log(`\n\x1b[1mNo Open Ports sign-off is running at ${url}\x1b[0m  (database: ${new URL(DATABASE_URL).pathname.slice(1)})`);
    run("npx", ["tsx", "prisma/seed.ts", "--print-demo"], { env });
    console.log("Stop it with Ctrl-C.\n");
  }
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code, signal) => process.exit(signal ? 0 : (code ?? 0)));
