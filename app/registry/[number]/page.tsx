import type { Metadata } from "next";
import Link from "next/link";
import { parseRequestNumber } from "@/lib/http/params";
import { notFound } from "next/navigation";
import { AUDIT_LABEL, type AuditType } from "@/lib/audit/events";
import { formatDateTime, ref } from "@/lib/format";
import { findPublicException } from "@/lib/registry/find-registry";
import { rowToRequest } from "@/lib/requests/mapping";
import { BODY_LABEL } from "@/lib/workflow";
import { RequestContent } from "../../components/request-content";

export async function generateMetadata({ params }: { params: Promise<{ number: string }> }): Promise<Metadata> {
  const { number } = await params;
  return { title: `Exception NOP-${parseRequestNumber(number) ?? "?"}` };
}

export default async function PublicExceptionPage({ params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  const n = parseRequestNumber(number);
  const r = n ? await findPublicException(n) : null;
  if (!r) notFound();
  const chain = r.signoffs.filter((s) => s.revision === r.revision);
  const revoked = r.audit.find((a) => a.type === "REQUEST_REVOKED");
  return (
    <>
      <p>
        <Link href="/registry">← Registry</Link>
      </p>
      <h1>
        {ref(r.number)} · {r.packageName} <span className="hint">{r.packageVersion}</span>
      </h1>
      <p className="lede">
        {r.status === "APPROVED" ? (
          <>
            <span className="badge APPROVED">Approved</span> {formatDateTime(r.decidedAt)} · revision {r.revision} ·{" "}
          </>
        ) : (
          <>
            <span className="badge REVOKED">Revoked</span> {formatDateTime(r.revokedAt)} · approved {formatDateTime(r.decidedAt)} ·{" "}
          </>
        )}
        <a href={`/api/registry/${r.number}`}>JSON</a>
      </p>
      {revoked && (
        <p className="notice error">
          This exception was revoked by {revoked.actorName}: {String((revoked.payload as { reason?: string }).reason ?? "")}
        </p>
      )}
      <div className="layout-detail">
        <div>
          <RequestContent content={rowToRequest(r)} publicView />
        </div>
        <aside>
          <section className="panel" aria-label="Sign-off chain">
            <h2>Sign-off chain</h2>
            <p className="hint">Approved on revision {r.revision}. Every sign-off below was given to that revision.</p>
            <ol className="timeline">
              {chain.map((s) => (
                <li key={s.id}>
                  <span className={`badge ${s.decision}`}>{s.decision.toLowerCase()}</span> <strong>{s.user.name}</strong> · {BODY_LABEL[s.body]}
                  <div className="when">
                    {formatDateTime(s.createdAt)} · revision {s.revision}
                  </div>
                  {s.comment && <div style={{ whiteSpace: "pre-wrap" }}>{s.comment}</div>}
                </li>
              ))}
            </ol>
          </section>
          <section className="panel">
            <h2>History</h2>
            <ol className="timeline">
              <li>
                Filed by {r.submitter.name}
                <div className="when">{formatDateTime(r.createdAt)}</div>
              </li>
              {r.audit.map((a, i) => (
                <li key={i}>
                  {AUDIT_LABEL[a.type as AuditType]} <span className="hint">by {a.actorName}, revision {a.revision}</span>
                  <div className="when">{formatDateTime(a.at)}</div>
                </li>
              ))}
            </ol>
          </section>
        </aside>
      </div>
    </>
  );
}
