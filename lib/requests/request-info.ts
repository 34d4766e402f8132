// A reviewer sends the request back to the submitter with a question.
import { z } from "zod";
import { writeAudit } from "../audit/events";
import { AppError } from "../errors";
import type { CurrentUser } from "../session";
import { ZText } from "../validations/text";
import { BODIES, decide } from "../workflow";
import { accept, inTransaction, loadReviewContext, lockRequest, moveStatus, snapshotActor } from "./context";

const ZRequestInfo = z.object({
  body: z.enum(BODIES, { error: "Choose the body you act for." }),
  revision: z.coerce.number().int().min(1),
  question: ZText("your question", 10),
});

export async function requestInfo(o: { actor: CurrentUser; requestId: string; input: unknown }) {
  const parsed = ZRequestInfo.safeParse(o.input);
  if (!parsed.success) {
    throw new AppError("INVALID_INPUT", parsed.error.issues[0].message, { question: parsed.error.issues.map((i) => i.message) });
  }
  const { body, revision, question } = parsed.data;
  return inTransaction(async (tx) => {
    const locked = await lockRequest(tx, o.requestId);
    const v = accept(decide(locked, o.actor, { type: "REQUEST_INFO", body, revision }, await loadReviewContext(tx, locked.id)));
    if (v.bindsReviewer) await tx.requestReviewer.create({ data: { requestId: locked.id, userId: o.actor.id, body } });
    const comment = await tx.comment.create({ data: { requestId: locked.id, authorId: o.actor.id, revision: locked.revision, body: question } });
    await moveStatus(tx, locked, "NEEDS_INFO");
    await writeAudit(tx, {
      requestId: locked.id,
      revision: locked.revision,
      actor: snapshotActor(o.actor, v.actingRole),
      type: "INFO_REQUESTED",
      from: "SUBMITTED",
      to: "NEEDS_INFO",
      payload: { body, question, commentId: comment.id },
    });
  });
}
