// Parsing of untrusted URL and form values shared by pages, actions and routes.

/** A request number from a URL ("12" or "NOP-12"): a positive 32-bit integer, else null. */
export function parseRequestNumber(raw: string | undefined | null): number | null {
  const m = /^(?:NOP-)?(\d{1,10})$/i.exec(raw ?? "");
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= 2_147_483_647 ? n : null;
}

/**
 * Where to go after signing in: a path on this site only. Anything that a
 * browser could read as another origin (//host, /\host, control characters,
 * absolute URLs) becomes "/".
 */
export function safeCallbackPath(raw: unknown): string {
  if (typeof raw !== "string" || !raw.startsWith("/") || /[\\\u0000-\u001f\u007f]/.test(raw)) return "/";
  try {
    const base = "http://this.site";
    const u = new URL(raw, base);
    return u.origin === base ? `${u.pathname}${u.search}${u.hash}` : "/";
  } catch {
    return "/";
  }
}

/** Record ids are cuids; anything else cannot name a row (and must never reach SQL as garbage). */
export function isRecordId(raw: unknown): raw is string {
  return typeof raw === "string" && /^[a-z0-9]{20,40}$/.test(raw);
}
