// The sign-off workflow: one transition table and one decision function.
// Every writer of workflow state (lib/requests/*) asks `decide()` inside its
// database transaction, with the rows it has just locked; the UI asks
// `availableCommands()` to know which buttons to show. Pure: no I/O.
import {
  BODY_LABEL,
  BODY_ROLE,
  type Actor,
  type Body,
  type Command,
  type CommandType,
  type Decision,
  type RequestState,
  type ReviewContext,
  type Role,
  type SignoffRecord,
  type Status,
  type Tally,
  type Verdict,
  type WorkflowErrorCode,
} from "./types";

/** Who may issue a command, relative to the request. */
type Party = "submitter" | "reviewer" | "revoker" | "participant";

interface Transition {
  from: readonly Status[];
  /** Target status; "same" keeps it; "tally" lets the sign-off count decide. */
  to: Status | "same" | "tally";
  by: Party;
}

export const TRANSITIONS: Readonly<Record<CommandType, Transition>> = {
  SUBMIT: { from: ["DRAFT"], to: "SUBMITTED", by: "submitter" },
  EDIT: { from: ["DRAFT", "SUBMITTED", "NEEDS_INFO"], to: "same", by: "submitter" },
  REQUEST_INFO: { from: ["SUBMITTED"], to: "NEEDS_INFO", by: "reviewer" },
  RESUBMIT: { from: ["NEEDS_INFO"], to: "SUBMITTED", by: "submitter" },
  WITHDRAW: { from: ["DRAFT", "SUBMITTED", "NEEDS_INFO"], to: "WITHDRAWN", by: "submitter" },
  SIGN_OFF: { from: ["SUBMITTED"], to: "tally", by: "reviewer" },
  REVOKE: { from: ["APPROVED"], to: "REVOKED", by: "revoker" },
  COMMENT: { from: ["SUBMITTED", "NEEDS_INFO", "APPROVED", "REJECTED", "WITHDRAWN", "REVOKED"], to: "same", by: "participant" },
};

const fail = (code: WorkflowErrorCode, message: string): Verdict => ({ ok: false, code, message });

/** Approve votes the Board needs: a majority of all members unless configured. */
export function boardThreshold(members: number, configured?: number): number {
  const majority = Math.floor(members / 2) + 1;
  if (configured === undefined || !Number.isInteger(configured) || configured < 1) return majority;
  return Math.min(configured, Math.max(members, 1));
}

/** Count the sign-offs given on `revision`; older revisions' sign-offs are stale and do not count. */
export function tally(ctx: Pick<ReviewContext, "boardMembers" | "boardThreshold" | "signoffs">, revision: number): Tally {
  const current = ctx.signoffs.filter((s) => s.revision === revision);
  const count = (body: Body, decision: Decision) =>
    current.filter((s) => s.body === body && s.decision === decision).length;
  const threshold = boardThreshold(ctx.boardMembers, ctx.boardThreshold);
  const board = {
    members: ctx.boardMembers,
    threshold,
    approve: count("BOARD", "APPROVE"),
    reject: count("BOARD", "REJECT"),
    abstain: count("BOARD", "ABSTAIN"),
    approved: false,
    rejected: false,
  };
  board.approved = board.approve >= threshold;
  board.rejected = board.reject >= threshold;
  const security = { approve: count("SECURITY", "APPROVE"), reject: count("SECURITY", "REJECT"), approved: false, rejected: false };
  security.approved = security.approve > 0;
  security.rejected = security.reject > 0;
  const outcome = board.rejected || security.rejected ? "REJECTED" : board.approved && security.approved ? "APPROVED" : "PENDING";
  return { revision, board, security, outcome };
}

function reviewerCheck(request: RequestState, actor: Actor, body: Body, revision: number, ctx: ReviewContext): Verdict | null {
  if (!actor.roles.includes(BODY_ROLE[body])) {
    return fail("NOT_ALLOWED", `Only members of the ${BODY_LABEL[body]} can act for it.`);
  }
  if (actor.id === request.submitterId) {
    return fail("SELF_REVIEW", "You submitted this request: you cannot review it.");
  }
  const binding = ctx.bindings.find((b) => b.userId === actor.id);
  if (binding && binding.body !== body) {
    return fail(
      "OTHER_BODY",
      `You already act for the ${BODY_LABEL[binding.body]} on this request; one person acts for only one body on a request.`,
    );
  }
  if (revision !== request.revision) {
    return fail(
      "STALE_REVISION",
      `You reviewed revision ${revision}, but the request is now at revision ${request.revision}. Reload it and review the changes.`,
    );
  }
  return null;
}

/**
 * Decide whether `actor` may apply `command` to `request`, and what follows.
 * `ctx` is needed for REQUEST_INFO and SIGN_OFF (reviews) only.
 */
