// GET /api/registry/:number — one approved (or revoked) exception with its sign-off chain.
import { NextResponse } from "next/server";
import { parseRequestNumber } from "@/lib/http/params";
import { findPublicException, publicExceptionJson } from "@/lib/registry/find-registry";

export async function GET(_req: Request, { params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  const n = parseRequestNumber(number);
  const r = n ? await findPublicException(n) : null;
  if (!r) return NextResponse.json({ error: `No public exception ${number}.` }, { status: 404 });
  return NextResponse.json(publicExceptionJson(r));
}
