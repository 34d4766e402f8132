import { describe, it, expect } from "vitest";
import { DEMO_REQUESTS, demoRequest, type DemoRequest } from "../demo/exceptions";
import { ZRequestSubmit, emptyRequest, type TRequest, type TRequestInput } from "../validations/request";
import {
  CHECKS,
  RULES,
  countBySeverity,
  policyInputFromForm,
  runChecks,
  soundsLocalOnly,
  type Finding,
  type PolicyInput,
} from "./index";

const HEADINGS = [
  "Exposing local information to the network",
  "Detecting and using remote services",
  "Additional security considerations",
  "Guidelines for network services exposed by default",
  "Identifying open ports",
  "Sign-off process",
];

const stored = (key: DemoRequest["key"]): TRequest => ZRequestSubmit.parse(demoRequest(key));
/** avahi: approved, AppArmor enforced; its only finding is the sign-off info. */
const clean = (): TRequest => stored("avahi");
const of = (input: PolicyInput, check: string): Finding[] => runChecks(input).filter((f) => f.check === check);
const one = (input: PolicyInput, check: string): Finding => {
  const found = of(input, check);
  expect(found).toHaveLength(1);
  return found[0];
};
const ids = (fs: Finding[]) => fs.map((f) => f.id);
const blocking = (input: PolicyInput) => runChecks(input).filter((f) => f.severity === "blocking");

describe("confinement.shared-user", () => {
  it("warns about nobody, not about a dedicated user", () => {
    const nobody = runChecks({ runAsUser: "nobody", isSystemUser: true });
    expect(nobody.find((f) => f.id === "confinement.shared-user")).toMatchObject({ severity: "warning", fields: ["runAsUser"] });
    expect(runChecks({ runAsUser: "avahi", isSystemUser: true }).some((f) => f.id === "confinement.shared-user")).toBe(false);
  });
});

describe("the table of checks", () => {
  it("has unique names, each citing a POLICY.md heading and describing itself", () => {
    const names = CHECKS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of CHECKS) {
      expect(HEADINGS).toContain(c.rule);
      expect(c.description.length).toBeGreaterThan(20);
    }
    expect(Object.values(RULES).sort()).toEqual([...HEADINGS].sort());
  });

  it("gives every finding unique ids, its check's name and rule, sorted blocking → warning → info", () => {
    const worst: PolicyInput = {
      ...stored("cups-browsed"),
      flavors: ["DESKTOP", "SERVER"],
      groups: ["docker", "adm", "disk"],
      capabilities: ["CAP_SYS_ADMIN", "CAP_NET_RAW"],
      sockets: [
        { protocol: "TCP", port: 80, ephemeral: false, bindAddress: "::", process: "x", purpose: "API for local clients" },
        { protocol: "TCP", port: 9000, ephemeral: false, bindAddress: "127.0.0.1", process: "x", purpose: "debug" },
      ],
      runAsUser: "alice",
      isSystemUser: false,
      complexity: "",
      securityContact: "",
    };
    const findings = runChecks(worst);
    expect(new Set(ids(findings)).size).toBe(findings.length);
    const byName = new Map(CHECKS.map((c) => [c.name, c.rule]));
    for (const f of findings) expect(f.rule).toBe(byName.get(f.check));
    const order = findings.map((f) => ["blocking", "warning", "info"].indexOf(f.severity));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // Every check fires on this input except root-user and shared-user (alice is neither root nor nobody).
    const fired = new Set(findings.map((f) => f.check));
    expect(CHECKS.map((c) => c.name).filter((n) => !fired.has(n))).toEqual(["confinement.root-user", "confinement.shared-user"]);
  });

  it("counts by severity", () => {
    const counts = countBySeverity(runChecks(stored("cups-browsed")));
    expect(counts).toEqual({ blocking: 5, warning: 2, info: 2 });
    expect(countBySeverity([])).toEqual({ blocking: 0, warning: 0, info: 0 });
  });
});

describe("confinement.shared-user", () => {
  it("warns about nobody, not about a dedicated user", () => {
    const nobody = runChecks({ runAsUser: "nobody", isSystemUser: true });
    expect(nobody.find((f) => f.id === "confinement.shared-user")).toMatchObject({ severity: "warning", fields: ["runAsUser"] });
    expect(runChecks({ runAsUser: "avahi", isSystemUser: true }).some((f) => f.id === "confinement.shared-user")).toBe(false);
  });
});

