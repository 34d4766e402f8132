// An admin revokes an approved exception: it leaves the registry in force, and
// is listed (and served) as revoked, with the reason.
import { expect, test } from "@playwright/test";
import { fileRequest, signOff, signedIn, uniquePackage } from "../fixtures/helpers";

test("revoking an approved exception", async ({ browser }) => {
  const pkg = uniquePackage("e2e-revoke");
  const number = await fileRequest(await signedIn(browser, "dan"), { packageName: pkg });
  await signOff(await signedIn(browser, "bea"), number, "Approve");
  await signOff(await signedIn(browser, "bob"), number, "Approve");
  await signOff(await signedIn(browser, "sid"), number, "Approve");

  // A maintainer sees no revoke control; the admin does.
  const dan = await signedIn(browser, "dan");
  await dan.goto(`/requests/${number}`);
  await expect(dan.getByRole("form", { name: "Revoke exception" })).toHaveCount(0);

  const ada = await signedIn(browser, "ada");
  await ada.goto(`/requests/${number}`);
  const revoke = ada.getByRole("form", { name: "Revoke exception" });
  await revoke.getByLabel("Why is it revoked?").fill("Upstream stopped fixing security issues.");
  await revoke.getByRole("button", { name: "Revoke exception" }).click();
  await expect(ada.locator(".lede .badge")).toHaveText("Revoked");

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/registry?q=${pkg}`);
  await expect(visitor.getByText("No approved exception matches these filters.")).toBeVisible();
  await visitor.goto(`/registry?q=${pkg}&status=revoked`);
  await expect(visitor.getByRole("table", { name: "Approved exceptions" }).getByText("revoked")).toBeVisible();
  await visitor.goto(`/registry/${number}`);
  await expect(visitor.locator(".notice.error")).toContainText("This exception was revoked by Ada Admin: Upstream stopped fixing security issues.");
  const json = await (await visitor.request.get(`/api/registry/${number}`)).json();
  expect(json.status).toBe("revoked");
  expect(json.revokedAt).not.toBeNull();
  expect(new Date(json.revokedAt).getTime()).toBeGreaterThanOrEqual(new Date(json.approvedAt).getTime());
});
