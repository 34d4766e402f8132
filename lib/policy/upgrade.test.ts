import { describe, it, expect } from "vitest";
import { demoRequest } from "../demo/exceptions";
import { ZRequestSubmit, emptyRequest, type TRequest, type TRequestInput } from "../validations/request";
import { allFindings, bindScope, diffExposure, policyInputFromForm, runChecks, upgradeFindings } from "./index";

const noble = (): TRequest => ZRequestSubmit.parse(demoRequest("avahi"));
const label = "avahi 0.8-13ubuntu6 (noble), NOP-3";
const EMPTY = { newSockets: [], newAdverts: [], newData: [], weakerConfinement: [] };

describe("diffExposure", () => {
  it("finds nothing between identical requests, stored or raw", () => {
    expect(diffExposure(noble(), noble())).toEqual(EMPTY);
    expect(diffExposure(policyInputFromForm(demoRequest("avahi")), noble())).toEqual(EMPTY);
    expect(diffExposure(policyInputFromForm(emptyRequest()), policyInputFromForm(emptyRequest()))).toEqual(EMPTY);
  });

  it("compares data by normalised text and level", () => {
    const next = noble();
    next.exposedData[0].item = "  local HOST   name ";
    next.exposedData[1].level = "APPLICATION"; // MACHINE → APPLICATION is new exposure
    next.exposedData.push({ item: "Workgroup", level: "MACHINE", optIn: "" });
    expect(diffExposure(noble(), next).newData).toEqual([
      { index: 1, item: "IPv4 and IPv6 addresses of the interfaces", level: "APPLICATION", previousLevel: "MACHINE" },
      { index: 3, item: "Workgroup", level: "MACHINE", previousLevel: null },
    ]);
    // APPLICATION → MACHINE exposes less.
    expect(diffExposure(next, { ...next, exposedData: next.exposedData.map((d) => ({ ...d, level: "MACHINE" as const })) }).newData).toEqual([]);
  });

  it("compares sockets by protocol, port and bind scope, counting duplicates", () => {
    const base = ZRequestSubmit.parse(demoRequest("dhcp")); // UDP 68 on 0.0.0.0%enp1s0
    const sock = base.sockets[0];
    const diff = (sockets: TRequest["sockets"]) => diffExposure(base, { ...base, sockets }).newSockets;
    expect(diff([{ ...sock, bindAddress: "192.0.2.10" }])).toEqual([]); // still a specific address
    expect(diff([{ ...sock, bindAddress: "0.0.0.0" }])).toEqual([
      { index: 0, protocol: "UDP", port: 68, ephemeral: false, scope: "wildcard", description: "udp port 68 on 0.0.0.0 (every interface)" },
    ]);
    expect(diff([sock, { ...sock, port: 67 }]).map((x) => x.description)).toEqual(["udp port 67 on 0.0.0.0%enp1s0 (a specific address)"]);
    expect(diff([sock, sock]).map((x) => x.index)).toEqual([1]); // a second listener
    expect(diff([{ ...sock, protocol: "TCP" }]).map((x) => x.description)).toEqual(["tcp port 68 on 0.0.0.0%enp1s0 (a specific address)"]);
    // avahi's ephemeral socket matches whatever port the kernel picks; a second one is new.
    const eph = noble().sockets[2];
    expect(diffExposure(noble(), { ...noble(), sockets: [...noble().sockets, eph] }).newSockets.map((x) => x.description)).toEqual([
      "udp ephemeral port on 0.0.0.0 (every interface)",
    ]);
    expect(bindScope("::1")).toBe("loopback");
    expect(bindScope("::")).toBe("wildcard");
    expect(bindScope("fe80::1%wlan0")).toBe("specific");
  });

  it("compares adverts by mechanism and service type", () => {
    const next = noble();
    next.adverts.push({ mechanism: "MDNS", serviceType: "_workstation._tcp", reveals: "Host name and MAC address." });
    next.adverts.push({ mechanism: "SSDP", serviceType: "<hostname>.local (A/AAAA)", reveals: "Same type, other mechanism." });
    expect(diffExposure(noble(), next).newAdverts).toEqual([
      { index: 1, mechanism: "MDNS", serviceType: "_workstation._tcp" },
      { index: 2, mechanism: "SSDP", serviceType: "<hostname>.local (A/AAAA)" },
    ]);
  });

  it("names each weakening of confinement", () => {
    const next = {
      ...noble(),
      runAsUser: "root",
      groups: ["avahi", "docker", "adm"],
      capabilities: ["CAP_SYS_ADMIN" as const],
      apparmorMode: "COMPLAIN" as const,
    };
    expect(diffExposure(noble(), next).weakerConfinement).toEqual([
      "The process now runs as “root” (previously “avahi”).",
      expect.stringMatching(/^New root-equivalent group “docker”: /),
      expect.stringMatching(/^New privileged group “adm”: /),
      expect.stringMatching(/^New root-equivalent capability CAP_SYS_ADMIN: /),
      "The AppArmor profile no longer enforces (mode “complain”, previously “enforce”).",
    ]);
    const wsdd = ZRequestSubmit.parse(demoRequest("wsdd"));
    expect(
      diffExposure(wsdd, { ...wsdd, runAsUser: "alice", isSystemUser: false, systemdSandboxing: ["ProtectSystem=full", "PrivateTmp=yes"] }).weakerConfinement,
    ).toEqual([
      "The process now runs as “alice”, which is not a system user (previously system user “wsdd”).",
      "systemd sandboxing directives dropped: DynamicUser=yes, ProtectSystem=strict, ProtectHome=yes, NoNewPrivileges=yes.",
    ]);
  });

  it("does not call stronger confinement weaker", () => {
    const before = { ...noble(), apparmorMode: "COMPLAIN" as const, groups: ["docker"] };
    const after = { ...noble(), systemdSandboxing: ["ProtectSystem=strict"] };
    expect(diffExposure(before, after).weakerConfinement).toEqual([]);
  });
});

