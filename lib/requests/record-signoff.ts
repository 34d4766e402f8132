// A Board vote or a security sign-off on the current revision. When it completes
// either body's decision, the request moves to APPROVED or REJECTED in the same
// transaction. The request row is locked first, so concurrent sign-offs are
// counted one after the other and exactly one of them can finish the request.
import { z } from "zod";
import { writeAudit, type TallySummary } from "../audit/events";
import { AppError } from "../errors";
import type { CurrentUser } from "../session";
import { ZText } from "../validations/text";
import { BODIES, DECISIONS, decide, type Tally } from "../workflow";
import type { Tx } from "../db";
import { unjustifiedBlocking } from "../policy";
import { accept, inTransaction, loadReviewContext, lockRequest, moveStatus, snapshotActor } from "./context";
import { findBaseline, requestFindings } from "./findings";
import { REQUEST_CONTENT, rowToRequest } from "./mapping";

export const ZSignoff = z
  .object({
    body: z.enum(BODIES, { error: "Choose the body you act for." }),
    decision: z.enum(DECISIONS, { error: "Choose approve, reject or abstain." }),
    revision: z.coerce.number({ error: "Missing revision." }).int().min(1),
    comment: z.string().trim().max(5000, { error: "At most 5000 characters." }),
  })
  .superRefine((s, ctx) => {
    if (s.decision === "REJECT" && !ZText("a reason", 10).safeParse(s.comment).success) {
      ctx.addIssue({ code: "custom", path: ["comment"], message: "Explain the rejection (at least 10 characters)." });
    }
  });

export interface RecordSignoffOptions {
  actor: CurrentUser;
  requestId: string;
  input: unknown;
}

export function summarise(t: Tally): TallySummary {
  return {
    boardApprove: t.board.approve,
    boardReject: t.board.reject,
    boardAbstain: t.board.abstain,
    boardThreshold: t.board.threshold,
    boardMembers: t.board.members,
    securityApprove: t.security.approve,
    securityReject: t.security.reject,
  };
}

/**
 * An approval is refused while the revision has a blocking finding without a
 * justification — also one that appeared after submission, because another
 * exception of the package was approved since (the upgrade guard's reference
 * is then updated to it, so the record shows what was approved against what).
 */
async function assertJustified(tx: Tx, requestId: string) {
  const row = await tx.exceptionRequest.findUniqueOrThrow({ where: { id: requestId }, include: REQUEST_CONTENT });
  const content = rowToRequest(row);
  const baseline = await findBaseline(row.packageName, row.id, tx);
  const missing = Object.keys(unjustifiedBlocking(requestFindings(content, baseline), content.justifications));
  if (missing.length) {
    throw new AppError(
      "CONFLICT",
      `This revision has ${missing.length} blocking finding${missing.length === 1 ? "" : "s"} without a justification${
        baseline && baseline.id !== row.baselineId ? ` since ${baseline.label} was approved` : ""
      }: ask the submitter for more information instead of approving.`,
    );
  }
  if ((baseline?.id ?? null) !== row.baselineId) {
    await tx.exceptionRequest.update({ where: { id: requestId }, data: { baselineId: baseline?.id ?? null } });
  }
}

export async function recordSignoff(o: RecordSignoffOptions) {
  const parsed = ZSignoff.safeParse(o.input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const i of parsed.error.issues) (fieldErrors[i.path.join(".") || "_form"] ??= []).push(i.message);
    throw new AppError("INVALID_INPUT", parsed.error.issues[0].message, fieldErrors);
  }
  const s = parsed.data;
  return inTransaction(async (tx) => {
    const locked = await lockRequest(tx, o.requestId);
    const ctx = await loadReviewContext(tx, locked.id);
    const v = accept(decide(locked, o.actor, { type: "SIGN_OFF", body: s.body, decision: s.decision, revision: s.revision }, ctx));
    if (s.decision === "APPROVE") await assertJustified(tx, locked.id);
    const actor = snapshotActor(o.actor, v.actingRole);
    if (v.bindsReviewer) await tx.requestReviewer.create({ data: { requestId: locked.id, userId: o.actor.id, body: s.body } });
    const signoff = await tx.signoff.create({
      data: { requestId: locked.id, revision: locked.revision, body: s.body, userId: o.actor.id, decision: s.decision, comment: s.comment },
    });
    await writeAudit(tx, {
      requestId: locked.id,
      revision: locked.revision,
      actor,
      type: "SIGNOFF_RECORDED",
      payload: { signoffId: signoff.id, body: s.body, decision: s.decision, comment: s.comment },
    });
    const tally = v.tally!;
    if (v.to === "APPROVED" || v.to === "REJECTED") {
      await moveStatus(tx, locked, v.to, { decidedAt: new Date() });
      if (v.to === "APPROVED") {
        await writeAudit(tx, { requestId: locked.id, revision: locked.revision, actor, type: "REQUEST_APPROVED", from: "SUBMITTED", to: "APPROVED", payload: { tally: summarise(tally) } });
      } else {
        await writeAudit(tx, {
          requestId: locked.id,
          revision: locked.revision,
          actor,
          type: "REQUEST_REJECTED",
          from: "SUBMITTED",
          to: "REJECTED",
          payload: { tally: summarise(tally), rejectedBy: tally.security.rejected ? "SECURITY" : "BOARD" },
        });
      }
    }
    return { signoff, status: v.to, tally };
  });
}
