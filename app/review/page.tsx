import type { Metadata } from "next";
import Link from "next/link";
import { formatDate, ref } from "@/lib/format";
import { findReviewQueue, type QueueRow } from "@/lib/requests/queries";
import { requireUserPage } from "@/lib/session";
import { FLAVOR_LABEL } from "@/lib/validations/request";

export const metadata: Metadata = { title: "Review queue" };

export default async function ReviewPage() {
  const user = await requireUserPage("/review");
  const isBoard = user.roles.includes("TECH_BOARD");
  const isSecurity = user.roles.includes("SECURITY_TEAM");
  if (!isBoard && !isSecurity) {
    return <p className="notice info">The review queue is for Technical Board and security-team members.</p>;
  }
  const queue = await findReviewQueue(user);
  return (
    <>
      <h1>Review queue</h1>
      <p className="lede">Submitted requests waiting for you, oldest first. Requests you filed are not listed: nobody reviews their own.</p>
      {isBoard && (
        <Queue
          title="Awaiting your Technical Board vote"
          rows={queue.board}
          empty="Nothing awaits your vote."
          progress={(r) => `${r.tally.board.approve}/${r.tally.board.threshold} Board approvals · security ${r.tally.security.approved ? "approved" : "pending"}`}
        />
      )}
      {isSecurity && (
        <Queue
          title="Awaiting security sign-off"
          rows={queue.security}
          empty="Nothing awaits a security sign-off."
          progress={(r) => `${r.tally.board.approve}/${r.tally.board.threshold} Board approvals`}
        />
      )}
    </>
  );
}

function Queue({
  title,
  rows,
  empty,
  progress,
}: {
  title: string;
  rows: QueueRow[];
  empty: string;
  progress: (r: QueueRow) => string;
}) {
  return (
    <section aria-label={title}>
      <h2>
        {title} <span className="hint">({rows.length})</span>
      </h2>
      {rows.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th>Request</th>
              <th>Package</th>
              <th>Series · flavors</th>
              <th>Submitter</th>
              <th>Revision</th>
              <th>Blocking findings</th>
              <th>Progress</th>
              <th>Submitted</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/requests/${r.number}`}>{ref(r.number)}</Link>
                </td>
                <td>
                  <strong>{r.packageName}</strong> <span className="hint">{r.packageVersion}</span>
                </td>
                <td>
                  {r.series.map((s) => s.codename).join(", ")} · {r.flavors.map((f) => FLAVOR_LABEL[f]).join(", ")}
                </td>
                <td>{r.submitter.name}</td>
                <td>{r.revision}</td>
                <td>{r.blockingFindings ? <span className="badge REJECTED">{r.blockingFindings} blocking</span> : <span className="hint">none</span>}</td>
                <td className="hint">{progress(r)}</td>
                <td>{formatDate(r.submittedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
