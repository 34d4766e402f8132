"use client";
// The exception request form: every field of the request, rows to add and
// remove, the same zod schema as the server for field errors, and the option
// to fill the sockets from pasted `ss` output.
import { useCallback, useRef, useState, useTransition } from "react";
import { unjustifiedBlocking, type Finding } from "@/lib/policy";
import { useRouter } from "next/navigation";
import {
  ANSWERS,
  APPARMOR_MODES,
  FLAVORS,
  FLAVOR_LABEL,
  MECHANISMS,
  MECHANISM_LABEL,
  PROTOCOLS,
  ZRequestDraft,
  ZRequestSubmit,
  errorsFor,
  fieldErrors,
  type FieldErrors,
  type TRequestInput,
} from "@/lib/validations/request";
import { parseSs } from "@/lib/ss";
import type { FormValues } from "@/lib/validations/form-values";
import { saveRequestAction } from "./actions";
import { PolicyFindings } from "./policy-findings";

type Socket = TRequestInput["sockets"][number];
type Advert = TRequestInput["adverts"][number];
type Data = TRequestInput["exposedData"][number];


export interface SeriesOption {
  codename: string;
  version: string;
  name: string;
  isLts: boolean;
}

interface Props {
  initial: FormValues;
  series: SeriesOption[];
  request?: { id: string; number: number; revision: number; status: string };
}

const newSocket = (): Socket => ({ protocol: "TCP", port: "", ephemeral: false, bindAddress: "0.0.0.0", process: "", purpose: "" });
const newAdvert = (): Advert => ({ mechanism: "MDNS", serviceType: "", reveals: "" });
const newData = (): Data => ({ item: "", level: "MACHINE", optIn: "" });

