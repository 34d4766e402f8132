import { describe, expect, it } from "vitest";
import { parseSs } from "../ss";
import { matchListeners, processNames, type ApprovedSocket } from "./match-listeners";

const approved: ApprovedSocket[] = [
  { number: 2, packageName: "avahi", protocol: "UDP", port: 5353, process: "avahi-daemon" },
  { number: 2, packageName: "avahi", protocol: "UDP", port: null, process: "avahi-daemon" },
  { number: 3, packageName: "openssh", protocol: "TCP", port: 22, process: "sshd (ssh.socket)" },
  { number: 1, packageName: "dhcpcd", protocol: "UDP", port: 68, process: "dhcpcd" },
];

const desktop = `Netid State  Recv-Q Send-Q  Local Address:Port   Peer Address:PortProcess
udp   UNCONN 0      0             0.0.0.0:5353        0.0.0.0:*    users:(("avahi-daemon",pid=701,fd=12))
udp   UNCONN 0      0             0.0.0.0:41833       0.0.0.0:*    users:(("avahi-daemon",pid=701,fd=14))
udp   UNCONN 0      0       127.0.0.53%lo:53          0.0.0.0:*    users:(("systemd-resolve",pid=650,fd=13))
udp   UNCONN 0      0             0.0.0.0:631         0.0.0.0:*    users:(("cups-browsed",pid=1201,fd=7))
tcp   LISTEN 0      4096          0.0.0.0:22          0.0.0.0:*    users:(("sshd",pid=900,fd=3),("systemd",pid=1,fd=50))
tcp   LISTEN 0      4096          0.0.0.0:5353        0.0.0.0:*    users:(("nginx",pid=1400,fd=6))
udp   UNCONN 0      0             0.0.0.0:68          0.0.0.0:*    users:(("dhclient",pid=800,fd=6))`;

describe("matching a machine's listeners against the registry", () => {
  const results = matchListeners(parseSs(desktop).sockets, approved);
  const byPort = (proto: string, port: number) => results.find((r) => r.socket.protocol === proto && r.socket.port === port)!;

  it("approves listeners covered by an exception, with a link to it", () => {
    expect(byPort("udp", 5353)).toMatchObject({ verdict: "approved", exception: { number: 2, packageName: "avahi" } });
    expect(byPort("tcp", 22)).toMatchObject({ verdict: "approved", exception: { number: 3 } });
  });

  it("an ephemeral port matches the exception's ephemeral socket of the same process", () => {
    expect(byPort("udp", 41833)).toMatchObject({ verdict: "approved", exception: { number: 2 }, reason: "Ephemeral port of avahi-daemon." });
  });

  it("loopback listeners need no exception", () => {
    expect(byPort("udp", 53)).toMatchObject({ verdict: "loopback" });
  });

  it("flags unapproved listeners, and approved ports owned by another process", () => {
    expect(byPort("udp", 631)).toMatchObject({ verdict: "not-approved" });
    expect(byPort("udp", 631).reason).toContain("cups-browsed");
    expect(byPort("udp", 68)).toMatchObject({ verdict: "not-approved" });
    expect(byPort("udp", 68).reason).toBe("udp/68 is approved for dhcpcd, but here it is owned by dhclient.");
    expect(byPort("tcp", 5353).verdict).toBe("not-approved"); // same port, other protocol
  });

  it("without -p the port alone decides, and says so", () => {
    const r = matchListeners(parseSs("udp UNCONN 0 0 0.0.0.0:5353 0.0.0.0:*\nudp UNCONN 0 0 0.0.0.0:999 0.0.0.0:*").sockets, approved);
    expect(r.map((x) => x.verdict)).toEqual(["approved", "not-approved"]);
    expect(r[0].reason).toMatch(/without -p/);
  });

  it("process names as ss shows them: cut at 15 characters", () => {
    const r = matchListeners(parseSs('udp UNCONN 0 0 0.0.0.0:5355 0.0.0.0:* users:(("systemd-resolve",pid=1,fd=1))').sockets, [
      { number: 9, packageName: "systemd", protocol: "UDP", port: 5355, process: "systemd-resolved.service" },
    ]);
    expect(r[0].verdict).toBe("approved");
    expect(processNames("sshd (ssh.socket)")).toEqual(["sshd", "sshd", "ssh.socket", "ssh"]);
  });
});
