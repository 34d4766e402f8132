// Create or edit a request, and optionally submit it, in one transaction.
// - New request: created as a draft (intent "draft") or submitted at once.
// - Draft: rewritten in place; "submit" then submits it as revision 1.
// - Submitted / needs-info: every change makes a new revision, which voids the
//   sign-offs given to the previous one; "submit" from needs-info resubmits.
import type { Prisma } from "../generated/prisma/client";
import type { Tx } from "../db";
import { writeAudit, type ActorSnapshot } from "../audit/events";
import { AppError } from "../errors";
import type { CurrentUser } from "../session";
import { ZRequestDraft, ZRequestSubmit, fieldErrors, type TRequest, type FieldErrors } from "../validations/request";
import { currentJustifications, unjustifiedBlocking } from "../policy";
import { decide } from "../workflow";
import { findBaseline, requestFindings } from "./findings";
import { accept, inTransaction, lockRequest, snapshotActor } from "./context";
import { REQUEST_CONTENT, changedFields, requestWriteData, rowToRequest } from "./mapping";

export interface SaveRequestOptions {
  actor: CurrentUser;
  /** Absent for a new request. */
  id?: string;
  /** The revision the form was opened on: required to edit an existing request. */
  expectedRevision?: number;
  intent: "draft" | "submit";
  input: unknown;
}

export interface SaveRequestResult {
  id: string;
  number: number;
  status: string;
  revision: number;
  changed: string[];
}

async function validate(
  tx: Tx,
  intent: "draft" | "submit",
  input: unknown,
  strict: boolean,
  existing?: { id: string; series: string[] },
): Promise<{ r: TRequest; baselineId: string | null }> {
  const requestId = existing?.id;
  let baselineId: string | null = null;
  const complete = intent === "submit" || strict;
  const parsed = (complete ? ZRequestSubmit : ZRequestDraft).safeParse(input);
  const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error);
  if (parsed.success) {
    // A blocking policy finding goes to the reviewers only with a written justification.
    const baseline = await findBaseline(parsed.data.packageName, requestId, tx);
    baselineId = baseline?.id ?? null;
    const findings = requestFindings(parsed.data, baseline);
    if (complete) Object.assign(errors, unjustifiedBlocking(findings, parsed.data.justifications));
    parsed.data.justifications = currentJustifications(findings, parsed.data.justifications);
  }
  const series = parsed.success ? parsed.data.series : [];
  if (series.length) {
    const known = await tx.series.findMany({ where: { codename: { in: series } }, select: { codename: true, supported: true } });
    const unknown = series.filter((s) => !known.some((k) => k.codename === s));
    // A series past its end of life can stay on a request that had it, but not be added.
    const ended = known.filter((k) => !k.supported && !existing?.series.includes(k.codename)).map((k) => k.codename);
    if (unknown.length) errors.series = [`Unknown series: ${unknown.join(", ")}.`];
    else if (ended.length) errors.series = [`No longer supported: ${ended.join(", ")}.`];
  }
  if (!parsed.success || Object.keys(errors).length) {
    const n = Object.keys(errors).length;
    throw new AppError("INVALID_INPUT", `${n} field${n === 1 ? " needs" : "s need"} attention; nothing was saved.`, errors);
  }
  return { r: parsed.data, baselineId };
}

function writeChildren(r: TRequest) {
  const { children } = requestWriteData(r);
  return {
    sockets: { create: children.sockets },
    adverts: { create: children.adverts },
    exposedData: { create: children.exposedData },
  } satisfies Prisma.ExceptionRequestUpdateInput;
}

async function snapshotRevision(tx: Tx, requestId: string, number: number, r: TRequest) {
  await tx.requestRevision.create({ data: { requestId, number, snapshot: r as unknown as Prisma.InputJsonValue } });
}

/** A draft became a submission: its first revision is kept as submitted, and the audit says so. */
export async function recordSubmission(tx: Tx, requestId: string, revision: number, actor: ActorSnapshot, r: TRequest) {
  await snapshotRevision(tx, requestId, revision, r);
  await writeAudit(tx, {
    requestId,
    revision,
    actor,
    type: "REQUEST_SUBMITTED",
    from: "DRAFT",
    to: "SUBMITTED",
    payload: { packageName: r.packageName, series: r.series, flavors: r.flavors },
  });
}

export async function saveRequest(o: SaveRequestOptions): Promise<SaveRequestResult> {
  if (!o.actor.roles.includes("MAINTAINER")) {
    throw new AppError("NOT_ALLOWED", "You need the maintainer role to file or change requests.");
  }
  return inTransaction(async (tx) => (o.id ? editRequest(tx, { ...o, id: o.id }) : createRequest(tx, o)));
}

