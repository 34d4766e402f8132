"use client";
// What the policy checks say about the request, live as the maintainer types;
// a blocking finding needs a written justification to be submitted.
import { useEffect, useMemo, useState } from "react";
import { allFindings, countBySeverity, policyInputFromForm, type Finding, type PolicyInput } from "@/lib/policy";
import { errorsFor, type FieldErrors, type TRequestInput } from "@/lib/validations/request";

interface Baseline {
  number: number;
  label: string;
  content: PolicyInput;
}

/** The latest approved exception of the package being typed, if any (for the upgrade guard). */
function useBaseline(packageName: string, requestId?: string): Baseline | null {
  const [baseline, setBaseline] = useState<Baseline | null>(null);
  useEffect(() => {
    const name = packageName.trim();
    if (!/^[a-z0-9][a-z0-9+.-]+$/.test(name)) {
      setBaseline(null);
      return;
    }
    const ctl = new AbortController();
    const t = setTimeout(async () => {
      try {
        const q = new URLSearchParams({ package: name, ...(requestId ? { exclude: requestId } : {}) });
        const res = await fetch(`/api/baseline?${q}`, { signal: ctl.signal });
        setBaseline(res.ok ? ((await res.json()) as { baseline: Baseline | null }).baseline : null);
      } catch {
        /* aborted or offline: keep the last answer */
      }
    }, 400);
    return () => {
      clearTimeout(t);
      ctl.abort();
    };
  }, [packageName, requestId]);
  return baseline;
}

export function PolicyFindings({
  values,
  requestId,
  errors,
  onJustify,
  onFindings,
}: {
  values: TRequestInput;
  requestId?: string;
  errors?: FieldErrors;
  onJustify: (id: string, text: string) => void;
  /** Told the current findings, so the form can ask for justifications before it posts. */
  onFindings?: (findings: Finding[]) => void;
}) {
  const baseline = useBaseline(values.packageName ?? "", requestId);
  const findings = useMemo(() => {
    return allFindings(policyInputFromForm(values), baseline && { ...baseline.content, label: baseline.label });
  }, [values, baseline]);
  useEffect(() => {
    onFindings?.(findings);
  }, [findings, onFindings]);
  return (
    <FindingsList
      findings={findings}
      title="Policy checks"
      live
      note={baseline ? `Compared with the approved exception ${baseline.label}.` : undefined}
      justifications={values.justifications ?? {}}
      editable={{ errors, onJustify }}
    />
  );
}

export function FindingsList({
  findings,
  title,
  live,
  note,
  justifications,
  editable,
}: {
  findings: Finding[];
  title: string;
  live?: boolean;
  note?: string;
  justifications?: Record<string, string>;
  editable?: { errors?: FieldErrors; onJustify: (id: string, text: string) => void };
}) {
  const n = countBySeverity(findings);
  return (
    <section className="panel" aria-label={title} aria-live={live ? "polite" : undefined}>
      <h2>
        {title}{" "}
        <span className="hint">
          {n.blocking} blocking · {n.warning} warning{n.warning === 1 ? "" : "s"} · {n.info} note{n.info === 1 ? "" : "s"}
        </span>
      </h2>
      {note && <p className="hint">{note}</p>}
      {n.blocking > 0 && editable && (
        <p className="hint">A request with blocking findings can be submitted only with a written justification for each; reviewers read it next to the finding.</p>
      )}
      {findings.length === 0 && <p className="hint">No findings.</p>}
      {findings.map((f) => {
        const errs = editable ? errorsFor(editable.errors, `justifications.${f.id}`) : [];
        return (
          <div key={f.id} className={`finding ${f.severity}`} data-finding={f.id}>
            <strong>{f.severity === "blocking" ? "Blocking" : f.severity === "warning" ? "Warning" : "Note"}:</strong> {f.message}
            <div className="rule">Policy: “{f.rule}”</div>
            {f.severity === "blocking" && editable && (
              <div style={{ marginTop: "0.3rem" }}>
                <textarea
                  aria-label={`Justification for ${f.id}`}
                  placeholder="Why should this not block the exception?"
                  value={justifications?.[f.id] ?? ""}
                  aria-invalid={errs.length ? true : undefined}
                  onChange={(e) => editable.onJustify(f.id, e.target.value)}
                />
                {errs.map((e, i) => (
                  <p key={i} className="field-error">
                    {e}
                  </p>
                ))}
              </div>
            )}
            {f.severity === "blocking" && !editable && (
              <div style={{ marginTop: "0.3rem" }}>
                <strong>Submitter’s justification:</strong>{" "}
                {justifications?.[f.id] ? <span style={{ whiteSpace: "pre-wrap" }}>{justifications[f.id]}</span> : <em>none given</em>}
              </div>
            )}
          </div>
        );
      })}
    </section>
  );
}
