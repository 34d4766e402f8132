// (3) needs-info → edit → resubmit: the edit makes revision 2 and voids the votes given to revision 1.
import { expect, test } from "@playwright/test";
import { fileRequest, signOff, signedIn, sql, uniquePackage } from "../fixtures/helpers";

test("asking for information, editing and resubmitting voids earlier votes", async ({ browser }) => {
  const pkg = uniquePackage("e2e-wsd");
  const mira = await signedIn(browser, "mira");
  const number = await fileRequest(mira, { packageName: pkg, socket: { protocol: "udp", port: "3702", process: "wsdd", purpose: "WS-Discovery" } });

  const bea = await signedIn(browser, "bea");
  await signOff(bea, number, "Approve", "Fine by me.");

  const sam = await signedIn(browser, "sam");
  await sam.goto(`/requests/${number}`);
  const ask = sam.getByRole("form", { name: "Ask for more information" });
  await ask.getByLabel("Question for the submitter").fill("Which user does wsdd run as, and is there an AppArmor profile?");
  await ask.getByRole("button", { name: "Ask for more information" }).click();
  await expect(sam.locator(".lede .badge")).toHaveText("Needs information");
  await expect(ask).toHaveCount(0);

  // While it waits for the submitter, nobody can vote.
  await bea.goto(`/requests/${number}`);
  await expect(bea.getByRole("form", { name: "Sign off" })).toHaveCount(0);

  await mira.goto(`/requests/${number}`);
  await expect(mira.locator(".notice.warn")).toContainText("Which user does wsdd run as");
  await mira.getByRole("link", { name: "Edit and resubmit" }).click();
  await mira.getByLabel("Runs as user").fill("wsdd");
  await mira.getByLabel("systemd sandboxing").fill("DynamicUser=yes\nProtectSystem=strict");
  await mira.getByRole("button", { name: "Save and resubmit" }).click();
  await expect(mira).toHaveURL(new RegExp(`/requests/${number}$`));
  await expect(mira.locator(".lede")).toContainText("Awaiting sign-off Revision 2");

  // Bea's vote was for revision 1: shown as void, not counted.
  await bea.goto(`/requests/${number}`);
  const panel = bea.getByRole("region", { name: "Sign-offs" });
  await expect(panel.getByText("0 of the 2 approvals needed")).toBeVisible();
  await expect(panel.getByText("Void: given to earlier revisions")).toBeVisible();
  await expect(panel.locator("[data-stale-signoff]")).toContainText("Bea Board · Technical Board · revision 1");
  await expect(bea.getByRole("form", { name: "Sign off" })).toContainText("revision 2");

  const rows = await sql<{ revision: number; decision: string }>(
    `SELECT s.revision, s.decision FROM "Signoff" s JOIN "ExceptionRequest" r ON r.id = s."requestId" WHERE r.number = $1`,
    [number],
  );
  expect(rows).toEqual([{ revision: 1, decision: "APPROVE" }]);
  const [revised] = await sql<{ revision: number; payload: { previousRevision: number; changedFields: string[]; voidedSignoffs: { userName: string }[] } }>(
    `SELECT a.revision, a.payload FROM "AuditEvent" a JOIN "ExceptionRequest" r ON r.id = a."requestId" WHERE r.number = $1 AND a.type = 'REQUEST_REVISED'`,
    [number],
  );
  expect(revised.revision).toBe(2);
  expect(revised.payload.previousRevision).toBe(1);
  expect(revised.payload.changedFields.sort()).toEqual(["runAsUser", "systemdSandboxing"]);
  expect(revised.payload.voidedSignoffs.map((v) => v.userName)).toEqual(["Bea Board"]);
  const revisions = await sql<{ number: number }>(
    `SELECT v.number FROM "RequestRevision" v JOIN "ExceptionRequest" r ON r.id = v."requestId" WHERE r.number = $1 ORDER BY v.number`,
    [number],
  );
  expect(revisions.map((r) => r.number)).toEqual([1, 2]);

  // Reviewers can read what changed between the revisions.
  await bea.getByRole("link", { name: "Revision 2" }).click();
  await expect(bea.locator(".notice.info")).toContainText("Changed from revision 1: run-as user, systemd sandboxing.");
  await bea.goto(`/requests/${number}`);

  // Bea votes again, on revision 2 this time.
  await signOff(bea, number, "Approve");
  await expect(panel.getByText("1 of the 2 approvals needed")).toBeVisible();
});
