import { writeAudit } from "../audit/events";
import { AppError } from "../errors";
import type { CurrentUser } from "../session";
import { ZText } from "../validations/text";
import { decide } from "../workflow";
import { accept, inTransaction, loadReviewContext, lockRequest, snapshotActor } from "./context";

export interface AddCommentOptions {
  actor: CurrentUser;
  requestId: string;
  body: unknown;
}

export async function addComment(o: AddCommentOptions) {
  const body = ZText("a comment").safeParse(o.body);
  if (!body.success) throw new AppError("INVALID_INPUT", body.error.issues[0].message, { body: body.error.issues.map((i) => i.message) });
  return inTransaction(async (tx) => {
    const locked = await lockRequest(tx, o.requestId);
    const v = accept(decide(locked, o.actor, { type: "COMMENT" }, await loadReviewContext(tx, locked.id)));
    const comment = await tx.comment.create({
      data: { requestId: locked.id, authorId: o.actor.id, revision: locked.revision, body: body.data },
    });
    await writeAudit(tx, {
      requestId: locked.id,
      revision: locked.revision,
      actor: snapshotActor(o.actor, v.actingRole),
      type: "COMMENT_ADDED",
      payload: { commentId: comment.id },
    });
    return comment;
  });
}
