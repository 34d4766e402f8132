// GET /api/registry — the approved exceptions as JSON, with the page's filters.
import { NextResponse, type NextRequest } from "next/server";
import { findRegistry } from "@/lib/registry/find-registry";
import { parseRegistryQuery } from "@/lib/registry/params";

export async function GET(req: NextRequest) {
  const parsed = parseRegistryQuery(req.nextUrl.searchParams);
  if (!parsed.success) {
    return NextResponse.json(
      { error: "Invalid query parameters.", fieldErrors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), [i.message]])) },
      { status: 422 },
    );
  }
  const q = parsed.data;
  const result = await findRegistry(q);
  return NextResponse.json({
    query: { ...q, flavor: q.flavor?.toLowerCase(), protocol: q.protocol?.toLowerCase() },
    total: result.total,
    page: q.page,
    pageSize: q.pageSize,
    pageCount: result.pageCount,
    // Enumerations in lower case, as in /api/registry/:id and the query parameters.
    exceptions: result.rows.map((r) => ({
      ...r,
      flavors: r.flavors.map((f) => f.toLowerCase()),
      sockets: r.sockets.map((s) => ({ ...s, protocol: s.protocol.toLowerCase(), ephemeral: s.port === null })),
      adverts: r.adverts.map((a) => ({ ...a, mechanism: a.mechanism.toLowerCase() })),
      url: `${req.nextUrl.origin}/registry/${r.number}`,
      json: `${req.nextUrl.origin}/api/registry/${r.number}`,
    })),
  });
}
