import { describe, expect, it } from "vitest";
import {
  STATUSES,
  TRANSITIONS,
  availableCommands,
  boardThreshold,
  decide,
  infoBodies,
  reviewableBodies,
  tally,
  type Actor,
  type Command,
  type CommandType,
  type RequestState,
  type ReviewContext,
  type SignoffRecord,
  type Status,
} from "./index";

const maintainer: Actor = { id: "m1", roles: ["MAINTAINER"] };
const otherMaintainer: Actor = { id: "m2", roles: ["MAINTAINER"] };
const board = (n: number): Actor => ({ id: `b${n}`, roles: ["TECH_BOARD"] });
const security = (n: number): Actor => ({ id: `s${n}`, roles: ["SECURITY_TEAM"] });
const admin: Actor = { id: "a1", roles: ["ADMIN"] };
const dual: Actor = { id: "d1", roles: ["TECH_BOARD", "SECURITY_TEAM"] };
const boardMaintainer: Actor = { id: "bm", roles: ["MAINTAINER", "TECH_BOARD"] };

const req = (status: Status, revision = 1, submitterId = maintainer.id): RequestState => ({ status, revision, submitterId });
const ctx = (signoffs: SignoffRecord[] = [], extra: Partial<ReviewContext> = {}): ReviewContext => ({
  boardMembers: 5,
  signoffs,
  bindings: signoffs.map((s) => ({ userId: s.userId, body: s.body })),
  ...extra,
});
const vote = (userId: string, decision: SignoffRecord["decision"], revision = 1, body: SignoffRecord["body"] = "BOARD"): SignoffRecord => ({
  userId,
  body,
  decision,
  revision,
});

/** A command and an actor entitled to issue it, so only the status decides. */
const entitled: Record<CommandType, { actor: Actor; command: Command }> = {
  SUBMIT: { actor: maintainer, command: { type: "SUBMIT" } },
  EDIT: { actor: maintainer, command: { type: "EDIT" } },
  RESUBMIT: { actor: maintainer, command: { type: "RESUBMIT" } },
  WITHDRAW: { actor: maintainer, command: { type: "WITHDRAW" } },
  COMMENT: { actor: otherMaintainer, command: { type: "COMMENT" } },
  REQUEST_INFO: { actor: security(1), command: { type: "REQUEST_INFO", body: "SECURITY", revision: 1 } },
  SIGN_OFF: { actor: board(1), command: { type: "SIGN_OFF", body: "BOARD", decision: "APPROVE", revision: 1 } },
  REVOKE: { actor: admin, command: { type: "REVOKE" } },
};

const expectedTarget: Record<CommandType, (from: Status) => Status> = {
  SUBMIT: () => "SUBMITTED",
  EDIT: (from) => from,
  RESUBMIT: () => "SUBMITTED",
  WITHDRAW: () => "WITHDRAWN",
  COMMENT: (from) => from,
  REQUEST_INFO: () => "NEEDS_INFO",
  SIGN_OFF: () => "SUBMITTED", // one Board vote of five is not yet a majority
  REVOKE: () => "REVOKED",
};

describe("transition table: every command from every status", () => {
  const legal: Record<CommandType, Status[]> = {
    SUBMIT: ["DRAFT"],
    EDIT: ["DRAFT", "SUBMITTED", "NEEDS_INFO"],
    RESUBMIT: ["NEEDS_INFO"],
    WITHDRAW: ["DRAFT", "SUBMITTED", "NEEDS_INFO"],
    COMMENT: ["SUBMITTED", "NEEDS_INFO", "APPROVED", "REJECTED", "WITHDRAWN", "REVOKED"],
    REQUEST_INFO: ["SUBMITTED"],
    SIGN_OFF: ["SUBMITTED"],
    REVOKE: ["APPROVED"],
  };

  it("the table matches the documented edges", () => {
    for (const type of Object.keys(legal) as CommandType[]) {
      expect([...TRANSITIONS[type].from].sort()).toEqual([...legal[type]].sort());
    }
  });

  for (const type of Object.keys(entitled) as CommandType[]) {
    for (const status of STATUSES) {
      const isLegal = legal[type].includes(status);
      it(`${type} from ${status} is ${isLegal ? "legal" : "refused with 409"}`, () => {
        const { actor, command } = entitled[type];
        const v = decide(req(status), actor, command, ctx());
        if (isLegal) {
          expect(v).toMatchObject({ ok: true, from: status, to: expectedTarget[type](status) });
        } else {
          expect(v).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
        }
      });
    }
  }
});

