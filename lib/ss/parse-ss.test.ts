import { describe, it, expect } from "vitest";
import {
  EMPTY_INPUT_ERROR,
  NETSTAT_ERROR,
  NOT_SS_ERROR,
  isLoopbackAddress,
  parseSs,
  type SsSocket,
} from "./index";

// Fixtures follow real iproute2 `ss` output (column layout, padding, glued
// "Peer Address:PortProcess" header, 15-char process names). Public addresses
// are replaced with documentation ranges (192.0.2.0/24, 198.51.100.0/24, 2001:db8::/32).

/** Join lines so that leading indentation of the template literal does not matter. */
const paste = (...lines: string[]): string => lines.join("\n");

describe("parseSs: desktop and server pastes", () => {
  it("Ubuntu 24.04 desktop `sudo ss -tulpn`: resolved, avahi, NetworkManager, cupsd", () => {
    const r = parseSs(
      paste(
        "Netid State  Recv-Q Send-Q                 Local Address:Port  Peer Address:PortProcess",
        'udp   UNCONN 0      0                         127.0.0.54:53         0.0.0.0:*    users:(("systemd-resolve",pid=598,fd=16))',
        'udp   UNCONN 0      0                      127.0.0.53%lo:53         0.0.0.0:*    users:(("systemd-resolve",pid=598,fd=14))',
        'udp   UNCONN 0      0                            0.0.0.0:5353       0.0.0.0:*    users:(("avahi-daemon",pid=871,fd=12))',
        'udp   UNCONN 0      0                            0.0.0.0:41822      0.0.0.0:*    users:(("avahi-daemon",pid=871,fd=14))',
        'udp   UNCONN 0      0                  192.0.2.34%wlp2s0:68         0.0.0.0:*    users:(("NetworkManager",pid=902,fd=28))',
        'udp   UNCONN 0      0                               [::]:5353          [::]:*    users:(("avahi-daemon",pid=871,fd=13))',
        'udp   UNCONN 0      0                               [::]:55531         [::]:*    users:(("avahi-daemon",pid=871,fd=15))',
        'tcp   LISTEN 0      4096                   127.0.0.53%lo:53         0.0.0.0:*    users:(("systemd-resolve",pid=598,fd=15))',
        'tcp   LISTEN 0      4096                      127.0.0.54:53         0.0.0.0:*    users:(("systemd-resolve",pid=598,fd=17))',
        'tcp   LISTEN 0      4096                       127.0.0.1:631        0.0.0.0:*    users:(("cupsd",pid=1044,fd=7))',
        'tcp   LISTEN 0      4096                           [::1]:631           [::]:*    users:(("cupsd",pid=1044,fd=6))',
      ),
    );
    const resolved = ["systemd-resolve"];
    const avahi = ["avahi-daemon"];
    expect(r.error).toBeUndefined();
    expect(r.skipped).toEqual([]);
    expect(r.sockets).toEqual<SsSocket[]>([
      { protocol: "udp", address: "127.0.0.54", port: 53, processes: resolved, loopback: true, state: "UNCONN" },
      { protocol: "udp", address: "127.0.0.53", interface: "lo", port: 53, processes: resolved, loopback: true, state: "UNCONN" },
      { protocol: "udp", address: "0.0.0.0", port: 5353, processes: avahi, loopback: false, state: "UNCONN" },
      { protocol: "udp", address: "0.0.0.0", port: 41822, processes: avahi, loopback: false, state: "UNCONN" },
      { protocol: "udp", address: "192.0.2.34", interface: "wlp2s0", port: 68, processes: ["NetworkManager"], loopback: false, state: "UNCONN" },
      { protocol: "udp", address: "::", port: 5353, processes: avahi, loopback: false, state: "UNCONN" },
      { protocol: "udp", address: "::", port: 55531, processes: avahi, loopback: false, state: "UNCONN" },
      { protocol: "tcp", address: "127.0.0.53", interface: "lo", port: 53, processes: resolved, loopback: true, state: "LISTEN" },
      { protocol: "tcp", address: "127.0.0.54", port: 53, processes: resolved, loopback: true, state: "LISTEN" },
      { protocol: "tcp", address: "127.0.0.1", port: 631, processes: ["cupsd"], loopback: true, state: "LISTEN" },
      { protocol: "tcp", address: "::1", port: 631, processes: ["cupsd"], loopback: true, state: "LISTEN" },
    ]);
  });

  it("Ubuntu server with systemd-networkd (DHCPv4 on %eth0, DHCPv6 on link-local) and socket-activated sshd", () => {
    const r = parseSs(
      paste(
        "Netid State  Recv-Q Send-Q                   Local Address:Port Peer Address:PortProcess",
        'udp   UNCONN 0      0                         0.0.0.0%eth0:68        0.0.0.0:*    users:(("systemd-network",pid=611,fd=21))',
        'udp   UNCONN 0      0     [fe80::5054:ff:fe3a:1c2b]%eth0:546           [::]:*    users:(("systemd-network",pid=611,fd=23))',
        'udp   UNCONN 0      0                        127.0.0.53%lo:53        0.0.0.0:*    users:(("systemd-resolve",pid=620,fd=13))',
        'tcp   LISTEN 0      4096                     127.0.0.53%lo:53        0.0.0.0:*    users:(("systemd-resolve",pid=620,fd=14))',
        'tcp   LISTEN 0      4096                                 *:22              *:*    users:(("sshd",pid=1201,fd=3),("systemd",pid=1,fd=126))',
      ),
    );
    expect(r.error).toBeUndefined();
    expect(r.sockets).toEqual<SsSocket[]>([
      { protocol: "udp", address: "0.0.0.0", interface: "eth0", port: 68, processes: ["systemd-network"], loopback: false, state: "UNCONN" },
      { protocol: "udp", address: "fe80::5054:ff:fe3a:1c2b", interface: "eth0", port: 546, processes: ["systemd-network"], loopback: false, state: "UNCONN" },
      { protocol: "udp", address: "127.0.0.53", interface: "lo", port: 53, processes: ["systemd-resolve"], loopback: true, state: "UNCONN" },
      { protocol: "tcp", address: "127.0.0.53", interface: "lo", port: 53, processes: ["systemd-resolve"], loopback: true, state: "LISTEN" },
      { protocol: "tcp", address: "*", port: 22, processes: ["sshd", "systemd"], loopback: false, state: "LISTEN" },
    ]);
  });

  it("`ss -tlnp` (no Netid column): sshd and nginx master+workers, protocol inferred from LISTEN", () => {
    const r = parseSs(
      paste(
        "State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess",
        'LISTEN 0      511          0.0.0.0:80        0.0.0.0:*    users:(("nginx",pid=1436,fd=6),("nginx",pid=1435,fd=6),("nginx",pid=1434,fd=6))',
        'LISTEN 0      128          0.0.0.0:22        0.0.0.0:*    users:(("sshd",pid=812,fd=3))',
        'LISTEN 0      511             [::]:80           [::]:*    users:(("nginx",pid=1436,fd=7),("nginx",pid=1435,fd=7),("nginx",pid=1434,fd=7))',
        'LISTEN 0      128             [::]:22           [::]:*    users:(("sshd",pid=812,fd=4))',
      ),
    );
    expect(r.skipped).toEqual([]);
    expect(r.sockets).toEqual<SsSocket[]>([
      { protocol: "tcp", address: "0.0.0.0", port: 80, processes: ["nginx"], loopback: false, state: "LISTEN" },
      { protocol: "tcp", address: "0.0.0.0", port: 22, processes: ["sshd"], loopback: false, state: "LISTEN" },
      { protocol: "tcp", address: "::", port: 80, processes: ["nginx"], loopback: false, state: "LISTEN" },
      { protocol: "tcp", address: "::", port: 22, processes: ["sshd"], loopback: false, state: "LISTEN" },
    ]);
  });

  it("`ss -ulnp` (no Netid column): chronyd on 127.0.0.1:323 and [::1]:323, protocol inferred from UNCONN", () => {
    const r = parseSs(
      paste(
        "State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess",
        'UNCONN 0      0          127.0.0.1:323       0.0.0.0:*    users:(("chronyd",pid=702,fd=5))',
        'UNCONN 0      0              [::1]:323          [::]:*    users:(("chronyd",pid=702,fd=6))',
      ),
    );
    expect(r.sockets).toEqual<SsSocket[]>([
      { protocol: "udp", address: "127.0.0.1", port: 323, processes: ["chronyd"], loopback: true, state: "UNCONN" },
      { protocol: "udp", address: "::1", port: 323, processes: ["chronyd"], loopback: true, state: "UNCONN" },
    ]);
  });

  it("web server: nginx on dual-stack *:80/*:443, a public address, and a Java app on IPv4-mapped loopback", () => {
    const r = parseSs(
      paste(
        "Netid State  Recv-Q Send-Q      Local Address:Port  Peer Address:PortProcess",
        'tcp   LISTEN 0      511                     *:80               *:*    users:(("nginx",pid=2210,fd=8),("nginx",pid=2209,fd=8))',
        'tcp   LISTEN 0      511                     *:443              *:*    users:(("nginx",pid=2210,fd=9),("nginx",pid=2209,fd=9))',
        'tcp   LISTEN 0      4096       198.51.100.20:9100        0.0.0.0:*    users:(("node_exporter",pid=733,fd=3))',
        'tcp   LISTEN 0      100   [::ffff:127.0.0.1]:8080              *:*    users:(("java",pid=3301,fd=45))',
        'tcp   LISTEN 0      50  [::ffff:192.0.2.9]:8443               *:*    users:(("java",pid=3301,fd=46))',
        'tcp   LISTEN 0      128     [2001:db8::10]:22               [::]:*    users:(("sshd",pid=901,fd=4))',
      ),
    );
    expect(r.sockets).toEqual<SsSocket[]>([
      { protocol: "tcp", address: "*", port: 80, processes: ["nginx"], loopback: false, state: "LISTEN" },
      { protocol: "tcp", address: "*", port: 443, processes: ["nginx"], loopback: false, state: "LISTEN" },
      { protocol: "tcp", address: "198.51.100.20", port: 9100, processes: ["node_exporter"], loopback: false, state: "LISTEN" },
      { protocol: "tcp", address: "::ffff:127.0.0.1", port: 8080, processes: ["java"], loopback: true, state: "LISTEN" },
      { protocol: "tcp", address: "::ffff:192.0.2.9", port: 8443, processes: ["java"], loopback: false, state: "LISTEN" },
      { protocol: "tcp", address: "2001:db8::10", port: 22, processes: ["sshd"], loopback: false, state: "LISTEN" },
    ]);
  });

  it("dnsmasq: libvirt bridge address, DHCP on %virbr0, and NetworkManager's 127.0.1.1:53 (missed by the policy grep)", () => {
    const r = parseSs(
      paste(
        "Netid State  Recv-Q Send-Q    Local Address:Port Peer Address:PortProcess",
        'udp   UNCONN 0      0               192.0.2.1:53        0.0.0.0:*    users:(("dnsmasq",pid=1534,fd=5))',
        'udp   UNCONN 0      0          0.0.0.0%virbr0:67        0.0.0.0:*    users:(("dnsmasq",pid=1534,fd=3))',
        'udp   UNCONN 0      0               127.0.1.1:53        0.0.0.0:*    users:(("dnsmasq",pid=1290,fd=4))',
        'tcp   LISTEN 0      32              192.0.2.1:53        0.0.0.0:*    users:(("dnsmasq",pid=1534,fd=6))',
        'tcp   LISTEN 0      32              127.0.1.1:53        0.0.0.0:*    users:(("dnsmasq",pid=1290,fd=5))',
      ),
    );
    expect(r.sockets).toEqual<SsSocket[]>([
      { protocol: "udp", address: "192.0.2.1", port: 53, processes: ["dnsmasq"], loopback: false, state: "UNCONN" },
      { protocol: "udp", address: "0.0.0.0", interface: "virbr0", port: 67, processes: ["dnsmasq"], loopback: false, state: "UNCONN" },
      { protocol: "udp", address: "127.0.1.1", port: 53, processes: ["dnsmasq"], loopback: true, state: "UNCONN" },
      { protocol: "tcp", address: "192.0.2.1", port: 53, processes: ["dnsmasq"], loopback: false, state: "LISTEN" },
      { protocol: "tcp", address: "127.0.1.1", port: 53, processes: ["dnsmasq"], loopback: true, state: "LISTEN" },
    ]);
  });

  it("multicast binds (mDNS on 224.0.0.251 and ff02::fb%eth0) are not loopback", () => {
    const r = parseSs(
      paste(
        "Netid State  Recv-Q Send-Q   Local Address:Port  Peer Address:PortProcess",
        'udp   UNCONN 0      0          224.0.0.251:5353       0.0.0.0:*    users:(("chrome",pid=4410,fd=112))',
        'udp   UNCONN 0      0      [ff02::fb]%eth0:5353          [::]:*    users:(("chrome",pid=4410,fd=118))',
      ),
    );
    expect(r.sockets).toEqual<SsSocket[]>([
      { protocol: "udp", address: "224.0.0.251", port: 5353, processes: ["chrome"], loopback: false, state: "UNCONN" },
      { protocol: "udp", address: "ff02::fb", interface: "eth0", port: 5353, processes: ["chrome"], loopback: false, state: "UNCONN" },
    ]);
  });
});