async function createRequest(tx: Tx, o: SaveRequestOptions): Promise<SaveRequestResult> {
  const { r, baselineId } = await validate(tx, o.intent, o.input, false);
  const { scalars, series } = requestWriteData(r);
  const submitting = o.intent === "submit";
  const created = await tx.exceptionRequest.create({
    data: {
      ...scalars,
      submitter: { connect: { id: o.actor.id } },
      series: { connect: series },
      ...writeChildren(r),
      status: submitting ? "SUBMITTED" : "DRAFT",
      ...(baselineId ? { baseline: { connect: { id: baselineId } } } : {}),
      submittedAt: submitting ? new Date() : null,
    },
    select: { id: true, number: true, revision: true, status: true },
  });
  const actor = snapshotActor(o.actor, "MAINTAINER");
  await writeAudit(tx, {
    requestId: created.id,
    revision: 1,
    actor,
    type: "REQUEST_CREATED",
    to: "DRAFT",
    payload: { packageName: r.packageName },
  });
  if (submitting) {
    await recordSubmission(tx, created.id, 1, actor, r);
  }
  return { ...created, changed: [] };
}

async function editRequest(tx: Tx, o: SaveRequestOptions & { id: string }): Promise<SaveRequestResult> {
  const locked = await lockRequest(tx, o.id);
  const edit = accept(decide(locked, o.actor, { type: "EDIT" }));
  if (o.expectedRevision !== locked.revision) {
    throw new AppError(
      "STALE_REVISION",
      `This request changed (it is now at revision ${locked.revision}) since you opened the form; reload it before saving.`,
    );
  }
  const wasDraft = locked.status === "DRAFT";
  const current = await tx.exceptionRequest.findUniqueOrThrow({ where: { id: o.id }, include: REQUEST_CONTENT });
  // Once submitted, every revision must be complete.
  const { r, baselineId } = await validate(tx, o.intent, o.input, !wasDraft, { id: o.id, series: current.series.map((s) => s.codename) });
  const changed = changedFields(rowToRequest(current), r);
  const submitting = o.intent === "submit";
  const actor = snapshotActor(o.actor, "MAINTAINER");

  if (changed.length === 0 && !submitting) {
    return { id: o.id, number: locked.number, status: locked.status, revision: locked.revision, changed };
  }

  const newRevision = changed.length && !wasDraft ? edit.revision : locked.revision;
  if (changed.length) {
    const { scalars, series } = requestWriteData(r);
    await tx.listeningSocket.deleteMany({ where: { requestId: o.id } });
    await tx.advertisedService.deleteMany({ where: { requestId: o.id } });
    await tx.exposedData.deleteMany({ where: { requestId: o.id } });
    await tx.exceptionRequest.update({
      where: { id: o.id },
      data: {
        ...scalars,
        revision: newRevision,
        baseline: baselineId ? { connect: { id: baselineId } } : { disconnect: true },
        series: { set: series },
        ...writeChildren(r),
      },
    });
  }

  if (wasDraft) {
    if (changed.length) {
      await writeAudit(tx, { requestId: o.id, revision: newRevision, actor, type: "DRAFT_UPDATED", payload: { changedFields: changed } });
    }
  } else if (changed.length) {
    const voided = await tx.signoff.findMany({
      where: { requestId: o.id, revision: locked.revision },
      include: { user: { select: { name: true } } },
      orderBy: { createdAt: "asc" },
    });
    await snapshotRevision(tx, o.id, newRevision, r);
    await writeAudit(tx, {
      requestId: o.id,
      revision: newRevision,
      actor,
      type: "REQUEST_REVISED",
      from: locked.status,
      to: locked.status,
      payload: {
        previousRevision: locked.revision,
        changedFields: changed,
        voidedSignoffs: voided.map((s) => ({ signoffId: s.id, userName: s.user.name, body: s.body, decision: s.decision })),
      },
    });
  }

  let status = locked.status;
  if (submitting && (locked.status === "DRAFT" || locked.status === "NEEDS_INFO")) {
    const type = locked.status === "DRAFT" ? "SUBMIT" : "RESUBMIT";
    const v = accept(decide({ ...locked, revision: newRevision }, o.actor, { type }));
    const moved = await tx.exceptionRequest.updateMany({
      where: { id: o.id, status: locked.status, revision: newRevision },
      data: { status: v.to, submittedAt: new Date(), baselineId },
    });
    if (moved.count !== 1) throw new AppError("CONFLICT", "The request changed while saving; reload it.");
    if (type === "SUBMIT") {
      await recordSubmission(tx, o.id, newRevision, actor, r);
    } else {
      await writeAudit(tx, {
        requestId: o.id,
        revision: newRevision,
        actor,
        type: "REQUEST_RESUBMITTED",
        from: "NEEDS_INFO",
        to: "SUBMITTED",
        payload: { note: changed.length ? `Revised: ${changed.join(", ")}` : "" },
      });
    }
    status = v.to;
  }
  return { id: o.id, number: locked.number, status, revision: newRevision, changed };
}
