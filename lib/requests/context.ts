// Shared steps of the use cases: lock the request row, load what the workflow
// decides on, turn a refusal into an AppError, snapshot the actor.
import { db, type Tx } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { isRecordId } from "../http/params";
import type { ActorSnapshot } from "../audit/events";
import type { CurrentUser } from "../session";
import type { RequestState, ReviewContext, Role, Status, Verdict } from "../workflow";

export interface LockedRequest extends RequestState {
  id: string;
  number: number;
  packageName: string;
}

/**
 * Every command runs in one transaction that first locks the request row
 * (SELECT … FOR UPDATE): commands on one request are serialised, so two
 * reviewers acting at once can neither both finish it nor lose a vote.
 */
export function inTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(fn, { maxWait: 10_000, timeout: 20_000 });
}

export async function lockRequest(tx: Tx, id: string): Promise<LockedRequest> {
  if (!isRecordId(id)) throw new AppError("NOT_FOUND", "No such request.");
  const rows = await tx.$queryRaw<Array<{ id: string; number: number; status: Status; revision: number; submitterId: string; packageName: string }>>`
    SELECT id, number, status::text AS status, revision, "submitterId", "packageName"
    FROM "ExceptionRequest" WHERE id = ${id} FOR UPDATE`;
  if (rows.length === 0) throw new AppError("NOT_FOUND", "No such request.");
  return rows[0];
}

export async function loadReviewContext(tx: Tx, requestId: string): Promise<ReviewContext> {
  // One after the other: a transaction is one connection, which runs one query at a time.
  const signoffs = await tx.signoff.findMany({ where: { requestId }, select: { userId: true, body: true, decision: true, revision: true } });
  const bindings = await tx.requestReviewer.findMany({ where: { requestId }, select: { userId: true, body: true } });
  const boardMembers = await tx.user.count({ where: { roles: { has: "TECH_BOARD" } } });
  return { signoffs, bindings, boardMembers, boardThreshold: env.BOARD_APPROVAL_THRESHOLD };
}

/** Throws the workflow's refusal as an AppError; returns the accepted verdict. */
export function accept(v: Verdict): Extract<Verdict, { ok: true }> {
  if (!v.ok) throw new AppError(v.code, v.message);
  return v;
}

export function snapshotActor(user: CurrentUser, role: Role): ActorSnapshot {
  return { id: user.id, name: user.name, email: user.email, role };
}

/** Move the locked request to the verdict's status; the WHERE re-checks the state it was decided on. */
export async function moveStatus(
  tx: Tx,
  locked: LockedRequest,
  to: Status,
  extra: { decidedAt?: Date; submittedAt?: Date; revokedAt?: Date; baselineId?: string | null } = {},
): Promise<void> {
  const moved = await tx.exceptionRequest.updateMany({
    where: { id: locked.id, status: locked.status, revision: locked.revision },
    data: { status: to, ...extra },
  });
  if (moved.count !== 1) throw new AppError("CONFLICT", "The request changed meanwhile; reload it.");
}