describe("who may act", () => {
  it("only the submitter submits, edits, resubmits and withdraws", () => {
    for (const type of ["SUBMIT", "EDIT", "WITHDRAW"] as const) {
      expect(decide(req("DRAFT"), otherMaintainer, { type }, ctx())).toMatchObject({ ok: false, code: "NOT_ALLOWED" });
      expect(decide(req("DRAFT"), board(1), { type }, ctx())).toMatchObject({ ok: false, code: "NOT_ALLOWED" });
    }
    expect(decide(req("NEEDS_INFO"), admin, { type: "RESUBMIT" }, ctx())).toMatchObject({ ok: false, code: "NOT_ALLOWED" });
  });

  it("a submitter who lost the maintainer role can no longer change the request", () => {
    const former: Actor = { id: maintainer.id, roles: [] };
    expect(decide(req("DRAFT"), former, { type: "SUBMIT" }, ctx())).toMatchObject({ ok: false, code: "NOT_ALLOWED" });
  });

  it("refuses the submitter's own vote and own security sign-off, even with the role", () => {
    const own = req("SUBMITTED", 1, boardMaintainer.id);
    expect(decide(own, boardMaintainer, { type: "SIGN_OFF", body: "BOARD", decision: "APPROVE", revision: 1 }, ctx())).toMatchObject({
      ok: false,
      code: "SELF_REVIEW",
    });
    const secMaintainer: Actor = { id: "sm", roles: ["MAINTAINER", "SECURITY_TEAM"] };
    expect(
      decide(req("SUBMITTED", 1, "sm"), secMaintainer, { type: "SIGN_OFF", body: "SECURITY", decision: "APPROVE", revision: 1 }, ctx()),
    ).toMatchObject({ ok: false, code: "SELF_REVIEW" });
    expect(decide(own, boardMaintainer, { type: "REQUEST_INFO", body: "BOARD", revision: 1 }, ctx())).toMatchObject({
      ok: false,
      code: "SELF_REVIEW",
    });
  });

  it("needs the body's role to act for it", () => {
    expect(decide(req("SUBMITTED"), board(1), { type: "SIGN_OFF", body: "SECURITY", decision: "APPROVE", revision: 1 }, ctx())).toMatchObject({
      ok: false,
      code: "NOT_ALLOWED",
    });
    expect(decide(req("SUBMITTED"), otherMaintainer, { type: "SIGN_OFF", body: "BOARD", decision: "APPROVE", revision: 1 }, ctx())).toMatchObject({
      ok: false,
      code: "NOT_ALLOWED",
    });
    expect(decide(req("SUBMITTED"), admin, { type: "REQUEST_INFO", body: "BOARD", revision: 1 }, ctx())).toMatchObject({
      ok: false,
      code: "NOT_ALLOWED",
    });
  });

  it("revocation is for an admin or a Board member, recorded in that role", () => {
    expect(decide(req("APPROVED"), admin, { type: "REVOKE" }, ctx())).toMatchObject({ ok: true, actingRole: "ADMIN" });
    expect(decide(req("APPROVED"), board(2), { type: "REVOKE" }, ctx())).toMatchObject({ ok: true, actingRole: "TECH_BOARD" });
    expect(decide(req("APPROVED"), security(1), { type: "REVOKE" }, ctx())).toMatchObject({ ok: false, code: "NOT_ALLOWED" });
    expect(decide(req("APPROVED"), maintainer, { type: "REVOKE" }, ctx())).toMatchObject({ ok: false, code: "NOT_ALLOWED" });
  });

  it("a person with both reviewer roles acts for only one body on a request", () => {
    const c = ctx([], { bindings: [{ userId: dual.id, body: "BOARD" }] });
    expect(decide(req("SUBMITTED"), dual, { type: "SIGN_OFF", body: "SECURITY", decision: "APPROVE", revision: 1 }, c)).toMatchObject({
      ok: false,
      code: "OTHER_BODY",
    });
    expect(decide(req("SUBMITTED"), dual, { type: "REQUEST_INFO", body: "SECURITY", revision: 1 }, c)).toMatchObject({
      ok: false,
      code: "OTHER_BODY",
    });
    expect(decide(req("SUBMITTED"), dual, { type: "SIGN_OFF", body: "BOARD", decision: "APPROVE", revision: 1 }, c)).toMatchObject({
      ok: true,
      bindsReviewer: false,
    });
    expect(reviewableBodies(req("SUBMITTED"), dual, c)).toEqual(["BOARD"]);
  });

  it("a reviewer who has signed off can still ask for information, for the body they act for", () => {
    const c = ctx([vote("b1", "APPROVE")]);
    expect(reviewableBodies(req("SUBMITTED"), board(1), c)).toEqual([]);
    expect(infoBodies(req("SUBMITTED"), board(1), c)).toEqual(["BOARD"]);
    expect(infoBodies(req("SUBMITTED"), dual, ctx())).toEqual(["BOARD", "SECURITY"]);
    expect(infoBodies(req("SUBMITTED", 1, dual.id), dual, ctx())).toEqual([]);
  });

  it("an unbound dual-role reviewer may choose either body, and the choice binds", () => {
    expect(reviewableBodies(req("SUBMITTED"), dual, ctx())).toEqual(["BOARD", "SECURITY"]);
    expect(decide(req("SUBMITTED"), dual, { type: "SIGN_OFF", body: "SECURITY", decision: "APPROVE", revision: 1 }, ctx())).toMatchObject({
      ok: true,
      body: "SECURITY",
      bindsReviewer: true,
      actingRole: "SECURITY_TEAM",
    });
  });
});

