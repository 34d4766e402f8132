import { z } from "zod";

/** A comment, question, answer or reason: required, trimmed, bounded. */
export function ZText(what: string, min = 1, max = 5000) {
  return z
    .string({ error: `Enter ${what}.` })
    .trim()
    .min(min, { error: min > 1 ? `Enter ${what} (at least ${min} characters).` : `Enter ${what}.` })
    .max(max, { error: `At most ${max} characters.` });
}
