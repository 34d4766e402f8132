import Link from "next/link";
import { FLAVOR_LABEL } from "@/lib/validations/request";
import { formatDate, ref } from "@/lib/format";
import type { Status } from "@/lib/workflow";
import { StatusBadge } from "./status-badge";

export interface RequestListRow {
  number: number;
  packageName: string;
  packageVersion: string;
  status: Status;
  revision: number;
  flavors: (keyof typeof FLAVOR_LABEL)[];
  updatedAt: Date;
  series: { codename: string }[];
  submitter: { name: string };
}

export function RequestTable({ rows, empty, showSubmitter = false }: { rows: RequestListRow[]; empty: React.ReactNode; showSubmitter?: boolean }) {
  if (rows.length === 0) return <p className="empty">{empty}</p>;
  return (
    <table className="data">
      <thead>
        <tr>
          <th>Request</th>
          <th>Package</th>
          <th>Series</th>
          <th>Flavors</th>
          {showSubmitter && <th>Submitter</th>}
          <th>Status</th>
          <th>Revision</th>
          <th>Updated</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.number}>
            <td>
              <Link href={`/requests/${r.number}`}>{ref(r.number)}</Link>
            </td>
            <td>
              <strong>{r.packageName}</strong> <span className="hint">{r.packageVersion}</span>
            </td>
            <td>{r.series.map((s) => s.codename).join(", ") || "—"}</td>
            <td>{r.flavors.map((f) => FLAVOR_LABEL[f]).join(", ") || "—"}</td>
            {showSubmitter && <td>{r.submitter.name}</td>}
            <td>
              <StatusBadge status={r.status} />
            </td>
            <td>{r.revision}</td>
            <td>{formatDate(r.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