describe("parseSs: older iproute2 formats", () => {
  it("CentOS 7 (iproute 3.10): `*:22`, `:::22`, `::1:25`, no Process header", () => {
    const r = parseSs(
      paste(
        "State      Recv-Q Send-Q Local Address:Port               Peer Address:Port              ",
        'LISTEN     0      128          *:22                       *:*                   users:(("sshd",pid=1071,fd=3))',
        'LISTEN     0      100    127.0.0.1:25                       *:*                   users:(("master",pid=1300,fd=13))',
        'LISTEN     0      128         :::22                      :::*                   users:(("sshd",pid=1071,fd=4))',
        'LISTEN     0      100        ::1:25                      :::*                   users:(("master",pid=1300,fd=14))',
      ),
    );
    expect(r.error).toBeUndefined();
    expect(r.sockets).toEqual<SsSocket[]>([
      { protocol: "tcp", address: "*", port: 22, processes: ["sshd"], loopback: false, state: "LISTEN" },
      { protocol: "tcp", address: "127.0.0.1", port: 25, processes: ["master"], loopback: true, state: "LISTEN" },
      { protocol: "tcp", address: "::", port: 22, processes: ["sshd"], loopback: false, state: "LISTEN" },
      { protocol: "tcp", address: "::1", port: 25, processes: ["master"], loopback: true, state: "LISTEN" },
    ]);
  });

  it("CentOS 6 (iproute 2.6.32): users:((\"name\",pid,fd)) without pid=/fd=, Netid with -tu", () => {
    const r = parseSs(
      paste(
        "Netid  State      Recv-Q Send-Q     Local Address:Port       Peer Address:Port ",
        'udp    UNCONN     0      0                      *:68                    *:*      users:(("dhclient",1187,6))',
        'tcp    LISTEN     0      128                   :::111                  :::*      users:(("rpcbind",1302,11))',
        'tcp    LISTEN     0      128                    *:111                   *:*      users:(("rpcbind",1302,8))',
      ),
    );
    expect(r.sockets).toEqual<SsSocket[]>([
      { protocol: "udp", address: "*", port: 68, processes: ["dhclient"], loopback: false, state: "UNCONN" },
      { protocol: "tcp", address: "::", port: 111, processes: ["rpcbind"], loopback: false, state: "LISTEN" },
      { protocol: "tcp", address: "*", port: 111, processes: ["rpcbind"], loopback: false, state: "LISTEN" },
    ]);
  });

  it("scoped addresses in every spelling ss has used: [addr%if], [addr]%if, addr%if, *%if, 0.0.0.0%lo", () => {
    const r = parseSs(
      paste(
        'udp   UNCONN 0      0      [fe80::1%wlp2s0]:546          [::]:*    users:(("dhclient",pid=1020,fd=6))',
        'udp   UNCONN 0      0      [fe80::a00:27ff:fe4e:66a1]%enp0s3:546   [::]:*    users:(("NetworkManager",pid=640,fd=25))',
        'udp   UNCONN 0      0      fe80::216:3eff:fe12:3456%eth0:546       :::*      users:(("dhclient",pid=998,fd=5))',
        'udp   UNCONN 0      0                  *%wlan0:68               *:*    users:(("dhcpcd",pid=455,fd=9))',
        'udp   UNCONN 0      0              0.0.0.0%lo:5000          0.0.0.0:*    users:(("lo-only",pid=77,fd=3))',
        'udp   UNCONN 0      0         0.0.0.0%enp3s0:68           0.0.0.0:*    users:(("NetworkManager",pid=640,fd=22))',
      ),
    );
    expect(r.sockets).toEqual<SsSocket[]>([
      { protocol: "udp", address: "fe80::1", interface: "wlp2s0", port: 546, processes: ["dhclient"], loopback: false, state: "UNCONN" },
      { protocol: "udp", address: "fe80::a00:27ff:fe4e:66a1", interface: "enp0s3", port: 546, processes: ["NetworkManager"], loopback: false, state: "UNCONN" },
      { protocol: "udp", address: "fe80::216:3eff:fe12:3456", interface: "eth0", port: 546, processes: ["dhclient"], loopback: false, state: "UNCONN" },
      { protocol: "udp", address: "*", interface: "wlan0", port: 68, processes: ["dhcpcd"], loopback: false, state: "UNCONN" },
      { protocol: "udp", address: "0.0.0.0", interface: "lo", port: 5000, processes: ["lo-only"], loopback: true, state: "UNCONN" },
      { protocol: "udp", address: "0.0.0.0", interface: "enp3s0", port: 68, processes: ["NetworkManager"], loopback: false, state: "UNCONN" },
    ]);
  });
});