export function RequestForm({ initial, series, request }: Props) {
  const router = useRouter();
  const [v, setV] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>();
  const [message, setMessage] = useState<{ kind: "error" | "ok"; text: string }>();
  const [pending, startTransition] = useTransition();
  const [ssText, setSsText] = useState("");
  const [ssReport, setSsReport] = useState<string[]>([]);
  const findings = useRef<Finding[]>([]);
  const onFindings = useCallback((f: Finding[]) => {
    findings.current = f;
  }, []);

  const status = request?.status ?? "DRAFT";
  const isDraft = status === "DRAFT";

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => setV((prev) => ({ ...prev, [key]: value }));
  const setRow = <K extends "sockets" | "adverts" | "exposedData">(key: K, i: number, patch: Partial<FormValues[K][number]>) =>
    setV((prev) => ({ ...prev, [key]: prev[key].map((row, j) => (j === i ? { ...row, ...patch } : row)) }));
  const addRow = <K extends "sockets" | "adverts" | "exposedData">(key: K, row: FormValues[K][number]) =>
    setV((prev) => ({ ...prev, [key]: [...prev[key], row] }));
  const removeRow = (key: "sockets" | "adverts" | "exposedData", i: number) =>
    setV((prev) => ({ ...prev, [key]: (prev[key] as unknown[]).filter((_, j) => j !== i) }));
  const toggle = (key: "series" | "flavors", value: string) =>
    setV((prev) => {
      const list = prev[key] as string[];
      return { ...prev, [key]: list.includes(value) ? list.filter((x) => x !== value) : [...list, value] };
    });

  const err = (path: string) => errorsFor(errors, path);
  const invalid = (path: string) => (err(path).length ? true : undefined);

  function save(intent: "draft" | "submit") {
    setMessage(undefined);
    // Same schema as the server; after submission every revision must be complete.
    const complete = intent === "submit" || !isDraft;
    const parsed = (complete ? ZRequestSubmit : ZRequestDraft).safeParse(v);
    // Blocking findings need a justification: ask in the same round as the field errors.
    const fe = {
      ...(parsed.success ? {} : fieldErrors(parsed.error)),
      ...(complete ? unjustifiedBlocking(findings.current, v.justifications) : {}),
    };
    if (Object.keys(fe).length) {
      setErrors(fe);
      const n = Object.keys(fe).length;
      setMessage({ kind: "error", text: `${n} field${n === 1 ? " needs" : "s need"} attention; nothing was saved.` });
      requestAnimationFrame(() => document.querySelector<HTMLElement>("[aria-invalid='true']")?.focus());
      return;
    }
    setErrors(undefined);
    startTransition(async () => {
      const res = await saveRequestAction({ id: request?.id, revision: request?.revision, intent, input: v });
      if (res?.ok) {
        router.push(res.redirectTo ?? "/requests");
        router.refresh();
      } else if (res) {
        setErrors(res.fieldErrors);
        setMessage({ kind: "error", text: res.error });
      }
    });
  }

  function importSs() {
    const parsed = parseSs(ssText);
    if (parsed.error) {
      setSsReport([parsed.error]);
      return;
    }
    const external = parsed.sockets.filter((s) => !s.loopback);
    // A UDP socket in the kernel's ephemeral range (net.ipv4.ip_local_port_range, 32768–60999 by
    // default) is almost always a port picked at start (avahi's legacy unicast socket, for one).
    const isEphemeral = (s: (typeof external)[number]) => s.protocol === "udp" && s.port >= 32768 && s.port <= 60999;
    const rows: Socket[] = external.map((s) => ({
      protocol: s.protocol.toUpperCase() as Socket["protocol"],
      port: isEphemeral(s) ? "" : String(s.port),
      ephemeral: isEphemeral(s),
      bindAddress: s.interface ? `${s.address}%${s.interface}` : s.address,
      process: s.processes.join(", "),
      purpose: "",
    }));
    setV((prev) => ({ ...prev, sockets: [...prev.sockets.filter((s) => s.process || s.purpose || s.port), ...rows] }));
    const dropped = parsed.sockets.length - external.length;
    const ephemeral = external.filter(isEphemeral).map((s) => `udp/${s.port}`);
    setSsReport([
      `Added ${rows.length} listening socket${rows.length === 1 ? "" : "s"}${dropped ? `; left out ${dropped} loopback listener${dropped === 1 ? "" : "s"}` : ""}. Describe each one's purpose below, and remove the rows of other packages.`,
      ...(ephemeral.length ? [`Marked ephemeral (in the kernel's ephemeral port range): ${ephemeral.join(", ")}. Untick “ephemeral” if the port is fixed.`] : []),
      ...parsed.skipped.map((s) => `Line ${s.line} skipped: ${s.reason}`),
    ]);
  }

  const discovery = v.discoversServices;

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save("submit");
      }}
    >
      {message && (
        <div className={`notice ${message.kind}`} role="status">
          {message.text}
        </div>
      )}

      <fieldset>
        <legend>Package</legend>
        <div className="grid-2">
          <Field id="packageName" label="Source package" hint="Debian source package name, e.g. avahi" errors={err("packageName")}>
            <input id="packageName" type="text" value={v.packageName} aria-invalid={invalid("packageName")} onChange={(e) => set("packageName", e.target.value)} />
          </Field>
          <Field id="packageVersion" label="Version" hint="As in the archive, e.g. 0.8-13ubuntu6" errors={err("packageVersion")}>
            <input id="packageVersion" type="text" value={v.packageVersion} aria-invalid={invalid("packageVersion")} onChange={(e) => set("packageVersion", e.target.value)} />
          </Field>
        </div>
        <div className="grid-2">
          <Group label="Series" hint="Releases whose default installation includes it" errors={err("series")}>
            <div className="check-row">
              {series.map((s) => (
                <label key={s.codename} className="check">
                  <input type="checkbox" checked={v.series.includes(s.codename)} onChange={() => toggle("series", s.codename)} />
                  {s.codename} <span className="hint">({s.version}{s.isLts ? " LTS" : ""})</span>
                </label>
              ))}
            </div>
          </Group>
          <Group label="Flavors" hint="Default installations it is part of" errors={err("flavors")}>
            <div className="check-row">
              {FLAVORS.map((f) => (
                <label key={f} className="check">
                  <input type="checkbox" checked={(v.flavors as string[]).includes(f)} onChange={() => toggle("flavors", f)} />
                  {FLAVOR_LABEL[f]}
                </label>
              ))}
            </div>
          </Group>
        </div>
        <Field id="justification" label="Out-of-the-box benefit" hint="Why a default installation needs this network service" errors={err("justification")}>
          <textarea id="justification" value={v.justification} aria-invalid={invalid("justification")} onChange={(e) => set("justification", e.target.value)} />
        </Field>
      </fieldset>

      <fieldset>
        <legend>Listening sockets</legend>
        <p className="hint">Every socket it listens on in a default installation (loopback-only listeners need no exception).</p>
        {errors?.sockets && <p className="field-error">{errors.sockets.join(" ")}</p>}
        {v.sockets.length > 0 && (
          <div className="table-wrap">
          <table className="rows">
            <thead>
              <tr>
                <th>Protocol</th>
                <th>Port</th>
                <th>Ephemeral</th>
                <th>Bind address</th>
                <th>Process / unit</th>
                <th>Purpose</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {v.sockets.map((s, i) => {
                const p = `sockets.${i}`;
                return (
                  <tr key={i}>
                    <td>
                      <select aria-label={`Socket ${i + 1} protocol`} value={s.protocol} aria-invalid={invalid(`${p}.protocol`)} onChange={(e) => setRow("sockets", i, { protocol: e.target.value as Socket["protocol"] })}>
                        {PROTOCOLS.map((x) => (
                          <option key={x} value={x}>
                            {x.toLowerCase()}
                          </option>
                        ))}
                      </select>
                      <RowError errors={err(`${p}.protocol`)} />
                    </td>
                    <td style={{ width: "7rem" }}>
                      <input type="text" inputMode="numeric" aria-label={`Socket ${i + 1} port`} value={String(s.port ?? "")} disabled={!!s.ephemeral} aria-invalid={invalid(`${p}.port`)} onChange={(e) => setRow("sockets", i, { port: e.target.value })} />
                      <RowError errors={err(`${p}.port`)} />
                    </td>
                    <td>
                      <input type="checkbox" aria-label={`Socket ${i + 1} ephemeral port`} checked={!!s.ephemeral} onChange={(e) => setRow("sockets", i, { ephemeral: e.target.checked, port: e.target.checked ? "" : s.port })} />
                    </td>
                    <td>
                      <input type="text" aria-label={`Socket ${i + 1} bind address`} value={s.bindAddress} aria-invalid={invalid(`${p}.bindAddress`)} onChange={(e) => setRow("sockets", i, { bindAddress: e.target.value })} />
                      <RowError errors={err(`${p}.bindAddress`)} />
                    </td>
                    <td>
                      <input type="text" aria-label={`Socket ${i + 1} process`} value={s.process} aria-invalid={invalid(`${p}.process`)} onChange={(e) => setRow("sockets", i, { process: e.target.value })} />
                      <RowError errors={err(`${p}.process`)} />
                    </td>
                    <td>
                      <input type="text" aria-label={`Socket ${i + 1} purpose`} value={s.purpose} aria-invalid={invalid(`${p}.purpose`)} onChange={(e) => setRow("sockets", i, { purpose: e.target.value })} />
                      <RowError errors={err(`${p}.purpose`)} />
                    </td>
                    <td>
                      <button type="button" className="link" onClick={() => removeRow("sockets", i)} aria-label={`Remove socket ${i + 1}`}>
                        Remove
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          </div>
        )}
        <div className="actions">
          <button type="button" onClick={() => addRow("sockets", newSocket())}>
            Add socket
          </button>
        </div>
        <details style={{ marginTop: "0.8rem" }}>
          <summary>Fill from <code>ss</code> output</summary>
          <p className="hint">
            On a default installation run <code>sudo ss -utlnp</code> and paste the output. Loopback listeners (127.0.0.0/8, ::1) are left out.
          </p>
          <textarea aria-label="ss output" className="mono" rows={6} value={ssText} onChange={(e) => setSsText(e.target.value)} />
          <div className="actions" style={{ marginTop: "0.4rem" }}>
            <button type="button" onClick={importSs}>
              Add sockets from ss output
            </button>
          </div>
          {ssReport.length > 0 && (
            <ul className="hint" role="status">
              {ssReport.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          )}
        </details>
      </fieldset>

      <fieldset>
        <legend>Advertised services</legend>
        <p className="hint">What it announces on the network, e.g. mDNS <code>_ipp._tcp</code>, or host records <code>&lt;hostname&gt;.local (A/AAAA)</code>.</p>
        {v.adverts.length > 0 && (
          <div className="table-wrap">
          <table className="rows">
            <thead>
              <tr>
                <th>Mechanism</th>
                <th>Service type</th>
                <th>What the advertisement reveals</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {v.adverts.map((a, i) => {
                const p = `adverts.${i}`;
                return (
                  <tr key={i}>
                    <td style={{ width: "11rem" }}>
                      <select aria-label={`Service ${i + 1} mechanism`} value={a.mechanism} onChange={(e) => setRow("adverts", i, { mechanism: e.target.value as Advert["mechanism"] })}>
                        {MECHANISMS.map((m) => (
                          <option key={m} value={m}>
                            {MECHANISM_LABEL[m]}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <input type="text" aria-label={`Service ${i + 1} type`} value={a.serviceType} aria-invalid={invalid(`${p}.serviceType`)} onChange={(e) => setRow("adverts", i, { serviceType: e.target.value })} />
                      <RowError errors={err(`${p}.serviceType`)} />
                    </td>
                    <td>
                      <input type="text" aria-label={`Service ${i + 1} reveals`} value={a.reveals} aria-invalid={invalid(`${p}.reveals`)} onChange={(e) => setRow("adverts", i, { reveals: e.target.value })} />
                      <RowError errors={err(`${p}.reveals`)} />
                    </td>
                    <td>
                      <button type="button" className="link" onClick={() => removeRow("adverts", i)} aria-label={`Remove service ${i + 1}`}>
                        Remove
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          </div>
        )}
        <button type="button" onClick={() => addRow("adverts", newAdvert())}>
          Add advertised service
        </button>
      </fieldset>

      <fieldset>
        <legend>Exposed data</legend>
        <p className="hint">
          Machine-level information (MAC, IP address, host name, which services exist) may be exposed automatically. Application-level data only with an explicit, understandable opt-in by the user: say which.
        </p>
        {v.exposedData.length > 0 && (
          <div className="table-wrap">
          <table className="rows">
            <thead>
              <tr>
                <th>Data</th>
                <th>Level</th>
                <th>User opt-in that enables it (application-level)</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {v.exposedData.map((d, i) => {
                const p = `exposedData.${i}`;
                return (
                  <tr key={i}>
                    <td>
                      <input type="text" aria-label={`Data ${i + 1} item`} value={d.item} aria-invalid={invalid(`${p}.item`)} onChange={(e) => setRow("exposedData", i, { item: e.target.value })} />
                      <RowError errors={err(`${p}.item`)} />
                    </td>
                    <td style={{ width: "12rem" }}>
                      <select aria-label={`Data ${i + 1} level`} value={d.level} onChange={(e) => setRow("exposedData", i, { level: e.target.value as Data["level"] })}>
                        <option value="MACHINE">Machine-level</option>
                        <option value="APPLICATION">Application-level</option>
                      </select>
                    </td>
                    <td>
                      <input type="text" aria-label={`Data ${i + 1} opt-in`} value={d.optIn ?? ""} disabled={d.level === "MACHINE"} onChange={(e) => setRow("exposedData", i, { optIn: e.target.value })} />
                      <RowError errors={err(`${p}.optIn`)} />
                    </td>
                    <td>
                      <button type="button" className="link" onClick={() => removeRow("exposedData", i)} aria-label={`Remove data ${i + 1}`}>
                        Remove
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          </div>
        )}
        <button type="button" onClick={() => addRow("exposedData", newData())}>
          Add exposed data
        </button>
      </fieldset>

      <fieldset>
        <legend>Privilege confinement</legend>
        <div className="grid-3">
          <Field id="runAsUser" label="Runs as user" hint="The user the network-facing process runs as" errors={err("runAsUser")}>
            <input id="runAsUser" type="text" value={v.runAsUser} aria-invalid={invalid("runAsUser")} onChange={(e) => set("runAsUser", e.target.value)} />
          </Field>
          <div className="field">
            <span className="sr-only">System user</span>
            <label className="check" style={{ marginTop: "1.6rem" }}>
              <input type="checkbox" checked={!!v.isSystemUser} onChange={(e) => set("isSystemUser", e.target.checked)} />
              It is a system user (UID below 1000)
            </label>
          </div>
          <Field id="groups" label="Groups" hint="Comma or space separated" errors={err("groups")}>
            <input id="groups" type="text" value={v.groups} aria-invalid={invalid("groups")} onChange={(e) => set("groups", e.target.value)} />
          </Field>
        </div>
        <div className="grid-3">
          <Field id="capabilities" label="Capabilities" hint="e.g. CAP_NET_BIND_SERVICE" errors={err("capabilities")}>
            <input id="capabilities" type="text" value={v.capabilities} aria-invalid={invalid("capabilities")} onChange={(e) => set("capabilities", e.target.value)} />
          </Field>
          <Field id="apparmorMode" label="AppArmor" errors={err("apparmorMode")}>
            <select id="apparmorMode" value={v.apparmorMode} onChange={(e) => set("apparmorMode", e.target.value as FormValues["apparmorMode"])}>
              {APPARMOR_MODES.map((m) => (
                <option key={m} value={m}>
                  {m === "NONE" ? "No profile" : m === "ENFORCE" ? "Profile in enforce mode" : "Profile in complain mode"}
                </option>
              ))}
            </select>
          </Field>
          <Field id="apparmorProfile" label="AppArmor profile" hint="e.g. usr.sbin.avahi-daemon" errors={err("apparmorProfile")}>
            <input id="apparmorProfile" type="text" value={v.apparmorProfile} disabled={v.apparmorMode === "NONE"} aria-invalid={invalid("apparmorProfile")} onChange={(e) => set("apparmorProfile", e.target.value)} />
          </Field>
        </div>
        <div className="grid-2">
          <Field id="systemdSandboxing" label="systemd sandboxing" hint="One directive per line, e.g. ProtectSystem=strict" errors={err("systemdSandboxing")}>
            <textarea id="systemdSandboxing" className="mono" value={v.systemdSandboxing} aria-invalid={invalid("systemdSandboxing")} onChange={(e) => set("systemdSandboxing", e.target.value)} />
          </Field>
          <Field id="confinementNotes" label="Notes on confinement" errors={err("confinementNotes")}>
            <textarea id="confinementNotes" value={v.confinementNotes} onChange={(e) => set("confinementNotes", e.target.value)} />
          </Field>
        </div>
      </fieldset>

      <fieldset>
        <legend>Code quality and upstream security response</legend>
        <div className="grid-2">
          <Field id="complexity" label="Complexity" errors={err("complexity")}>
            <textarea id="complexity" value={v.complexity} onChange={(e) => set("complexity", e.target.value)} />
          </Field>
          <Field id="codeQuality" label="Code quality" errors={err("codeQuality")}>
            <textarea id="codeQuality" value={v.codeQuality} onChange={(e) => set("codeQuality", e.target.value)} />
          </Field>
          <Field id="securityContact" label="Upstream security contact" errors={err("securityContact")}>
            <input id="securityContact" type="text" value={v.securityContact} onChange={(e) => set("securityContact", e.target.value)} />
          </Field>
          <Field id="cveHistory" label="CVE history and how it was handled" hint="Links to CVEs and security notices" errors={err("cveHistory")}>
            <textarea id="cveHistory" value={v.cveHistory} onChange={(e) => set("cveHistory", e.target.value)} />
          </Field>
        </div>
        <Field id="qualityNotes" label="Other notes" errors={err("qualityNotes")}>
          <textarea id="qualityNotes" value={v.qualityNotes} onChange={(e) => set("qualityNotes", e.target.value)} />
        </Field>
      </fieldset>

      <fieldset>
        <legend>Remote-service discovery</legend>
        <label className="check field">
          <input type="checkbox" checked={!!discovery} onChange={(e) => set("discoversServices", e.target.checked)} />
          It discovers services offered by other computers (e.g. through mDNS, SSDP, WS-Discovery)
        </label>
        {discovery && (
          <>
            <p className="hint">The default Server installation must not discover remote services at all.</p>
            <YesNo id="separatesLocalRemote" label="Does it clearly separate local (trusted) services from discovered remote ones?" value={v.separatesLocalRemote} errors={err("separatesLocalRemote")} onChange={(x) => set("separatesLocalRemote", x)} />
            <YesNo id="contactsOnlyOnRequest" label="Does it contact discovered services only on an explicit user request?" value={v.contactsOnlyOnRequest} errors={err("contactsOnlyOnRequest")} onChange={(x) => set("contactsOnlyOnRequest", x)} />
            <Field id="discoveryOffSwitch" label="How does a user turn discovery off?" hint="Where a user finds the switch" errors={err("discoveryOffSwitch")}>
              <textarea id="discoveryOffSwitch" value={v.discoveryOffSwitch} onChange={(e) => set("discoveryOffSwitch", e.target.value)} />
            </Field>
          </>
        )}
      </fieldset>

      <PolicyFindings
        values={v as unknown as TRequestInput}
        requestId={request?.id}
        errors={errors}
        onJustify={(id, text) => setV((prev) => ({ ...prev, justifications: { ...(prev.justifications ?? {}), [id]: text } }))}
        onFindings={onFindings}
      />

      <div className="actions">
        {isDraft && (
          <>
            <button type="submit" className="primary" disabled={pending}>
              Submit for sign-off
            </button>
            <button type="button" disabled={pending} onClick={() => save("draft")}>
              Save draft
            </button>
          </>
        )}
        {status === "SUBMITTED" && (
          <button type="submit" className="primary" disabled={pending}>
            Save as revision {(request?.revision ?? 0) + 1}
          </button>
        )}
        {status === "NEEDS_INFO" && (
          <>
            <button type="submit" className="primary" disabled={pending}>
              Save and resubmit
            </button>
            <button type="button" disabled={pending} onClick={() => save("draft")}>
              Save without resubmitting
            </button>
          </>
        )}
        {pending && <span className="hint">Saving…</span>}
      </div>
      {!isDraft && <p className="hint">Saving a change makes a new revision: sign-offs given to the current revision no longer count.</p>}
    </form>
  );
}

function Field({ id, label, hint, errors, children }: { id: string; label: string; hint?: string; errors: string[]; children: React.ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>
        {label} {hint && <span className="hint">— {hint}</span>}
      </label>
      {children}
      {errors.map((e, i) => (
        <p key={i} className="field-error" id={`${id}-error`}>
          {e}
        </p>
      ))}
    </div>
  );
}

function Group({ label, hint, errors, children }: { label: string; hint?: string; errors: string[]; children: React.ReactNode }) {
  return (
    <div className="field" role="group" aria-label={label}>
      <span style={{ fontWeight: 600, fontSize: "0.92rem" }}>
        {label} {hint && <span className="hint">— {hint}</span>}
      </span>
      {children}
      {errors.map((e, i) => (
        <p key={i} className="field-error">
          {e}
        </p>
      ))}
    </div>
  );
}

function RowError({ errors }: { errors: string[] }) {
  return errors.length ? <p className="field-error">{errors.join(" ")}</p> : null;
}

function YesNo({ id, label, value, errors, onChange }: { id: string; label: string; value: unknown; errors: string[]; onChange: (v: "YES" | "NO") => void }) {
  return (
    <div className="field" role="radiogroup" aria-label={label}>
      <span style={{ fontWeight: 600, fontSize: "0.92rem" }}>{label}</span>
      <div className="check-row">
        {ANSWERS.map((a) => (
          <label key={a} className="check">
            <input type="radio" name={id} checked={value === a} onChange={() => onChange(a)} aria-invalid={errors.length ? true : undefined} />
            {a === "YES" ? "Yes" : "No"}
          </label>
        ))}
      </div>
      {errors.map((e, i) => (
        <p key={i} className="field-error">
          {e}
        </p>
      ))}
    </div>
  );
}
