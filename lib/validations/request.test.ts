import { describe, expect, it } from "vitest";
import { DEMO_REQUESTS, demoRequest } from "../demo/exceptions";
import { ZRequestDraft, ZRequestSubmit, emptyRequest, errorsFor, fieldErrors, type TRequestInput } from "./request";
import { isBindAddress, isIPv6, isWildcardBind, parseBindAddress } from "./net";

function errorsOf(input: unknown, schema = ZRequestSubmit) {
  const r = schema.safeParse(input);
  return r.success ? {} : fieldErrors(r.error);
}

describe("the demo exceptions are valid submissions", () => {
  for (const d of DEMO_REQUESTS) {
    it(d.key, () => {
      const r = ZRequestSubmit.safeParse(d.input);
      expect(r.success ? "ok" : fieldErrors(r.error)).toBe("ok");
    });
  }

  it("normalises what it stores", () => {
    const r = ZRequestSubmit.parse(demoRequest("avahi"));
    expect(r.sockets.map((s) => [s.protocol, s.port, s.bindAddress, s.ephemeral])).toEqual([
      ["UDP", 5353, "0.0.0.0", false],
      ["UDP", 5353, "::", false],
      ["UDP", null, "0.0.0.0", true],
    ]);
    expect(r.groups).toEqual(["avahi"]);
  });
});

describe("field errors name their field", () => {
  it("an empty submission reports every required field at once", () => {
    const e = errorsOf(emptyRequest());
    expect(Object.keys(e).sort()).toEqual(
      ["packageName", "packageVersion", "series", "flavors", "justification", "sockets", "runAsUser"].sort(),
    );
    expect(e.packageName[0]).toMatch(/package name/);
    expect(e.sockets[0]).toMatch(/at least one listening socket or advertised service/);
  });

  it("an empty draft only needs the package name", () => {
    const e = errorsOf(emptyRequest(), ZRequestDraft);
    expect(Object.keys(e)).toEqual(["packageName"]);
    expect(ZRequestDraft.safeParse({ ...emptyRequest(), packageName: "avahi" }).success).toBe(true);
  });

  it.each([
    ["Avahi", false],
    ["a", false],
    ["-foo", false],
    ["foo_bar", false],
    ["libc6", true],
    ["g++-14", true],
    ["network-manager", true],
    ["linux-image-6.8.0", true],
  ])("package name %s valid=%s", (name, ok) => {
    const e = errorsOf({ ...demoRequest("avahi"), packageName: name });
    expect(e.packageName === undefined).toBe(ok);
  });

  it.each([
    ["0.8-13ubuntu6", true],
    ["1:9.6p1-3ubuntu13", true],
    ["255.4-1ubuntu8", true],
    ["2.0~rc1", true],
    ["v1.0", false],
    ["1.0-", false],
    ["1.0 beta", false],
  ])("version %s valid=%s", (version, ok) => {
    const e = errorsOf({ ...demoRequest("avahi"), packageVersion: version });
    expect(e.packageVersion === undefined).toBe(ok);
  });

  it("socket rows: protocol, port range, bind address, process, each under its own path", () => {
    const input = demoRequest("openssh");
    input.sockets = [
      { protocol: "ICMP" as never, port: "22", ephemeral: false, bindAddress: "0.0.0.0", process: "sshd", purpose: "x" },
      { protocol: "TCP", port: "70000", ephemeral: false, bindAddress: "0.0.0.0", process: "sshd", purpose: "x" },
      { protocol: "TCP", port: "0", ephemeral: false, bindAddress: "999.1.1.1", process: "", purpose: "x" },
      { protocol: "TCP", port: "abc", ephemeral: false, bindAddress: "::", process: "sshd", purpose: "x" },
      { protocol: "UDP", port: "", ephemeral: false, bindAddress: "::", process: "sshd", purpose: "" },
      { protocol: "UDP", port: "5353", ephemeral: true, bindAddress: "::", process: "sshd", purpose: "x" },
    ];
    const e = errorsOf(input);
    expect(e["sockets.0.protocol"]).toEqual(["Choose tcp, udp or sctp."]);
    expect(e["sockets.1.port"]).toEqual(["Port must be from 1 to 65535."]);
    expect(e["sockets.2.port"]).toEqual(["Port must be from 1 to 65535."]);
    expect(e["sockets.2.bindAddress"][0]).toMatch(/Not a bind address/);
    expect(e["sockets.2.process"]).toEqual(["Name the process or systemd unit that listens."]);
    expect(e["sockets.3.port"][0]).toMatch(/number/);
    expect(e["sockets.4.port"][0]).toMatch(/ephemeral/);
    expect(e["sockets.4.purpose"]).toEqual(["Say what this socket is for."]);
    expect(e["sockets.5.port"][0]).toMatch(/no fixed number/);
    expect(Object.keys(e).every((k) => k.startsWith("sockets."))).toBe(true);
  });

  it("ports are digits: 0x50 and 1e3 are not port numbers", () => {
    for (const port of ["0x50", "1e3", "80.0", " 8 0"]) {
      const input = demoRequest("openssh");
      input.sockets = [{ ...input.sockets[0], port }];
      expect(errorsOf(input)["sockets.0.port"]).toEqual(["Port must be a number from 1 to 65535."]);
    }
  });

  it("advertised services: DNS-SD types for mDNS", () => {
    const input = demoRequest("avahi");
    input.adverts = [
      { mechanism: "MDNS", serviceType: "ipp.tcp", reveals: "x" },
      { mechanism: "MDNS", serviceType: "_ipp._tcp", reveals: "" },
      { mechanism: "SSDP", serviceType: "urn:schemas-upnp-org:device:MediaServer:1", reveals: "Media server name" },
      { mechanism: "MDNS", serviceType: "_printer._sub._ipp._tcp", reveals: "queue name" },
    ];
    const e = errorsOf(input);
    expect(Object.keys(e).sort()).toEqual(["adverts.0.serviceType", "adverts.1.reveals"]);
  });

  it("confinement: user, groups, capabilities, systemd directives", () => {
    const input: TRequestInput = {
      ...demoRequest("avahi"),
      runAsUser: "Avahi User",
      groups: "avahi, netdev Bad!" as never,
      capabilities: "cap_net_raw CAP_NET_BIND" as never,
      systemdSandboxing: "ProtectSystem=strict\nnot a directive" as never,
      apparmorMode: "ENFORCE",
      apparmorProfile: "",
    };
    const e = errorsOf(input);
    expect(e.runAsUser[0]).toMatch(/Not a user name/);
    expect(e["groups.2"]).toEqual(["Not a group name."]);
    expect(e["capabilities.1"][0]).toMatch(/Not a Linux capability/);
    expect(e["systemdSandboxing.1"][0]).toMatch(/One directive per line/);
    expect(e.apparmorProfile[0]).toMatch(/AppArmor profile/);
    expect(errorsFor(e, "groups")).toEqual(["Not a group name."]);
  });

  it("lists typed as text are split and capabilities normalised", () => {
    const r = ZRequestSubmit.parse({ ...demoRequest("avahi"), groups: "avahi, netdev", capabilities: "net_raw cap_net_bind_service" });
    expect(r.groups).toEqual(["avahi", "netdev"]);
    expect(r.capabilities).toEqual(["CAP_NET_RAW", "CAP_NET_BIND_SERVICE"]);
  });

  it("discovery: both questions must be answered when the software discovers services", () => {
    const e = errorsOf({ ...demoRequest("avahi"), separatesLocalRemote: "", contactsOnlyOnRequest: "maybe" });
    expect(e.separatesLocalRemote).toEqual(["Answer yes or no."]);
    expect(e.contactsOnlyOnRequest).toEqual(["Answer yes or no."]);
    expect(errorsOf({ ...demoRequest("openssh"), separatesLocalRemote: "" })).toEqual({});
  });

  it("series and flavors", () => {
    const e = errorsOf({ ...demoRequest("avahi"), series: ["Noble 24.04"], flavors: ["DESKTOP", "DESKTOP", "LAPTOP"] });
    expect(e["series.0"]).toEqual(["Unknown series."]);
    expect(e["flavors.2"]).toEqual(["Choose Desktop, Server or Cloud."]);
  });

  it("a short justification is refused", () => {
    expect(errorsOf({ ...demoRequest("avahi"), justification: "needed" }).justification[0]).toMatch(/at least 30 characters/);
  });
});

