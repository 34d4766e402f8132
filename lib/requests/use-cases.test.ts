// The use cases against the real PostgreSQL: validation saves nothing, races
// neither lose a vote nor finish a request twice, the audit trail is append-only.
import { execSync } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoRequest } from "../demo/exceptions";
import type { CurrentUser } from "../session";

const SERVER = process.env.TEST_PG_SERVER ?? "postgresql://postgres@127.0.0.1:5432";
const DB = `nop_usecase_test_${process.pid}_${Date.now()}`;
process.env.DATABASE_URL = `${SERVER}/${DB}`;

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

// Imported after DATABASE_URL is set: lib/db connects to it.
type Modules = {
  db: typeof import("../db").db;
  saveRequest: typeof import("./save-request").saveRequest;
  recordSignoff: typeof import("./record-signoff").recordSignoff;
  requestInfo: typeof import("./request-info").requestInfo;
  change: typeof import("./change-status");
  AppError: typeof import("../errors").AppError;
};
let m: Modules;
const users: Record<string, CurrentUser> = {};

beforeAll(async () => {
  await admin(`CREATE DATABASE "${DB}"`);
  execSync("npx prisma migrate deploy", { env: process.env, stdio: "pipe" });
  const [{ db }, { saveRequest }, { recordSignoff }, { requestInfo }, change, { AppError }, { seedSeries }] = await Promise.all([
    import("../db"),
    import("./save-request"),
    import("./record-signoff"),
    import("./request-info"),
    import("./change-status"),
    import("../errors"),
    import("../../prisma/seed"),
  ]);
  m = { db, saveRequest, recordSignoff, requestInfo, change, AppError };
  await seedSeries();
  const people: [string, CurrentUser["roles"]][] = [
    ["maint", ["MAINTAINER"]],
    ["other", ["MAINTAINER"]],
    ["b1", ["TECH_BOARD"]],
    ["b2", ["TECH_BOARD"]],
    ["b3", ["TECH_BOARD", "MAINTAINER"]],
    ["dual", ["TECH_BOARD", "SECURITY_TEAM"]],
    ["s1", ["SECURITY_TEAM"]],
    ["s2", ["SECURITY_TEAM"]],
    ["admin", ["ADMIN"]],
  ];
  for (const [key, roles] of people) {
    const u = await db.user.create({ data: { email: `${key}@test.invalid`, name: key, roles, passwordHash: "x" } });
    users[key] = { id: u.id, name: u.name, email: u.email, roles: u.roles };
  }
}, 120_000);

