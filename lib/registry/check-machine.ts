// "Check a machine": its `ss` output against the approved exceptions of a
// series and flavor. Nothing pasted is stored.
import { z } from "zod";
import { db } from "../db";
import { parseSs, type SsSkipped } from "../ss";
import { FLAVORS } from "../validations/request";
import { matchListeners, type ListenerResult } from "./match-listeners";

const MAX_LINES = 5_000;
/** Lines that were not sockets, reported back: the first ones, and how many in all. */
const MAX_SKIPPED = 50;

export const ZMachineCheck = z.object({
  ss: z
    .string({ error: "Paste the output of sudo ss -utlnp." })
    .max(500_000, { error: "At most 500,000 characters." })
    .refine((s) => s.split("\n").length <= MAX_LINES, { error: `At most ${MAX_LINES.toLocaleString("en")} lines: paste one machine's listeners.` }),
  series: z.string({ error: "Choose a series." }).regex(/^[a-z]{3,20}$/, { error: "Choose a series." }),
  flavor: z.preprocess((v) => (typeof v === "string" ? v.toUpperCase() : v), z.enum(FLAVORS, { error: "Choose Desktop, Server or Cloud." })),
});

export type MachineCheck =
  | { ok: false; error: string; fieldErrors: Record<string, string[]> }
  | {
      ok: true;
      series: string;
      flavor: string;
      results: ListenerResult[];
      skipped: SsSkipped[];
      skippedTotal: number;
      counts: { approved: number; notApproved: number; loopback: number };
    };

export async function checkMachine(input: unknown): Promise<MachineCheck> {
  const parsed = ZMachineCheck.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const i of parsed.error.issues) (fieldErrors[String(i.path[0] ?? "_form")] ??= []).push(i.message);
    return { ok: false, error: "Check the fields below.", fieldErrors };
  }
  const { ss, series, flavor } = parsed.data;
  if (!(await db.series.findUnique({ where: { codename: series } }))) {
    return { ok: false, error: "Check the fields below.", fieldErrors: { series: [`Unknown series ${series}.`] } };
  }
  const out = parseSs(ss);
  if (out.error) return { ok: false, error: out.error, fieldErrors: { ss: [out.error] } };
  const approved = await db.listeningSocket.findMany({
    where: { request: { status: "APPROVED", flavors: { has: flavor }, series: { some: { codename: series } } } },
    select: { protocol: true, port: true, process: true, request: { select: { number: true, packageName: true } } },
    // When a newer exception of a package was approved too, the newest one is named.
    orderBy: [{ request: { decidedAt: "desc" } }, { position: "asc" }],
  });
  const results = matchListeners(
    out.sockets,
    approved.map((a) => ({ number: a.request.number, packageName: a.request.packageName, protocol: a.protocol, port: a.port, process: a.process })),
  );
  const count = (v: ListenerResult["verdict"]) => results.filter((r) => r.verdict === v).length;
  return {
    ok: true,
    series,
    flavor,
    results,
    skipped: out.skipped.slice(0, MAX_SKIPPED).map((s) => ({ ...s, text: s.text.slice(0, 200) })),
    skippedTotal: out.skipped.length,
    counts: { approved: count("approved"), notApproved: count("not-approved"), loopback: count("loopback") },
  };
}
