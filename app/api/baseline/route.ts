// GET /api/baseline?package=avahi[&exclude=<request id>] — the latest approved
// exception of a package, for the upgrade guard on the request form. Approved
// exceptions are public: this returns what the public page shows.
import { NextResponse, type NextRequest } from "next/server";
import { isRecordId } from "@/lib/http/params";
import { findBaseline } from "@/lib/requests/findings";
import { PACKAGE_NAME } from "@/lib/validations/request";

export async function GET(req: NextRequest) {
  const name = req.nextUrl.searchParams.get("package") ?? "";
  const raw = req.nextUrl.searchParams.get("exclude");
  const exclude = isRecordId(raw) ? raw : undefined;
  if (!PACKAGE_NAME.test(name)) return NextResponse.json({ error: "package: a Debian source package name." }, { status: 422 });
  const b = await findBaseline(name, exclude);
  // No approved exception yet is an ordinary answer for a new package, not an error.
  if (!b) return NextResponse.json({ baseline: null });
  const { complexity, codeQuality, securityContact, cveHistory, qualityNotes, justifications, ...content } = b.content;
  void complexity, codeQuality, securityContact, cveHistory, qualityNotes, justifications;
  return NextResponse.json({ baseline: { number: b.number, label: b.label, content } });
}
