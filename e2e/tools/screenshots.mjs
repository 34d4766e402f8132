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

await mira.goto(base + "/requests/new");
await mira.getByLabel("Source package").fill("avahi");
await mira.getByLabel("Runs as user").fill("root");
await mira.getByRole("button", { name: "Add exposed data" }).click();
await mira.getByLabel("Data 1 item").fill("Names of shared music playlists");
await mira.getByLabel("Data 1 level").selectOption("APPLICATION");
await mira.waitForTimeout(1200);
await mira.getByRole("region", { name: "Policy checks" }).screenshot({ path: `${out}/14-form-findings.png` });
console.log(`${out}/14-form-findings.png`);

const sam = await as("sam@example.org");
await shoot(sam, "15-rejected-with-justifications", "/requests/4");
await shoot(sam, "10-review-queue-security", "/review");
await shoot(sam, "11-request-detail-reviewer", "/requests/5");
await shoot(sam, "12-rejected", "/requests/4");
await shoot(sam, "13-all-requests", "/requests/all");
await sam.goto(base + "/check");
await sam.getByLabel(/Output of/).fill(`Netid State  Recv-Q Send-Q  Local Address:Port  Peer Address:PortProcess
udp   UNCONN 0      0            0.0.0.0:5353         0.0.0.0:*    users:(("avahi-daemon",pid=701,fd=12))
udp   UNCONN 0      0        127.0.0.53%lo:53         0.0.0.0:*    users:(("systemd-resolve",pid=650,fd=13))
udp   UNCONN 0      0            0.0.0.0:631          0.0.0.0:*    users:(("cups-browsed",pid=1201,fd=7))
tcp   LISTEN 0      4096         0.0.0.0:22           0.0.0.0:*    users:(("sshd",pid=900,fd=3),("systemd",pid=1,fd=50))`);
await sam.getByRole("button", { name: "Check" }).click();
await sam.getByRole("region", { name: "Result" }).waitFor();
await shoot(sam, "16-check-machine", null);
const phone = await (await browser.newContext({ viewport: { width: 390, height: 800 } })).newPage();
await shoot(phone, "17-mobile-registry", "/registry");
await browser.close();