describe("bind addresses", () => {
  it.each<[string, { address: string; iface?: string }]>([
    ["*", { address: "*" }],
    ["0.0.0.0", { address: "0.0.0.0" }],
    ["::", { address: "::" }],
    ["[::]", { address: "::" }],
    ["192.0.2.10%eth0", { address: "192.0.2.10", iface: "eth0" }],
    ["fe80::1%wlp2s0", { address: "fe80::1", iface: "wlp2s0" }],
    ["::ffff:192.0.2.1", { address: "::ffff:192.0.2.1" }],
    ["2001:db8::1", { address: "2001:db8::1" }],
    ["*%lo", { address: "*", iface: "lo" }],
  ])("%s", (input, expected) => {
    expect(parseBindAddress(input)).toEqual({ iface: undefined, ...expected });
  });

  it.each(["", "localhost", "256.0.0.1", "1.2.3", ":::", "2001:db8::1::2", "1:2:3:4:5:6:7:8:9", "0.0.0.0%", "0.0.0.0%averyveryverylongname"])(
    "refuses %j",
    (input) => expect(isBindAddress(input)).toBe(false),
  );

  it("full and compressed IPv6", () => {
    expect(isIPv6("2001:0db8:0000:0000:0000:0000:0000:0001")).toBe(true);
    expect(isIPv6("1::")).toBe(true);
    expect(isIPv6("1:2:3:4:5:6:7::")).toBe(true);
    expect(isIPv6("12345::")).toBe(false);
  });

  it("wildcard binds", () => {
    expect(["*", "0.0.0.0", "::", "[::]"].map(isWildcardBind)).toEqual([true, true, true, true]);
    expect(["0.0.0.0%eth0", "192.0.2.1", "::1"].map(isWildcardBind)).toEqual([false, false, false]);
  });
});

describe("one message per problem", () => {
  it("an empty required field says only that it is required", () => {
    const e = errorsOf(emptyRequest());
    expect(e.packageName).toEqual(["Enter the source package name."]);
    expect(e.packageVersion).toEqual(["Enter the package version, e.g. 0.8-13ubuntu6."]);
    expect(e.justification).toEqual(["Explain the out-of-the-box benefit that justifies the exception."]);
  });
});
