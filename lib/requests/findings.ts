// The policy findings of a request: its own checks, and — when the package
// already has an approved exception — what the upgrade would newly expose.
import { db, type Tx } from "../db";
import { allFindings, type Finding } from "../policy";
import type { TRequest } from "../validations/request";
import { REQUEST_CONTENT, rowToRequest, type RequestRow } from "./mapping";

export interface Baseline {
  id: string;
  number: number;
  label: string;
  content: TRequest;
}

function toBaseline(row: RequestRow): Baseline {
  const series = row.series.map((s) => s.codename).join(", ");
  return { id: row.id, number: row.number, label: `${row.packageName} ${row.packageVersion} (${series}), NOP-${row.number}`, content: rowToRequest(row) };
}

/** The latest approved exception for the same package (not the request itself): what a new submission is compared with. */
export async function findBaseline(packageName: string, excludeId?: string, client: Tx | typeof db = db): Promise<Baseline | null> {
  const row = await client.exceptionRequest.findFirst({
    where: { packageName, status: "APPROVED", ...(excludeId ? { id: { not: excludeId } } : {}) },
    orderBy: [{ decidedAt: "desc" }, { number: "desc" }],
    include: REQUEST_CONTENT,
  });
  return row ? toBaseline(row) : null;
}

/**
 * The baseline a request is judged against: a draft, the latest approved
 * exception now; a submitted request, the one fixed when it was submitted or
 * last revised — so what reviewers signed off never changes afterwards.
 */
export async function baselineOf(r: { id: string; status: string; packageName: string; baselineId: string | null }): Promise<Baseline | null> {
  if (r.status === "DRAFT") return findBaseline(r.packageName, r.id);
  if (!r.baselineId) return null;
  const row = await db.exceptionRequest.findUnique({ where: { id: r.baselineId }, include: REQUEST_CONTENT });
  return row ? toBaseline(row) : null;
}

export function requestFindings(content: TRequest, baseline: Baseline | null): Finding[] {
  return allFindings(content, baseline && { ...baseline.content, label: baseline.label });
}