describe("demo requests", () => {
  it.each(["dhcp", "avahi", "openssh"] as const)("approved %s has no blocking finding", (key) => {
    expect(blocking(stored(key))).toEqual([]);
  });

  it("approved requests only carry the expected warnings", () => {
    // dhcpcd and openssh: neither AppArmor nor systemd sandboxing (they rely on privilege separation).
    expect(ids(runChecks(stored("dhcp")))).toEqual(["confinement.unconfined", "signoff.required"]);
    expect(ids(runChecks(stored("openssh")))).toEqual(["confinement.unconfined", "signoff.required"]);
    expect(ids(runChecks(stored("avahi")))).toEqual(["signoff.required"]);
  });

  it("rejected cups-browsed is blocked for root, unconsented data and unsafe discovery", () => {
    expect(ids(blocking(stored("cups-browsed")))).toEqual([
      "exposedData.list-of-the-local-print-queues-when-sharing-is-on.no-opt-in",
      "discovery.separates-local-remote",
      "discovery.contacts-only-on-request",
      "discovery.off-switch",
      "confinement.root-user",
    ]);
  });

  it("pending wsdd has nothing blocking", () => {
    expect(ids(runChecks(stored("wsdd")))).toEqual(["signoff.required"]);
  });

  it.each(DEMO_REQUESTS.map((d) => d.key))("%s: raw form input gives the same findings as the stored request", (key) => {
    expect(runChecks(policyInputFromForm(demoRequest(key)))).toEqual(runChecks(stored(key)));
  });
});

describe("confinement.shared-user", () => {
  it("warns about nobody, not about a dedicated user", () => {
    const nobody = runChecks({ runAsUser: "nobody", isSystemUser: true });
    expect(nobody.find((f) => f.id === "confinement.shared-user")).toMatchObject({ severity: "warning", fields: ["runAsUser"] });
    expect(runChecks({ runAsUser: "avahi", isSystemUser: true }).some((f) => f.id === "confinement.shared-user")).toBe(false);
  });
});

describe("live form tolerance", () => {
  it("an empty request: no throw, nothing blocking", () => {
    const findings = runChecks(policyInputFromForm(emptyRequest()));
    expect(countBySeverity(findings).blocking).toBe(0);
    expect(runChecks({})).toEqual(findings);
  });

  it("converts half-typed raw input without throwing", () => {
    const raw = {
      ...emptyRequest(),
      sockets: [
        { protocol: "TCP", port: " 80 ", bindAddress: "", process: "", purpose: "" },
        { protocol: "UDP", port: "abc", bindAddress: "0.0.0", process: "", purpose: "" },
        {},
      ],
      groups: "Docker, adm  video",
      capabilities: "sys_admin net_raw",
      systemdSandboxing: "ProtectSystem=strict\r\n\r\nPrivateTmp=yes",
      separatesLocalRemote: "",
      runAsUser: " www-data ",
    } as unknown as TRequestInput;
    const input = policyInputFromForm(raw);
    expect(input.sockets?.map((x) => x.port)).toEqual([80, null, null]);
    expect(input.groups).toEqual(["Docker", "adm", "video"]);
    expect(input.capabilities).toEqual(["CAP_SYS_ADMIN", "CAP_NET_RAW"]);
    expect(input.systemdSandboxing).toEqual(["ProtectSystem=strict", "PrivateTmp=yes"]);
    expect(input.separatesLocalRemote).toBeNull();
    expect(input.runAsUser).toBe("www-data");
    expect(ids(runChecks(input))).toContain("confinement.root-equivalent-group.docker");
    expect(() => policyInputFromForm(null)).not.toThrow();
    expect(() => runChecks(policyInputFromForm({ sockets: "nope", exposedData: [null] } as unknown as TRequestInput))).not.toThrow();
  });
});

describe("confinement.shared-user", () => {
  it("warns about nobody, not about a dedicated user", () => {
    const nobody = runChecks({ runAsUser: "nobody", isSystemUser: true });
    expect(nobody.find((f) => f.id === "confinement.shared-user")).toMatchObject({ severity: "warning", fields: ["runAsUser"] });
    expect(runChecks({ runAsUser: "avahi", isSystemUser: true }).some((f) => f.id === "confinement.shared-user")).toBe(false);
  });
});

