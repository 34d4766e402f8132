// The submitter's and the revoker's status changes: submit a finished draft,
// resubmit after answering, withdraw, revoke an approved exception.
import { writeAudit } from "../audit/events";
import { AppError } from "../errors";
import type { CurrentUser } from "../session";
import { ZRequestSubmit, fieldErrors } from "../validations/request";
import { ZText } from "../validations/text";
import { unjustifiedBlocking } from "../policy";
import { decide } from "../workflow";
import { findBaseline, requestFindings } from "./findings";
import { accept, inTransaction, lockRequest, moveStatus, snapshotActor } from "./context";
import { REQUEST_CONTENT, rowToRequest } from "./mapping";
import { recordSubmission } from "./save-request";

interface Options {
  actor: CurrentUser;
  requestId: string;
}

function text(what: string, min: number, value: unknown, optional = false): string {
  if (optional && (value === undefined || value === null || value === "")) return "";
  const r = ZText(what, min).safeParse(value);
  if (!r.success) throw new AppError("INVALID_INPUT", r.error.issues[0].message, { reason: r.error.issues.map((i) => i.message) });
  return r.data;
}

/** Submit a saved draft as it is (revision 1). */
export async function submitDraft(o: Options) {
  return inTransaction(async (tx) => {
    const locked = await lockRequest(tx, o.requestId);
    const v = accept(decide(locked, o.actor, { type: "SUBMIT" }));
    const row = await tx.exceptionRequest.findUniqueOrThrow({ where: { id: locked.id }, include: REQUEST_CONTENT });
    const parsed = ZRequestSubmit.safeParse(rowToRequest(row));
    if (!parsed.success) {
      throw new AppError("INVALID_INPUT", "The draft is not complete yet: edit it to fill in the missing fields.", fieldErrors(parsed.error));
    }
    const baseline = await findBaseline(parsed.data.packageName, locked.id, tx);
    const findings = requestFindings(parsed.data, baseline);
    const unjustified = unjustifiedBlocking(findings, parsed.data.justifications);
    if (Object.keys(unjustified).length) {
      throw new AppError("INVALID_INPUT", "The draft has blocking policy findings without a justification: edit it to justify them or change the request.", unjustified);
    }
    await moveStatus(tx, locked, v.to, { submittedAt: new Date(), baselineId: baseline?.id ?? null });
    await recordSubmission(tx, locked.id, locked.revision, snapshotActor(o.actor, v.actingRole), parsed.data);
  });
}

/** Back to the reviewers after answering a question (by comment or by an earlier edit). */
export async function resubmitRequest(o: Options & { note?: unknown }) {
  const note = text("a note", 1, o.note, true);
  return inTransaction(async (tx) => {
    const locked = await lockRequest(tx, o.requestId);
    const v = accept(decide(locked, o.actor, { type: "RESUBMIT" }));
    if (note) await tx.comment.create({ data: { requestId: locked.id, authorId: o.actor.id, revision: locked.revision, body: note } });
    await moveStatus(tx, locked, v.to);
    await writeAudit(tx, {
      requestId: locked.id,
      revision: locked.revision,
      actor: snapshotActor(o.actor, v.actingRole),
      type: "REQUEST_RESUBMITTED",
      from: locked.status,
      to: v.to,
      payload: { note },
    });
  });
}

export async function withdrawRequest(o: Options & { reason?: unknown }) {
  const reason = text("a reason", 1, o.reason, true);
  return inTransaction(async (tx) => {
    const locked = await lockRequest(tx, o.requestId);
    const v = accept(decide(locked, o.actor, { type: "WITHDRAW" }));
    await moveStatus(tx, locked, v.to, { decidedAt: new Date() });
    await writeAudit(tx, {
      requestId: locked.id,
      revision: locked.revision,
      actor: snapshotActor(o.actor, v.actingRole),
      type: "REQUEST_WITHDRAWN",
      from: locked.status,
      to: v.to,
      payload: { reason },
    });
  });
}

export async function revokeRequest(o: Options & { reason: unknown }) {
  const reason = text("the reason for revoking", 10, o.reason);
  return inTransaction(async (tx) => {
    const locked = await lockRequest(tx, o.requestId);
    const v = accept(decide(locked, o.actor, { type: "REVOKE" }));
    await moveStatus(tx, locked, v.to, { revokedAt: new Date() });
    await writeAudit(tx, {
      requestId: locked.id,
      revision: locked.revision,
      actor: snapshotActor(o.actor, v.actingRole),
      type: "REQUEST_REVOKED",
      from: "APPROVED",
      to: "REVOKED",
      payload: { reason },
    });
  });
}