afterAll(async () => {
  await m?.db.$disconnect();
  await admin(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`);
});

// 4 Board members (b1, b2, b3, dual): a majority is 3.
async function submitted(key = "maint") {
  return m.saveRequest({ actor: users[key], intent: "submit", input: demoRequest("wsdd") });
}
const vote = (who: string, requestId: string, decision: "APPROVE" | "REJECT" | "ABSTAIN", body: "BOARD" | "SECURITY" = "BOARD", revision = 1) =>
  m.recordSignoff({ actor: users[who], requestId, input: { body, decision, revision, comment: decision === "REJECT" ? "Not acceptable here." : "" } });
const codeOf = (r: PromiseSettledResult<unknown>) => (r.status === "rejected" ? (r.reason as { code?: string }).code : "OK");
const status = async (id: string) => (await m.db.exceptionRequest.findUniqueOrThrow({ where: { id } })).status;
const auditTypes = async (id: string) => (await m.db.auditEvent.findMany({ where: { requestId: id }, orderBy: { id: "asc" } })).map((a) => a.type);

describe("saving", () => {
  it("bad input throws every field's error and writes nothing", async () => {
    const before = await m.db.exceptionRequest.count();
    const input = { ...demoRequest("avahi"), packageName: "Bad!", series: ["noble", "nosuch"], sockets: [{ protocol: "TCP", port: "0", bindAddress: "x", process: "", purpose: "" }] };
    const err = await m.saveRequest({ actor: users.maint, intent: "submit", input }).catch((e) => e);
    expect(err).toBeInstanceOf(m.AppError);
    expect(err.code).toBe("INVALID_INPUT");
    expect(Object.keys(err.fieldErrors).sort()).toEqual(["packageName", "sockets.0.bindAddress", "sockets.0.port", "sockets.0.process", "sockets.0.purpose"]);
    expect(await m.db.exceptionRequest.count()).toBe(before);
  });

  it("refuses a series that is not in the series table", async () => {
    const err = await m.saveRequest({ actor: users.maint, intent: "submit", input: { ...demoRequest("avahi"), series: ["noble", "zesty"] } }).catch((e) => e);
    expect(err.fieldErrors).toEqual({ series: ["Unknown series: zesty."] });
  });

  it("refuses a series past its end of life, NUL characters and garbage as field errors, not crashes", async () => {
    const eol = await m.saveRequest({ actor: users.maint, intent: "submit", input: { ...demoRequest("avahi"), series: ["plucky"] } }).catch((e) => e);
    expect(eol.fieldErrors).toEqual({ series: ["No longer supported: plucky."] });
    const nul = await m.saveRequest({ actor: users.maint, intent: "submit", input: { ...demoRequest("avahi"), justification: "a\u0000".repeat(20) } }).catch((e) => e);
    expect(nul).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { justification: ["Contains a NUL character, which cannot be stored."] } });
    for (const input of [null, 42, { sockets: [null] }, { ...demoRequest("avahi"), sockets: [null], adverts: "x" }]) {
      await expect(m.saveRequest({ actor: users.maint, intent: "submit", input })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    }
    await expect(m.recordSignoff({ actor: users.b1, requestId: "x\u0000", input: { body: "BOARD", decision: "APPROVE", revision: 1, comment: "" } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("an edit must say which revision it was made on", async () => {
    const r = await submitted();
    await expect(m.saveRequest({ actor: users.maint, id: r.id, intent: "submit", input: { ...demoRequest("wsdd"), runAsUser: "x" } })).rejects.toMatchObject({
      code: "STALE_REVISION",
    });
  });

  it("only maintainers file requests", async () => {
    await expect(m.saveRequest({ actor: users.b1, intent: "draft", input: demoRequest("avahi") })).rejects.toMatchObject({ code: "NOT_ALLOWED" });
  });

  it("a draft is edited in place, then submitted as revision 1 with a snapshot", async () => {
    const d = await m.saveRequest({ actor: users.maint, intent: "draft", input: { ...demoRequest("avahi"), justification: "" } });
    expect(d).toMatchObject({ status: "DRAFT", revision: 1 });
    const s = await m.saveRequest({ actor: users.maint, id: d.id, expectedRevision: 1, intent: "submit", input: demoRequest("avahi") });
    expect(s).toMatchObject({ status: "SUBMITTED", revision: 1, changed: ["justification"] });
    expect(await auditTypes(d.id)).toEqual(["REQUEST_CREATED", "DRAFT_UPDATED", "REQUEST_SUBMITTED"]);
    expect(await m.db.requestRevision.count({ where: { requestId: d.id } })).toBe(1);
  });

  it("someone else cannot edit the request", async () => {
    const r = await submitted();
    await expect(m.saveRequest({ actor: users.other, id: r.id, intent: "submit", input: demoRequest("wsdd") })).rejects.toMatchObject({ code: "NOT_ALLOWED" });
  });
});

describe("sign-off", () => {
  it("approval needs a Board majority of all members and a security approval, on the current revision", async () => {
    const r = await submitted();
    await vote("b1", r.id, "APPROVE");
    await vote("s1", r.id, "APPROVE", "SECURITY");
    await vote("b2", r.id, "APPROVE");
    expect(await status(r.id)).toBe("SUBMITTED"); // 2 of 3
    const last = await vote("dual", r.id, "APPROVE");
    expect(last.status).toBe("APPROVED");
    expect(last.tally.board).toMatchObject({ members: 4, threshold: 3, approve: 3 });
    expect(await auditTypes(r.id)).toEqual([
      "REQUEST_CREATED",
      "REQUEST_SUBMITTED",
      "SIGNOFF_RECORDED",
      "SIGNOFF_RECORDED",
      "SIGNOFF_RECORDED",
      "SIGNOFF_RECORDED",
      "REQUEST_APPROVED",
    ]);
  });

  it("three last votes at once: the request is approved exactly once and no vote is lost", async () => {
    const r = await submitted();
    await vote("s1", r.id, "APPROVE", "SECURITY");
    await vote("b1", r.id, "APPROVE");
    const results = await Promise.allSettled([vote("b2", r.id, "APPROVE"), vote("b3", r.id, "APPROVE"), vote("dual", r.id, "APPROVE")]);
    // The first two complete the majority; the third finds it decided.
    expect(results.map(codeOf).sort()).toEqual(["INVALID_TRANSITION", "OK", "OK"]);
    expect(await status(r.id)).toBe("APPROVED");
    expect(await m.db.signoff.count({ where: { requestId: r.id } })).toBe(4);
    expect((await auditTypes(r.id)).filter((t) => t === "REQUEST_APPROVED")).toHaveLength(1);
  });

  it("two security members approving at once: one approval finishes it, the other is refused", async () => {
    const r = await submitted();
    for (const b of ["b1", "b2", "dual"]) await vote(b, r.id, "APPROVE");
    const results = await Promise.allSettled([vote("s1", r.id, "APPROVE", "SECURITY"), vote("s2", r.id, "APPROVE", "SECURITY")]);
    expect(results.map(codeOf).sort()).toEqual(["INVALID_TRANSITION", "OK"]);
    expect(await m.db.signoff.count({ where: { requestId: r.id, body: "SECURITY" } })).toBe(1);
    expect((await auditTypes(r.id)).filter((t) => t === "REQUEST_APPROVED")).toHaveLength(1);
  });

  it("a double click records one vote", async () => {
    const r = await submitted();
    const results = await Promise.allSettled([vote("b1", r.id, "APPROVE"), vote("b1", r.id, "APPROVE")]);
    expect(results.map(codeOf).sort()).toEqual(["ALREADY_SIGNED", "OK"]);
    expect(await m.db.signoff.count({ where: { requestId: r.id } })).toBe(1);
  });

  it("the submitter cannot sign off, even holding the role", async () => {
    const r = await submitted("b3");
    await expect(vote("b3", r.id, "APPROVE")).rejects.toMatchObject({ code: "SELF_REVIEW", status: 403 });
    expect(await m.db.signoff.count({ where: { requestId: r.id } })).toBe(0);
  });

  it("a dual-role reviewer stays with the body they first acted for", async () => {
    const r = await submitted();
    await vote("dual", r.id, "APPROVE", "BOARD");
    await expect(vote("dual", r.id, "APPROVE", "SECURITY")).rejects.toMatchObject({ code: "OTHER_BODY" });
    await expect(m.requestInfo({ actor: users.dual, requestId: r.id, input: { body: "SECURITY", revision: 1, question: "A question for the submitter?" } })).rejects.toMatchObject({
      code: "OTHER_BODY",
    });
  });

  it("a security rejection rejects; rejecting needs a reason", async () => {
    const r = await submitted();
    await expect(m.recordSignoff({ actor: users.s1, requestId: r.id, input: { body: "SECURITY", decision: "REJECT", revision: 1, comment: "" } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { comment: ["Explain the rejection (at least 10 characters)."] },
    });
    const res = await vote("s1", r.id, "REJECT", "SECURITY");
    expect(res.status).toBe("REJECTED");
    const rejected = await m.db.auditEvent.findFirstOrThrow({ where: { requestId: r.id, type: "REQUEST_REJECTED" } });
    expect(rejected.payload).toMatchObject({ rejectedBy: "SECURITY" });
  });
});

describe("revisions", () => {
  it("an edit after submission makes a new revision and voids the older sign-offs", async () => {
    const r = await submitted();
    await vote("b1", r.id, "APPROVE");
    await vote("s1", r.id, "APPROVE", "SECURITY");
    const edited = await m.saveRequest({ actor: users.maint, id: r.id, expectedRevision: 1, intent: "submit", input: { ...demoRequest("wsdd"), runAsUser: "nobody" } });
    expect(edited).toMatchObject({ revision: 2, status: "SUBMITTED", changed: ["runAsUser"] });
    // A vote prepared on revision 1 is refused; on revision 2 it counts from zero.
    await expect(vote("b2", r.id, "APPROVE", "BOARD", 1)).rejects.toMatchObject({ code: "STALE_REVISION" });
    const res = await vote("b2", r.id, "APPROVE", "BOARD", 2);
    expect(res.tally.board.approve).toBe(1);
    expect(res.tally.security.approved).toBe(false);
    const revised = await m.db.auditEvent.findFirstOrThrow({ where: { requestId: r.id, type: "REQUEST_REVISED" } });
    expect(revised.payload).toMatchObject({ previousRevision: 1, changedFields: ["runAsUser"], voidedSignoffs: [{ userName: "b1" }, { userName: "s1" }] });
  });

  it("saving from a form opened on an older revision is refused", async () => {
    const r = await submitted();
    await m.saveRequest({ actor: users.maint, id: r.id, expectedRevision: 1, intent: "submit", input: { ...demoRequest("wsdd"), runAsUser: "nobody" } });
    await expect(
      m.saveRequest({ actor: users.maint, id: r.id, expectedRevision: 1, intent: "submit", input: { ...demoRequest("wsdd"), runAsUser: "other" } }),
    ).rejects.toMatchObject({ code: "STALE_REVISION" });
  });

  it("needs-info, resubmit without an edit: the votes still count", async () => {
    const r = await submitted();
    await vote("b1", r.id, "APPROVE");
    await m.requestInfo({ actor: users.s1, requestId: r.id, input: { body: "SECURITY", revision: 1, question: "Which AppArmor profile?" } });
    expect(await status(r.id)).toBe("NEEDS_INFO");
    await expect(vote("b2", r.id, "APPROVE")).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    await m.change.resubmitRequest({ actor: users.maint, requestId: r.id, note: "None yet; it runs with DynamicUser." });
    const res = await vote("b2", r.id, "APPROVE");
    expect(res.tally.board.approve).toBe(2);
  });
});

describe("other transitions", () => {
  it("withdraw is the submitter's; revoke is for admins and the Board, with a reason", async () => {
    const r = await submitted();
    await expect(m.change.withdrawRequest({ actor: users.other, requestId: r.id })).rejects.toMatchObject({ code: "NOT_ALLOWED" });
    for (const b of ["b1", "b2", "dual"]) await vote(b, r.id, "APPROVE");
    await vote("s1", r.id, "APPROVE", "SECURITY");
    await expect(m.change.withdrawRequest({ actor: users.maint, requestId: r.id })).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    await expect(m.change.revokeRequest({ actor: users.maint, requestId: r.id, reason: "I changed my mind about it" })).rejects.toMatchObject({ code: "NOT_ALLOWED" });
    await expect(m.change.revokeRequest({ actor: users.admin, requestId: r.id, reason: "" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const approved = await m.db.exceptionRequest.findUniqueOrThrow({ where: { id: r.id } });
    await m.change.revokeRequest({ actor: users.admin, requestId: r.id, reason: "Upstream abandoned; CVE unfixed." });
    const revoked = await m.db.exceptionRequest.findUniqueOrThrow({ where: { id: r.id } });
    expect(revoked.status).toBe("REVOKED");
    expect(revoked.decidedAt).toEqual(approved.decidedAt); // the approval time stays
    expect(revoked.revokedAt!.getTime()).toBeGreaterThanOrEqual(approved.decidedAt!.getTime());
  });
});

describe("policy findings on submission", () => {
  it("a blocking finding needs a written justification, which is stored with the request", async () => {
    const input = { ...demoRequest("wsdd"), runAsUser: "root" };
    const err = await m.saveRequest({ actor: users.maint, intent: "submit", input }).catch((e) => e);
    expect(err.code).toBe("INVALID_INPUT");
    expect(Object.keys(err.fieldErrors)).toEqual(["justifications.confinement.root-user"]);
    const ok = await m.saveRequest({
      actor: users.maint,
      intent: "submit",
      input: { ...input, justifications: { "confinement.root-user": "Binds a raw socket at start, then drops to wsdd.", "stale.id": "dropped" } },
    });
    const row = await m.db.exceptionRequest.findUniqueOrThrow({ where: { id: ok.id } });
    expect(row.findingJustifications).toEqual({ "confinement.root-user": "Binds a raw socket at start, then drops to wsdd." });
  });

  it("the upgrade guard: data an approved exception of the package did not expose is blocking", async () => {
    const pkg = "avahi-upgrade-test";
    const base = await m.saveRequest({ actor: users.maint, intent: "submit", input: { ...demoRequest("avahi"), packageName: pkg } });
    for (const b of ["b1", "b2", "dual"]) await vote(b, base.id, "APPROVE");
    await vote("s1", base.id, "APPROVE", "SECURITY");
    const next = {
      ...demoRequest("avahi"),
      packageName: pkg,
      packageVersion: "0.9-1",
      exposedData: [...demoRequest("avahi").exposedData, { item: "User name of the logged-in user", level: "MACHINE" as const, optIn: "" }],
    };
    const err = await m.saveRequest({ actor: users.maint, intent: "submit", input: next }).catch((e) => e);
    expect(err.code).toBe("INVALID_INPUT");
    const [key] = Object.keys(err.fieldErrors);
    expect(key).toBe("justifications.upgrade.exposedData.user-name-of-the-logged-in-user.new");
    expect(err.fieldErrors[key][0]).toContain("User name of the logged-in user");

    // Justified, submitted and approved: the comparison is fixed at submission and never moves.
    const upgrade = await m.saveRequest({
      actor: users.maint,
      intent: "submit",
      input: { ...next, justifications: { [key.slice("justifications.".length)]: "Shown only after the user enables sharing in Settings." } },
    });
    for (const b of ["b1", "b2", "dual"]) await vote(b, upgrade.id, "APPROVE");
    await vote("s1", upgrade.id, "APPROVE", "SECURITY");
    const { baselineOf } = await import("./findings");
    const row = (id: string) => m.db.exceptionRequest.findUniqueOrThrow({ where: { id } });
    expect((await baselineOf(await row(upgrade.id)))?.id).toBe(base.id);
    expect(await baselineOf(await row(base.id))).toBeNull(); // the older one is not compared with its successor
    await m.change.revokeRequest({ actor: users.admin, requestId: base.id, reason: "Superseded by the upgrade." });
    expect((await baselineOf(await row(upgrade.id)))?.id).toBe(base.id);
  });
});

describe("visibility and late findings", () => {
  it("a draft withdrawn before it was ever submitted stays private", async () => {
    const { findRequestDetail } = await import("./queries");
    const d = await m.saveRequest({ actor: users.maint, intent: "draft", input: { ...demoRequest("avahi"), justification: "secret plans" } });
    await m.change.withdrawRequest({ actor: users.maint, requestId: d.id });
    expect(await findRequestDetail(d.number, users.other)).toBeNull();
    expect(await findRequestDetail(d.number, users.b1)).toBeNull();
    expect((await findRequestDetail(d.number, users.maint))?.row.status).toBe("WITHDRAWN");
  });

  it("an approval is refused when a blocking finding appeared after submission and is not justified", async () => {
    const pkg = "late-baseline-test";
    const a = await m.saveRequest({ actor: users.maint, intent: "submit", input: { ...demoRequest("wsdd"), packageName: pkg } });
    const more = { item: "Shared folder names", level: "MACHINE" as const, optIn: "" };
    const b = await m.saveRequest({ actor: users.other, intent: "submit", input: { ...demoRequest("wsdd"), packageName: pkg, exposedData: [...demoRequest("wsdd").exposedData, more] } });
    for (const v of ["b1", "b2", "dual"]) await vote(v, a.id, "APPROVE");
    await vote("s1", a.id, "APPROVE", "SECURITY");
    // b was submitted before a was approved: now it newly exposes data compared with a.
    await expect(vote("b1", b.id, "APPROVE")).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(vote("b1", b.id, "APPROVE")).rejects.toThrow(/blocking finding without a justification since late-baseline-test/);
    expect(await m.db.signoff.count({ where: { requestId: b.id } })).toBe(0);
  });
});

describe("audit trail", () => {
  it("is append-only: UPDATE, DELETE and TRUNCATE are refused by the database", async () => {
    const r = await submitted();
    await expect(m.db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "actorName" = 'someone else' WHERE "requestId" = '${r.id}'`)).rejects.toThrow(/append-only/);
    await expect(m.db.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "requestId" = '${r.id}'`)).rejects.toThrow(/append-only/);
    await expect(m.db.$executeRawUnsafe(`TRUNCATE "AuditEvent" CASCADE`)).rejects.toThrow(/append-only/);
    expect(await auditTypes(r.id)).toEqual(["REQUEST_CREATED", "REQUEST_SUBMITTED"]);
  });
});
