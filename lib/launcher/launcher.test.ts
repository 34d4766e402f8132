// The launchers are plain Node run before anything is installed: check they parse,
// and the parts that decide things on their own.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const DIR = join(__dirname);

describe("launcher scripts", () => {
  it.each(["common.mjs", "start.mjs", "test.mjs", "embedded-db.mjs"])("%s parses", (f) => {
    expect(() => execFileSync(process.execPath, ["--check", join(DIR, f)])).not.toThrow();
  });

  it("isLoopback and the generated AUTH_SECRET", async () => {
    const { isLoopback, authSecret } = await import("./common.mjs");
    expect(["127.0.0.1", "127.1.2.3", "::1", "localhost"].map(isLoopback)).toEqual([true, true, true, true]);
    expect(["0.0.0.0", "::", "192.0.2.1"].map(isLoopback)).toEqual([false, false, false]);
    const dir = mkdtempSync(join(tmpdir(), "nop-secret-"));
    const saved = process.env.AUTH_SECRET;
    delete process.env.AUTH_SECRET;
    try {
      const first = authSecret(dir);
      expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(authSecret(dir)).toBe(first); // generated once, then kept
      writeFileSync(join(dir, "auth-secret"), "kept\n");
      expect(authSecret(dir)).toBe("kept");
    } finally {
      if (saved !== undefined) process.env.AUTH_SECRET = saved;
    }
  });
});