describe("exposure.application-data-opt-in", () => {
  it("blocks application-level data without a stated opt-in", () => {
    const f = one(stored("cups-browsed"), "exposure.application-data-opt-in");
    expect(f).toMatchObject({ id: "exposedData.list-of-the-local-print-queues-when-sharing-is-on.no-opt-in", severity: "blocking", rule: "Exposing local information to the network", fields: ["exposedData.0.optIn"] });
    expect(f.message).toContain("List of the local print queues");
  });

  it("accepts it with an explicit opt-in, and machine-level data without one", () => {
    const r = stored("cups-browsed");
    r.exposedData[0].optIn = "Only after the user ticks “Share printers” in Settings → Printers.";
    expect(of(r, "exposure.application-data-opt-in")).toEqual([]);
    expect(of(clean(), "exposure.application-data-opt-in")).toEqual([]); // three MACHINE items, no opt-in
  });
});

describe("confinement.shared-user", () => {
  it("warns about nobody, not about a dedicated user", () => {
    const nobody = runChecks({ runAsUser: "nobody", isSystemUser: true });
    expect(nobody.find((f) => f.id === "confinement.shared-user")).toMatchObject({ severity: "warning", fields: ["runAsUser"] });
    expect(runChecks({ runAsUser: "avahi", isSystemUser: true }).some((f) => f.id === "confinement.shared-user")).toBe(false);
  });
});

describe("discovery.server-flavor", () => {
  it("blocks discovery on Server", () => {
    const f = one({ ...clean(), flavors: ["DESKTOP", "SERVER"] }, "discovery.server-flavor");
    expect(f).toMatchObject({ severity: "blocking", rule: "Detecting and using remote services", fields: ["flavors", "discoversServices"] });
    expect(f.message).toContain("Server");
  });

  it("allows Server without discovery, and Desktop with it", () => {
    expect(of(stored("dhcp"), "discovery.server-flavor")).toEqual([]); // DESKTOP+SERVER, no discovery
    expect(of(clean(), "discovery.server-flavor")).toEqual([]);
  });
});

describe.each([
  ["discovery.separates-local-remote", "separatesLocalRemote"],
  ["discovery.contacts-only-on-request", "contactsOnlyOnRequest"],
] as const)("%s", (check, field) => {
  it("blocks a “no”", () => {
    const f = one({ ...clean(), [field]: "NO" }, check);
    expect(f).toMatchObject({ id: check, severity: "blocking", rule: "Detecting and using remote services", fields: [field] });
    expect(f.message).toContain("“no”");
  });

  it("warns while unanswered", () => {
    const f = one({ ...clean(), [field]: null }, check);
    expect(f).toMatchObject({ id: `${check}.unanswered`, severity: "warning", fields: [field] });
    expect(f.message).toMatch(/^Not answered yet/);
  });

  it("accepts “yes”, and anything when the software does not discover", () => {
    expect(of(clean(), check)).toEqual([]);
    expect(of({ ...clean(), discoversServices: false, [field]: "NO" }, check)).toEqual([]);
  });
});

describe("confinement.shared-user", () => {
  it("warns about nobody, not about a dedicated user", () => {
    const nobody = runChecks({ runAsUser: "nobody", isSystemUser: true });
    expect(nobody.find((f) => f.id === "confinement.shared-user")).toMatchObject({ severity: "warning", fields: ["runAsUser"] });
    expect(runChecks({ runAsUser: "avahi", isSystemUser: true }).some((f) => f.id === "confinement.shared-user")).toBe(false);
  });
});

describe("discovery.off-switch", () => {
  it("blocks discovery without an off switch", () => {
    for (const discoveryOffSwitch of ["", "   "]) {
      const f = one({ ...clean(), discoveryOffSwitch }, "discovery.off-switch");
      expect(f).toMatchObject({ id: "discovery.off-switch", severity: "blocking", rule: "Detecting and using remote services", fields: ["discoveryOffSwitch"] });
    }
  });

  it("accepts a described switch, or no discovery", () => {
    expect(of(stored("wsdd"), "discovery.off-switch")).toEqual([]);
    expect(of(stored("openssh"), "discovery.off-switch")).toEqual([]);
  });
});

