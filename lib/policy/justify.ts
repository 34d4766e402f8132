// Blocking findings may be overridden only with a written justification per
// finding, which reviewers read next to it.
import type { Finding } from "./checks";

export type Justifications = Readonly<Record<string, string>>;

/** The blocking findings that still lack a justification, as field errors keyed "justifications.<id>". */
export function unjustifiedBlocking(findings: readonly Finding[], justifications: Justifications | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of findings) {
    if (f.severity !== "blocking") continue;
    // Invisible characters (zero-width spaces, …) do not explain anything.
    const text = (justifications?.[f.id] ?? "").replace(/\p{Cf}/gu, "").trim();
    if (text.length < 20 || !/\p{L}{3}/u.test(text)) {
      out[`justifications.${f.id}`] = [
        text ? "Explain in a sentence or two (at least 20 characters) why this finding should not block the exception." : `Blocking: ${f.message} Justify it, or change the request.`,
      ];
    }
  }
  return out;
}

/** Only the justifications of findings that are still there (stale ones are dropped on save). */
export function currentJustifications(findings: readonly Finding[], justifications: Justifications | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of findings) {
    const text = justifications?.[f.id]?.trim();
    if (f.severity === "blocking" && text) out[f.id] = text;
  }
  return out;
}