describe("revisions", () => {
  it("a draft is edited in place; a submitted request gets a new revision per edit", () => {
    expect(decide(req("DRAFT", 1), maintainer, { type: "EDIT" })).toMatchObject({ ok: true, revision: 1 });
    expect(decide(req("SUBMITTED", 1), maintainer, { type: "EDIT" })).toMatchObject({ ok: true, revision: 2, to: "SUBMITTED" });
    expect(decide(req("NEEDS_INFO", 3), maintainer, { type: "EDIT" })).toMatchObject({ ok: true, revision: 4, to: "NEEDS_INFO" });
  });

  it("refuses a sign-off or an information request made on an older revision", () => {
    const v = decide(req("SUBMITTED", 2), board(1), { type: "SIGN_OFF", body: "BOARD", decision: "APPROVE", revision: 1 }, ctx());
    expect(v).toMatchObject({ ok: false, code: "STALE_REVISION" });
    if (!v.ok) expect(v.message).toContain("revision 2");
    expect(decide(req("SUBMITTED", 2), security(1), { type: "REQUEST_INFO", body: "SECURITY", revision: 1 }, ctx())).toMatchObject({
      ok: false,
      code: "STALE_REVISION",
    });
  });

  it("votes on an older revision are stale and do not count", () => {
    const old = [vote("b1", "APPROVE", 1), vote("b2", "APPROVE", 1), vote("b3", "APPROVE", 1), vote("s1", "APPROVE", 1, "SECURITY")];
    expect(tally(ctx(old), 1).outcome).toBe("APPROVED");
    const t = tally(ctx(old), 2);
    expect(t.board.approve).toBe(0);
    expect(t.security.approved).toBe(false);
    expect(t.outcome).toBe("PENDING");
  });

  it("a reviewer who voted on an older revision votes again on the new one", () => {
    const c = ctx([vote("b1", "APPROVE", 1)]);
    expect(decide(req("SUBMITTED", 2), board(1), { type: "SIGN_OFF", body: "BOARD", decision: "REJECT", revision: 2 }, c)).toMatchObject({
      ok: true,
    });
  });

  it("one sign-off per reviewer per revision", () => {
    const c = ctx([vote("b1", "ABSTAIN", 1)]);
    expect(decide(req("SUBMITTED", 1), board(1), { type: "SIGN_OFF", body: "BOARD", decision: "APPROVE", revision: 1 }, c)).toMatchObject({
      ok: false,
      code: "ALREADY_SIGNED",
    });
  });
});