describe("confinement.shared-user", () => {
  it("warns about nobody, not about a dedicated user", () => {
    const nobody = runChecks({ runAsUser: "nobody", isSystemUser: true });
    expect(nobody.find((f) => f.id === "confinement.shared-user")).toMatchObject({ severity: "warning", fields: ["runAsUser"] });
    expect(runChecks({ runAsUser: "avahi", isSystemUser: true }).some((f) => f.id === "confinement.shared-user")).toBe(false);
  });
});

describe("confinement.root-user", () => {
  it("blocks root, by name or uid", () => {
    const f = one(stored("cups-browsed"), "confinement.root-user");
    expect(f).toMatchObject({ id: "confinement.root-user", severity: "blocking", rule: "Additional security considerations", fields: ["runAsUser"] });
    expect(f.message).toContain("“root”");
    expect(one({ runAsUser: "0" }, "confinement.root-user").message).toContain("“0”");
  });

  it("accepts other users", () => {
    expect(of(clean(), "confinement.root-user")).toEqual([]);
    expect(of({ ...clean(), runAsUser: "rootless" }, "confinement.root-user")).toEqual([]);
  });
});

describe("confinement.shared-user", () => {
  it("warns about nobody, not about a dedicated user", () => {
    const nobody = runChecks({ runAsUser: "nobody", isSystemUser: true });
    expect(nobody.find((f) => f.id === "confinement.shared-user")).toMatchObject({ severity: "warning", fields: ["runAsUser"] });
    expect(runChecks({ runAsUser: "avahi", isSystemUser: true }).some((f) => f.id === "confinement.shared-user")).toBe(false);
  });
});

describe("confinement.non-system-user", () => {
  it("blocks a login user", () => {
    const f = one({ ...clean(), runAsUser: "alice", isSystemUser: false }, "confinement.non-system-user");
    expect(f).toMatchObject({ id: "confinement.non-system-user", severity: "blocking", rule: "Additional security considerations", fields: ["runAsUser"] });
    expect(f.message).toContain("“alice”");
  });

  it("accepts system users, DynamicUser=yes, root (its own check) and an empty field", () => {
    expect(of(clean(), "confinement.non-system-user")).toEqual([]);
    expect(of({ ...stored("wsdd"), isSystemUser: false }, "confinement.non-system-user")).toEqual([]);
    expect(of({ runAsUser: "root" }, "confinement.non-system-user")).toEqual([]);
    expect(of({ runAsUser: "", isSystemUser: false }, "confinement.non-system-user")).toEqual([]);
  });
});

describe("confinement.shared-user", () => {
  it("warns about nobody, not about a dedicated user", () => {
    const nobody = runChecks({ runAsUser: "nobody", isSystemUser: true });
    expect(nobody.find((f) => f.id === "confinement.shared-user")).toMatchObject({ severity: "warning", fields: ["runAsUser"] });
    expect(runChecks({ runAsUser: "avahi", isSystemUser: true }).some((f) => f.id === "confinement.shared-user")).toBe(false);
  });
});

describe("confinement.root-equivalent-group", () => {
  it("blocks each root-equivalent group, naming it and why", () => {
    const found = of({ ...clean(), groups: ["avahi", "docker", "disk"] }, "confinement.root-equivalent-group");
    expect(ids(found)).toEqual(["confinement.root-equivalent-group.docker", "confinement.root-equivalent-group.disk"]);
    expect(found[0]).toMatchObject({ severity: "blocking", rule: "Additional security considerations", fields: ["groups"] });
    expect(found[0].message).toContain("“docker”");
    expect(found[1].message).toContain("block devices");
    expect(ids(of(policyInputFromForm({ ...demoRequest("avahi"), groups: "Sudo, sudo" }), "confinement.root-equivalent-group"))).toEqual([
      "confinement.root-equivalent-group.sudo",
    ]);
  });

  it("accepts ordinary groups", () => {
    expect(of({ ...clean(), groups: ["avahi", "lp", "netdev"] }, "confinement.root-equivalent-group")).toEqual([]);
  });
});

