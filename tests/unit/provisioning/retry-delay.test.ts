import { describe, expect, it } from "vitest";
import { maxRetryDelayMs, retryDelayMs } from "../../../lib/provisioning/retry-step";

describe("retryDelayMs", () => {
  it.each([
    [1, 1_000, 2_000],
    [2, 2_000, 4_000],
    [3, 4_000, 8_000],
    [4, 8_000, 16_000],
  ])("after %i failures waits %i to %i ms", (failures, min, max) => {
    expect(retryDelayMs(failures, 2_000, () => 0)).toBe(min);
    expect(retryDelayMs(failures, 2_000, () => 0.999_999)).toBeLessThanOrEqual(max);
    expect(retryDelayMs(failures, 2_000, () => 0.999_999)).toBeGreaterThan(max - 1);
  });

  it("caps the delay", () => {
    expect(retryDelayMs(30, 2_000, () => 0.999_999)).toBeLessThanOrEqual(maxRetryDelayMs);
  });
});