describe("parseSs: columns present or absent", () => {
  it("`ss -utln` without -p: header has Process but lines have none, processes is []", () => {
    const r = parseSs(
      paste(
        "Netid State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess",
        "udp   UNCONN 0      0         127.0.0.53%lo:53         0.0.0.0:*          ",
        "udp   UNCONN 0      0               0.0.0.0:631        0.0.0.0:*          ",
        "tcp   LISTEN 0      128             0.0.0.0:22         0.0.0.0:*          ",
        "tcp   LISTEN 0      128                [::]:22            [::]:*          ",
      ),
    );
    expect(r.sockets).toEqual<SsSocket[]>([
      { protocol: "udp", address: "127.0.0.53", interface: "lo", port: 53, processes: [], loopback: true, state: "UNCONN" },
      { protocol: "udp", address: "0.0.0.0", port: 631, processes: [], loopback: false, state: "UNCONN" },
      { protocol: "tcp", address: "0.0.0.0", port: 22, processes: [], loopback: false, state: "LISTEN" },
      { protocol: "tcp", address: "::", port: 22, processes: [], loopback: false, state: "LISTEN" },
    ]);
  });

  it("no header line (copied without the first line, or `ss -H`)", () => {
    const r = parseSs(
      paste(
        'tcp LISTEN 0      4096        127.0.0.1:5432  0.0.0.0:* users:(("postgres",pid=1187,fd=6))',
        'tcp LISTEN 0      4096            [::1]:5432     [::]:* users:(("postgres",pid=1187,fd=5))',
      ),
    );
    expect(r.error).toBeUndefined();
    expect(r.skipped).toEqual([]);
    expect(r.sockets).toEqual<SsSocket[]>([
      { protocol: "tcp", address: "127.0.0.1", port: 5432, processes: ["postgres"], loopback: true, state: "LISTEN" },
      { protocol: "tcp", address: "::1", port: 5432, processes: ["postgres"], loopback: true, state: "LISTEN" },
    ]);
  });

  it("`ss -tulpen`: uid/ino/sk/cgroup/v6only/<-> after the process are ignored, uid exposed (0 when ss omits it)", () => {
    const r = parseSs(
      paste(
        "Netid State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess",
        'udp   UNCONN 0      0            0.0.0.0:5353       0.0.0.0:*    users:(("avahi-daemon",pid=745,fd=12)) uid:108 ino:24561 sk:1 cgroup:/system.slice/avahi-daemon.service <->',
        'udp   UNCONN 0      0               [::]:5353          [::]:*    users:(("avahi-daemon",pid=745,fd=13)) uid:108 ino:24562 sk:2 cgroup:/system.slice/avahi-daemon.service v6only:1 <->',
        'tcp   LISTEN 0      128          0.0.0.0:22         0.0.0.0:*    users:(("sshd",pid=812,fd=3)) ino:22891 sk:3 cgroup:/system.slice/ssh.service <->',
        "tcp   LISTEN 0      4096         0.0.0.0:111        0.0.0.0:*    ino:17540 sk:4 cgroup:/system.slice/rpcbind.socket <->",
      ),
    );
    expect(r.sockets).toEqual<SsSocket[]>([
      { protocol: "udp", address: "0.0.0.0", port: 5353, processes: ["avahi-daemon"], loopback: false, state: "UNCONN", uid: 108 },
      { protocol: "udp", address: "::", port: 5353, processes: ["avahi-daemon"], loopback: false, state: "UNCONN", uid: 108 },
      { protocol: "tcp", address: "0.0.0.0", port: 22, processes: ["sshd"], loopback: false, state: "LISTEN", uid: 0 },
      { protocol: "tcp", address: "0.0.0.0", port: 111, processes: [], loopback: false, state: "LISTEN", uid: 0 },
    ]);
  });

  it("process names with spaces and punctuation, SELinux -Z contexts, first-appearance order", () => {
    const r = parseSs(
      paste(
        'udp   UNCONN 0      0            0.0.0.0:5353       0.0.0.0:*    users:(("avahi-daemon: r",pid=745,fd=12))',
        'udp   UNCONN 0      0            0.0.0.0:40512      0.0.0.0:*    users:(("Socket Process",pid=5120,fd=77),("firefox",pid=5001,fd=140),("Socket Process",pid=5120,fd=80))',
        'tcp   LISTEN 0      128          0.0.0.0:22         0.0.0.0:*    users:(("sshd",pid=1033,proc_ctx=system_u:system_r:sshd_t:s0-s0:c0.c1023,fd=3))',
        'tcp   LISTEN 0      4096               *:22               *:*    users:(("systemd",pid=1,fd=40),("sshd",pid=900,fd=3))',
      ),
    );
    expect(r.sockets.map((s) => s.processes)).toEqual([
      ["avahi-daemon: r"],
      ["Socket Process", "firefox"],
      ["sshd"],
      ["systemd", "sshd"],
    ]);
    expect(r.sockets.map((s) => [s.protocol, s.address, s.port])).toEqual([
      ["udp", "0.0.0.0", 5353],
      ["udp", "0.0.0.0", 40512],
      ["tcp", "0.0.0.0", 22],
      ["tcp", "*", 22],
    ]);
  });

  it("tabs between columns and a Process column glued to the peer port", () => {
    const r = parseSs(
      paste(
        "Netid\tState\tRecv-Q\tSend-Q\tLocal Address:Port\tPeer Address:Port\tProcess",
        'tcp\tLISTEN\t0\t128\t0.0.0.0:22\t0.0.0.0:*\tusers:(("sshd",pid=812,fd=3))',
        'tcp LISTEN 0 128 [::]:22 [::]:*users:(("sshd",pid=812,fd=4))',
      ),
    );
    expect(r.skipped).toEqual([]);
    expect(r.sockets).toEqual<SsSocket[]>([
      { protocol: "tcp", address: "0.0.0.0", port: 22, processes: ["sshd"], loopback: false, state: "LISTEN" },
      { protocol: "tcp", address: "::", port: 22, processes: ["sshd"], loopback: false, state: "LISTEN" },
    ]);
  });
});

