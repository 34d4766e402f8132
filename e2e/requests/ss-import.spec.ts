// Issue 4: paste `ss` output into the form, see the sockets filled and the
// policy findings; a blocking finding needs a written justification to submit.
import { expect, test } from "@playwright/test";
import { signedIn, sql, uniquePackage } from "../fixtures/helpers";

const SS = `Netid State  Recv-Q Send-Q  Local Address:Port  Peer Address:PortProcess
udp   UNCONN 0      0        127.0.0.53%lo:53         0.0.0.0:*    users:(("systemd-resolve",pid=650,fd=13))
udp   UNCONN 0      0            0.0.0.0:631          0.0.0.0:*    users:(("cups-browsed",pid=1201,fd=7))
tcp   LISTEN 0      128        127.0.1.1:631          0.0.0.0:*    users:(("cupsd",pid=1100,fd=7))
tcp   LISTEN 0      4096           [::]:8631             [::]:*    users:(("ippd",pid=1300,fd=8))
this line is not a socket`;

test("ss import fills the sockets; blocking findings need a justification", async ({ browser }) => {
  const pkg = uniquePackage("e2e-ipp");
  const dan = await signedIn(browser, "dan");
  await dan.goto("/requests/new");
  await dan.getByLabel("Source package").fill(pkg);
  await dan.getByLabel("Version").fill("2.0.0-1");
  await dan.getByRole("group", { name: "Series" }).getByLabel("noble").check();
  await dan.getByRole("group", { name: "Flavors" }).getByLabel("Desktop").check();
  await dan.getByLabel("Out-of-the-box benefit").fill("Network printers appear without any configuration on the desktop.");

  await dan.getByText("Fill from ss output").click();
  await dan.getByLabel("ss output").fill(SS);
  await dan.getByRole("button", { name: "Add sockets from ss output" }).click();
  // Loopback (127.0.0.53 and 127.0.1.1, which the policy's grep would miss) is left out.
  await expect(dan.getByText("Added 2 listening sockets; left out 2 loopback listeners.", { exact: false })).toBeVisible();
  await expect(dan.getByText("Line 6 skipped:")).toBeVisible();
  await expect(dan.getByLabel("Socket 1 protocol")).toHaveValue("UDP");
  await expect(dan.getByLabel("Socket 1 port")).toHaveValue("631");
  await expect(dan.getByLabel("Socket 1 bind address")).toHaveValue("0.0.0.0");
  await expect(dan.getByLabel("Socket 1 process")).toHaveValue("cups-browsed");
  await expect(dan.getByLabel("Socket 2 protocol")).toHaveValue("TCP");
  await expect(dan.getByLabel("Socket 2 port")).toHaveValue("8631");
  await expect(dan.getByLabel("Socket 2 bind address")).toHaveValue("::");
  await expect(dan.getByLabel("Socket 3 port")).toHaveCount(0);
  await dan.getByLabel("Socket 1 purpose").fill("Receives printer announcements");
  await dan.getByLabel("Socket 2 purpose").fill("IPP for local clients only");

  // Running as root is blocking, live, as it is typed.
  const checks = dan.getByRole("region", { name: "Policy checks" });
  await dan.getByLabel("Runs as user").fill("root");
  await dan.getByLabel("It is a system user").check();
  await expect(checks.locator('[data-finding="confinement.root-user"]')).toContainText("Blocking");
  await expect(checks.locator('[data-finding="sockets.1.wildcard-local"]')).toContainText("Warning");

  await dan.getByRole("button", { name: "Submit for sign-off" }).click();
  await expect(checks.getByText(/Justify it, or change the request/)).toBeVisible();
  expect(await sql(`SELECT 1 FROM "ExceptionRequest" WHERE "packageName" = $1`, [pkg])).toHaveLength(0);

  await checks.getByLabel("Justification for confinement.root-user").fill("Needs root to create print queues; a split into a helper is planned upstream.");
  await dan.getByRole("button", { name: "Submit for sign-off" }).click();
  await expect(dan).toHaveURL(/\/requests\/\d+$/);
  const view = dan.getByRole("region", { name: "Policy checks" });
  await expect(view.locator('[data-finding="confinement.root-user"]')).toContainText("Submitter’s justification: Needs root to create print queues");

  const [row] = await sql<{ status: string; j: Record<string, string>; sockets: string }>(
    `SELECT status, "findingJustifications" AS j,
            (SELECT string_agg(lower(protocol::text) || '/' || port || '@' || "bindAddress" || '=' || process, ' ' ORDER BY position) FROM "ListeningSocket" s WHERE s."requestId" = r.id) AS sockets
       FROM "ExceptionRequest" r WHERE "packageName" = $1`,
    [pkg],
  );
  expect(row.status).toBe("SUBMITTED");
  expect(row.sockets).toBe("udp/631@0.0.0.0=cups-browsed tcp/8631@::=ippd");
  expect(row.j).toEqual({ "confinement.root-user": "Needs root to create print queues; a split into a helper is planned upstream." });

  // Reviewers see the count in their queue.
  const bea = await signedIn(browser, "bea");
  await bea.goto("/review");
  await expect(bea.getByRole("row", { name: new RegExp(pkg) })).toContainText("1 blocking");
});
