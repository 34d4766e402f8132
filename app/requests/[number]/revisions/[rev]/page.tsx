import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDateTime, ref } from "@/lib/format";
import { parseRequestNumber } from "@/lib/http/params";
import { findRevision } from "@/lib/requests/queries";
import { requireUserPage } from "@/lib/session";
import { RequestContent } from "../../../../components/request-content";

export const metadata: Metadata = { title: "Revision" };

const FIELD_LABEL: Record<string, string> = {
  packageName: "package",
  packageVersion: "version",
  justification: "out-of-the-box benefit",
  adverts: "advertised services",
  exposedData: "exposed data",
  runAsUser: "run-as user",
  isSystemUser: "system user",
  apparmorMode: "AppArmor mode",
  apparmorProfile: "AppArmor profile",
  systemdSandboxing: "systemd sandboxing",
  confinementNotes: "confinement notes",
  codeQuality: "code quality",
  securityContact: "security contact",
  cveHistory: "CVE history",
  qualityNotes: "quality notes",
  discoversServices: "discovery",
  separatesLocalRemote: "separates local and remote",
  contactsOnlyOnRequest: "contacts only on request",
  discoveryOffSwitch: "discovery off switch",
  justifications: "justifications of blocking findings",
};

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
          Changed from revision {revision.number - 1}: {changed.length ? changed.map((f) => FIELD_LABEL[f] ?? f).join(", ") : "nothing"}.{" "}
          <Link href={`/requests/${request.number}/revisions/${revision.number - 1}`}>See revision {revision.number - 1}</Link>
        </p>
      )}
      <RequestContent content={content} />
    </>
  );
}