describe("parseSs: messy pastes", () => {
  it("CRLF line endings (pasted from a Windows SSH client)", () => {
    const r = parseSs(
      "Netid State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\r\n" +
        'udp   UNCONN 0      0          127.0.0.1:323       0.0.0.0:*    users:(("chronyd",pid=702,fd=5))\r\n' +
        'tcp   LISTEN 0      128          0.0.0.0:22        0.0.0.0:*    users:(("sshd",pid=812,fd=3))\r\n',
    );
    expect(r.skipped).toEqual([]);
    expect(r.sockets).toEqual<SsSocket[]>([
      { protocol: "udp", address: "127.0.0.1", port: 323, processes: ["chronyd"], loopback: true, state: "UNCONN" },
      { protocol: "tcp", address: "0.0.0.0", port: 22, processes: ["sshd"], loopback: false, state: "LISTEN" },
    ]);
  });

  it("prompt lines, sudo password prompt, blank lines and stray text are skipped with reasons and 1-based line numbers", () => {
    const r = parseSs(
      paste(
        "alice@laptop:~$ sudo ss -tulpn",
        "[sudo] password for alice: ",
        "Netid State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess",
        'udp   UNCONN 0      0            0.0.0.0:5353       0.0.0.0:*    users:(("avahi-daemon",pid=745,fd=12))',
        "",
        'tcp   LISTEN 0      5          127.0.0.1:631        0.0.0.0:*    users:(("cupsd",pid=1044,fd=7))',
        "   ",
        "here is the output, the second one is cups",
        "alice@laptop:~$ ",
      ),
    );
    expect(r.error).toBeUndefined();
    expect(r.sockets).toEqual<SsSocket[]>([
      { protocol: "udp", address: "0.0.0.0", port: 5353, processes: ["avahi-daemon"], loopback: false, state: "UNCONN" },
      { protocol: "tcp", address: "127.0.0.1", port: 631, processes: ["cupsd"], loopback: true, state: "LISTEN" },
    ]);
    expect(r.skipped).toEqual([
      { line: 1, text: "alice@laptop:~$ sudo ss -tulpn", reason: "shell command line, not ss output" },
      { line: 2, text: "[sudo] password for alice:", reason: "sudo password prompt, not ss output" },
      {
        line: 8,
        text: "here is the output, the second one is cups",
        reason: "not ss output: expected columns State Recv-Q Send-Q Local Address:Port Peer Address:Port",
      },
      { line: 9, text: "alice@laptop:~$", reason: "shell prompt, not ss output" },
    ]);
  });

  it("lines broken by the terminal: Process on its own line, Local Address split from Port, wrapped header, `-i` detail lines", () => {
    const r = parseSs(
      paste(
        "Netid State  Recv-Q Send-Q      Local Address:Port  Peer Address:Port",
        "Process",
        "udp   UNCONN 0      0           127.0.0.53%lo:53         0.0.0.0:*",
        '   users:(("systemd-resolve",pid=598,fd=14))',
        "tcp   LISTEN 0      128               0.0.0.0:",
        '22         0.0.0.0:*    users:(("sshd",pid=812,fd=3))',
        'tcp   LISTEN 0      4096            127.0.0.1:8125       0.0.0.0:*    users:(("netdata",pid=1',
        '422,fd=61))',
        'tcp   LISTEN 0      511                  [::]:80            [::]:*    users:(("apache2",pid=990,fd=4))',
        "\t bbr wscale:7,7 rto:204 rtt:0.5/0.25 mss:536 cwnd:10",
      ),
    );
    expect(r.skipped).toEqual([]);
    expect(r.sockets).toEqual<SsSocket[]>([
      { protocol: "udp", address: "127.0.0.53", interface: "lo", port: 53, processes: ["systemd-resolve"], loopback: true, state: "UNCONN" },
      { protocol: "tcp", address: "0.0.0.0", port: 22, processes: ["sshd"], loopback: false, state: "LISTEN" },
      { protocol: "tcp", address: "127.0.0.1", port: 8125, processes: ["netdata"], loopback: true, state: "LISTEN" },
      { protocol: "tcp", address: "::", port: 80, processes: ["apache2"], loopback: false, state: "LISTEN" },
    ]);
  });

  it("`ss -a`-style mixture: Unix, netlink, packet sockets and connected TCP are skipped with reasons", () => {
    const r = parseSs(
      paste(
        "Netid State     Recv-Q Send-Q                     Local Address:Port       Peer Address:Port Process",
        "nl    UNCONN    0      0                                   rtnl:kernel                 *",
        "p_raw UNCONN    0      0                                      *:wlp2s0                 *      users:((\"NetworkManager\",pid=640,fd=24))",
        "u_str LISTEN    0      4096               /run/systemd/private 14520                  * 0",
        "u_dgr UNCONN    0      0                     /run/systemd/notify 14502                 * 0",
        "raw   UNCONN    0      0                                0.0.0.0:icmp              0.0.0.0:*",
        'tcp   ESTAB     0      0                             192.0.2.34:22           198.51.100.7:50522 users:(("sshd",pid=2231,fd=4))',
        "tcp   TIME-WAIT 0      0                              127.0.0.1:39422           127.0.0.1:631",
        'tcp   LISTEN    0      128                              0.0.0.0:22                0.0.0.0:*     users:(("sshd",pid=812,fd=3))',
      ),
    );
    expect(r.sockets).toEqual<SsSocket[]>([
      { protocol: "tcp", address: "0.0.0.0", port: 22, processes: ["sshd"], loopback: false, state: "LISTEN" },
    ]);
    expect(r.skipped.map((s) => [s.line, s.reason])).toEqual([
      [2, "netid nl is not a network socket (netlink socket)"],
      [3, "netid p_raw is not a network socket (packet socket)"],
      [4, "netid u_str is not a network socket (Unix stream socket)"],
      [5, "netid u_dgr is not a network socket (Unix datagram socket)"],
      [6, "netid raw is a raw IP socket, which has no port"],
      [7, "not a listening socket (state ESTAB)"],
      [8, "not a listening socket (state TIME-WAIT)"],
    ]);
  });

  it("bad ports: `*`, out of range, 0, and service names from `ss -tulp` without -n", () => {
    const r = parseSs(
      paste(
        "tcp   LISTEN 0      128          0.0.0.0:*         0.0.0.0:*",
        "tcp   LISTEN 0      128          0.0.0.0:70000     0.0.0.0:*",
        "udp   UNCONN 0      0            0.0.0.0:0         0.0.0.0:*",
        'tcp   LISTEN 0      128          0.0.0.0:ssh       0.0.0.0:*    users:(("sshd",pid=812,fd=3))',
        "udp   UNCONN 0      0      127.0.0.53%lo:domain    0.0.0.0:*",
        "tcp   LISTEN 0      128          0.0.0.0:65535     0.0.0.0:*",
      ),
    );
    expect(r.sockets).toEqual<SsSocket[]>([
      { protocol: "tcp", address: "0.0.0.0", port: 65535, processes: [], loopback: false, state: "LISTEN" },
    ]);
    expect(r.skipped.map((s) => [s.line, s.reason])).toEqual([
      [1, "local port is * (no port bound)"],
      [2, "invalid port 70000"],
      [3, "invalid port 0"],
      [4, 'port "ssh" is a service name: run ss with -n to get numeric ports'],
      [5, 'port "domain" is a service name: run ss with -n to get numeric ports'],
    ]);
  });

  it("mptcp is reported as tcp; SCTP listener kept, its association line skipped; dccp skipped", () => {
    const r = parseSs(
      paste(
        "Netid State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess",
        'mptcp LISTEN 0      4096         0.0.0.0:8443       0.0.0.0:*    users:(("mptcpd-demo",pid=4100,fd=3))',
        'sctp  LISTEN 0      128       192.0.2.5%eth0:3868    0.0.0.0:*    users:(("freeDiameterd",pid=3900,fd=9))',
        "      `- ESTAB 0      0       192.0.2.5%eth0:3868  198.51.100.40:3868",
        "dccp  LISTEN 0      5            0.0.0.0:5001       0.0.0.0:*",
      ),
    );
    expect(r.sockets).toEqual<SsSocket[]>([
      { protocol: "tcp", address: "0.0.0.0", port: 8443, processes: ["mptcpd-demo"], loopback: false, state: "LISTEN" },
      { protocol: "sctp", address: "192.0.2.5", interface: "eth0", port: 3868, processes: ["freeDiameterd"], loopback: false, state: "LISTEN" },
    ]);
    expect(r.skipped.map((s) => [s.line, s.reason])).toEqual([
      [4, "SCTP association (state ESTAB), not a listening socket"],
      [5, "netid dccp is not checked (only tcp, udp and sctp ports are)"],
    ]);
  });

  it("without Netid, a pasted `ss -Sln` command line makes LISTEN lines sctp instead of tcp", () => {
    const r = parseSs(
      paste(
        "root@mme:~# ss -Sln",
        "State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess",
        "LISTEN 0      5          192.0.2.5:36412      0.0.0.0:*",
      ),
    );
    expect(r.sockets).toEqual<SsSocket[]>([
      { protocol: "sctp", address: "192.0.2.5", port: 36412, processes: [], loopback: false, state: "LISTEN" },
    ]);
    expect(r.skipped).toEqual([{ line: 1, text: "root@mme:~# ss -Sln", reason: "shell command line, not ss output" }]);
  });

  it("`state listening` filter hides the State column: peer port * means listening; protocol from Netid or the pasted command", () => {
    const withNetid = parseSs(
      paste(
        "Netid Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess",
        "tcp   0      128          127.0.0.1:631        0.0.0.0:*          ",
        "udp   0      0              0.0.0.0:5353       0.0.0.0:*          ",
      ),
    );
    expect(withNetid.sockets).toEqual<SsSocket[]>([
      { protocol: "tcp", address: "127.0.0.1", port: 631, processes: [], loopback: true },
      { protocol: "udp", address: "0.0.0.0", port: 5353, processes: [], loopback: false },
    ]);

    const withCommand = parseSs(
      paste(
        "$ ss -tn state listening",
        "Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess",
        "0      4096         0.0.0.0:22         0.0.0.0:*",
      ),
    );
    expect(withCommand.sockets).toEqual<SsSocket[]>([
      { protocol: "tcp", address: "0.0.0.0", port: 22, processes: [], loopback: false },
    ]);

    const ambiguous = parseSs(
      paste(
        "Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess",
        "0      4096         0.0.0.0:22         0.0.0.0:*",
      ),
    );
    expect(ambiguous.sockets).toEqual([]);
    expect(ambiguous.skipped[0].reason).toMatch(/cannot be told apart/);

    const connected = parseSs("tcp   0      0   192.0.2.34:22   198.51.100.7:50522");
    expect(connected.sockets).toEqual([]);
    expect(connected.skipped[0].reason).toBe("not a listening socket (connected to peer 198.51.100.7:50522)");
  });
});

