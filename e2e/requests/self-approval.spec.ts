// (4) A submitter can never approve their own request, not even by posting the
// server action directly with a forged request id.
import { expect, test } from "@playwright/test";
import { fileRequest, signedIn, sql, uniquePackage } from "../fixtures/helpers";

test("the submitter cannot sign off their own request, even by a forged post", async ({ browser }) => {
  // Ben is a maintainer and a Technical Board member.
  const ben = await signedIn(browser, "ben");
  const own = await fileRequest(ben, { packageName: uniquePackage("e2e-own") });
  await expect(ben.getByRole("form", { name: "Sign off" })).toHaveCount(0);
  await ben.goto("/review");
  await expect(ben.getByText(`NOP-${own}`)).toHaveCount(0);

  // Someone else's request shows Ben the sign-off form; Ben rewrites its hidden
  // request id to his own request and posts the real server action.
  const mira = await signedIn(browser, "mira");
  const other = await fileRequest(mira, { packageName: uniquePackage("e2e-other") });
  const [{ id: ownId }] = await sql<{ id: string }>(`SELECT id FROM "ExceptionRequest" WHERE number = $1`, [own]);
  await ben.goto(`/requests/${other}`);
  const form = ben.getByRole("form", { name: "Sign off" });
  await form.getByLabel("Approve", { exact: true }).check();
  // Rewritten last, right before posting (React would restore it on a re-render).
  await form.locator('input[name="requestId"]').evaluate((el, id) => ((el as HTMLInputElement).value = id), ownId);
  await form.getByRole("button", { name: /Record/ }).click();
  await expect(form.getByText("You submitted this request: you cannot review it.")).toBeVisible();

  // The same with "ask for more information".
  const ask = ben.getByRole("form", { name: "Ask for more information" });
  await ask.getByLabel("Question for the submitter").fill("A question to myself, which must be refused.");
  await ask.locator('input[name="requestId"]').evaluate((el, id) => ((el as HTMLInputElement).value = id), ownId);
  await ask.getByRole("button", { name: "Ask for more information" }).click();
  await expect(ask.getByText("You submitted this request: you cannot review it.")).toBeVisible();

  const rows = await sql(`SELECT 1 FROM "Signoff" WHERE "requestId" = $1`, [ownId]);
  expect(rows).toHaveLength(0);
  const [state] = await sql<{ status: string }>(`SELECT status FROM "ExceptionRequest" WHERE id = $1`, [ownId]);
  expect(state.status).toBe("SUBMITTED");

  // And a signed-out visitor posting the form gets nothing either.
  await ben.context().clearCookies();
  await form.locator('input[name="requestId"]').evaluate((el, id) => ((el as HTMLInputElement).value = id), ownId);
  await form.getByRole("button", { name: /Record/ }).click();
  await expect(form.getByText("Your session has ended: sign in again.")).toBeVisible();
  expect(await sql(`SELECT 1 FROM "Signoff" WHERE "requestId" = $1`, [ownId])).toHaveLength(0);
});
