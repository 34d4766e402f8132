// POST /api/check — {"ss": "<output of sudo ss -utlnp>", "series": "noble", "flavor": "desktop"}
// (JSON, or the ss output as text/plain with ?series=&flavor=). Nothing is stored.
import { NextResponse, type NextRequest } from "next/server";
import { checkMachine } from "@/lib/registry/check-machine";

export async function POST(req: NextRequest) {
  let input: unknown;
  const type = req.headers.get("content-type") ?? "";
  try {
    input = type.includes("application/json")
      ? await req.json()
      : { ss: await req.text(), series: req.nextUrl.searchParams.get("series") ?? undefined, flavor: req.nextUrl.searchParams.get("flavor") ?? undefined };
  } catch {
    return NextResponse.json({ error: "The body is not valid JSON." }, { status: 400 });
  }
  const r = await checkMachine(input);
  if (!r.ok) return NextResponse.json({ error: r.error, fieldErrors: r.fieldErrors }, { status: 422 });
  return NextResponse.json({
    series: r.series,
    flavor: r.flavor.toLowerCase(),
    counts: r.counts,
    listeners: r.results.map((x) => ({
      protocol: x.socket.protocol,
      address: x.socket.address,
      interface: x.socket.interface ?? null,
      port: x.socket.port,
      processes: x.socket.processes,
      verdict: x.verdict,
      exception: x.exception ? { id: `NOP-${x.exception.number}`, package: x.exception.packageName, url: `${req.nextUrl.origin}/registry/${x.exception.number}` } : null,
      reason: x.reason,
    })),
    skipped: r.skipped,
    skippedTotal: r.skippedTotal,
  });
}
