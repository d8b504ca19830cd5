import type { PrismaClient } from "../db/client";
import { lockHeldAction, type ClaimedAction } from "./claimed-action";
import { markFailed } from "./fail-action";

/** Attempts a step gets, the first included, before its action fails for good. */
export const maxStepAttempts = 5;

/** Upper bound of one retry delay, so a long base cannot park an action for hours. */
export const maxRetryDelayMs = 5 * 60_000;

/**
 * Returns the delay before the next attempt after `failedAttempts` failures
 * of a step: `baseMs` doubled per failure, capped at `maxRetryDelayMs`, then
 * randomly shortened by up to half, so that resources failing together do
 * not all retry in the same instant.
 */
export function retryDelayMs(
  failedAttempts: number,
  baseMs: number,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(maxRetryDelayMs, baseMs * 2 ** Math.max(0, failedAttempts - 1));
  return Math.round(exponential * (0.5 + random() * 0.5));
}

export type RetryResult =
  | { result: "retry_scheduled"; attempts: number; nextRunAt: Date; delayMs: number }
  | { result: "failed"; attempts: number; reason: string }
  | { result: "lease_lost" };

/**
 * Commits a transient failure of the current step. The step runs again after
 * a backoff, or, once it has failed `maxStepAttempts` times, the action
 * fails permanently with the last reason.
 */
export async function retryOrFailStep(
  db: PrismaClient,
  claimed: ClaimedAction,
  reason: string,
  options: { retryBaseMs: number; now: Date },
): Promise<RetryResult> {
  const attempts = claimed.action.attempts + 1;
  return db.$transaction(async (tx): Promise<RetryResult> => {
    if (!(await lockHeldAction(tx, claimed))) return { result: "lease_lost" };

    if (attempts >= maxStepAttempts) {
      const finalReason = `${reason} (gave up after ${attempts} attempts)`;
      await tx.provisioningAction.update({ where: { id: claimed.action.id }, data: { attempts } });
      await markFailed(tx, claimed, finalReason, options.now);
      return { result: "failed", attempts, reason: finalReason };
    }

    const delayMs = retryDelayMs(attempts, options.retryBaseMs);
    const nextRunAt = new Date(options.now.getTime() + delayMs);
    await tx.provisioningAction.update({
      where: { id: claimed.action.id },
      data: { attempts, error: reason, nextRunAt, leaseUntil: null },
    });
    return { result: "retry_scheduled", attempts, nextRunAt, delayMs };
  });
}
