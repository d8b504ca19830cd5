import { describe, expect, it } from "vitest";
import {
  attemptOf,
  checkRetryDelays,
  replayHeaders,
  retryDelayFor,
} from "../../../lib/messaging/retry-policy";
import { defaultRetryDelaysMs } from "../../../lib/messaging/topology";

describe("retryDelayFor", () => {
  it.each([
    [1, 1_000],
    [2, 5_000],
    [3, 30_000],
    [4, 30_000],
    [10, 30_000],
  ])("after failed attempt %i waits %i ms", (failedAttempt, delayMs) => {
    expect(retryDelayFor(failedAttempt, defaultRetryDelaysMs)).toBe(delayMs);
  });

  it("uses the first tier for an attempt below 1", () => {
    expect(retryDelayFor(0, [200, 800])).toBe(200);
  });

  it("uses the only tier for every attempt", () => {
    expect(retryDelayFor(1, [500])).toBe(500);
    expect(retryDelayFor(4, [500])).toBe(500);
  });

  it("rejects an empty tier list", () => {
    expect(() => retryDelayFor(1, [])).toThrow("retry delays must not be empty");
  });
});

describe("checkRetryDelays", () => {
  it("accepts growing whole delays", () => {
    expect(() => checkRetryDelays([100, 100, 2_000])).not.toThrow();
  });

  it.each([
    { delays: [], error: "must not be empty" },
    { delays: [0], error: "invalid retry delay 0" },
    { delays: [1.5], error: "invalid retry delay 1.5" },
    { delays: [5_000, 1_000], error: "expected each delay to be at least the one before" },
  ])("rejects $delays", ({ delays, error }) => {
    expect(() => checkRetryDelays(delays)).toThrow(error);
  });
});

describe("attemptOf", () => {
  it.each([
    [undefined, 1],
    [{}, 1],
    [{ "x-swiftcloud-attempt": 3 }, 3],
    [{ "x-swiftcloud-attempt": "2" }, 2],
    [{ "x-swiftcloud-attempt": 0 }, 1],
    [{ "x-swiftcloud-attempt": "many" }, 1],
  ])("reads %o as attempt %i", (headers, attempt) => {
    expect(attemptOf(headers)).toBe(attempt);
  });
});

describe("replayHeaders", () => {
  it("keeps the event headers and drops retry and broker headers", () => {
    const headers = replayHeaders({
      "ce-id": "event-1",
      "ce-type": "swiftcloud.order.submitted",
      "x-swiftcloud-attempt": 5,
      "x-swiftcloud-attempts": 5,
      "x-swiftcloud-last-error": "timeout",
      "x-swiftcloud-dead-letter-reason": "timeout",
      "x-swiftcloud-dead-lettered-at": "2026-01-01T00:00:00.000Z",
      "x-swiftcloud-original-routing-key": "swiftcloud.order.submitted",
      "x-swiftcloud-copy-id": "copy-1",
      "x-death": [],
      "x-delivery-count": 2,
    });
    expect(headers).toEqual({ "ce-id": "event-1", "ce-type": "swiftcloud.order.submitted" });
  });
});
