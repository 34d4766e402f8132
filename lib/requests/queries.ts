// Read side for signed-in pages: request detail, lists, review queues.
import { db } from "../db";
import { env } from "../env";
import type { CurrentUser } from "../session";
import { availableCommands, infoBodies, reviewableBodies, tally, type ReviewContext, type Status } from "../workflow";
import { countBySeverity } from "../policy";
import { baselineOf, requestFindings } from "./findings";
import { REQUEST_CONTENT, changedFields, rowToRequest } from "./mapping";
import type { TRequest } from "../validations/request";

/** Drafts — and drafts withdrawn before ever being submitted — are private to their author; the rest is for signed-in users. */
export function canView(viewer: CurrentUser | null, r: { status: Status; submitterId: string; submittedAt: Date | null }): boolean {
  if (r.status === "DRAFT" || r.submittedAt === null) return viewer?.id === r.submitterId;
  return viewer !== null;
}

export async function boardMemberCount(): Promise<number> {
  return db.user.count({ where: { roles: { has: "TECH_BOARD" } } });
}

export async function findRequestDetail(number: number, viewer: CurrentUser | null) {
  const row = await db.exceptionRequest.findUnique({
    where: { number },
    include: {
      ...REQUEST_CONTENT,
      submitter: { select: { id: true, name: true, email: true } },
      signoffs: { include: { user: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } },
      reviewers: { select: { userId: true, body: true } },
      comments: { include: { author: { select: { id: true, name: true, roles: true } } }, orderBy: { createdAt: "asc" } },
      audit: { orderBy: { id: "asc" } },
      revisions: { select: { number: true, createdAt: true }, orderBy: { number: "asc" } },
    },
  });
  if (!row || !canView(viewer, row)) return null;
  const ctx: ReviewContext = {
    boardMembers: await boardMemberCount(),
    boardThreshold: env.BOARD_APPROVAL_THRESHOLD,
    signoffs: row.signoffs,
    bindings: row.reviewers,
  };
  const state = { status: row.status, revision: row.revision, submitterId: row.submitterId };
  const content = rowToRequest(row);
  const baseline = await baselineOf(row);
  return {
    row,
    content,
    baseline,
    findings: requestFindings(content, baseline),
    tally: tally(ctx, row.revision),
    commands: viewer ? availableCommands(state, viewer, ctx) : new Set<string>(),
    reviewBodies: viewer ? reviewableBodies(state, viewer, ctx) : [],
    infoBodies: viewer ? infoBodies(state, viewer, ctx) : [],
  };
}

export type RequestDetail = NonNullable<Awaited<ReturnType<typeof findRequestDetail>>>;

const LIST_SELECT = {
  id: true,
  number: true,
  packageName: true,
  packageVersion: true,
  status: true,
  revision: true,
  flavors: true,
  updatedAt: true,
  submittedAt: true,
  series: { select: { codename: true }, orderBy: { version: "asc" } },
  submitter: { select: { name: true } },
} as const;

export async function listRequestsOf(userId: string) {
  return db.exceptionRequest.findMany({ where: { submitterId: userId }, select: LIST_SELECT, orderBy: { updatedAt: "desc" } });
}

/** Every request that has left the draft stage, newest first (for reviewers and admins). */
export async function listAllRequests(status?: Status) {
  return db.exceptionRequest.findMany({
    where: { status: status ?? { not: "DRAFT" }, submittedAt: { not: null } },
    select: LIST_SELECT,
    orderBy: { updatedAt: "desc" },
    take: 500,
  });
}

/**
 * Requests awaiting this reviewer: for Board members, submitted requests they
 * have not voted on at the current revision; for the security team, submitted
 * requests with no security approval at the current revision. Requests they
 * filed, and requests where they act for the other body, are left out.
 */
export async function findReviewQueue(user: CurrentUser) {
  const isBoard = user.roles.includes("TECH_BOARD");
  const isSecurity = user.roles.includes("SECURITY_TEAM");
  if (!isBoard && !isSecurity) return { board: [], security: [] };
  // One query: the list columns, the content the policy checks read, the sign-offs the tally counts.
  const rows = await db.exceptionRequest.findMany({
    where: { status: "SUBMITTED", submitterId: { not: user.id } },
    include: {
      ...REQUEST_CONTENT,
      submitter: { select: { name: true } },
      signoffs: { select: { userId: true, body: true, decision: true, revision: true } },
      reviewers: { select: { userId: true, body: true } },
    },
    orderBy: { submittedAt: "asc" },
  });
  const members = await boardMemberCount();
  const blocking = new Map<string, number>();
  for (const r of rows) blocking.set(r.id, countBySeverity(requestFindings(rowToRequest(r), await baselineOf(r))).blocking);
  const withTally = rows.map((r) => ({
    ...r,
    blockingFindings: blocking.get(r.id) ?? 0,
    tally: tally({ boardMembers: members, boardThreshold: env.BOARD_APPROVAL_THRESHOLD, signoffs: r.signoffs }, r.revision),
    bodies: reviewableBodies(r, user, { boardMembers: members, signoffs: r.signoffs, bindings: r.reviewers }),
  }));
  return {
    board: isBoard ? withTally.filter((r) => r.bodies.includes("BOARD")) : [],
    security: isSecurity ? withTally.filter((r) => r.bodies.includes("SECURITY") && !r.tally.security.approved) : [],
  };
}

export type QueueRow = Awaited<ReturnType<typeof findReviewQueue>>["board"][number];

export async function findSeries() {
  return db.series.findMany({ orderBy: { version: "desc" } });
}

/** One revision as it was submitted, with the fields that changed from the revision before it. */
export async function findRevision(number: number, revision: number, viewer: CurrentUser | null) {
  const request = await db.exceptionRequest.findUnique({
    where: { number },
    select: { id: true, number: true, packageName: true, status: true, submitterId: true, revision: true, submittedAt: true },
  });
  if (!request || !canView(viewer, request)) return null;
  const rows = await db.requestRevision.findMany({
    where: { requestId: request.id, number: { in: [revision - 1, revision] } },
    orderBy: { number: "asc" },
  });
  const current = rows.find((r) => r.number === revision);
  if (!current) return null;
  const previous = rows.find((r) => r.number === revision - 1);
  const content = current.snapshot as unknown as TRequest;
  return {
    request,
    revision: current,
    content,
    changed: previous ? changedFields(previous.snapshot as unknown as TRequest, content) : null,
  };
}
