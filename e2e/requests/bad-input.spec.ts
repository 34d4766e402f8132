// (5) Bad input shows every field's error next to the field, and saves nothing.
import { expect, test } from "@playwright/test";
import { signedIn, sql } from "../fixtures/helpers";

test("bad input: every field's error is shown and nothing is saved", async ({ browser }) => {
  const started = new Date();
  const mira = await signedIn(browser, "mira");
  // Other specs run in parallel, but all their packages are named e2e-*.
  const saved = () => sql(`SELECT 1 FROM "ExceptionRequest" WHERE "packageName" NOT LIKE 'e2e-%' AND "createdAt" >= $1`, [started]);

  await mira.goto("/requests/new");
  await mira.getByLabel("Source package").fill("Bad Name!");
  await mira.getByLabel("Version").fill("v1");
  await mira.getByLabel("Out-of-the-box benefit").fill("too short");
  await mira.getByRole("button", { name: "Add socket" }).click();
  await mira.getByLabel("Socket 1 port").fill("70000");
  await mira.getByLabel("Socket 1 bind address").fill("everywhere");
  await mira.getByRole("button", { name: "Add advertised service" }).click();
  await mira.getByLabel("Service 1 type").fill("ipp over tcp");
  await mira.getByLabel("Capabilities").fill("CAP_NET_BIND");
  await mira.getByLabel("Groups").fill("Not A Group");
  await mira.getByRole("button", { name: "Submit for sign-off" }).click();

  const expected = [
    "Debian package names use lower-case letters",
    "Not a Debian version",
    "Choose at least one series.",
    "Choose at least one flavor.",
    "Explain the benefit in a few sentences (at least 30 characters).",
    "Port must be from 1 to 65535.",
    "Not a bind address",
    "Name the process or systemd unit that listens.",
    "Say what this socket is for.",
    "A DNS-SD service type looks like _ipp._tcp",
    "Say what the advertisement reveals",
    "Enter the user the process runs as.",
    "Not a Linux capability",
    "Not a group name.",
  ];
  for (const text of expected) await expect(mira.getByText(text).first()).toBeVisible();
  await expect(mira.getByText(/fields need attention; nothing was saved/)).toBeVisible();
  await expect(mira.getByLabel("Source package")).toHaveAttribute("aria-invalid", "true");
  await expect(mira.getByLabel("Socket 1 port")).toHaveAttribute("aria-invalid", "true");
  await expect(mira).toHaveURL(/\/requests\/new$/);

  // Saving it as a draft is refused too (the draft needs a valid name and well-formed rows).
  await mira.getByRole("button", { name: "Save draft" }).click();
  await expect(mira.getByText(/need attention; nothing was saved/)).toBeVisible();

  expect(await saved()).toHaveLength(0);
  // What was typed is still there to correct.
  await expect(mira.getByLabel("Source package")).toHaveValue("Bad Name!");
  await expect(mira.getByLabel("Socket 1 port")).toHaveValue("70000");
});
