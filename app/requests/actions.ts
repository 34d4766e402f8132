"use server";
// Thin server actions: authenticate, call the use case, refresh the pages.
// Authorization and validation live in the use cases (lib/requests), so a
// forged post is refused exactly like a click on a hidden button.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { AppError, toActionState, type ActionState } from "@/lib/errors";
import { isRecordId } from "@/lib/http/params";
import { addComment } from "@/lib/requests/add-comment";
import { resubmitRequest, revokeRequest, submitDraft, withdrawRequest } from "@/lib/requests/change-status";
import { recordSignoff } from "@/lib/requests/record-signoff";
import { requestInfo } from "@/lib/requests/request-info";
import { saveRequest } from "@/lib/requests/save-request";
import { requireUser, type CurrentUser } from "@/lib/session";

async function run(fn: (user: CurrentUser) => Promise<{ message?: string; redirectTo?: string } | void>): Promise<ActionState> {
  try {
    const user = await requireUser();
    const out = (await fn(user)) ?? {};
    revalidatePath("/", "layout");
    return { ok: true, ...out };
  } catch (e) {
    return toActionState(e);
  }
}

const str = (form: FormData, key: string) => {
  if (!(form instanceof FormData)) throw new AppError("INVALID_INPUT", "This action takes a form.");
  const v = form.get(key);
  return typeof v === "string" ? v : "";
};

/** What the request form posts; an edit names the revision it was opened on. */
const ZSavePayload = z
  .object({
    id: z.string().refine(isRecordId, { error: "No such request." }).optional(),
    revision: z.number().int().min(1).optional(),
    intent: z.enum(["draft", "submit"]),
    input: z.unknown(),
  })
  .refine((p) => !p.id || p.revision !== undefined, { error: "Reload the form: it does not say which revision it edits." });
export type SavePayload = z.input<typeof ZSavePayload>;


export async function saveRequestAction(raw: SavePayload): Promise<ActionState> {
  return run(async (actor) => {
    const parsed = ZSavePayload.safeParse(raw);
    if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0].message);
    const payload = parsed.data;
    const r = await saveRequest({ actor, id: payload.id, expectedRevision: payload.revision, intent: payload.intent, input: payload.input });
    return { redirectTo: `/requests/${r.number}`, message: r.changed.length || !payload.id ? "Saved." : "Nothing changed." };
  });
}

export async function signoffAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(async (actor) => {
    const r = await recordSignoff({
      actor,
      requestId: str(form, "requestId"),
      input: { body: str(form, "body"), decision: str(form, "decision"), revision: str(form, "revision"), comment: str(form, "comment") },
    });
    const outcome = r.status === "APPROVED" ? " The request is now approved." : r.status === "REJECTED" ? " The request is now rejected." : "";
    return { message: `Your sign-off is recorded.${outcome}` };
  });
}

export async function requestInfoAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(async (actor) => {
    await requestInfo({
      actor,
      requestId: str(form, "requestId"),
      input: { body: str(form, "body"), revision: str(form, "revision"), question: str(form, "question") },
    });
    return { message: "The submitter has been asked for more information." };
  });
}

export async function commentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(async (actor) => {
    await addComment({ actor, requestId: str(form, "requestId"), body: str(form, "body") });
    return { message: "Comment added." };
  });
}

export async function submitDraftAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(async (actor) => {
    await submitDraft({ actor, requestId: str(form, "requestId") });
    return { message: "Submitted for sign-off." };
  });
}

export async function resubmitAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(async (actor) => {
    await resubmitRequest({ actor, requestId: str(form, "requestId"), note: str(form, "note") });
    return { message: "Resubmitted for sign-off." };
  });
}

export async function withdrawAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(async (actor) => {
    await withdrawRequest({ actor, requestId: str(form, "requestId"), reason: str(form, "reason") });
    return { message: "Request withdrawn." };
  });
}

export async function revokeAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(async (actor) => {
    await revokeRequest({ actor, requestId: str(form, "requestId"), reason: str(form, "reason") });
    return { message: "Exception revoked." };
  });
}
