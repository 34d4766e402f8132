// Demo data for an empty database: the series table, a user per role, and the
// exceptions the policy names, taken through the real workflow (the same use
// cases the app runs), so every state and audit row is one the app could make.
//   npx tsx prisma/seed.ts            seeds only if there are no users yet
//   npx tsx prisma/seed.ts --series   only makes sure the series table is filled
import "dotenv/config";
import { db } from "../lib/db";
import { DEMO_REQUESTS } from "../lib/demo/exceptions";
import { DEMO_PASSWORD, DEMO_USERS, SERIES } from "../lib/demo/users";
import { hashPassword, verifyPassword } from "../lib/passwords";
import { recordSignoff } from "../lib/requests/record-signoff";
import { saveRequest } from "../lib/requests/save-request";
import type { CurrentUser } from "../lib/session";

export async function seedSeries() {
  for (const s of SERIES) {
    await db.series.upsert({ where: { codename: s.codename }, create: s, update: {} });
  }
}

export async function seedDemo(): Promise<boolean> {
  await seedSeries();
  if ((await db.user.count()) > 0) return false;

  const hash = await hashPassword(DEMO_PASSWORD);
  const users: Record<string, CurrentUser> = {};
  for (const u of DEMO_USERS) {
    const created = await db.user.create({ data: { name: u.name, email: u.email, roles: u.roles, passwordHash: hash } });
    users[u.key] = { id: created.id, name: created.name, email: created.email, roles: created.roles };
  }

  const submitter = { dhcp: "dan", avahi: "mira", openssh: "ben", "cups-browsed": "dan", wsdd: "mira" } as const;
  for (const d of DEMO_REQUESTS) {
    const saved = await saveRequest({ actor: users[submitter[d.key]], intent: "submit", input: d.input });
    const sign = (who: string, body: "BOARD" | "SECURITY", decision: "APPROVE" | "REJECT", comment: string) =>
      recordSignoff({ actor: users[who], requestId: saved.id, input: { body, decision, revision: saved.revision, comment } });
    if (d.outcome === "APPROVED") {
      await sign("bea", "BOARD", "APPROVE", "Needed out of the box; exposure limited to machine-level information.");
      await sign("bob", "BOARD", "APPROVE", "");
      await sign("sam", "SECURITY", "APPROVE", "Runs unprivileged; security response record is good.");
    } else if (d.outcome === "REJECTED") {
      await sign(
        "sid",
        "SECURITY",
        "REJECT",
        "Contacts discovered services automatically (CVE-2024-47176) and runs as root: both against the policy.",
      );
    } else {
      await sign("bea", "BOARD", "APPROVE", "Useful for mixed networks; waiting for the security review.");
    }
  }
  return true;
}

/** The demo sign-ins, while those users still have the demo password (demo set-up only). */
export async function demoSignIns(): Promise<string[]> {
  const users = await db.user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } }, orderBy: { createdAt: "asc" } });
  const lines: string[] = [];
  for (const u of users) {
    if (await verifyPassword(DEMO_PASSWORD, u.passwordHash)) lines.push(`  ${u.email.padEnd(20)} ${u.name.padEnd(16)} ${u.roles.join(", ")}`);
  }
  return lines;
}

async function main() {
  if (process.argv.includes("--print-demo")) {
    const lines = await demoSignIns();
    if (lines.length) console.log(`Demo sign-ins (password "${DEMO_PASSWORD}"):\n${lines.join("\n")}`);
    return;
  }
  if (process.argv.includes("--series")) {
    await seedSeries();
    return;
  }
  const seeded = await seedDemo();
  console.log(seeded ? `Seeded demo data: ${DEMO_USERS.length} users, ${DEMO_REQUESTS.length} requests.` : "Database already has users: demo data not seeded.");
}

if (process.argv[1]?.endsWith("seed.ts")) {
  main()
    .catch((e) => {
      console.error(e);
      process.exitCode = 1;
    })
    .finally(() => db.$disconnect());
}