export function decide(request: RequestState, actor: Actor, command: Command, ctx?: ReviewContext): Verdict {
  const t = TRANSITIONS[command.type];
  const isSubmitter = actor.id === request.submitterId;

  // Who, before where: a stranger learns nothing from the status.
  switch (t.by) {
    case "submitter":
      if (!isSubmitter) return fail("NOT_ALLOWED", "Only the person who filed this request can do that.");
      if (!actor.roles.includes("MAINTAINER")) return fail("NOT_ALLOWED", "You need the maintainer role to file or change requests.");
      break;
    case "revoker":
      if (!actor.roles.includes("ADMIN") && !actor.roles.includes("TECH_BOARD")) {
        return fail("NOT_ALLOWED", "Only an administrator or a Technical Board member can revoke an exception.");
      }
      break;
    case "participant":
    case "reviewer":
      break;
  }

  if (!t.from.includes(request.status)) {
    return fail("INVALID_TRANSITION", invalidMessage(command.type, request.status));
  }

  const base = { ok: true as const, from: request.status, revision: request.revision };

  switch (command.type) {
    case "SUBMIT":
    case "RESUBMIT":
    case "WITHDRAW":
      return { ...base, to: t.to as Status, actingRole: "MAINTAINER" };
    case "EDIT":
      // A draft is rewritten in place; once submitted, every edit is a new revision.
      return {
        ...base,
        to: request.status,
        revision: request.status === "DRAFT" ? request.revision : request.revision + 1,
        actingRole: "MAINTAINER",
      };
    case "REVOKE":
      return { ...base, to: "REVOKED", actingRole: actor.roles.includes("ADMIN") ? "ADMIN" : "TECH_BOARD" };
    case "COMMENT": {
      const binding = ctx?.bindings.find((b) => b.userId === actor.id);
      const actingRole: Role = isSubmitter
        ? "MAINTAINER"
        : binding
          ? BODY_ROLE[binding.body]
          : (actor.roles.find((r) => r !== "MAINTAINER") ?? actor.roles[0] ?? "MAINTAINER");
      return { ...base, to: request.status, actingRole };
    }
    case "REQUEST_INFO": {
      if (!ctx) throw new Error("decide(REQUEST_INFO) needs the review context");
      const refused = reviewerCheck(request, actor, command.body, command.revision, ctx);
      if (refused) return refused;
      return {
        ...base,
        to: "NEEDS_INFO",
        actingRole: BODY_ROLE[command.body],
        body: command.body,
        bindsReviewer: !ctx.bindings.some((b) => b.userId === actor.id),
      };
    }
    case "SIGN_OFF": {
      if (!ctx) throw new Error("decide(SIGN_OFF) needs the review context");
      const refused = reviewerCheck(request, actor, command.body, command.revision, ctx);
      if (refused) return refused;
      if (command.body === "SECURITY" && command.decision === "ABSTAIN") {
        return fail("INVALID_DECISION", "The security sign-off is approve, reject or ask for more information; it cannot abstain.");
      }
      if (ctx.signoffs.some((s) => s.userId === actor.id && s.revision === request.revision)) {
        return fail("ALREADY_SIGNED", `You already signed off revision ${request.revision} of this request.`);
      }
      const mine: SignoffRecord = { userId: actor.id, body: command.body, decision: command.decision, revision: request.revision };
      const after = tally({ ...ctx, signoffs: [...ctx.signoffs, mine] }, request.revision);
      return {
        ...base,
        to: after.outcome === "PENDING" ? "SUBMITTED" : after.outcome,
        actingRole: BODY_ROLE[command.body],
        body: command.body,
        bindsReviewer: !ctx.bindings.some((b) => b.userId === actor.id),
        tally: after,
      };
    }
  }
}

function invalidMessage(type: CommandType, status: Status): string {
  const what: Record<CommandType, string> = {
    SUBMIT: "submitted",
    EDIT: "edited",
    REQUEST_INFO: "sent back for more information",
    RESUBMIT: "resubmitted",
    WITHDRAW: "withdrawn",
    SIGN_OFF: "signed off",
    REVOKE: "revoked",
    COMMENT: "commented on",
  };
  const state = status.toLowerCase().replace("_", " ");
  return `This request is ${state === "submitted" ? "awaiting sign-off" : state}: it can no longer be ${what[type]}.`;
}

/** The bodies `actor` could act for on `request` right now (for the review panel). */
export function reviewableBodies(request: RequestState, actor: Actor, ctx: ReviewContext): Body[] {
  return (["BOARD", "SECURITY"] as const).filter((body) => {
    const v = decide(request, actor, { type: "SIGN_OFF", body, decision: "APPROVE", revision: request.revision }, ctx);
    return v.ok;
  });
}

/** The bodies `actor` could ask the submitter for more information for (also after signing off). */
export function infoBodies(request: RequestState, actor: Actor, ctx: ReviewContext): Body[] {
  return (["BOARD", "SECURITY"] as const).filter((body) => decide(request, actor, { type: "REQUEST_INFO", body, revision: request.revision }, ctx).ok);
}

/** The commands `actor` may issue now, to decide which controls to show. The server still calls decide(). */
export function availableCommands(request: RequestState, actor: Actor, ctx: ReviewContext): Set<CommandType> {
  const out = new Set<CommandType>();
  const simple: Command[] = [{ type: "SUBMIT" }, { type: "EDIT" }, { type: "RESUBMIT" }, { type: "WITHDRAW" }, { type: "REVOKE" }, { type: "COMMENT" }];
  for (const c of simple) if (decide(request, actor, c, ctx).ok) out.add(c.type);
  for (const body of ["BOARD", "SECURITY"] as const) {
    if (decide(request, actor, { type: "REQUEST_INFO", body, revision: request.revision }, ctx).ok) out.add("REQUEST_INFO");
  }
  if (reviewableBodies(request, actor, ctx).length > 0) out.add("SIGN_OFF");
  return out;
}
