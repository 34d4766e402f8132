import { z } from "zod";

/** PostgreSQL text cannot hold NUL; refuse it as bad input rather than fail on storage. */
export const hasNoNul = (s: string) => !s.includes("\u0000");
export const NUL_MESSAGE = "Contains a NUL character, which cannot be stored.";

/** A comment, question, answer or reason: required, trimmed, bounded. */
export function ZText(what: string, min = 1, max = 5000) {
  return z
    .string({ error: `Enter ${what}.` })
    .trim()
    .min(min, { error: min > 1 ? `Enter ${what} (at least ${min} characters).` : `Enter ${what}.` })
    .max(max, { error: `At most ${max} characters.` })
    .refine(hasNoNul, { error: NUL_MESSAGE });
}
