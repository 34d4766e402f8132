// Typed audit events: one payload shape per event type (a zod union), and a
// writer that type-checks the payload against the type. The table itself is
// append-only (a trigger refuses UPDATE, DELETE and TRUNCATE).
import { z } from "zod";
import type { Tx } from "../db";
import type { Role, Status } from "../workflow";

const ZBody = z.enum(["BOARD", "SECURITY"]);
const ZTallySummary = z.object({
  boardApprove: z.number(),
  boardReject: z.number(),
  boardAbstain: z.number(),
  boardThreshold: z.number(),
  boardMembers: z.number(),
  securityApprove: z.number(),
  securityReject: z.number(),
});

export const AUDIT_PAYLOADS = {
  REQUEST_CREATED: z.object({ packageName: z.string() }),
  DRAFT_UPDATED: z.object({ changedFields: z.array(z.string()) }),
  REQUEST_SUBMITTED: z.object({ packageName: z.string(), series: z.array(z.string()), flavors: z.array(z.string()) }),
  REQUEST_REVISED: z.object({
    previousRevision: z.number(),
    changedFields: z.array(z.string()),
    /** Sign-offs given to the previous revision, now stale. */
    voidedSignoffs: z.array(z.object({ signoffId: z.string(), userName: z.string(), body: ZBody, decision: z.string() })),
  }),
  INFO_REQUESTED: z.object({ body: ZBody, question: z.string(), commentId: z.string() }),
  REQUEST_RESUBMITTED: z.object({ note: z.string() }),
  SIGNOFF_RECORDED: z.object({ signoffId: z.string(), body: ZBody, decision: z.enum(["APPROVE", "REJECT", "ABSTAIN"]), comment: z.string() }),
  REQUEST_APPROVED: z.object({ tally: ZTallySummary }),
  REQUEST_REJECTED: z.object({ tally: ZTallySummary, rejectedBy: ZBody }),
  REQUEST_WITHDRAWN: z.object({ reason: z.string() }),
  REQUEST_REVOKED: z.object({ reason: z.string() }),
  COMMENT_ADDED: z.object({ commentId: z.string() }),
} as const;

export type AuditType = keyof typeof AUDIT_PAYLOADS;
export type AuditPayload<T extends AuditType> = z.infer<(typeof AUDIT_PAYLOADS)[T]>;
export type TallySummary = z.infer<typeof ZTallySummary>;

export const AUDIT_LABEL: Record<AuditType, string> = {
  REQUEST_CREATED: "Draft created",
  DRAFT_UPDATED: "Draft updated",
  REQUEST_SUBMITTED: "Submitted for sign-off",
  REQUEST_REVISED: "Revised",
  INFO_REQUESTED: "More information requested",
  REQUEST_RESUBMITTED: "Resubmitted",
  SIGNOFF_RECORDED: "Sign-off recorded",
  REQUEST_APPROVED: "Approved",
  REQUEST_REJECTED: "Rejected",
  REQUEST_WITHDRAWN: "Withdrawn",
  REQUEST_REVOKED: "Revoked",
  COMMENT_ADDED: "Comment",
};

/** Who acted, copied onto the row so the trail survives renames and role changes. */
export interface ActorSnapshot {
  id: string;
  name: string;
  email: string;
  role: Role;
}

export interface AuditEntry<T extends AuditType> {
  requestId: string;
  revision: number;
  actor: ActorSnapshot;
  type: T;
  from?: Status;
  to?: Status;
  payload: AuditPayload<T>;
}

export async function writeAudit<T extends AuditType>(tx: Tx, e: AuditEntry<T>): Promise<void> {
  const payload = AUDIT_PAYLOADS[e.type].parse(e.payload);
  await tx.auditEvent.create({
    data: {
      requestId: e.requestId,
      revision: e.revision,
      type: e.type,
      actorId: e.actor.id,
      actorName: e.actor.name,
      actorEmail: e.actor.email,
      actorRole: e.actor.role,
      fromStatus: e.from ?? null,
      toStatus: e.to ?? null,
      payload,
    },
  });
}
