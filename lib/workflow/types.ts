// Vocabulary of the sign-off workflow. Pure: no framework or database imports.
// The string values equal the Prisma enums, so rows map over without translation.

export const STATUSES = ["DRAFT", "SUBMITTED", "NEEDS_INFO", "APPROVED", "REJECTED", "WITHDRAWN", "REVOKED"] as const;
export type Status = (typeof STATUSES)[number];

export const ROLES = ["MAINTAINER", "TECH_BOARD", "SECURITY_TEAM", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const BODIES = ["BOARD", "SECURITY"] as const;
/** The two bodies whose sign-off an exception needs. */
export type Body = (typeof BODIES)[number];

export const DECISIONS = ["APPROVE", "REJECT", "ABSTAIN"] as const;
export type Decision = (typeof DECISIONS)[number];

/** The role a person must hold to act for a body. */
export const BODY_ROLE: Record<Body, Role> = { BOARD: "TECH_BOARD", SECURITY: "SECURITY_TEAM" };

export const BODY_LABEL: Record<Body, string> = { BOARD: "Technical Board", SECURITY: "Security team" };

export const STATUS_LABEL: Record<Status, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Awaiting sign-off",
  NEEDS_INFO: "Needs information",
  APPROVED: "Approved",
  REJECTED: "Rejected",
  WITHDRAWN: "Withdrawn",
  REVOKED: "Revoked",
};

export interface Actor {
  id: string;
  roles: readonly Role[];
}

/** The part of a request the workflow decides on. */
export interface RequestState {
  status: Status;
  revision: number;
  submitterId: string;
}

export interface SignoffRecord {
  userId: string;
  body: Body;
  decision: Decision;
  revision: number;
}

export interface ReviewerBinding {
  userId: string;
  body: Body;
}

/** Facts about the reviews that commands on a submitted request depend on. */
export interface ReviewContext {
  /** Number of people holding the TECH_BOARD role. */
  boardMembers: number;
  /** Approve votes needed from the Board; default: a majority of all members. */
  boardThreshold?: number;
  /** Every sign-off ever given on the request, stale ones included. */
  signoffs: readonly SignoffRecord[];
  /** Which body each reviewer acts for on this request. */
  bindings: readonly ReviewerBinding[];
}

export type Command =
  | { type: "SUBMIT" }
  | { type: "EDIT" }
  | { type: "RESUBMIT" }
  | { type: "WITHDRAW" }
  | { type: "COMMENT" }
  | { type: "REQUEST_INFO"; body: Body; revision: number }
  | { type: "SIGN_OFF"; body: Body; decision: Decision; revision: number }
  | { type: "REVOKE" };

export type CommandType = Command["type"];

export const WORKFLOW_ERRORS = {
  NOT_ALLOWED: 403,
  SELF_REVIEW: 403,
  OTHER_BODY: 403,
  INVALID_TRANSITION: 409,
  STALE_REVISION: 409,
  ALREADY_SIGNED: 409,
  INVALID_DECISION: 422,
} as const;
export type WorkflowErrorCode = keyof typeof WORKFLOW_ERRORS;

export type Outcome = "PENDING" | "APPROVED" | "REJECTED";

export type Verdict =
  | {
      ok: true;
      from: Status;
      to: Status;
      /** The request's revision after the command. */
      revision: number;
      /** The role the actor acts in (recorded in the audit trail). */
      actingRole: Role;
      /** For REQUEST_INFO and SIGN_OFF: the body acted for, and whether it binds the reviewer now. */
      body?: Body;
      bindsReviewer?: boolean;
      /** For SIGN_OFF: the tally of the current revision including this sign-off. */
      tally?: Tally;
    }
  | { ok: false; code: WorkflowErrorCode; message: string };

export interface Tally {
  revision: number;
  board: {
    members: number;
    threshold: number;
    approve: number;
    reject: number;
    abstain: number;
    approved: boolean;
    rejected: boolean;
  };
  security: { approve: number; reject: number; approved: boolean; rejected: boolean };
  outcome: Outcome;
}
