// The policy findings of a request: its own checks, and — when the package
// already has an approved exception — what the upgrade would newly expose.
import { db, type Tx } from "../db";
import { runChecks, upgradeFindings, type Finding } from "../policy";
import type { TRequest } from "../validations/request";
import { REQUEST_CONTENT, rowToRequest } from "./mapping";

export interface Baseline {
  number: number;
  label: string;
  content: TRequest;
}

/** The latest approved exception for the same package (not the request itself). */
export async function findBaseline(packageName: string, excludeId?: string, client: Tx | typeof db = db): Promise<Baseline | null> {
  const row = await client.exceptionRequest.findFirst({
    where: { packageName, status: "APPROVED", ...(excludeId ? { id: { not: excludeId } } : {}) },
    orderBy: [{ decidedAt: "desc" }, { number: "desc" }],
    include: REQUEST_CONTENT,
  });
  if (!row) return null;
  const series = row.series.map((s) => s.codename).join(", ");
  return { number: row.number, label: `${row.packageName} ${row.packageVersion} (${series}), NOP-${row.number}`, content: rowToRequest(row) };
}

export function requestFindings(content: TRequest, baseline: Baseline | null): Finding[] {
  const own = runChecks(content);
  if (!baseline) return own;
  const upgrade = upgradeFindings({ ...baseline.content, label: baseline.label }, content);
  const order = { blocking: 0, warning: 1, info: 2 } as const;
  return [...own, ...upgrade].sort((a, b) => order[a.severity] - order[b.severity]);
}
