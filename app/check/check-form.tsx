"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import type { MachineCheck } from "@/lib/registry/check-machine";
import { checkMachineAction } from "./actions";

export function CheckForm({ series }: { series: { codename: string; version: string }[] }) {
  const [state, action, pending] = useActionState(checkMachineAction, null);
  const [ss, setSs] = useState("");
  // Controlled, so the choice survives the form reset that follows each check.
  const [seriesChoice, setSeriesChoice] = useState(series[0]?.codename ?? "");
  const [flavor, setFlavor] = useState("DESKTOP");
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <>
      <form action={action} className="panel" aria-label="Check a machine">
        <div className="field">
          <label htmlFor="ss">
            Output of <code>sudo ss -utlnp</code> <span className="hint">— taken on a default installation; it is not stored</span>
          </label>
          <textarea id="ss" name="ss" className="mono" rows={10} maxLength={500_000} value={ss} onChange={(e) => setSs(e.target.value)} aria-invalid={errors.ss ? true : undefined} />
          {errors.ss?.map((e) => <p key={e} className="field-error">{e}</p>)}
        </div>
        <div className="grid-3">
          <div className="field">
            <label htmlFor="series">Series</label>
            <select id="series" name="series" value={seriesChoice} onChange={(e) => setSeriesChoice(e.target.value)}>
              {series.map((s) => (
                <option key={s.codename} value={s.codename}>
                  {s.codename} ({s.version})
                </option>
              ))}
            </select>
            {errors.series?.map((e) => <p key={e} className="field-error">{e}</p>)}
          </div>
          <div className="field">
            <label htmlFor="flavor">Flavor</label>
            <select id="flavor" name="flavor" value={flavor} onChange={(e) => setFlavor(e.target.value)}>
              <option value="DESKTOP">Desktop</option>
              <option value="SERVER">Server</option>
              <option value="CLOUD">Cloud</option>
            </select>
          </div>
        </div>
        <button type="submit" className="primary" disabled={pending}>
          {pending ? "Checking…" : "Check"}
        </button>
      </form>
      {state?.ok && <Results r={state} />}
    </>
  );
}

const LABEL = { approved: "approved", "not-approved": "not approved", loopback: "loopback" } as const;
const BADGE = { approved: "APPROVED", "not-approved": "REJECTED", loopback: "" } as const;

function Results({ r }: { r: Extract<MachineCheck, { ok: true }> }) {
  return (
    <section aria-label="Result">
      <h2>
        {r.counts.notApproved === 0 ? "Every open port is approved" : `${r.counts.notApproved} listener${r.counts.notApproved === 1 ? " is" : "s are"} not approved`}{" "}
        <span className="hint">
          ({r.series}, {r.flavor.toLowerCase()}: {r.counts.approved} approved, {r.counts.loopback} loopback)
        </span>
      </h2>
      <table className="data" aria-label="Listeners">
        <thead>
          <tr>
            <th>Verdict</th>
            <th>Listener</th>
            <th>Process</th>
            <th>Exception</th>
            <th>Why</th>
          </tr>
        </thead>
        <tbody>
          {r.results.map((x, i) => (
            <tr key={i} data-verdict={x.verdict}>
              <td>
                <span className={`badge ${BADGE[x.verdict]}`}>{LABEL[x.verdict]}</span>
              </td>
              <td>
                <code>
                  {x.socket.protocol}/{x.socket.port} {x.socket.address}
                  {x.socket.interface ? `%${x.socket.interface}` : ""}
                </code>
              </td>
              <td>{x.socket.processes.join(", ") || <span className="hint">not shown</span>}</td>
              <td>{x.exception ? <Link href={`/registry/${x.exception.number}`}>NOP-{x.exception.number} {x.exception.packageName}</Link> : "—"}</td>
              <td className="hint">{x.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.skipped.length > 0 && (
        <details>
          <summary>
            {r.skippedTotal} line(s) were not listening sockets{r.skippedTotal > r.skipped.length ? ` (the first ${r.skipped.length} below)` : ""}
          </summary>
          <ul className="hint">
            {r.skipped.map((s) => (
              <li key={s.line}>
                Line {s.line}: {s.reason} — <code>{s.text}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
