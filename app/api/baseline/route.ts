// GET /api/baseline?package=avahi[&exclude=<request id>] — the latest approved
// exception of a package, for the upgrade guard on the request form. Approved
// exceptions are public: this returns what the public page shows.
import { NextResponse, type NextRequest } from "next/server";
import { findBaseline } from "@/lib/requests/findings";
import { PACKAGE_NAME } from "@/lib/validations/request";

export async function GET(req: NextRequest) {
  const name = req.nextUrl.searchParams.get("package") ?? "";
  const exclude = req.nextUrl.searchParams.get("exclude") ?? undefined;
  if (!PACKAGE_NAME.test(name)) return NextResponse.json({ error: "package: a Debian source package name." }, { status: 422 });
  const b = await findBaseline(name, exclude);
  if (!b) return NextResponse.json({ error: `No approved exception for ${name}.` }, { status: 404 });
  const { complexity, codeQuality, securityContact, cveHistory, qualityNotes, justifications, ...content } = b.content;
  void complexity, codeQuality, securityContact, cveHistory, qualityNotes, justifications;
  return NextResponse.json({ number: b.number, label: b.label, content });
}