describe("confinement.shared-user", () => {
  it("warns about nobody, not about a dedicated user", () => {
    const nobody = runChecks({ runAsUser: "nobody", isSystemUser: true });
    expect(nobody.find((f) => f.id === "confinement.shared-user")).toMatchObject({ severity: "warning", fields: ["runAsUser"] });
    expect(runChecks({ runAsUser: "avahi", isSystemUser: true }).some((f) => f.id === "confinement.shared-user")).toBe(false);
  });
});

describe("confinement.privileged-group", () => {
  it("warns about adm", () => {
    const f = one({ ...clean(), groups: ["adm"] }, "confinement.privileged-group");
    expect(f).toMatchObject({ id: "confinement.privileged-group.adm", severity: "warning", rule: "Additional security considerations", fields: ["groups"] });
    expect(f.message).toContain("“adm”");
    expect(f.message).toContain("/var/log");
  });

  it("ignores ordinary and root-equivalent groups (the latter have their own check)", () => {
    expect(of({ ...clean(), groups: ["lp", "docker"] }, "confinement.privileged-group")).toEqual([]);
  });
});

describe("confinement.shared-user", () => {
  it("warns about nobody, not about a dedicated user", () => {
    const nobody = runChecks({ runAsUser: "nobody", isSystemUser: true });
    expect(nobody.find((f) => f.id === "confinement.shared-user")).toMatchObject({ severity: "warning", fields: ["runAsUser"] });
    expect(runChecks({ runAsUser: "avahi", isSystemUser: true }).some((f) => f.id === "confinement.shared-user")).toBe(false);
  });
});

describe("confinement.root-equivalent-capability", () => {
  it("blocks CAP_SYS_ADMIN, however it is typed on the form", () => {
    const f = one(policyInputFromForm({ ...demoRequest("avahi"), capabilities: "sys_admin, net_bind_service" }), "confinement.root-equivalent-capability");
    expect(f).toMatchObject({
      id: "confinement.root-equivalent-capability.CAP_SYS_ADMIN",
      severity: "blocking",
      rule: "Additional security considerations",
      fields: ["capabilities"],
    });
    expect(f.message).toContain("CAP_SYS_ADMIN");
  });

  it("accepts CAP_NET_BIND_SERVICE", () => {
    expect(of({ ...clean(), capabilities: ["CAP_NET_BIND_SERVICE"] }, "confinement.root-equivalent-capability")).toEqual([]);
  });
});

describe("confinement.shared-user", () => {
  it("warns about nobody, not about a dedicated user", () => {
    const nobody = runChecks({ runAsUser: "nobody", isSystemUser: true });
    expect(nobody.find((f) => f.id === "confinement.shared-user")).toMatchObject({ severity: "warning", fields: ["runAsUser"] });
    expect(runChecks({ runAsUser: "avahi", isSystemUser: true }).some((f) => f.id === "confinement.shared-user")).toBe(false);
  });
});

describe("confinement.privileged-capability", () => {
  it("warns about CAP_NET_RAW", () => {
    const f = one({ ...clean(), capabilities: ["CAP_NET_RAW"] }, "confinement.privileged-capability");
    expect(f).toMatchObject({ id: "confinement.privileged-capability.CAP_NET_RAW", severity: "warning", fields: ["capabilities"] });
    expect(f.message).toContain("CAP_NET_RAW");
  });

  it("ignores harmless capabilities", () => {
    expect(of({ ...clean(), capabilities: ["CAP_NET_BIND_SERVICE", "CAP_SYS_ADMIN"] }, "confinement.privileged-capability")).toEqual([]);
  });
});

describe("confinement.shared-user", () => {
  it("warns about nobody, not about a dedicated user", () => {
    const nobody = runChecks({ runAsUser: "nobody", isSystemUser: true });
    expect(nobody.find((f) => f.id === "confinement.shared-user")).toMatchObject({ severity: "warning", fields: ["runAsUser"] });
    expect(runChecks({ runAsUser: "avahi", isSystemUser: true }).some((f) => f.id === "confinement.shared-user")).toBe(false);
  });
});

