// Issue 4: check a machine's ss output against the registry (public, nothing stored).
import { expect, test } from "@playwright/test";

const SS = `Netid State  Recv-Q Send-Q  Local Address:Port  Peer Address:PortProcess
udp   UNCONN 0      0            0.0.0.0:5353         0.0.0.0:*    users:(("avahi-daemon",pid=701,fd=12))
udp   UNCONN 0      0            0.0.0.0:39127        0.0.0.0:*    users:(("avahi-daemon",pid=701,fd=14))
udp   UNCONN 0      0        127.0.0.53%lo:53         0.0.0.0:*    users:(("systemd-resolve",pid=650,fd=13))
udp   UNCONN 0      0            0.0.0.0:631          0.0.0.0:*    users:(("cups-browsed",pid=1201,fd=7))`;

test("check a machine: approved, not approved and loopback listeners", async ({ page }) => {
  await page.goto("/check");
  await page.getByLabel(/Output of/).fill(SS);
  await page.getByLabel("Series").selectOption("noble");
  await page.getByLabel("Flavor").selectOption("DESKTOP");
  await page.getByRole("button", { name: "Check" }).click();
  const result = page.getByRole("region", { name: "Result" });
  await expect(result.getByRole("heading")).toContainText("1 listener is not approved");
  const rows = result.getByRole("table", { name: "Listeners" }).locator("tbody tr");
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toContainText("approved");
  await expect(rows.nth(0).getByRole("link")).toHaveText(/NOP-\d+ avahi/);
  await expect(rows.nth(1)).toContainText("Ephemeral port of avahi-daemon.");
  await expect(rows.nth(2)).toHaveAttribute("data-verdict", "loopback");
  await expect(rows.nth(3)).toHaveAttribute("data-verdict", "not-approved");
  await expect(rows.nth(3)).toContainText("cups-browsed");

  // The same machine as a Server: avahi is a Desktop exception only.
  await page.getByLabel("Flavor").selectOption("SERVER");
  await page.getByRole("button", { name: "Check" }).click();
  await expect(result.getByRole("heading")).toContainText("3 listeners are not approved");
});

test("the JSON endpoint answers the same, and names bad fields", async ({ request }) => {
  const ok = await request.post("/api/check", { data: { ss: SS, series: "noble", flavor: "desktop" } });
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(body.counts).toEqual({ approved: 2, notApproved: 1, loopback: 1 });
  expect(body.listeners.map((l: { port: number; verdict: string }) => `${l.port}:${l.verdict}`)).toEqual(["5353:approved", "39127:approved", "53:loopback", "631:not-approved"]);

  const bad = await request.post("/api/check", { data: { ss: "hello world", series: "Noble!", flavor: "laptop" } });
  expect(bad.status()).toBe(422);
  expect(Object.keys((await bad.json()).fieldErrors).sort()).toEqual(["flavor", "series"]);
  const notSs = await request.post("/api/check", { data: { ss: "hello world\nfoo bar", series: "noble", flavor: "desktop" } });
  expect(notSs.status()).toBe(422);
  expect((await notSs.json()).fieldErrors.ss[0]).toMatch(/does not look like/);
});
