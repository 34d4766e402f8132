// Sign-in hardening: same-site redirects only, sign-out ends every copy of the
// session, password guessing is throttled, pages cannot be framed.
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../../lib/demo/users";
import { signedIn } from "../fixtures/helpers";

test("after sign-in, a callback to another site goes home instead", async ({ page }) => {
  for (const evil of ["/%5Cevil.example", "/%09/evil.example", "//evil.example", "https://evil.example/"]) {
    await page.context().clearCookies();
    await page.goto(`/signin?callbackUrl=${evil}`);
    await page.getByLabel("E-mail").fill("mira@example.org");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    expect(new URL(page.url()).host).toBe(new URL(process.env.E2E_BASE_URL!).host);
  }
});

test("signing out invalidates the session token everywhere", async ({ browser }) => {
  const dan = await signedIn(browser, "dan");
  const stolen = await dan.context().cookies();
  await dan.getByRole("button", { name: "Sign out" }).click();
  await expect(dan.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();

  const replay = await browser.newContext();
  await replay.addCookies(stolen);
  const page = await replay.newPage();
  await page.goto("/requests");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Frequests/);
});

test("password guessing is throttled per account", async ({ page }) => {
  // An account of its own: the demo users are needed, unthrottled, by the other specs.
  const email = `guess-${Date.now()}@example.org`;
  const attempt = async (password: string) => {
    await page.goto("/signin");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  };
  for (let i = 0; i < 5; i++) {
    await attempt(`wrong-${i}`);
    await expect(page.getByText("Wrong e-mail address or password.")).toBeVisible();
  }
  await attempt(DEMO_PASSWORD); // whatever the password, the account waits now
  await expect(page.getByText("Too many failed sign-ins: wait 15 minutes before trying again.")).toBeVisible();
});

test("pages refuse to be framed", async ({ request }) => {
  const res = await request.get("/registry");
  expect(res.headers()["x-frame-options"]).toBe("DENY");
  expect(res.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});
