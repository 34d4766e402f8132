// Screenshots of every page, for a person to look at (not a test).
//   BASE_URL=http://localhost:3000 OUT=/tmp/shots node e2e/tools/screenshots.mjs
import { chromium } from "@playwright/test";
import { mkdirSync } from "node:fs";

const base = process.env.BASE_URL ?? "http://localhost:3000";
const out = process.env.OUT ?? "/tmp/shots";
const password = "open-ports-demo";
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });

async function shoot(page, name, path, full = true) {
  if (path) await page.goto(base + path);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: full });
  console.log(`${out}/${name}.png`);
}

async function as(email) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(base + "/signin");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
  return page;
}

const anon = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
await shoot(anon, "01-home", "/");
await shoot(anon, "02-registry", "/registry");
await shoot(anon, "03-registry-filtered", "/registry?protocol=udp&sort=approved&dir=desc");
await shoot(anon, "04-public-exception", "/registry/2");
await shoot(anon, "05-signin", "/signin");

const mira = await as("mira@example.org");
await shoot(mira, "06-my-requests", "/requests");
await shoot(mira, "07-new-request", "/requests/new");
await mira.getByRole("button", { name: "Submit for sign-off" }).click();
await shoot(mira, "08-new-request-errors", null);
await shoot(mira, "09-request-detail-pending", "/requests/5");

const sam = await as("sam@example.org");
await shoot(sam, "10-review-queue-security", "/review");
await shoot(sam, "11-request-detail-reviewer", "/requests/5");
await shoot(sam, "12-rejected", "/requests/4");
await shoot(sam, "13-all-requests", "/requests/all");
await browser.close();