describe("upgradeFindings", () => {
  it("blocks new application-level data and warns about a new advert (avahi noble → next)", () => {
    const next = noble();
    next.packageVersion = "0.9-1ubuntu1";
    next.adverts.push({ mechanism: "MDNS", serviceType: "_workstation._tcp", reveals: "Host name and MAC address of the machine." });
    next.exposedData.push({ item: "Names of the user's shared folders", level: "APPLICATION", optIn: "" });
    const findings = upgradeFindings({ ...noble(), label }, next);
    expect(findings.map((f) => [f.id, f.check, f.severity])).toEqual([
      ["upgrade.exposedData.names-of-the-user-s-shared-folders.new", "upgrade.new-data", "blocking"],
      ["upgrade.adverts.1.new", "upgrade.new-advert", "warning"],
    ]);
    for (const f of findings) {
      expect(f.rule).toBe("Exposing local information to the network");
      expect(f.message).toContain(label);
    }
    expect(findings[0].fields).toEqual(["exposedData.3.item"]);
    expect(findings[0].message).toContain("“Names of the user's shared folders” (application-level)");
    expect(findings[1].fields).toEqual(["adverts.1.serviceType"]);
    expect(findings[1].message).toContain("“_workstation._tcp”");
  });

  it("points a level change at the level field, and new sockets and weaker confinement at theirs", () => {
    const next = noble();
    next.exposedData[0].level = "APPLICATION";
    next.sockets.push({ protocol: "TCP", port: 5353, ephemeral: false, bindAddress: "::", process: "avahi-daemon", purpose: "x" });
    next.apparmorMode = "NONE";
    const findings = upgradeFindings({ ...noble(), label }, next);
    expect(findings.map((f) => [f.id, f.severity, f.rule, f.fields])).toEqual([
      ["upgrade.exposedData.local-host-name.new", "blocking", "Exposing local information to the network", ["exposedData.0.level"]],
      ["upgrade.sockets.3.new", "warning", "Exposing local information to the network", ["sockets.3.port", "sockets.3.bindAddress"]],
      ["upgrade.confinement.apparmor", "warning", "Additional security considerations", ["apparmorMode"]],
    ]);
    expect(findings[0].message).toContain("was machine-level in avahi 0.8-13ubuntu6 (noble), NOP-3 and is now application-level");
    expect(findings[1].message).toContain("New listener (socket 4): tcp port 5353 on :: (every interface)");
    expect(findings[2].message).toContain("“none”");
  });

  it("is empty for an unchanged request and tolerates blank form rows", () => {
    expect(upgradeFindings({ ...noble(), label }, noble())).toEqual([]);
    const typing = policyInputFromForm({ ...demoRequest("avahi"), sockets: [...demoRequest("avahi").sockets, { protocol: undefined, port: "" }] } as unknown as TRequestInput);
    expect(upgradeFindings({ ...noble(), label }, typing)).toEqual([]);
    expect(() => upgradeFindings({ label: "" }, {})).not.toThrow();
  });
});

describe("allFindings", () => {
  it("is the request's own findings without a baseline, and adds the upgrade's with one, blocking first", () => {
    expect(allFindings(noble())).toEqual(runChecks(noble()));
    const next = noble();
    next.exposedData.push({ item: "Playlist names", level: "MACHINE", optIn: "" });
    const all = allFindings(next, { ...noble(), label });
    expect(all[0]).toMatchObject({ id: "upgrade.exposedData.playlist-names.new", severity: "blocking" });
    expect(all.map((f) => f.severity)).toEqual([...all.map((f) => f.severity)].sort((a, b) => ["blocking", "warning", "info"].indexOf(a) - ["blocking", "warning", "info"].indexOf(b)));
  });
});
