// Settings read from the environment, validated once.
import { z } from "zod";

const ZEnv = z.object({
  /** Approve votes the Board needs; unset means a majority of all Board members. */
  BOARD_APPROVAL_THRESHOLD: z.coerce
    .number()
    .int({ error: "BOARD_APPROVAL_THRESHOLD must be a whole number" })
    .min(1, { error: "BOARD_APPROVAL_THRESHOLD must be at least 1" })
    .optional(),
});

export const env = ZEnv.parse({
  BOARD_APPROVAL_THRESHOLD: process.env.BOARD_APPROVAL_THRESHOLD || undefined,
});
