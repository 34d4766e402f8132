// Demo data: the exceptions the policy itself names, with their documented
// defaults on Ubuntu 24.04 LTS (noble), plus one rejected and one pending request.
// Used by prisma/seed.ts and as realistic input in unit tests.
import type { TRequestInput } from "../validations/request";

export interface DemoRequest {
  key: "dhcp" | "avahi" | "openssh" | "cups-browsed" | "wsdd";
  outcome: "APPROVED" | "REJECTED" | "SUBMITTED";
  input: TRequestInput;
}

const none = { groups: [], capabilities: [], systemdSandboxing: [] };

export const DEMO_REQUESTS: DemoRequest[] = [
  {
    key: "dhcp",
    outcome: "APPROVED",
    input: {
      ...none,
      packageName: "dhcpcd",
      packageVersion: "1:10.0.6-1ubuntu3",
      series: ["noble", "resolute"],
      flavors: ["DESKTOP", "SERVER"],
      justification:
        "The DHCP client obtains an IPv4 address, routes and DNS servers from the local router without any manual configuration. Without it a default installation has no network at all on most networks.",
      sockets: [
        {
          protocol: "UDP",
          port: "68",
          ephemeral: false,
          bindAddress: "0.0.0.0%enp1s0",
          process: "dhcpcd",
          purpose: "DHCPv4 client: receives DHCPOFFER/DHCPACK replies from the router on each managed interface.",
        },
      ],
      adverts: [],
      exposedData: [
        { item: "MAC address of the network interface (DHCPDISCOVER chaddr)", level: "MACHINE", optIn: "" },
        { item: "Host name (DHCP option 12), when configured to send it", level: "MACHINE", optIn: "" },
      ],
      runAsUser: "dhcpcd",
      isSystemUser: true,
      capabilities: [],
      apparmorMode: "NONE",
      apparmorProfile: "",
      systemdSandboxing: [],
      confinementNotes:
        "Privilege separation: the processes that read packets from the network run as the unprivileged system user dhcpcd in a chroot; only the small privileged actioneer, which never parses network input, keeps root to configure interfaces.",
      complexity: "Single-purpose protocol implementation in C, about 40k lines; message parsing is confined to the unprivileged processes.",
      codeQuality: "Actively maintained; fuzzed through OSS-Fuzz; used by default in several distributions.",
      securityContact: "Upstream maintainer (Roy Marples) via the project's issue tracker; Ubuntu Security Team for the package.",
      cveHistory: "Few CVEs; fixes land upstream quickly and are backported through Ubuntu security notices.",
      qualityNotes: "",
      discoversServices: false,
      separatesLocalRemote: null,
      contactsOnlyOnRequest: null,
      discoveryOffSwitch: "",
    },
  },
  {
    key: "avahi",
    outcome: "APPROVED",
    input: {
      packageName: "avahi",
      packageVersion: "0.8-13ubuntu6",
      series: ["noble", "resolute"],
      flavors: ["DESKTOP"],
      justification:
        "avahi-daemon implements mDNS/DNS-SD (ZeroConf) so the desktop can find printers, scanners and shared folders on the local network and reach hosts by name.local with no manual configuration.",
      sockets: [
        {
          protocol: "UDP",
          port: "5353",
          ephemeral: false,
          bindAddress: "0.0.0.0",
          process: "avahi-daemon",
          purpose: "mDNS responder and browser (multicast 224.0.0.251) on all interfaces.",
        },
        {
          protocol: "UDP",
          port: "5353",
          ephemeral: false,
          bindAddress: "::",
          process: "avahi-daemon",
          purpose: "mDNS responder and browser over IPv6 (multicast ff02::fb) on all interfaces.",
        },
        {
          protocol: "UDP",
          port: "",
          ephemeral: true,
          bindAddress: "0.0.0.0",
          process: "avahi-daemon",
          purpose: "Ephemeral port for legacy unicast mDNS queries, chosen by the kernel at start.",
        },
      ],
      adverts: [
        {
          mechanism: "MDNS",
          serviceType: "<hostname>.local (A/AAAA)",
          reveals: "The host name and the machine's IPv4 and IPv6 addresses (publish-workstation and publish-hinfo are off by default).",
        },
      ],
      exposedData: [
        { item: "Local host name", level: "MACHINE", optIn: "" },
        { item: "IPv4 and IPv6 addresses of the interfaces", level: "MACHINE", optIn: "" },
        { item: "Availability of services the user explicitly shares (e.g. a printer shared in CUPS)", level: "MACHINE", optIn: "" },
      ],
      runAsUser: "avahi",
      isSystemUser: true,
      groups: ["avahi"],
      capabilities: [],
      apparmorMode: "ENFORCE",
      apparmorProfile: "usr.sbin.avahi-daemon",
      systemdSandboxing: [],
      confinementNotes: "Drops root after opening its sockets and chroots into /etc/avahi (enable-chroot=yes).",
      complexity: "Moderate: mDNS/DNS-SD responder, browser and D-Bus API in C.",
      codeQuality: "Mature code base; upstream maintenance slowed for some years, picked up again since 2023.",
      securityContact: "https://github.com/avahi/avahi/security and the Ubuntu Security Team.",
      cveHistory:
        "Several denial-of-service CVEs (e.g. CVE-2023-38469..38473, reachable assertions); fixed upstream and shipped in Ubuntu security updates (USN-6487-1).",
      qualityNotes: "",
      discoversServices: true,
      separatesLocalRemote: "YES",
      contactsOnlyOnRequest: "YES",
      discoveryOffSwitch:
        "Settings → Printers stops showing discovered printers when avahi is stopped; `sudo systemctl disable --now avahi-daemon.socket avahi-daemon.service` turns discovery off entirely.",
    },
  },
  {
    key: "openssh",
    outcome: "APPROVED",
    input: {
      packageName: "openssh",
      packageVersion: "1:9.6p1-3ubuntu13",
      series: ["noble", "resolute"],
      flavors: ["CLOUD"],
      justification:
        "Cloud images have no console for the user: SSH with the key injected by the cloud provider (cloud-init) is the only way to reach a new instance.",
      sockets: [
        {
          protocol: "TCP",
          port: "22",
          ephemeral: false,
          bindAddress: "0.0.0.0",
          process: "sshd (ssh.socket)",
          purpose: "Remote administration by the instance owner, with keys from the cloud provider's metadata.",
        },
        {
          protocol: "TCP",
          port: "22",
          ephemeral: false,
          bindAddress: "::",
          process: "sshd (ssh.socket)",
          purpose: "Remote administration over IPv6.",
        },
      ],
      adverts: [],
      exposedData: [
        { item: "SSH protocol banner with the OpenSSH and Ubuntu package version", level: "MACHINE", optIn: "" },
        { item: "Public host keys", level: "MACHINE", optIn: "" },
      ],
      runAsUser: "sshd",
      isSystemUser: true,
      groups: [],
      capabilities: [],
      apparmorMode: "NONE",
      apparmorProfile: "",
      systemdSandboxing: [],
      confinementNotes:
        "Privilege separation: pre-authentication network input is parsed by a child running as the sshd system user, chrooted to /run/sshd, under a seccomp sandbox. The listener that authenticates users keeps root by design.",
      complexity: "Large, but with a long record of privilege separation and sandboxing.",
      codeQuality: "OpenBSD coding practices; continuous fuzzing and regression tests upstream.",
      securityContact: "openssh@openssh.com; Ubuntu Security Team.",
      cveHistory: "CVE-2024-6387 (regreSSHion) fixed in 1:9.6p1-3ubuntu13.3 (USN-6859-1) on the day of disclosure.",
      qualityNotes: "",
      discoversServices: false,
      separatesLocalRemote: null,
      contactsOnlyOnRequest: null,
      discoveryOffSwitch: "",
    },
  },
  {
    key: "cups-browsed",
    outcome: "REJECTED",
    input: {
      packageName: "cups-browsed",
      packageVersion: "2.0.0-0ubuntu10",
      series: ["noble"],
      flavors: ["DESKTOP"],
      justification:
        "cups-browsed listens for CUPS printer announcements on UDP 631 and creates local queues for them, so legacy CUPS network printers appear without configuration.",
      sockets: [
        {
          protocol: "UDP",
          port: "631",
          ephemeral: false,
          bindAddress: "0.0.0.0",
          process: "cups-browsed",
          purpose: "Receives legacy CUPS browsing packets from any host.",
        },
      ],
      adverts: [],
      exposedData: [{ item: "List of the local print queues (when sharing is on)", level: "APPLICATION", optIn: "" }],
      runAsUser: "root",
      isSystemUser: true,
      groups: ["lp"],
      capabilities: [],
      apparmorMode: "COMPLAIN",
      apparmorProfile: "usr.sbin.cups-browsed",
      systemdSandboxing: [],
      confinementNotes: "",
      complexity: "Large C daemon that parses untrusted IPP attributes.",
      codeQuality: "",
      securityContact: "OpenPrinting on GitHub.",
      cveHistory: "CVE-2024-47176: accepts a packet from any host and fetches the announced IPP URL automatically.",
      qualityNotes: "",
      discoversServices: true,
      separatesLocalRemote: "NO",
      contactsOnlyOnRequest: "NO",
      discoveryOffSwitch: "",
      justifications: {
        "exposedData.list-of-the-local-print-queues-when-sharing-is-on.no-opt-in": "Queues are only announced when the user turns on printer sharing in the CUPS settings.",
        "discovery.separates-local-remote": "Discovered queues are named after the remote host, which users tell apart from local ones.",
        "discovery.contacts-only-on-request": "Remote printers must be polled to create queues automatically; this is the feature.",
        "discovery.off-switch": "Administrators can set BrowseRemoteProtocols none in /etc/cups/cups-browsed.conf.",
        "confinement.root-user": "Needs root to create print queues through the CUPS administrative interface.",
      },
    },
  },
  {
    key: "wsdd",
    outcome: "SUBMITTED",
    input: {
      packageName: "wsdd",
      packageVersion: "2:0.7.1-5",
      series: ["resolute"],
      flavors: ["DESKTOP"],
      justification:
        "wsdd makes the desktop visible to and able to discover Windows machines' shared folders (WS-Discovery), which Windows 10+ uses instead of NetBIOS browsing.",
      sockets: [
        {
          protocol: "UDP",
          port: "3702",
          ephemeral: false,
          bindAddress: "0.0.0.0",
          process: "wsdd",
          purpose: "WS-Discovery multicast (239.255.255.250) probes and announcements.",
        },
        {
          protocol: "TCP",
          port: "5357",
          ephemeral: false,
          bindAddress: "::",
          process: "wsdd",
          purpose: "HTTP endpoint answering metadata requests from Windows hosts.",
        },
      ],
      adverts: [
        {
          mechanism: "OTHER",
          serviceType: "WS-Discovery pub:Computer",
          reveals: "Host name and workgroup.",
        },
      ],
      exposedData: [
        { item: "Host name", level: "MACHINE", optIn: "" },
        { item: "Workgroup / domain name", level: "MACHINE", optIn: "" },
      ],
      runAsUser: "wsdd",
      isSystemUser: true,
      groups: [],
      capabilities: [],
      apparmorMode: "NONE",
      apparmorProfile: "",
      systemdSandboxing: ["DynamicUser=yes", "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes", "NoNewPrivileges=yes"],
      confinementNotes: "",
      complexity: "Small Python program (about 2k lines).",
      codeQuality: "Readable, typed Python; single upstream maintainer.",
      securityContact: "Upstream GitHub issue tracker (christgau/wsdd).",
      cveHistory: "No CVEs known.",
      qualityNotes: "",
      discoversServices: true,
      separatesLocalRemote: "YES",
      contactsOnlyOnRequest: "YES",
      discoveryOffSwitch: "Files → Other Locations lists Windows hosts only while wsdd runs; `systemctl disable --now wsdd` turns it off.",
    },
  },
];

export function demoRequest(key: DemoRequest["key"]): TRequestInput {
  const found = DEMO_REQUESTS.find((d) => d.key === key);
  if (!found) throw new Error(`no demo request ${key}`);
  return structuredClone(found.input);
}
