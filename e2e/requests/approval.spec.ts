// (1) A maintainer files a request through the form; a Board majority and one
// security-team member approve it, each signed in as themselves; an anonymous
// visitor finds it in the registry with its sign-off chain.
import { expect, test } from "@playwright/test";
import { signOff, signedIn, sql, uniquePackage } from "../fixtures/helpers";

test("submit → Board majority + security approve → public registry", async ({ browser }) => {
  const pkg = uniquePackage("e2e-mdns");
  const mira = await signedIn(browser, "mira");
  await mira.goto("/requests/new");
  await mira.getByLabel("Source package").fill(pkg);
  await mira.getByLabel("Version").fill("0.8-13ubuntu6");
  await mira.getByRole("group", { name: "Series" }).getByLabel("noble").check();
  await mira.getByRole("group", { name: "Flavors" }).getByLabel("Desktop").check();
  await mira.getByLabel("Out-of-the-box benefit").fill("Finds printers and shared folders on the local network with no configuration.");
  await mira.getByRole("button", { name: "Add socket" }).click();
  await mira.getByLabel("Socket 1 protocol").selectOption("UDP");
  await mira.getByLabel("Socket 1 port").fill("5353");
  await mira.getByLabel("Socket 1 bind address").fill("0.0.0.0");
  await mira.getByLabel("Socket 1 process").fill("avahi-daemon");
  await mira.getByLabel("Socket 1 purpose").fill("mDNS responder on all interfaces");
  await mira.getByRole("button", { name: "Add socket" }).click();
  await mira.getByLabel("Socket 2 protocol").selectOption("UDP");
  await mira.getByLabel("Socket 2 ephemeral port").check();
  await mira.getByLabel("Socket 2 bind address").fill("::");
  await mira.getByLabel("Socket 2 process").fill("avahi-daemon");
  await mira.getByLabel("Socket 2 purpose").fill("Legacy unicast queries");
  await mira.getByRole("button", { name: "Add advertised service" }).click();
  await mira.getByLabel("Service 1 type").fill("_workstation._tcp");
  await mira.getByLabel("Service 1 reveals").fill("Host name and IP address");
  await mira.getByRole("button", { name: "Add exposed data" }).click();
  await mira.getByLabel("Data 1 item").fill("Host name");
  await mira.getByLabel("Runs as user").fill("avahi");
  await mira.getByLabel("It is a system user").check();
  await mira.getByLabel("Groups").fill("avahi");
  await mira.getByLabel("AppArmor", { exact: true }).selectOption("ENFORCE");
  await mira.getByLabel("AppArmor profile").fill("usr.sbin.avahi-daemon");
  await mira.getByLabel("Upstream security contact").fill("https://github.com/avahi/avahi/security");
  await mira.getByLabel(/It discovers services/).check();
  await mira.getByRole("radiogroup", { name: /separate local/ }).getByLabel("Yes").check();
  await mira.getByRole("radiogroup", { name: /only on an explicit user request/ }).getByLabel("Yes").check();
  await mira.getByLabel("How does a user turn discovery off?").fill("systemctl disable --now avahi-daemon");
  await mira.getByRole("button", { name: "Submit for sign-off" }).click();

  await expect(mira).toHaveURL(/\/requests\/\d+$/);
  const number = Number(new URL(mira.url()).pathname.split("/").pop());
  await expect(mira.getByText("Awaiting sign-off").first()).toBeVisible();

  const [stored] = await sql<{ status: string; revision: number; sockets: string; flavors: string[] }>(
    `SELECT r.status, r.revision, r.flavors::text[] AS flavors,
            (SELECT string_agg(protocol || '/' || coalesce(port::text, 'ephemeral') || '@' || "bindAddress", ' ' ORDER BY position)
               FROM "ListeningSocket" s WHERE s."requestId" = r.id) AS sockets
       FROM "ExceptionRequest" r WHERE number = $1`,
    [number],
  );
  expect(stored).toEqual({ status: "SUBMITTED", revision: 1, flavors: ["DESKTOP"], sockets: "UDP/5353@0.0.0.0 UDP/ephemeral@::" });

  // Two of the three Board members, then one security-team member.
  const bea = await signedIn(browser, "bea");
  await bea.goto("/review");
  await expect(bea.getByRole("region", { name: "Awaiting your Technical Board vote" }).getByText(pkg)).toBeVisible();
  await signOff(bea, number, "Approve", "Machine-level information only.");
  await expect(bea.getByText("1 of the 2 approvals needed")).toBeVisible();

  const bob = await signedIn(browser, "bob");
  await signOff(bob, number, "Approve");
  await expect(bob.getByText("Still missing: a security-team approval.")).toBeVisible();
  expect((await sql(`SELECT status FROM "ExceptionRequest" WHERE number = $1`, [number]))[0].status).toBe("SUBMITTED");

  const sam = await signedIn(browser, "sam");
  await sam.goto("/review");
  await expect(sam.getByRole("region", { name: "Awaiting security sign-off" }).getByText(pkg)).toBeVisible();
  await signOff(sam, number, "Approve", "Confined and unprivileged.");
  await expect(sam.locator(".lede .badge")).toHaveText("Approved");

  const audit = await sql<{ type: string; actorName: string; actorRole: string; revision: number }>(
    `SELECT a.type, a."actorName", a."actorRole", a.revision FROM "AuditEvent" a
       JOIN "ExceptionRequest" r ON r.id = a."requestId" WHERE r.number = $1 ORDER BY a.id`,
    [number],
  );
  expect(audit.map((a) => `${a.type}:${a.actorName}:${a.actorRole}:${a.revision}`)).toEqual([
    "REQUEST_CREATED:Mira Maintainer:MAINTAINER:1",
    "REQUEST_SUBMITTED:Mira Maintainer:MAINTAINER:1",
    "SIGNOFF_RECORDED:Bea Board:TECH_BOARD:1",
    "SIGNOFF_RECORDED:Bob Board:TECH_BOARD:1",
    "SIGNOFF_RECORDED:Sam Security:SECURITY_TEAM:1",
    "REQUEST_APPROVED:Sam Security:SECURITY_TEAM:1",
  ]);

  // An anonymous visitor: search the registry, open the exception, read the chain.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/registry");
  await visitor.getByLabel("Search").fill(pkg);
  await visitor.getByRole("button", { name: "Filter" }).click();
  const table = visitor.getByRole("table", { name: "Approved exceptions" });
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table.getByText("udp/5353 0.0.0.0")).toBeVisible();
  await table.getByRole("link", { name: pkg }).click();
  await expect(visitor).toHaveURL(new RegExp(`/registry/${number}$`));
  const chain = visitor.getByRole("region", { name: "Sign-off chain" });
  await expect(chain.getByRole("listitem")).toHaveCount(3);
  await expect(chain.getByRole("listitem").nth(0)).toContainText("Bea Board · Technical Board");
  await expect(chain.getByRole("listitem").nth(1)).toContainText("Bob Board · Technical Board");
  await expect(chain.getByRole("listitem").nth(2)).toContainText("Sam Security · Security team");
  await expect(chain.getByRole("listitem").nth(2)).toContainText("revision 1");

  const api = await visitor.request.get(`/api/registry/${number}`);
  expect(api.status()).toBe(200);
  const json = await api.json();
  expect(json.status).toBe("approved");
  expect(json.sockets.map((s: { protocol: string; port: number | null }) => `${s.protocol}/${s.port ?? "ephemeral"}`)).toEqual(["udp/5353", "udp/ephemeral"]);
  expect(json.signoffs.map((s: { by: string; body: string; decision: string }) => `${s.by}/${s.body}/${s.decision}`)).toEqual([
    "Bea Board/board/approve",
    "Bob Board/board/approve",
    "Sam Security/security/approve",
  ]);
});
