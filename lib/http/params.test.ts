import { describe, expect, it } from "vitest";
import { isRecordId, parseRequestNumber, safeCallbackPath } from "./params";

describe("parseRequestNumber", () => {
  it.each([
    ["12", 12],
    ["NOP-12", 12],
    ["nop-3", 3],
    ["2147483647", 2147483647],
  ])("%s → %s", (raw, n) => expect(parseRequestNumber(raw)).toBe(n));
  it.each(["0", "-1", "2147483648", "9007199254740991", "1e0", "1.0", "0x1", "", " 1", "12abc", "NOP-"])("refuses %j", (raw) =>
    expect(parseRequestNumber(raw)).toBeNull(),
  );
});

describe("safeCallbackPath", () => {
  it.each([
    ["/requests/3", "/requests/3"],
    ["/registry?q=avahi#top", "/registry?q=avahi#top"],
  ])("keeps %s", (raw, out) => expect(safeCallbackPath(raw)).toBe(out));
  it.each(["//evil.example", "/\\evil.example", "/\t/evil.example", "https://evil.example/", "javascript:alert(1)", "", "requests", "/%0a/evil", null, 42])(
    "sends %j home",
    (raw) => {
      const out = safeCallbackPath(raw);
      expect(out === "/" || (out.startsWith("/") && !out.startsWith("//"))).toBe(true);
      expect(new URL(out, "http://this.site").origin).toBe("http://this.site");
    },
  );
  it("backslash and tab tricks become /", () => {
    expect(safeCallbackPath("/\\evil.example")).toBe("/");
    expect(safeCallbackPath("/\t/evil.example")).toBe("/");
  });
});

describe("isRecordId", () => {
  it("accepts cuids only", () => {
    expect(isRecordId("cmiqa3zsv0004qx2p7c1s9v0b")).toBe(true);
    expect(isRecordId("abc\u0000")).toBe(false);
    expect(isRecordId("' OR 1=1 --")).toBe(false);
    expect(isRecordId(undefined)).toBe(false);
  });
});