describe("confinement.unconfined", () => {
  it("warns without an enforced profile or sandboxing directives", () => {
    const f = one(stored("dhcp"), "confinement.unconfined");
    expect(f).toMatchObject({ id: "confinement.unconfined", severity: "warning", rule: "Additional security considerations", fields: ["apparmorMode", "systemdSandboxing"] });
    expect(f.message).toContain("“none”");
    // Directives that restrict nothing do not count.
    expect(of({ ...stored("dhcp"), systemdSandboxing: ["Restart=always", "ProtectSystem=no"] }, "confinement.unconfined")).toHaveLength(1);
    expect(one(stored("cups-browsed"), "confinement.unconfined").message).toContain("“complain”");
  });

  it("accepts an enforced profile, or sandboxing", () => {
    expect(of(clean(), "confinement.unconfined")).toEqual([]);
    expect(of(stored("wsdd"), "confinement.unconfined")).toEqual([]);
    expect(of({ ...stored("dhcp"), systemdSandboxing: ["ProtectSystem = strict"] }, "confinement.unconfined")).toEqual([]);
  });
});

describe("confinement.shared-user", () => {
  it("warns about nobody, not about a dedicated user", () => {
    const nobody = runChecks({ runAsUser: "nobody", isSystemUser: true });
    expect(nobody.find((f) => f.id === "confinement.shared-user")).toMatchObject({ severity: "warning", fields: ["runAsUser"] });
    expect(runChecks({ runAsUser: "avahi", isSystemUser: true }).some((f) => f.id === "confinement.shared-user")).toBe(false);
  });
});

describe("confinement.apparmor-complain", () => {
  it("notes a profile in complain mode", () => {
    const f = one(stored("cups-browsed"), "confinement.apparmor-complain");
    expect(f).toMatchObject({ id: "confinement.apparmor-complain", severity: "info", rule: "Additional security considerations", fields: ["apparmorMode"] });
    expect(f.message).toContain("usr.sbin.cups-browsed");
  });

  it("is silent for enforce and none", () => {
    expect(of(clean(), "confinement.apparmor-complain")).toEqual([]);
    expect(of(stored("dhcp"), "confinement.apparmor-complain")).toEqual([]);
  });
});

describe("confinement.shared-user", () => {
  it("warns about nobody, not about a dedicated user", () => {
    const nobody = runChecks({ runAsUser: "nobody", isSystemUser: true });
    expect(nobody.find((f) => f.id === "confinement.shared-user")).toMatchObject({ severity: "warning", fields: ["runAsUser"] });
    expect(runChecks({ runAsUser: "avahi", isSystemUser: true }).some((f) => f.id === "confinement.shared-user")).toBe(false);
  });
});

describe("sockets.wildcard-local", () => {
  const api = { protocol: "TCP", port: 8631, ephemeral: false, bindAddress: "0.0.0.0", process: "printerd", purpose: "Control API for local clients (the settings panel)." };

  it("warns when a local-only purpose listens everywhere", () => {
    const f = one({ ...clean(), sockets: [api] }, "sockets.wildcard-local");
    expect(f).toMatchObject({ id: "sockets.0.wildcard-local", severity: "warning", rule: "Guidelines for network services exposed by default", fields: ["sockets.0.bindAddress"] });
    expect(f.message).toContain("“0.0.0.0”");
  });

  it("is silent on loopback, on an interface, and for the demos' network purposes", () => {
    expect(of({ ...clean(), sockets: [{ ...api, bindAddress: "127.0.0.1" }] }, "sockets.wildcard-local")).toEqual([]);
    expect(of({ ...clean(), sockets: [{ ...api, bindAddress: "0.0.0.0%eth0" }] }, "sockets.wildcard-local")).toEqual([]);
    for (const d of DEMO_REQUESTS) expect(of(stored(d.key), "sockets.wildcard-local")).toEqual([]);
  });

  it("keyword heuristic", () => {
    for (const p of ["local-only status page", "IPC with the session daemon", "reachable on localhost", "loopback control", "listens for ::1 clients", "used from this machine only", "serves local applications"]) {
      expect(soundsLocalOnly(p), p).toBe(true);
    }
    for (const p of ["mDNS on the local network", "replies from the local router", "announces this machine's name", "Remote administration"]) {
      expect(soundsLocalOnly(p), p).toBe(false);
    }
  });
});

describe("confinement.shared-user", () => {
  it("warns about nobody, not about a dedicated user", () => {
    const nobody = runChecks({ runAsUser: "nobody", isSystemUser: true });
    expect(nobody.find((f) => f.id === "confinement.shared-user")).toMatchObject({ severity: "warning", fields: ["runAsUser"] });
    expect(runChecks({ runAsUser: "avahi", isSystemUser: true }).some((f) => f.id === "confinement.shared-user")).toBe(false);
  });
});