describe("parseSs: errors", () => {
  it("empty or whitespace-only input asks for a paste", () => {
    expect(parseSs("")).toEqual({ sockets: [], skipped: [], error: EMPTY_INPUT_ERROR });
    expect(parseSs("  \n\t\r\n  ")).toEqual({ sockets: [], skipped: [], error: EMPTY_INPUT_ERROR });
    expect(EMPTY_INPUT_ERROR).toBe("Paste the output of `sudo ss -utlnp`.");
  });

  it("junk that is not ss output sets error and lists every line as skipped", () => {
    const r = parseSs(
      paste(
        "total 12",
        "drwxr-xr-x  2 alice alice 4096 Mar  3 10:12 .",
        "LISTEN to the ports please",
        "-rw-r--r--  1 alice alice  220 Mar  3 10:12 .bash_logout",
      ),
    );
    expect(r.sockets).toEqual([]);
    expect(r.error).toBe(NOT_SS_ERROR);
    expect(r.error).toContain("State, Recv-Q, Send-Q, Local Address:Port");
    expect(r.skipped.map((s) => s.line)).toEqual([1, 2, 3, 4]);
    expect(r.skipped[2]).toEqual({
      line: 3,
      text: "LISTEN to the ports please",
      reason: "not ss output: expected columns State Recv-Q Send-Q Local Address:Port Peer Address:Port",
    });
  });

  it("netstat output is recognised and rejected with a hint", () => {
    const r = parseSs(
      paste(
        "Active Internet connections (only servers)",
        "Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name",
        "tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      812/sshd: /usr/sbin",
        "tcp6       0      0 :::22                   :::*                    LISTEN      812/sshd: /usr/sbin",
        "udp        0      0 127.0.0.53:53           0.0.0.0:*                           598/systemd-resolve",
      ),
    );
    expect(r.sockets).toEqual([]);
    expect(r.error).toBe(NETSTAT_ERROR);
    expect(r.skipped).toHaveLength(5);
    expect(r.skipped[2].reason).toBe("looks like netstat output, not ss: paste the output of `sudo ss -utlnp`");
  });

  it("a header with no sockets is valid ss output (nothing listening): no error", () => {
    const r = parseSs("Netid State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n");
    expect(r).toEqual({ sockets: [], skipped: [] });
  });
});

describe("isLoopbackAddress", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.0.1.1", true],
    ["127.0.0.53", true],
    ["127.0.0.54", true],
    ["127.255.255.254", true],
    ["::1", true],
    ["[::1]", true],
    ["0:0:0:0:0:0:0:1", true],
    ["::ffff:127.0.0.1", true],
    ["::FFFF:127.1.2.3", true],
    ["::ffff:7f00:1", true],
    ["127.0.0.53%lo", true],
    ["localhost", true],
    ["128.0.0.1", false],
    ["10.127.0.1", false],
    ["0.0.0.0", false],
    ["*", false],
    ["::", false],
    ["::ffff:192.0.2.1", false],
    ["::127.0.0.1", false],
    ["fe80::1", false],
    ["2001:db8::1", false],
    ["224.0.0.251", false],
    ["1127.0.0.1", false],
    ["127.0.0.256", false],
    ["", false],
  ])("%s -> %s", (addr, expected) => {
    expect(isLoopbackAddress(addr)).toBe(expected);
  });
});
