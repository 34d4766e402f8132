// Which listeners of a machine are covered by an approved exception. Pure.
// A listener is approved when an exception for the chosen series and flavor has
// a socket with the same protocol and port (an ephemeral socket: any port) and
// the same process. `ss` cuts process names to 15 characters and shows
// socket-activated listeners as owned by systemd too, so names are compared by
// prefix, and any of the owning processes may match.
import type { SsSocket } from "../ss";

export interface ApprovedSocket {
  number: number;
  packageName: string;
  protocol: string; // "TCP" | "UDP" | "SCTP"
  port: number | null; // null: ephemeral
  process: string; // as the request states it, e.g. "sshd (ssh.socket)"
}

export type Verdict = "approved" | "not-approved" | "loopback";

export interface ListenerResult {
  socket: SsSocket;
  verdict: Verdict;
  exception?: { number: number; packageName: string };
  reason: string;
}

/** The process names a stated process stands for: "sshd (ssh.socket)" → ["sshd", "ssh.socket", "ssh"]. */
export function processNames(stated: string): string[] {
  return stated
    .toLowerCase()
    .split(/[\s,()]+/)
    .filter(Boolean)
    .flatMap((n) => [n, n.replace(/\.(service|socket)$/, "")]);
}

function sameProcess(ssName: string, stated: string): boolean {
  const seen = ssName.toLowerCase().trim();
  return processNames(stated).some((n) => n === seen || (seen.length >= 15 && n.startsWith(seen)) || seen.startsWith(n + ":"));
}

export function matchListeners(sockets: readonly SsSocket[], approved: readonly ApprovedSocket[]): ListenerResult[] {
  return sockets.map((socket) => {
    if (socket.loopback) return { socket, verdict: "loopback", reason: "Loopback only: not an open port, no exception needed." };
    const proto = socket.protocol.toUpperCase();
    const samePort = approved.filter((a) => a.protocol === proto && a.port === socket.port);
    const ephemeral = approved.filter((a) => a.protocol === proto && a.port === null);
    const candidates = [...samePort, ...ephemeral];
    if (socket.processes.length === 0) {
      const hit = samePort[0];
      return hit
        ? { socket, verdict: "approved", exception: hit, reason: `Port approved for ${hit.process} (ss was run without -p: the process was not checked).` }
        : { socket, verdict: "not-approved", reason: `No approved exception for ${socket.protocol}/${socket.port} in this series and flavor.` };
    }
    const hit = candidates.find((a) => socket.processes.some((p) => sameProcess(p, a.process)));
    if (hit) {
      return { socket, verdict: "approved", exception: hit, reason: hit.port === null ? `Ephemeral port of ${hit.process}.` : `Approved for ${hit.process}.` };
    }
    if (samePort.length) {
      return {
        socket,
        verdict: "not-approved",
        reason: `${socket.protocol}/${socket.port} is approved for ${samePort.map((a) => a.process).join(", ")}, but here it is owned by ${socket.processes.join(", ")}.`,
      };
    }
    return { socket, verdict: "not-approved", reason: `No approved exception for ${socket.protocol}/${socket.port} (${socket.processes.join(", ")}) in this series and flavor.` };
  });
}