describe("sockets.privileged-port", () => {
  const web: PolicyInput = {
    ...clean(),
    runAsUser: "www-data",
    confinementNotes: "",
    sockets: [{ protocol: "TCP", port: 80, ephemeral: false, bindAddress: "::", process: "httpd", purpose: "Web server" }],
  };

  it("warns when a non-root user cannot bind the port", () => {
    const f = one(web, "sockets.privileged-port");
    expect(f).toMatchObject({ id: "sockets.0.privileged-port", severity: "warning", rule: "Additional security considerations", fields: ["sockets.0.port"] });
    expect(f.message).toContain("TCP 80");
    expect(f.message).toContain("“www-data”");
    expect(of({ ...web, sockets: [{ ...web.sockets![0], port: 1023 }] }, "sockets.privileged-port")).toHaveLength(1);
    // openssh without its socket unit or notes would be flagged on both sockets.
    const ssh = stored("openssh");
    ssh.confinementNotes = "";
    ssh.sockets = ssh.sockets.map((x) => ({ ...x, process: "sshd" }));
    expect(ids(of(ssh, "sockets.privileged-port"))).toEqual(["sockets.0.privileged-port", "sockets.1.privileged-port"]);
  });

  it("accepts CAP_NET_BIND_SERVICE, socket activation, dropping root, root itself, high and ephemeral ports", () => {
    const quiet = (input: PolicyInput) => expect(of(input, "sockets.privileged-port")).toEqual([]);
    quiet({ ...web, capabilities: ["CAP_NET_BIND_SERVICE"] });
    quiet({ ...web, sockets: [{ ...web.sockets![0], process: "httpd (httpd.socket)" }] });
    quiet({ ...web, sockets: [{ ...web.sockets![0], process: "httpd, via systemd socket activation" }] });
    quiet({ ...web, confinementNotes: "Starts as root to bind port 80, then drops privileges to www-data." });
    quiet({ ...web, runAsUser: "root" });
    quiet({ ...web, sockets: [{ ...web.sockets![0], port: 1024 }] });
    quiet({ ...web, sockets: [{ ...web.sockets![0], port: null, ephemeral: true }] });
    const ssh = stored("openssh");
    ssh.confinementNotes = "";
    quiet(ssh); // "sshd (ssh.socket)"
    quiet(stored("dhcp")); // port 68; notes describe privilege separation
  });
});

describe("confinement.shared-user", () => {
  it("warns about nobody, not about a dedicated user", () => {
    const nobody = runChecks({ runAsUser: "nobody", isSystemUser: true });
    expect(nobody.find((f) => f.id === "confinement.shared-user")).toMatchObject({ severity: "warning", fields: ["runAsUser"] });
    expect(runChecks({ runAsUser: "avahi", isSystemUser: true }).some((f) => f.id === "confinement.shared-user")).toBe(false);
  });
});

describe("sockets.loopback-only", () => {
  it("notes that loopback listeners are not open ports", () => {
    const found = of(
      { sockets: [{ protocol: "TCP", port: 631, bindAddress: "127.0.0.1" }, { protocol: "TCP", port: 631, bindAddress: "[::1]" }] },
      "sockets.loopback-only",
    );
    expect(ids(found)).toEqual(["sockets.0.loopback-only", "sockets.1.loopback-only"]);
    expect(found[0]).toMatchObject({ severity: "info", rule: "Identifying open ports", fields: ["sockets.0.bindAddress"] });
    expect(found[0].message).toContain("“127.0.0.1”");
  });

  it("is silent for other addresses", () => {
    for (const d of DEMO_REQUESTS) expect(of(stored(d.key), "sockets.loopback-only")).toEqual([]);
  });
});

describe("confinement.shared-user", () => {
  it("warns about nobody, not about a dedicated user", () => {
    const nobody = runChecks({ runAsUser: "nobody", isSystemUser: true });
    expect(nobody.find((f) => f.id === "confinement.shared-user")).toMatchObject({ severity: "warning", fields: ["runAsUser"] });
    expect(runChecks({ runAsUser: "avahi", isSystemUser: true }).some((f) => f.id === "confinement.shared-user")).toBe(false);
  });
});

