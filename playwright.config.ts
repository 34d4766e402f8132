import { defineConfig } from "@playwright/test";

// One fresh database per run (workers inherit the variables set here, as the
// config is evaluated first in the main process). Dropped in global teardown.
process.env.E2E_DATABASE_URL ??= `${process.env.E2E_PG_SERVER ?? "postgresql://postgres@127.0.0.1:5432"}/nop_e2e_${Date.now()}_${process.pid}`;
const port = Number(process.env.E2E_PORT ?? 3100);
process.env.E2E_BASE_URL ??= `http://localhost:${port}`;
// The tests' build lives apart from the one `npm start` serves (see next.config.js).
process.env.NEXT_DIST_DIR = ".next-e2e";

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  globalTeardown: "./e2e/fixtures/global-teardown.ts",
  use: {
    baseURL: process.env.E2E_BASE_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: {
    // Creates and migrates the run's database, seeds the demo data, builds and starts the app on loopback.
    command: `node e2e/fixtures/start-server.mjs`,
    url: `${process.env.E2E_BASE_URL}/registry`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      PORT: String(port),
      AUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
      AUTH_URL: process.env.E2E_BASE_URL,
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: ".next-e2e",
    },
  },
});