describe("counting: both bodies on the current revision", () => {
  it("majority of all Board members: 3 of 5, 2 of 3, 2 of 2, 3 of 4, 1 of 1", () => {
    expect(boardThreshold(5)).toBe(3);
    expect(boardThreshold(3)).toBe(2);
    expect(boardThreshold(2)).toBe(2);
    expect(boardThreshold(4)).toBe(3);
    expect(boardThreshold(1)).toBe(1);
  });

  it("a configured threshold replaces the majority, within 1..members", () => {
    expect(boardThreshold(5, 2)).toBe(2);
    expect(boardThreshold(5, 9)).toBe(5);
    expect(boardThreshold(5, 0)).toBe(3);
    expect(boardThreshold(5, 1.5)).toBe(3);
  });

  it("the Board majority alone does not approve: security must approve too", () => {
    const c = ctx([vote("b1", "APPROVE"), vote("b2", "APPROVE")]);
    const v = decide(req("SUBMITTED"), board(3), { type: "SIGN_OFF", body: "BOARD", decision: "APPROVE", revision: 1 }, c);
    expect(v).toMatchObject({ ok: true, to: "SUBMITTED" });
    if (v.ok) expect(v.tally).toMatchObject({ board: { approve: 3, threshold: 3, approved: true }, security: { approved: false } });
  });

  it("security alone does not approve: the Board majority must too", () => {
    const c = ctx([vote("b1", "APPROVE"), vote("b2", "APPROVE")]);
    expect(decide(req("SUBMITTED"), security(1), { type: "SIGN_OFF", body: "SECURITY", decision: "APPROVE", revision: 1 }, c)).toMatchObject({
      ok: true,
      to: "SUBMITTED",
    });
  });

  it("approves when the last missing sign-off arrives, in either order", () => {
    const boardFirst = ctx([vote("b1", "APPROVE"), vote("b2", "APPROVE"), vote("b3", "APPROVE")]);
    expect(decide(req("SUBMITTED"), security(1), { type: "SIGN_OFF", body: "SECURITY", decision: "APPROVE", revision: 1 }, boardFirst)).toMatchObject({
      ok: true,
      to: "APPROVED",
    });
    const securityFirst = ctx([vote("s1", "APPROVE", 1, "SECURITY"), vote("b1", "APPROVE"), vote("b2", "APPROVE")]);
    expect(decide(req("SUBMITTED"), board(3), { type: "SIGN_OFF", body: "BOARD", decision: "APPROVE", revision: 1 }, securityFirst)).toMatchObject({
      ok: true,
      to: "APPROVED",
    });
  });

  it("abstentions do not count toward the majority", () => {
    const c = ctx([vote("s1", "APPROVE", 1, "SECURITY"), vote("b1", "APPROVE"), vote("b2", "ABSTAIN"), vote("b4", "ABSTAIN")]);
    expect(decide(req("SUBMITTED"), board(3), { type: "SIGN_OFF", body: "BOARD", decision: "APPROVE", revision: 1 }, c)).toMatchObject({
      to: "SUBMITTED",
    });
  });

  it("one security rejection rejects, whatever the Board said", () => {
    const c = ctx([vote("b1", "APPROVE"), vote("b2", "APPROVE"), vote("b3", "APPROVE")]);
    expect(decide(req("SUBMITTED"), security(1), { type: "SIGN_OFF", body: "SECURITY", decision: "REJECT", revision: 1 }, c)).toMatchObject({
      ok: true,
      to: "REJECTED",
    });
  });

  it("Board reject votes reaching the majority reject; fewer do not", () => {
    const c = ctx([vote("b1", "REJECT"), vote("s1", "APPROVE", 1, "SECURITY")]);
    expect(decide(req("SUBMITTED"), board(2), { type: "SIGN_OFF", body: "BOARD", decision: "REJECT", revision: 1 }, c)).toMatchObject({
      to: "SUBMITTED",
    });
    const c2 = ctx([vote("b1", "REJECT"), vote("b2", "REJECT")]);
    expect(decide(req("SUBMITTED"), board(3), { type: "SIGN_OFF", body: "BOARD", decision: "REJECT", revision: 1 }, c2)).toMatchObject({
      to: "REJECTED",
    });
  });

  it("security cannot abstain", () => {
    expect(decide(req("SUBMITTED"), security(1), { type: "SIGN_OFF", body: "SECURITY", decision: "ABSTAIN", revision: 1 }, ctx())).toMatchObject({
      ok: false,
      code: "INVALID_DECISION",
    });
  });
});

describe("availableCommands", () => {
  it("shows the submitter their own controls and no review controls", () => {
    expect([...availableCommands(req("SUBMITTED", 1, boardMaintainer.id), boardMaintainer, ctx())].sort()).toEqual(["COMMENT", "EDIT", "WITHDRAW"]);
  });
  it("shows a Board member the review controls", () => {
    expect([...availableCommands(req("SUBMITTED"), board(1), ctx())].sort()).toEqual(["COMMENT", "REQUEST_INFO", "SIGN_OFF"]);
  });
  it("shows nothing but comments once decided, revocation to an admin", () => {
    expect([...availableCommands(req("APPROVED"), admin, ctx())].sort()).toEqual(["COMMENT", "REVOKE"]);
    expect([...availableCommands(req("REJECTED"), board(1), ctx())]).toEqual(["COMMENT"]);
  });
});
