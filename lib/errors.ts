// Expected failures of a use case, with the HTTP status word they map to.
// Server actions return them as state; route handlers as JSON with the status.
import type { FieldErrors } from "./validations/request";
import { WORKFLOW_ERRORS, type WorkflowErrorCode } from "./workflow";

export const APP_ERRORS = {
  ...WORKFLOW_ERRORS,
  UNAUTHENTICATED: 401,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_INPUT: 422,
  INTERNAL: 500,
} as const;
export type AppErrorCode = keyof typeof APP_ERRORS | WorkflowErrorCode;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return APP_ERRORS[this.code];
  }
}

/** What a server action returns to the form (for useActionState). */
export type ActionState =
  | { ok: true; message?: string; redirectTo?: string }
  | { ok: false; code: AppErrorCode; error: string; fieldErrors?: FieldErrors }
  | null;

/** Prisma's "unique constraint failed": a duplicate sign-off raced past the checks. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}

/** Prisma's transaction timeout or write conflict: the database was busy. */
function isBusy(e: unknown): boolean {
  const code = typeof e === "object" && e !== null ? (e as { code?: string }).code : undefined;
  return code === "P2028" || code === "P2034";
}

/** Any failure as a form state: expected ones with their message, the rest logged and reported plainly. */
export function toActionState(e: unknown): Exclude<ActionState, null | { ok: true }> {
  if (e instanceof AppError) return { ok: false, code: e.code, error: e.message, fieldErrors: e.fieldErrors };
  if (isUniqueViolation(e)) {
    return { ok: false, code: "CONFLICT", error: "Someone else just did the same; reload the page to see the current state." };
  }
  if (isBusy(e)) return { ok: false, code: "CONFLICT", error: "The server was busy and nothing was saved; try again." };
  // Next's redirect()/notFound() travel as exceptions: let them through.
  if (typeof e === "object" && e !== null && "digest" in e) throw e;
  console.error(e);
  return { ok: false, code: "INTERNAL", error: "Something went wrong on the server and nothing was saved. Try again; if it persists, tell the administrators." };
}
