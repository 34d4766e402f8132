// (2) A security rejection ends in REJECTED, and the request never reaches the registry.
import { expect, test } from "@playwright/test";
import { fileRequest, signOff, signedIn, sql, uniquePackage } from "../fixtures/helpers";

test("a security rejection rejects, and the request stays out of the registry", async ({ browser }) => {
  const pkg = uniquePackage("e2e-upnp");
  const dan = await signedIn(browser, "dan");
  const number = await fileRequest(dan, { packageName: pkg, socket: { protocol: "tcp", port: "8200", process: "minidlnad", purpose: "Serves the media library" } });

  // One Board approval first: the rejection still wins.
  await signOff(await signedIn(browser, "bea"), number, "Approve");
  const sid = await signedIn(browser, "sid");
  await sid.goto(`/requests/${number}`);
  const form = sid.getByRole("form", { name: "Sign off" });
  await form.getByLabel("Reject", { exact: true }).check();
  await form.getByRole("button", { name: /Record/ }).click();
  await expect(form.getByText("Explain the rejection (at least 10 characters).")).toBeVisible();
  expect(await sql(`SELECT 1 FROM "Signoff" s JOIN "User" u ON u.id = s."userId" WHERE u.email = 'sid@example.org' AND s."requestId" = (SELECT id FROM "ExceptionRequest" WHERE number = $1)`, [number])).toHaveLength(0);

  await signOff(sid, number, "Reject", "Exposes the media library without an opt-in.");
  await expect(sid.locator(".lede .badge")).toHaveText("Rejected");

  const [row] = await sql<{ status: string }>(`SELECT status FROM "ExceptionRequest" WHERE number = $1`, [number]);
  expect(row.status).toBe("REJECTED");
  const [audit] = await sql<{ payload: { rejectedBy: string } }>(
    `SELECT payload FROM "AuditEvent" WHERE type = 'REQUEST_REJECTED' AND "requestId" = (SELECT id FROM "ExceptionRequest" WHERE number = $1)`,
    [number],
  );
  expect(audit.payload.rejectedBy).toBe("SECURITY");

  // Nobody can vote any more.
  const bob = await signedIn(browser, "bob");
  await bob.goto(`/requests/${number}`);
  await expect(bob.getByRole("form", { name: "Sign off" })).toHaveCount(0);

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/registry?q=${pkg}`);
  await expect(visitor.getByText("No approved exception matches these filters.")).toBeVisible();
  expect((await visitor.goto(`/registry/${number}`))?.status()).toBe(404);
  const api = await (await visitor.request.get(`/api/registry?q=${pkg}`)).json();
  expect(api.total).toBe(0);
  expect((await visitor.request.get(`/api/registry/${number}`)).status()).toBe(404);
});
