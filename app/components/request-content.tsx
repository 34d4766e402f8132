// Everything a request records, read-only: used on the request page and the public page.
import { FLAVOR_LABEL, MECHANISM_LABEL, type TRequest } from "@/lib/validations/request";

const answer = (a: "YES" | "NO" | null) => (a === "YES" ? "Yes" : a === "NO" ? "No" : "Not answered");
const APPARMOR = { ENFORCE: "enforce mode", COMPLAIN: "complain mode", NONE: "no profile" } as const;

export function RequestContent({ content: c, publicView = false }: { content: TRequest; publicView?: boolean }) {
  return (
    <>
      <section>
        <h2>Package</h2>
        <dl className="facts">
          <dt>Source package</dt>
          <dd>
            <code>{c.packageName}</code> {c.packageVersion}
          </dd>
          <dt>Series</dt>
          <dd>{c.series.join(", ") || "—"}</dd>
          <dt>Flavors</dt>
          <dd>{c.flavors.map((f) => FLAVOR_LABEL[f]).join(", ") || "—"}</dd>
          <dt>Out-of-the-box benefit</dt>
          <dd>{c.justification || "—"}</dd>
        </dl>
      </section>

      <section>
        <h2>Listening sockets</h2>
        {c.sockets.length === 0 ? (
          <p className="hint">None.</p>
        ) : (
          <div className="table-wrap">
          <table className="data" aria-label="Listening sockets">
            <thead>
              <tr>
                <th>Protocol</th>
                <th>Port</th>
                <th>Bind address</th>
                <th>Process</th>
                <th>Purpose</th>
              </tr>
            </thead>
            <tbody>
              {c.sockets.map((s, i) => (
                <tr key={i}>
                  <td>{s.protocol.toLowerCase()}</td>
                  <td>{s.ephemeral || s.port === null ? "ephemeral" : s.port}</td>
                  <td>
                    <code>{s.bindAddress}</code>
                  </td>
                  <td>{s.process}</td>
                  <td>{s.purpose}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        )}
      </section>

      <section>
        <h2>Advertised services</h2>
        {c.adverts.length === 0 ? (
          <p className="hint">None.</p>
        ) : (
          <div className="table-wrap">
          <table className="data" aria-label="Advertised services">
            <thead>
              <tr>
                <th>Mechanism</th>
                <th>Service type</th>
                <th>Reveals</th>
              </tr>
            </thead>
            <tbody>
              {c.adverts.map((a, i) => (
                <tr key={i}>
                  <td>{MECHANISM_LABEL[a.mechanism]}</td>
                  <td>
                    <code>{a.serviceType}</code>
                  </td>
                  <td>{a.reveals}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        )}
      </section>

      <section>
        <h2>Exposed data</h2>
        {c.exposedData.length === 0 ? (
          <p className="hint">None stated.</p>
        ) : (
          <div className="table-wrap">
          <table className="data" aria-label="Exposed data">
            <thead>
              <tr>
                <th>Data</th>
                <th>Level</th>
                <th>User opt-in</th>
              </tr>
            </thead>
            <tbody>
              {c.exposedData.map((d, i) => (
                <tr key={i}>
                  <td>{d.item}</td>
                  <td>{d.level === "MACHINE" ? "Machine-level" : "Application-level"}</td>
                  <td>{d.level === "APPLICATION" ? d.optIn || <span className="badge REJECTED">none stated</span> : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        )}
      </section>

      <section>
        <h2>Privilege confinement</h2>
        <dl className="facts">
          <dt>Runs as</dt>
          <dd>
            <code>{c.runAsUser || "—"}</code> {c.runAsUser && (c.isSystemUser ? "(system user)" : "(not a system user)")}
          </dd>
          <dt>Groups</dt>
          <dd>{c.groups.length ? c.groups.map((g) => <code key={g} className="chip">{g}</code>) : "none"}</dd>
          <dt>Capabilities</dt>
          <dd>{c.capabilities.length ? c.capabilities.map((g) => <code key={g} className="chip">{g}</code>) : "none"}</dd>
          <dt>AppArmor</dt>
          <dd>
            {APPARMOR[c.apparmorMode]} {c.apparmorProfile && <code>{c.apparmorProfile}</code>}
          </dd>
          <dt>systemd sandboxing</dt>
          <dd>{c.systemdSandboxing.length ? <code>{c.systemdSandboxing.join("\n")}</code> : "none"}</dd>
          {c.confinementNotes && (
            <>
              <dt>Notes</dt>
              <dd>{c.confinementNotes}</dd>
            </>
          )}
        </dl>
      </section>

      {!publicView && (
        <section>
          <h2>Code quality and upstream security response</h2>
          <dl className="facts">
            <dt>Complexity</dt>
            <dd>{c.complexity || "—"}</dd>
            <dt>Code quality</dt>
            <dd>{c.codeQuality || "—"}</dd>
            <dt>Security contact</dt>
            <dd>{c.securityContact || "—"}</dd>
            <dt>CVE history</dt>
            <dd>{c.cveHistory || "—"}</dd>
            {c.qualityNotes && (
              <>
                <dt>Notes</dt>
                <dd>{c.qualityNotes}</dd>
              </>
            )}
          </dl>
        </section>
      )}

      <section>
        <h2>Remote-service discovery</h2>
        {c.discoversServices ? (
          <dl className="facts">
            <dt>Separates local and discovered services</dt>
            <dd>{answer(c.separatesLocalRemote)}</dd>
            <dt>Contacts discovered services only on request</dt>
            <dd>{answer(c.contactsOnlyOnRequest)}</dd>
            <dt>How to turn discovery off</dt>
            <dd>{c.discoveryOffSwitch || "—"}</dd>
          </dl>
        ) : (
          <p>Does not discover remote services.</p>
        )}
      </section>
    </>
  );
}