describe("quality.notes-missing", () => {
  it("warns when nothing is said about quality", () => {
    const f = one({ ...clean(), complexity: "", codeQuality: " ", qualityNotes: "" }, "quality.notes-missing");
    expect(f).toMatchObject({ id: "quality.notes-missing", severity: "warning", rule: "Additional security considerations", fields: ["complexity", "codeQuality", "qualityNotes"] });
  });

  it("accepts any one of the three", () => {
    expect(of({ ...clean(), complexity: "", codeQuality: "", qualityNotes: "Audited in 2024." }, "quality.notes-missing")).toEqual([]);
    expect(of(stored("cups-browsed"), "quality.notes-missing")).toEqual([]); // complexity only
  });
});

describe("confinement.shared-user", () => {
  it("warns about nobody, not about a dedicated user", () => {
    const nobody = runChecks({ runAsUser: "nobody", isSystemUser: true });
    expect(nobody.find((f) => f.id === "confinement.shared-user")).toMatchObject({ severity: "warning", fields: ["runAsUser"] });
    expect(runChecks({ runAsUser: "avahi", isSystemUser: true }).some((f) => f.id === "confinement.shared-user")).toBe(false);
  });
});

describe("quality.security-contact", () => {
  it("warns without an upstream contact", () => {
    const f = one({ ...clean(), securityContact: "" }, "quality.security-contact");
    expect(f).toMatchObject({ id: "quality.security-contact", severity: "warning", rule: "Additional security considerations", fields: ["securityContact"] });
  });

  it("accepts a contact", () => {
    expect(of(clean(), "quality.security-contact")).toEqual([]);
  });
});

describe("confinement.shared-user", () => {
  it("warns about nobody, not about a dedicated user", () => {
    const nobody = runChecks({ runAsUser: "nobody", isSystemUser: true });
    expect(nobody.find((f) => f.id === "confinement.shared-user")).toMatchObject({ severity: "warning", fields: ["runAsUser"] });
    expect(runChecks({ runAsUser: "avahi", isSystemUser: true }).some((f) => f.id === "confinement.shared-user")).toBe(false);
  });
});

describe("quality.cve-handling", () => {
  it("warns when CVEs are named without how they were handled", () => {
    const f = one(stored("cups-browsed"), "quality.cve-handling");
    expect(f).toMatchObject({ id: "quality.cve-handling", severity: "warning", rule: "Additional security considerations", fields: ["cveHistory"] });
    expect(f.message).toContain("CVE-2024-47176");
    expect(one({ cveHistory: "cve-2020-1 is not one; CVE-2021-12345 and CVE-2022-0001 are." }, "quality.cve-handling").message).toContain(
      "CVE-2021-12345, CVE-2022-0001 but not how they were",
    );
  });

  it("accepts handled CVEs and histories without CVEs", () => {
    expect(of(stored("openssh"), "quality.cve-handling")).toEqual([]); // fixed … USN-6859-1
    expect(of(stored("avahi"), "quality.cve-handling")).toEqual([]);
    expect(of(stored("wsdd"), "quality.cve-handling")).toEqual([]); // "No CVEs known."
    expect(of({ cveHistory: "CVE-2024-47176, patched in 2.0.1." }, "quality.cve-handling")).toEqual([]);
  });
});

describe("confinement.shared-user", () => {
  it("warns about nobody, not about a dedicated user", () => {
    const nobody = runChecks({ runAsUser: "nobody", isSystemUser: true });
    expect(nobody.find((f) => f.id === "confinement.shared-user")).toMatchObject({ severity: "warning", fields: ["runAsUser"] });
    expect(runChecks({ runAsUser: "avahi", isSystemUser: true }).some((f) => f.id === "confinement.shared-user")).toBe(false);
  });
});

describe("signoff.required", () => {
  it("reminds that sockets and adverts need both sign-offs", () => {
    const f = one(clean(), "signoff.required");
    expect(f).toMatchObject({ id: "signoff.required", severity: "info", rule: "Sign-off process", fields: [] });
    expect(f.message).toContain("3 sockets and advertises 1 service");
    expect(f.message).toContain("Technical Board");
  });

  it("is silent when nothing listens or is advertised", () => {
    expect(of({ ...clean(), sockets: [], adverts: [] }, "signoff.required")).toEqual([]);
  });
});
