import type { Metadata } from "next";
import Link from "next/link";
import { parseRequestNumber } from "@/lib/http/params";
import { notFound } from "next/navigation";
import { AUDIT_LABEL, type AuditType } from "@/lib/audit/events";
import { fieldLabel, formatDateTime, ref } from "@/lib/format";
import { findRequestDetail, type RequestDetail } from "@/lib/requests/queries";
import { requireUserPage } from "@/lib/session";
import { BODY_LABEL, type Role } from "@/lib/workflow";
import { StatusBadge } from "../../components/status-badge";
import { RequestContent } from "../../components/request-content";
import { resubmitAction, revokeAction, submitDraftAction, withdrawAction } from "../actions";
import { FindingsList } from "../policy-findings";
import { CommentForm, InfoForm, SignoffForm, StatusForm } from "./forms";

export async function generateMetadata({ params }: { params: Promise<{ number: string }> }): Promise<Metadata> {
  const { number } = await params;
  return { title: `NOP-${parseRequestNumber(number) ?? "?"}` };
}

const ROLE_NAME: Record<Role, string> = { MAINTAINER: "maintainer", TECH_BOARD: "Technical Board", SECURITY_TEAM: "security team", ADMIN: "admin" };

export default async function RequestPage({ params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  const n = parseRequestNumber(number);
  const user = await requireUserPage(`/requests/${number}`);
  const detail = n ? await findRequestDetail(n, user) : null;
  if (!detail) notFound();
  const { row, content, commands } = detail;
  const isSubmitter = row.submitterId === user.id;
  const lastQuestion = [...row.audit].reverse().find((a) => a.type === "INFO_REQUESTED");

  return (
    <>
      <div className="page-head">
        <div>
          <h1>
            {ref(row.number)} · {row.packageName} <span className="hint">{row.packageVersion}</span>
          </h1>
          <p className="lede">
            <StatusBadge status={row.status} /> Revision {row.revision} · filed by {row.submitter.name}
            {row.submittedAt && <> · submitted {formatDateTime(row.submittedAt)}</>}
            {row.status === "APPROVED" && (
              <>
                {" "}
                · <Link href={`/registry/${row.number}`}>public registry entry</Link>
              </>
            )}
          </p>
        </div>
        <div className="actions">
          {commands.has("EDIT") && (
            <Link className="btn btn-primary" href={`/requests/${row.number}/edit`}>
              {row.status === "NEEDS_INFO" ? "Edit and resubmit" : "Edit"}
            </Link>
          )}
        </div>
      </div>

      {row.status === "NEEDS_INFO" && lastQuestion && (
        <div className="notice warn">
          <strong>{lastQuestion.actorName}</strong> ({ROLE_NAME[lastQuestion.actorRole]}) asked for more information on revision {lastQuestion.revision}:
          <p style={{ whiteSpace: "pre-wrap" }}>{(lastQuestion.payload as { question?: string }).question}</p>
          {isSubmitter && <p>Answer by editing the request (a new revision) or in a comment, then resubmit.</p>}
        </div>
      )}

      <div className="layout-detail">
        <div>
          <FindingsList
            findings={detail.findings}
            title="Policy checks"
            justifications={content.justifications}
            note={detail.baseline ? `Compared with the approved exception ${detail.baseline.label}.` : undefined}
          />
          <RequestContent content={content} />
          {row.revisions.length > 0 && (
            <section>
              <h2>Revisions</h2>
              <ul>
                {row.revisions.map((r) => (
                  <li key={r.number}>
                    <Link href={`/requests/${row.number}/revisions/${r.number}`}>Revision {r.number}</Link> · {formatDateTime(r.createdAt)}
                    {r.number === row.revision && " (current)"}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <Comments detail={detail} />
          <Timeline detail={detail} />
        </div>
        <aside>
          {row.status !== "DRAFT" && <SignoffPanel detail={detail} />}
          {commands.has("SIGN_OFF") && (
            <section className="panel">
              <h2>Sign off</h2>
              <SignoffForm requestId={row.id} revision={row.revision} bodies={detail.reviewBodies} />
            </section>
          )}
          {commands.has("REQUEST_INFO") && (
            <section className="panel">
              <h2>Need more information?</h2>
              <InfoForm requestId={row.id} revision={row.revision} bodies={detail.infoBodies} />
            </section>
          )}
          {(commands.has("SUBMIT") || commands.has("RESUBMIT") || commands.has("WITHDRAW") || commands.has("REVOKE")) && (
            <section className="panel">
              <h2>Actions</h2>
              {commands.has("SUBMIT") && <StatusForm requestId={row.id} action={submitDraftAction} label="Submit for sign-off" primary />}
              {commands.has("RESUBMIT") && (
                <StatusForm requestId={row.id} action={resubmitAction} label="Resubmit" primary field={{ name: "note", label: "Answer or note for the reviewers (optional)" }} />
              )}
              {commands.has("WITHDRAW") && (
                <details>
                  <summary>Withdraw this request</summary>
                  <StatusForm requestId={row.id} action={withdrawAction} label="Withdraw" danger field={{ name: "reason", label: "Reason (optional)" }} />
                </details>
              )}
              {commands.has("REVOKE") && (
                <StatusForm requestId={row.id} action={revokeAction} label="Revoke exception" danger field={{ name: "reason", label: "Why is it revoked?", required: true }} />
              )}
            </section>
          )}
        </aside>
      </div>
    </>
  );
}

function SignoffPanel({ detail }: { detail: RequestDetail }) {
  const { row, tally } = detail;
  const current = row.signoffs.filter((s) => s.revision === row.revision);
  const stale = row.signoffs.filter((s) => s.revision !== row.revision);
  const missing: string[] = [];
  const more = Math.max(0, tally.board.threshold - tally.board.approve);
  if (!tally.board.approved) missing.push(`${more} more Board approval${more === 1 ? "" : "s"}`);
  if (!tally.security.approved) missing.push("a security-team approval");
  return (
    <section className="panel tally" aria-label="Sign-offs">
      <h2>Sign-offs on revision {row.revision}</h2>
      <p>
        <strong>{BODY_LABEL.BOARD}</strong>: {tally.board.approve} of the {tally.board.threshold} approvals needed ({tally.board.members} members)
        {tally.board.reject > 0 && `, ${tally.board.reject} reject`}
        {tally.board.abstain > 0 && `, ${tally.board.abstain} abstain`}
      </p>
      <div className="bar" aria-hidden>
        <span style={{ width: `${Math.min(100, (100 * tally.board.approve) / Math.max(1, tally.board.threshold))}%` }} />
      </div>
      <p>
        <strong>{BODY_LABEL.SECURITY}</strong>: {tally.security.rejected ? "rejected" : tally.security.approved ? "approved" : "not yet signed off"}
      </p>
      {["SUBMITTED", "NEEDS_INFO"].includes(row.status) && missing.length > 0 && <p className="hint">Still missing: {missing.join(" and ")}.</p>}
      <ul className="timeline" style={{ marginTop: "0.6rem" }}>
        {current.map((s) => (
          <li key={s.id} data-signoff={s.id}>
            <span className={`badge ${s.decision}`}>{s.decision.toLowerCase()}</span> {s.user.name} · {BODY_LABEL[s.body]}
            <div className="when">{formatDateTime(s.createdAt)}</div>
            {s.comment && <div style={{ whiteSpace: "pre-wrap" }}>{s.comment}</div>}
          </li>
        ))}
        {current.length === 0 && <li className="hint">No sign-off on this revision yet.</li>}
      </ul>
      {stale.length > 0 && (
        <>
          <h3>Void: given to earlier revisions</h3>
          <ul className="timeline">
            {stale.map((s) => (
              <li key={s.id} data-stale-signoff={s.id}>
                <span className={`badge stale`}>{s.decision.toLowerCase()}</span> {s.user.name} · {BODY_LABEL[s.body]} · revision {s.revision}
                <div className="when">{formatDateTime(s.createdAt)}</div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Comments({ detail }: { detail: RequestDetail }) {
  const { row, commands } = detail;
  return (
    <section>
      <h2>Discussion</h2>
      {row.comments.length === 0 && <p className="hint">No comments yet.</p>}
      {row.comments.map((c) => (
        <div key={c.id} className="comment">
          <div className="meta">
            {c.author.name} · {formatDateTime(c.createdAt)} · on revision {c.revision}
          </div>
          <div className="body">{c.body}</div>
        </div>
      ))}
      {commands.has("COMMENT") && <CommentForm requestId={row.id} />}
    </section>
  );
}

function Timeline({ detail }: { detail: RequestDetail }) {
  return (
    <section>
      <h2>Audit trail</h2>
      <ol className="timeline" aria-label="Audit trail">
        {detail.row.audit.map((a) => (
          <li key={a.id}>
            <strong>{AUDIT_LABEL[a.type as AuditType]}</strong>
            {a.fromStatus && a.toStatus && a.fromStatus !== a.toStatus && (
              <span className="hint">
                {" "}
                ({a.fromStatus.toLowerCase()} → {a.toStatus.toLowerCase()})
              </span>
            )}{" "}
            by {a.actorName} <span className="hint">as {ROLE_NAME[a.actorRole]}</span>, revision {a.revision}
            <AuditDetail type={a.type as AuditType} payload={a.payload} />
            <div className="when">{formatDateTime(a.at)}</div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function AuditDetail({ type, payload }: { type: AuditType; payload: unknown }) {
  const p = payload as Record<string, unknown>;
  switch (type) {
    case "SIGNOFF_RECORDED":
      return (
        <div>
          {BODY_LABEL[p.body as "BOARD"]}: <span className={`badge ${p.decision}`}>{String(p.decision).toLowerCase()}</span>
        </div>
      );
    case "REQUEST_REVISED": {
      const voided = (p.voidedSignoffs as unknown[]).length;
      return (
        <div className="hint">
          Changed: {(p.changedFields as string[]).map(fieldLabel).join(", ")}. {voided ? `${voided} sign-off(s) on revision ${p.previousRevision} voided.` : ""}
        </div>
      );
    }
    case "DRAFT_UPDATED":
      return <div className="hint">Changed: {(p.changedFields as string[]).map(fieldLabel).join(", ")}</div>;
    case "REQUEST_WITHDRAWN":
    case "REQUEST_REVOKED":
      return p.reason ? <div className="hint">Reason: {String(p.reason)}</div> : null;
    default:
      return null;
  }
}
