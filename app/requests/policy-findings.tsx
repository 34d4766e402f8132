"use client";
// What the policy checks say about the request, live as the maintainer types.
import { useMemo } from "react";
import { countBySeverity, policyInputFromForm, runChecks, type Finding } from "@/lib/policy";
import type { TRequestInput } from "@/lib/validations/request";

export function PolicyFindings({ values }: { values: unknown }) {
  const findings = useMemo(() => runChecks(policyInputFromForm(values as TRequestInput)), [values]);
  return <FindingsList findings={findings} title="Policy checks" live />;
}

export function FindingsList({ findings, title, live }: { findings: Finding[]; title: string; live?: boolean }) {
  const n = countBySeverity(findings);
  return (
    <section className="panel" aria-label={title} aria-live={live ? "polite" : undefined}>
      <h2>
        {title}{" "}
        <span className="hint">
          {n.blocking} blocking · {n.warning} warning{n.warning === 1 ? "" : "s"} · {n.info} note{n.info === 1 ? "" : "s"}
        </span>
      </h2>
      {findings.length === 0 && <p className="hint">No findings.</p>}
      {findings.map((f) => (
        <div key={f.id} className={`finding ${f.severity}`} data-finding={f.id}>
          <strong>{f.severity === "blocking" ? "Blocking" : f.severity === "warning" ? "Warning" : "Note"}:</strong> {f.message}
          <div className="rule">Policy: “{f.rule}”</div>
        </div>
      ))}
    </section>
  );
}
