import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { fieldLabel, formatDateTime, ref } from "@/lib/format";
import { parseRequestNumber } from "@/lib/http/params";
import { findRevision } from "@/lib/requests/queries";
import { requireUserPage } from "@/lib/session";
import { RequestContent } from "../../../../components/request-content";

export const metadata: Metadata = { title: "Revision" };


export default async function RevisionPage({ params }: { params: Promise<{ number: string; rev: string }> }) {
  const { number, rev } = await params;
  const user = await requireUserPage(`/requests/${number}/revisions/${rev}`);
  const n = parseRequestNumber(number);
  const k = parseRequestNumber(rev);
  const found = n && k ? await findRevision(n, k, user) : null;
  if (!found) notFound();
  const { request, revision, content, changed } = found;
  return (
    <>
      <p>
        <Link href={`/requests/${request.number}`}>← {ref(request.number)} · {request.packageName}</Link>
      </p>
      <h1>
        Revision {revision.number} of {ref(request.number)}
        {revision.number === request.revision && <span className="hint"> (current)</span>}
      </h1>
      <p className="lede">As submitted {formatDateTime(revision.createdAt)}.</p>
      {changed && (
        <p className="notice info">
          Changed from revision {revision.number - 1}: {changed.length ? changed.map(fieldLabel).join(", ") : "nothing"}.{" "}
          <Link href={`/requests/${request.number}/revisions/${revision.number - 1}`}>See revision {revision.number - 1}</Link>
        </p>
      )}
      <RequestContent content={content} />
    </>
  );
}
