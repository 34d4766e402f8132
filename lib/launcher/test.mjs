// `npm test`: every test. Installs what is missing (dependencies, the Prisma
// client, Debian's Chromium when run as root), then the unit and integration
// tests (Vitest, real PostgreSQL) and the end-to-end tests (Playwright).
import { existsSync } from "node:fs";
import { ensureGenerated, ensureInstalled, fail, run, say } from "./common.mjs";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

ensureInstalled();
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
ensureGenerated(env);

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() === 0) {
    say("Installing Debian's Chromium for the browser tests…");
    run("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"]);
  } else {
    fail(`No Chromium at ${CHROMIUM}. Install Debian's package (sudo apt-get install chromium) or set CHROMIUM_PATH.`);
  }
}

say("Unit and integration tests (Vitest)…");
run("npx", ["vitest", "run"], { env, what: "Vitest" });
say("End-to-end tests (Playwright, Chromium, PostgreSQL)…");
run("npx", ["playwright", "test"], { env, what: "Playwright" });
