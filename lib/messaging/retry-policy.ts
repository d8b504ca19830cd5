/** Number of the attempt a delivery is: 1 at first, counted up by each retry. */
export const attemptHeader = "x-swiftcloud-attempt";
/** Error message of the previous attempt. */
export const lastErrorHeader = "x-swiftcloud-last-error";
/** Why a message was dead-lettered: the last error or the malformation. */
export const deadLetterReasonHeader = "x-swiftcloud-dead-letter-reason";
/** Attempts made before a message was dead-lettered. */
export const attemptsHeader = "x-swiftcloud-attempts";
export const deadLetteredAtHeader = "x-swiftcloud-dead-lettered-at";
/** Unique id of one copy the consumer published, to match a basic.return to it. */
export const copyIdHeader = "x-swiftcloud-copy-id";
export const originalRoutingKeyHeader = "x-swiftcloud-original-routing-key";

/**
 * Headers the broker adds when it dead-letters or redelivers a message.
 * They are dropped before a message is published again, so the broker
 * writes fresh ones instead of the copies growing with every retry.
 */
const brokerHeaders = [
  "x-death",
  "x-first-death-exchange",
  "x-first-death-queue",
  "x-first-death-reason",
  "x-last-death-exchange",
  "x-last-death-queue",
  "x-last-death-reason",
  "x-delivery-count",
];

/** Returns the attempt number in `headers`, or 1 when it is missing or invalid. */
export function attemptOf(headers: Record<string, unknown> | undefined): number {
  const value = Number(headers?.[attemptHeader]);
  return Number.isInteger(value) && value >= 1 ? value : 1;
}

/**
 * Returns the delay in milliseconds before the attempt after `failedAttempt`:
 * tier `failedAttempt - 1`, and the last tier for every attempt beyond the tiers.
 */
export function retryDelayFor(failedAttempt: number, delaysMs: readonly number[]): number {
  if (delaysMs.length === 0) throw new Error("retry delays must not be empty");
  const index = Math.min(Math.max(failedAttempt, 1), delaysMs.length) - 1;
  return delaysMs[index] ?? delaysMs[delaysMs.length - 1]!;
}

/** Returns a copy of `headers` without the headers the broker manages. */
export function withoutBrokerHeaders(
  headers: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const copy = { ...(headers ?? {}) };
  for (const name of brokerHeaders) delete copy[name];
  return copy;
}

/**
 * Returns headers for publishing a dead letter again as a first attempt:
 * without the broker's headers, the attempt counter and the dead-letter details.
 */
export function replayHeaders(
  headers: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const copy = withoutBrokerHeaders(headers);
  for (const name of [
    attemptHeader,
    lastErrorHeader,
    deadLetterReasonHeader,
    attemptsHeader,
    deadLetteredAtHeader,
    originalRoutingKeyHeader,
    copyIdHeader,
  ]) {
    delete copy[name];
  }
  return copy;
}

/** Validates a list of retry delays: positive whole milliseconds, each at least the one before. */
export function checkRetryDelays(delaysMs: readonly number[]): void {
  if (delaysMs.length === 0) throw new Error("retry delays must not be empty");
  delaysMs.forEach((delay, index) => {
    if (!Number.isInteger(delay) || delay < 1) {
      throw new Error(`invalid retry delay ${delay}: expected a whole number of ms >= 1`);
    }
    const previous = delaysMs[index - 1];
    if (previous !== undefined && delay < previous) {
      throw new Error(
        `invalid retry delays ${delaysMs.join(", ")}: expected each delay to be at least the one before`,
      );
    }
  });
}
