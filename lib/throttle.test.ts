import { describe, expect, it } from "vitest";
import { FailureThrottle } from "./throttle";

describe("FailureThrottle", () => {
  it("refuses after the limit within the window, and allows again once it has passed", () => {
    let now = 1_000_000;
    const t = new FailureThrottle(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(t.retryAfter("a@x")).toBe(0);
      t.fail("a@x");
      now += 1_000;
    }
    expect(t.retryAfter("a@x")).toBe(57_000); // the first failure leaves the window then
    expect(t.retryAfter("b@x")).toBe(0); // other keys are not affected
    now += 57_000;
    expect(t.retryAfter("a@x")).toBe(0);
  });

  it("a success resets the count", () => {
    const t = new FailureThrottle(2, 60_000, () => 0);
    t.fail("k");
    t.reset("k");
    t.fail("k");
    expect(t.retryAfter("k")).toBe(0);
  });
});
